"""Shared rules for TrainingData/: the schema, the label and kind vocabularies, and word sets.

`check_trainingdata.py` validates the shipped files with these rules and `add_examples.py`
applies them to new examples before appending, so both agree with Tests/TrainingDataTests.
"""
import json
import os
import unicodedata

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
DATA_DIR = os.path.join(ROOT, "TrainingData")
FILES = {"en": "stance-en.jsonl", "ru": "stance-ru.jsonl"}
LABELS = ["pro_kremlin", "anti_ukraine", "anti_candidate"]
KINDS = [
    "propaganda", "slogan", "meme_caption", "smear",
    "hard_negative_news", "hard_negative_criticism_of_russia", "hard_negative_support_ukraine",
    "hard_negative_candidate_neutral", "hard_negative_debunk", "hard_negative_sarcasm",
    "hard_negative_politics", "neutral_chatter",
]
FIELDS = ["id", "text", "labels", "lang", "kind"]
JACCARD_LIMIT = 0.8


def word_set(text):
    """Lower-cased maximal runs of Unicode letters, numbers and underscores (categories L*, N*)."""
    words, current = set(), []
    for ch in text.lower():
        if ch == "_" or unicodedata.category(ch)[0] in "LN":
            current.append(ch)
        elif current:
            words.add("".join(current))
            current = []
    if current:
        words.add("".join(current))
    return words


def jaccard(a, b):
    if not a and not b:
        return 1.0
    inter = len(a & b)
    return inter / (len(a) + len(b) - inter)


def near_duplicate_pairs(sets, limit=JACCARD_LIMIT):
    """Index pairs (i, j), i < j, whose word-set Jaccard similarity is >= limit.

    An inverted index counts shared words only between examples that share one, and
    a pair is skipped at once when the size ratio alone rules it out.
    """
    postings = {}
    pairs = []
    for j, s in enumerate(sets):
        shared = {}
        for w in s:
            for i in postings.get(w, ()):
                shared[i] = shared.get(i, 0) + 1
        for i, inter in shared.items():
            union = len(sets[i]) + len(s) - inter
            if union and inter / union >= limit:
                pairs.append((i, j))
        if not s:
            for i, other in enumerate(sets[:j]):
                if not other:
                    pairs.append((i, j))
        for w in s:
            postings.setdefault(w, []).append(j)
    return pairs


def load_all():
    """Every example of every shipped file as (file, line number, raw line, parsed object or None)."""
    rows = []
    for lang, name in FILES.items():
        path = os.path.join(DATA_DIR, name)
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError:
                    obj = None
                rows.append((name, n, line, obj))
    return rows


def dump(obj):
    """One example as its canonical JSONL line (field order fixed, non-ASCII kept as is)."""
    return json.dumps({k: obj[k] for k in FIELDS}, ensure_ascii=False)
