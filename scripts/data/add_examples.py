#!/usr/bin/env python3
"""Append hand-written examples to TrainingData/stance-LANG.jsonl.

Reads lines `LABELS|KIND|TEXT` from standard input, where LABELS is `-` (no stance) or
letters K (pro_kremlin), U (anti_ukraine), C (anti_candidate), and KIND is a short code
(see KIND_CODES). Literal `\\n` in TEXT becomes a newline. Each new example gets the next
id; an example that is empty, an exact duplicate or a near-duplicate (word-set Jaccard
>= 0.8) of any shipped example is rejected and printed instead, so it can be rewritten.

Usage: python3 scripts/data/add_examples.py en < batch.txt
"""
import os
import sys

from trainingdata import DATA_DIR, FILES, LABELS, dump, jaccard, load_all, word_set

LABEL_CODES = {"K": "pro_kremlin", "U": "anti_ukraine", "C": "anti_candidate"}
KIND_CODES = {
    "prop": "propaganda", "slog": "slogan", "meme": "meme_caption", "smear": "smear",
    "news": "hard_negative_news", "crit": "hard_negative_criticism_of_russia",
    "supp": "hard_negative_support_ukraine", "cneu": "hard_negative_candidate_neutral",
    "deb": "hard_negative_debunk", "sarc": "hard_negative_sarcasm",
    "pol": "hard_negative_politics", "chat": "neutral_chatter",
}


def main():
    lang = sys.argv[1]
    path = os.path.join(DATA_DIR, FILES[lang])
    rows = [r for r in load_all() if r[3] is not None]
    existing = [word_set(r[3]["text"]) for r in rows]
    texts = {r[3]["text"] for r in rows}
    last = max((int(r[3]["id"].split("-")[1]) for r in rows if r[3]["lang"] == lang), default=0)
    added, rejected = [], 0
    for raw in sys.stdin:
        raw = raw.strip()
        if not raw or raw.startswith("#"):
            continue
        code, kind, text = raw.split("|", 2)
        text = text.strip().replace("\\n", "\n")
        labels = sorted((LABEL_CODES[c] for c in set(code) - {"-"}), key=LABELS.index)
        ws = word_set(text)
        clash = next((i for i, s in enumerate(existing) if jaccard(s, ws) >= 0.8), None)
        if not text or text in texts or clash is not None:
            rejected += 1
            other = rows[clash][3]["text"] if clash is not None and clash < len(rows) else "(this batch)"
            print(f"REJECTED: {text}\n    like: {other}", file=sys.stderr)
            continue
        last += 1
        obj = {"id": f"{lang}-{last:04d}", "text": text, "labels": labels, "lang": lang,
               "kind": KIND_CODES[kind]}
        added.append(obj)
        rows.append(("new", 0, "", obj))
        existing.append(ws)
        texts.add(text)
    with open(path, "a", encoding="utf-8") as f:
        for obj in added:
            f.write(dump(obj) + "\n")
    print(f"added {len(added)}, rejected {rejected}, {lang} now ends at {lang}-{last:04d}")


if __name__ == "__main__":
    main()
