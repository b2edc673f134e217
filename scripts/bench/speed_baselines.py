"""scikit-learn and fastText on the posts make_speed_posts.py wrote; compares with turfwatch's times.
usage: speed_baselines.py DIR TURFWATCH_NB_SECONDS TURFWATCH_LR_SECONDS"""
import os
import sys
import time

import fasttext
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.metrics import f1_score
from sklearn.naive_bayes import MultinomialNB
from sklearn.pipeline import make_pipeline

work, nb_seconds, lr_seconds = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])


def lines(name):
    with open(f"{work}/{name}", encoding="utf-8") as handle:
        return handle.read().splitlines()


def load():
    return os.getloadavg()[0]


start, cpu = time.perf_counter(), time.process_time()
texts, labels = lines("train.txt"), lines("train.labels")
pipeline = make_pipeline(HashingVectorizer(ngram_range=(1, 2), n_features=2**18, alternate_sign=False, norm=None),
                         MultinomialNB(alpha=0.1))
pipeline.fit(texts, labels)
sk_seconds, sk_cpu = time.perf_counter() - start, time.process_time() - cpu
sk_f1 = f1_score(lines("test.labels"), pipeline.predict(lines("test.txt")), average="macro")
print(f"scikit-learn HashingVectorizer+MultinomialNB: train {sk_seconds:.2f} s wall, {sk_cpu:.2f} s CPU, "
      f"macro-F1 {sk_f1:.4f}; load {load():.2f}")

start, cpu = time.perf_counter(), time.process_time()
model = fasttext.train_supervised(f"{work}/train.ft", epoch=5, wordNgrams=2, thread=2, verbose=0)
ft_seconds, ft_cpu = time.perf_counter() - start, time.process_time() - cpu
predicted = [label[0].replace("__label__", "") for label in model.predict(lines("test.txt"))[0]]
ft_f1 = f1_score(lines("test.labels"), predicted, average="macro")
print(f"fastText (5 epochs, wordNgrams 2, 2 threads): train {ft_seconds:.2f} s wall, {ft_cpu:.2f} s CPU, "
      f"macro-F1 {ft_f1:.4f}; load {load():.2f}")
print(f"turfwatch NB is {sk_seconds / nb_seconds:.1f}x faster than the scikit-learn pipeline (goal >= 10x)")
print(f"turfwatch LR is {ft_seconds / lr_seconds:.2f}x the speed of fastText (goal > 1 at equal or better F1)")
