"""Pools `turfwatch evaluate --predictions` files of the five TweetEval stance targets and prints
the official F_avg over all test tweets, plus the mean of the per-target F_avg."""
import json
import sys


def f1(gold, predicted, label):
    tp = sum(1 for g, p in zip(gold, predicted) if g == label and p == label)
    npred = sum(1 for p in predicted if p == label)
    ngold = sum(1 for g in gold if g == label)
    precision = tp / npred if npred else 0.0
    recall = tp / ngold if ngold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def favg(gold, predicted):
    return 100 * (f1(gold, predicted, "FAVOR") + f1(gold, predicted, "AGAINST")) / 2


all_gold, all_pred, per_target = [], [], []
for path in sys.argv[1:]:
    gold, pred = [], []
    for line in open(path, encoding="utf-8"):
        row = json.loads(line)
        gold.append(row["gold"][0])
        pred.append(row["labels"][0])
    per_target.append(favg(gold, pred))
    all_gold += gold
    all_pred += pred
print(f"pooled F_avg {favg(all_gold, all_pred):.2f} over {len(all_gold)} tweets; "
      f"mean over targets {sum(per_target) / len(per_target):.2f} "
      f"({' '.join(f'{x:.2f}' for x in per_target)})")
