"""Compares turfwatch models with scikit-learn fits on turfwatch's exported features.
usage: compare.py WORKDIR NB_ALPHA LR_C   (files as written by sklearn_parity.sh)"""
import json
import math
import sys

import numpy as np
from safetensors import safe_open
from scipy.special import logsumexp
from sklearn.datasets import load_svmlight_file
from sklearn.linear_model import LogisticRegression
from sklearn.naive_bayes import ComplementNB, MultinomialNB

work, alpha, C = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
failures = []


def check(ok, message):
    print(("PASS " if ok else "FAIL ") + message)
    if not ok:
        failures.append(message)


def load(algo):
    with safe_open(f"{work}/{algo}.safetensors", framework="numpy") as f:
        meta = f.metadata()
        weights = f.get_tensor("weights")  # [dimension, labels], feature-major
        bias = f.get_tensor("bias")
    labels = json.loads(meta["labels"])
    dim = weights.shape[0]
    xtr, ytr = load_svmlight_file(f"{work}/{algo}-train.svm", n_features=dim, zero_based=True)
    xte, yte = load_svmlight_file(f"{work}/{algo}-test.svm", n_features=dim, zero_based=True)
    predicted = []
    logprob = []
    for line in open(f"{work}/{algo}.pred", encoding="utf-8"):
        row = json.loads(line)
        predicted.append(labels.index(row["labels"][0]))
        logprob.append([math.log(row["probabilities"][name]) if row["probabilities"][name] > 1e-300 else -np.inf
                        for name in labels])
    return meta, weights.T, bias, labels, xtr, ytr.astype(int), xte, yte.astype(int), np.array(predicted), np.array(logprob)


def close_relative(a, b, rtol):
    """max |a-b| / max(1, |b|) over finite entries."""
    mask = np.isfinite(a) & np.isfinite(b)
    return float(np.max(np.abs(a[mask] - b[mask]) / np.maximum(1.0, np.abs(b[mask]))))


for algo, model in (("nb", MultinomialNB(alpha=alpha)), ("cnb", ComplementNB(alpha=alpha))):
    meta, W, b, labels, xtr, ytr, xte, yte, turf_pred, turf_logprob = load(algo)
    check(meta["format"] == "turfwatch-stance-model" and meta["algorithm"] == algo,
          f"{algo}: safetensors opens the model ({W.shape[1]} x {W.shape[0]} weights, labels {labels})")
    model.fit(xtr, ytr)
    rel = float(np.max(np.abs(W - model.feature_log_prob_) / np.abs(model.feature_log_prob_)))
    check(rel <= 1e-6, f"{algo}: feature log-probabilities within 1e-6 relative (max {rel:.2e})")
    if algo == "nb":
        rel = float(np.max(np.abs(b - model.class_log_prior_) / np.abs(model.class_log_prior_)))
        check(rel <= 1e-6, f"{algo}: class log-priors within 1e-6 relative (max {rel:.2e})")
    sk_logprob = model.predict_log_proba(xte)
    ours = (xte @ W.T + b)
    ours = ours - logsumexp(ours, axis=1, keepdims=True)
    rel = close_relative(ours, sk_logprob, 1e-6)
    check(rel <= 1e-6, f"{algo}: test log-probabilities from the file within 1e-6 (max {rel:.2e})")
    rel = close_relative(turf_logprob, sk_logprob, 1e-6)
    check(rel <= 1e-6, f"{algo}: log of turfwatch evaluate's probabilities within 1e-6 (max {rel:.2e})")
    agree = float(np.mean(turf_pred == model.predict(xte)))
    check(agree >= 0.995, f"{algo}: predictions agree on {100 * agree:.2f}% of {len(yte)} test posts")

meta, W, b, labels, xtr, ytr, xte, yte, turf_pred, _ = load("lr")
model = LogisticRegression(C=C, tol=1e-10, max_iter=20000).fit(xtr, ytr)


def objective(W, b):
    scores = xtr @ W.T + b
    return C * float(np.sum(logsumexp(scores, axis=1) - scores[np.arange(len(ytr)), ytr])) + 0.5 * float(np.sum(W * W))


ours, theirs = objective(W, b), objective(model.coef_, model.intercept_)
rel = (ours - theirs) / abs(theirs)
check(rel <= 1e-4, f"lr: regularised objective {ours:.6f} vs scikit-learn {theirs:.6f} (relative {rel:+.2e})")
agree = float(np.mean(turf_pred == model.predict(xte)))
check(agree >= 0.995, f"lr: predictions agree on {100 * agree:.2f}% of {len(yte)} test posts")
print("parity: " + ("OK" if not failures else f"{len(failures)} FAILED"))
sys.exit(1 if failures else 0)
