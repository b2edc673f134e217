#!/usr/bin/env python3
"""Detection quality of a coordination scorer against `turfwatch simulate` ground truth.

Reads truth.csv (account_id, handle, role, kind, campaign, ...) and a scorer's accounts.csv
(account_id, score from 0 to 1, optionally rank; other columns ignored) and prints:

- AUC-PR: average precision with campaign accounts as positives (tie-aware, as scikit-learn's
  average_precision_score computes it); accounts the scorer left out score 0;
- precision and recall at k, k = the number of planted campaign accounts;
- how many organic accounts of each kind (the hard negatives) rank in the top k;
- recall at k per campaign style.

Usage: coordination_quality.py TRUTH.csv ACCOUNTS.csv [--label NAME] [--json OUT.json]
Standard library only, so it runs on a fresh machine.
"""
import argparse
import csv
import json
import sys
from collections import Counter, defaultdict


def read_truth(path):
    truth = {}
    with open(path, newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            truth[row["account_id"]] = row
    if not truth:
        sys.exit(f"{path}: no accounts")
    return truth


def read_scores(path):
    """account_id -> (score, rank or None)."""
    scores = {}
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        for field in ("account_id", "score"):
            if field not in (reader.fieldnames or []):
                sys.exit(f"{path}:1: missing column {field}")
        for line, row in enumerate(reader, start=2):
            try:
                score = float(row["score"])
            except ValueError:
                sys.exit(f"{path}:{line}: score is not a number: {row['score']!r}")
            rank = row.get("rank")
            scores[row["account_id"]] = (score, int(rank) if rank not in (None, "") else None)
    return scores


def average_precision(labels_by_score):
    """labels_by_score: list of (score, is_positive). Tie-aware step-wise AP."""
    positives = sum(1 for _, positive in labels_by_score if positive)
    if positives == 0:
        return float("nan")
    ordered = sorted(labels_by_score, key=lambda item: -item[0])
    ap = 0.0
    true_positives = 0
    seen = 0
    previous_recall = 0.0
    index = 0
    while index < len(ordered):
        score = ordered[index][0]
        while index < len(ordered) and ordered[index][0] == score:
            seen += 1
            true_positives += ordered[index][1]
            index += 1
        recall = true_positives / positives
        precision = true_positives / seen
        ap += (recall - previous_recall) * precision
        previous_recall = recall
    return ap


def evaluate(truth, scores):
    rows = []
    for account_id, row in truth.items():
        score, rank = scores.get(account_id, (0.0, None))
        rows.append((score, rank, account_id, row["role"] == "campaign", row["kind"]))
    missing_scored = sum(1 for account_id in scores if account_id not in truth)
    k = sum(1 for row in rows if row[3])
    ap = average_precision([(row[0], row[3]) for row in rows])
    # Top k: by score, then by the scorer's rank when given; unranked accounts go last.
    big = len(rows) + 1
    ordered = sorted(rows, key=lambda row: (-row[0], row[1] if row[1] is not None else big, row[2]))
    top = ordered[:k]
    hits = sum(1 for row in top if row[3])
    organic_in_top = Counter(row[4] for row in top if not row[3])
    style_total = Counter(row[4] for row in rows if row[3])
    style_found = Counter(row[4] for row in top if row[3])
    kind_total = Counter(row[4] for row in rows if not row[3])
    return {
        "accounts": len(rows),
        "campaign_accounts": k,
        "scored_accounts": len(scores),
        "scored_but_not_in_truth": missing_scored,
        "auc_pr": ap,
        "k": k,
        "precision_at_k": hits / k if k else float("nan"),
        "recall_at_k": hits / k if k else float("nan"),
        "organic_in_top_k": {kind: organic_in_top.get(kind, 0) for kind in sorted(kind_total)},
        "organic_totals": dict(sorted(kind_total.items())),
        "recall_at_k_by_style": {style: style_found.get(style, 0) / total for style, total in sorted(style_total.items())},
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("truth")
    parser.add_argument("accounts")
    parser.add_argument("--label", default="turfwatch")
    parser.add_argument("--json", help="also write the figures as JSON here")
    args = parser.parse_args()
    result = evaluate(read_truth(args.truth), read_scores(args.accounts))
    result["label"] = args.label
    print(f"{args.label}: {result['accounts']} accounts, {result['campaign_accounts']} planted, "
          f"{result['scored_accounts']} scored")
    print(f"  AUC-PR (average precision)  {result['auc_pr']:.4f}")
    print(f"  precision@k = recall@k      {result['precision_at_k']:.4f}   (k = {result['k']})")
    by_style = ", ".join(f"{style} {value:.3f}" for style, value in result["recall_at_k_by_style"].items())
    print(f"  recall@k by style           {by_style}")
    print("  organic accounts in top k by kind (of total):")
    for kind, count in result["organic_in_top_k"].items():
        print(f"    {kind:<16} {count:>6}  of {result['organic_totals'][kind]}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as handle:
            json.dump(result, handle, indent=2, sort_keys=True)
            handle.write("\n")


if __name__ == "__main__":
    main()
