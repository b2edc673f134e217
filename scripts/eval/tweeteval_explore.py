"""Model selection for TweetEval stance by repeated cross-validation on train+val only.

Reads svmlight exports of turfwatch's own features (`turfwatch features --weighting counts
--no-l2`, written by scripts/eval/tweeteval_explore.sh) and, for each configuration, computes
out-of-fold scores per target under R repeats of stratified 5-fold CV. Reported per
configuration, averaged over repeats:
  - pooled / mean-over-targets F_avg of the arg-max decision;
  - the same with per-class score offsets *cross-fitted*: the offsets for fold k are tuned (as
    `turfwatch train --tune-offsets` does: coordinate ascent, 0.1 grid in [-2, 2], AGAINST fixed)
    on the out-of-fold scores of the other folds only, so the figure is not optimistic.
The test split is never read here.
Models (scikit-learn): `lr` one-vs-rest LogisticRegression (liblinear; scikit-learn's lbfgs
took 30 s a fit at C 10 on 2^18 columns), `svm` LinearSVC (squared hinge), `nb` MultinomialNB,
`nblr`/`nbsvm` Wang & Manning's NB-scaled LR/SVM. A configuration is a list of members
`(view, l2, model, weight, standardise)` whose scores are added, each divided by the spread of
its row-centred training scores when `standardise` is true.
usage: python3 tweeteval_explore.py FEATDIR REPEATS 'FEATS|[members]' ...   (see tweeteval_explore.sh)
"""
import sys
import warnings

import numpy as np
import scipy.sparse as sp
from sklearn.datasets import load_svmlight_file
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold
from sklearn.multiclass import OneVsRestClassifier
from sklearn.naive_bayes import MultinomialNB
from sklearn.svm import LinearSVC

warnings.filterwarnings("ignore")
TARGETS = ["abortion", "atheism", "climate", "feminist", "hillary"]
AGAINST, FAVOR, NONE = 0, 1, 2


def f_avg_counts(gold, pred):
    s = 0.0
    for k in (AGAINST, FAVOR):
        tp = np.sum((gold == k) & (pred == k)); npred = np.sum(pred == k); ngold = np.sum(gold == k)
        p = tp / npred if npred else 0.0; r = tp / ngold if ngold else 0.0
        s += 2 * p * r / (p + r) if p + r else 0.0
    return 50 * s


def tune_offsets(scores, gold):
    off = np.zeros(3)
    best = f_avg_counts(gold, np.argmax(scores + off, 1))
    for _ in range(3):
        for k in (1, 2):
            for step in range(-20, 21):
                cand = off.copy(); cand[k] = step / 10
                v = f_avg_counts(gold, np.argmax(scores + cand, 1))
                if v > best + 1e-12:
                    best, off = v, cand
    return off


def transform(X, kind, l2):
    X = X.copy().tocsr()
    if kind == "binary":
        X.data = np.ones_like(X.data)
    elif kind == "logtf":
        X.data = 1 + np.log(X.data)
    if l2:
        norms = np.sqrt(np.asarray(X.multiply(X).sum(1)).ravel()); norms[norms == 0] = 1
        X = sp.diags(1 / norms) @ X
    return X.tocsr()


def nb_ratio(X, yb, alpha):
    p = alpha + np.asarray(X[yb].sum(0)).ravel(); q = alpha + np.asarray(X[~yb].sum(0)).ravel()
    return np.log(p / p.sum()) - np.log(q / q.sum())


