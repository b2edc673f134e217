#!/usr/bin/env python3
"""The scikit-learn side of scripts/bench/classify.sh: the same job as `turfwatch classify`
done the usual Python way, end to end in one process.

Train: the tweeteval-stance train files, HashingVectorizer on word 1-2 grams into 2^20
buckets (no alternating sign), 1 + ln(tf), L2 norm, LogisticRegression: the same kind of
model as the turfwatch benchmark model. Classify: read twarc2 flattened JSON Lines with
Python's json, pull out the fields turfwatch keeps (id, author, time, text, hashtags, urls,
mentions, referenced tweets, media and alt text), vectorise text + alt text, predict_proba
in chunks of 10,000, and write one JSON object a post like turfwatch's output.

usage: classify_sklearn.py train TRAIN_DIR MODEL.pickle
       classify_sklearn.py classify MODEL.pickle INPUT.jsonl OUTPUT.jsonl
"""
import glob
import json
import os
import pickle
import sys

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize

VECTORIZER = HashingVectorizer(ngram_range=(1, 2), n_features=2 ** 20, alternate_sign=False, norm=None)


def features(texts):
    matrix = VECTORIZER.transform(texts)
    matrix.data = 1.0 + np.log(matrix.data)
    return normalize(matrix)


def train(directory):
    texts, labels = [], []
    for path in sorted(glob.glob(os.path.join(directory, "*", "train.jsonl"))):
        with open(path, encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                texts.append(record["text"])
                labels.append(record["label"])
    model = LogisticRegression(max_iter=1000)
    model.fit(features(texts), labels)
    return model


def post(tweet):
    entities = tweet.get("entities") or {}
    references = {r.get("type"): r.get("id") for r in tweet.get("referenced_tweets") or []}
    media = (tweet.get("attachments") or {}).get("media") or []
    author = tweet.get("author") or {}
    return {
        "id": tweet["id"],
        "account_id": author.get("id", tweet.get("author_id", "")),
        "account": author.get("username", ""),
        "created_at": tweet.get("created_at"),
        "text": tweet.get("text", ""),
        "lang": tweet.get("lang", ""),
        "retweet_of": references.get("retweeted"),
        "quote_of": references.get("quoted"),
        "reply_to": references.get("replied_to"),
        "hashtags": [h["tag"] for h in entities.get("hashtags", [])],
        "urls": [u.get("expanded_url") for u in entities.get("urls", [])],
        "mentions": [m["username"] for m in entities.get("mentions", [])],
        "media": [{"id": m["media_key"]} for m in media],
        "meme_text": "\n".join(m["alt_text"] for m in media if m.get("alt_text")),
    }


def flush(model, posts, out):
    texts = [p["text"] + ("\n" + p["meme_text"] if p["meme_text"] else "") for p in posts]
    probabilities = model.predict_proba(features(texts))
    classes = list(model.classes_)
    for p, row in zip(posts, probabilities):
        p["labels"] = [classes[int(np.argmax(row))]]
        p["probabilities"] = dict(zip(classes, map(float, row)))
        p["rules"] = []
        out.write(json.dumps(p, ensure_ascii=False))
        out.write("\n")


def main():
    if sys.argv[1] == "train":
        with open(sys.argv[3], "wb") as handle:
            pickle.dump(train(sys.argv[2]), handle)
        return
    with open(sys.argv[2], "rb") as handle:
        model = pickle.load(handle)
    with open(sys.argv[3], encoding="utf-8") as source, open(sys.argv[4], "w", encoding="utf-8") as out:
        chunk = []
        for line in source:
            chunk.append(post(json.loads(line)))
            if len(chunk) == 10_000:
                flush(model, chunk, out)
                chunk = []
        if chunk:
            flush(model, chunk, out)


if __name__ == "__main__":
    main()
