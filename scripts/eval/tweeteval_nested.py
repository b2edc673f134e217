"""Per-target versus shared settings for the TweetEval ensemble, by nested cross-validation on
train+val only: for each outer fold, the inner 5-fold CV of the outer training part picks C (per
target) by its own F_avg; the outer fold is then scored with that choice. Compared, on the same
outer folds, with one shared C. Arg-max decisions (no offsets), so no figure is optimistic.
usage: python3 tweeteval_nested.py FEATDIR REPEATS   (FEATDIR from tweeteval_explore.sh's FEATS)
"""
import sys

import numpy as np
from sklearn.model_selection import StratifiedKFold

from tweeteval_explore import TARGETS, f_avg_counts, load, make, transform

GRID = [1.0, 3.0, 10.0, 30.0]
SHARED = 3.0


def ens_scores(Xb, Xc, y, train, test, c):
    total = 0
    for X, spec in ((Xb, {"algo": "lr", "C": c, "balanced": True}), (Xc, {"algo": "nb", "alpha": 0.1})):
        s_te, s_tr = make(spec)(X[train], y[train], X[test])
        total = total + s_te / (np.std(s_tr - s_tr.mean(1, keepdims=True)) + 1e-12)
    return total


def main():
    data = load(sys.argv[1], "wc18")
    for rep in range(int(sys.argv[2])):
        gold, nested, shared, per_nested, per_shared, chosen = [], [], [], [], [], {}
        for t in TARGETS:
            X0, y = data[t]
            Xb, Xc = transform(X0, "binary", True), transform(X0, "counts", False)
            pred_n, pred_s = np.zeros(len(y), int), np.zeros(len(y), int)
            chosen[t] = []
            for train, test in StratifiedKFold(5, shuffle=True, random_state=100 + rep).split(X0, y):
                inner = {}
                for c in GRID:
                    p = np.zeros(len(train), int)
                    for itr, ite in StratifiedKFold(5, shuffle=True, random_state=rep).split(train, y[train]):
                        p[ite] = np.argmax(ens_scores(Xb, Xc, y, train[itr], train[ite], c), 1)
                    inner[c] = f_avg_counts(y[train], p)
                best = max(GRID, key=lambda c: inner[c])
                chosen[t].append(best)
                pred_n[test] = np.argmax(ens_scores(Xb, Xc, y, train, test, best), 1)
                pred_s[test] = np.argmax(ens_scores(Xb, Xc, y, train, test, SHARED), 1)
            gold.append(y); nested.append(pred_n); shared.append(pred_s)
            per_nested.append(f_avg_counts(y, pred_n)); per_shared.append(f_avg_counts(y, pred_s))
        g = np.concatenate(gold)
        print(f"repeat {rep}: per-target C {f_avg_counts(g, np.concatenate(nested)):.2f} / {np.mean(per_nested):.2f}; "
              f"shared C {SHARED:g} {f_avg_counts(g, np.concatenate(shared)):.2f} / {np.mean(per_shared):.2f}; "
              f"chosen {chosen}", flush=True)


if __name__ == "__main__":
    main()