def make(spec):
    algo = spec["algo"]
    def fit_scores(Xtr, ytr, Xte):
        C = spec.get("C", 1.0); cw = "balanced" if spec.get("balanced") else None
        if algo == "lr":
            m = OneVsRestClassifier(LogisticRegression(C=C, class_weight=cw, solver="liblinear", dual=True, max_iter=5000)).fit(Xtr, ytr)
            return m.decision_function(Xte), m.decision_function(Xtr)
        if algo == "svm":
            m = LinearSVC(C=C, class_weight=cw, loss=spec.get("loss", "squared_hinge"), max_iter=20000).fit(Xtr, ytr)
            return m.decision_function(Xte), m.decision_function(Xtr)
        if algo == "nb":
            m = MultinomialNB(alpha=spec.get("alpha", 0.1)).fit(Xtr, ytr)
            return m.predict_joint_log_proba(Xte), m.predict_joint_log_proba(Xtr)
        if algo in ("nblr", "nbsvm"):
            out_te = np.zeros((Xte.shape[0], 3)); out_tr = np.zeros((Xtr.shape[0], 3))
            for k in range(3):
                yb = ytr == k
                r = nb_ratio(Xtr, yb, spec.get("alpha", 1.0))
                Ztr = Xtr @ sp.diags(r); Zte = Xte @ sp.diags(r)
                if algo == "nblr":
                    m = LogisticRegression(C=C, class_weight=cw, solver="liblinear", dual=True, max_iter=5000).fit(Ztr, yb)
                else:
                    m = LinearSVC(C=C, class_weight=cw, max_iter=20000).fit(Ztr, yb)
                out_te[:, k] = m.decision_function(Zte); out_tr[:, k] = m.decision_function(Ztr)
            return out_te, out_tr
        raise ValueError(algo)
    return fit_scores


def load(featdir, name):
    if "+" in name:
        parts = [load(featdir, part) for part in name.split("+")]
        return {t: (sp.hstack([p[t][0] for p in parts]).tocsr(), parts[0][t][1]) for t in TARGETS}
    data = {}
    for t in TARGETS:
        X, y = load_svmlight_file(f"{featdir}/{name}-{t}-trval.svm", n_features=1 << 20 if "20" in name else 1 << 18)
        data[t] = (X.tocsr(), y.astype(int))
    return data


def oof(data, members, repeats, folds=5):
    """Out-of-fold summed scores per repeat and target: {target: (scores, gold, fold of each row)}."""
    results = []
    for rep in range(repeats):
        per = {}
        for t in TARGETS:
            X0, y = data[t]
            skf = StratifiedKFold(folds, shuffle=True, random_state=rep)
            S = np.zeros((len(y), 3)); fold_of = np.zeros(len(y), int)
            for f, (tr, te) in enumerate(skf.split(X0, y)):
                fold_of[te] = f
                for (kind, l2, spec, w, norm) in members:
                    X = transform(X0, kind, l2)
                    s_te, s_tr = make(spec)(X[tr], y[tr], X[te])
                    if norm:  # scale-free combination: divide by the spread of the row-centred training scores
                        s_te = s_te / (np.std(s_tr - s_tr.mean(1, keepdims=True)) + 1e-12)
                    S[te] += w * s_te
            per[t] = (S, y, fold_of)
        results.append(per)
    return results


def summarise(results):
    rows = []
    for per in results:
        gold_all, am_all, off_all, am_t, off_t = [], [], [], [], []
        for t in TARGETS:
            S, y, fold_of = per[t]
            am = np.argmax(S, 1)
            cf = np.zeros(len(y), int)
            for f in np.unique(fold_of):
                o = tune_offsets(S[fold_of != f], y[fold_of != f])
                cf[fold_of == f] = np.argmax(S[fold_of == f] + o, 1)
            gold_all.append(y); am_all.append(am); off_all.append(cf)
            am_t.append(f_avg_counts(y, am)); off_t.append(f_avg_counts(y, cf))
        g = np.concatenate(gold_all)
        rows.append([f_avg_counts(g, np.concatenate(am_all)), np.mean(am_t),
                     f_avg_counts(g, np.concatenate(off_all)), np.mean(off_t)] + off_t)
    return np.array(rows)


if __name__ == "__main__":
    import ast
    featdir, repeats = sys.argv[1], int(sys.argv[2])
    cache = {}
    for arg in sys.argv[3:]:
        # arg: "featname|[(kind, l2, spec, weight, norm), ...]"
        name, members = arg.split("|", 1)
        members = ast.literal_eval(members)
        if name not in cache:
            cache[name] = load(featdir, name)
        r = summarise(oof(cache[name], members, repeats))
        m, sd = r.mean(0), r.std(0)
        print(f"argmax {m[0]:.2f}/{m[1]:.2f}  xfit-offsets {m[2]:.2f}±{sd[2]:.2f}/{m[3]:.2f}  "
              f"per-target(off) {' '.join(f'{x:.1f}' for x in m[4:])} | {arg}", flush=True)
