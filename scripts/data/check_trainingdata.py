#!/usr/bin/env python3
"""Validate TrainingData/ and print its counts.

Checks every line of TrainingData/stance-*.jsonl: valid JSON object with exactly the fields
id, text, labels, lang, kind; unique ids of the form LANG-NNNN matching the file's language;
non-empty text; labels a duplicate-free subset of the known stances; a known kind; no exact
duplicate texts; and no two examples whose lower-cased word sets have Jaccard similarity
>= 0.8. Prints counts per language, label, label set and kind (Markdown tables, as pasted
into TrainingData/DATASHEET.md) and exits 1 on any violation.

With --write-datasheet it also replaces the block between the `counts:begin` and
`counts:end` markers in TrainingData/DATASHEET.md with these counts; without it, it checks
that the datasheet's block matches them exactly.

Usage: python3 scripts/data/check_trainingdata.py [--write-datasheet]
"""
import collections
import contextlib
import io
import os
import re
import sys

from trainingdata import DATA_DIR, FIELDS, FILES, JACCARD_LIMIT, KINDS, LABELS, jaccard, load_all, near_duplicate_pairs, word_set


def main():
    rows = load_all()
    errors = []
    good = []
    ids, texts = {}, {}
    for name, n, line, obj in rows:
        where = f"TrainingData/{name}:{n}"
        if not isinstance(obj, dict):
            errors.append(f"{where}: not a JSON object")
            continue
        if sorted(obj) != sorted(FIELDS):
            errors.append(f"{where}: fields must be exactly {FIELDS}, got {sorted(obj)}")
            continue
        lang = obj["lang"]
        if FILES.get(lang) != name:
            errors.append(f"{where}: lang {lang!r} does not belong in {name}")
        if not isinstance(obj["id"], str) or not re.fullmatch(rf"{lang}-\d{{4,}}", obj["id"]):
            errors.append(f"{where}: id {obj['id']!r} is not {lang}-NNNN")
        elif obj["id"] in ids:
            errors.append(f"{where}: id {obj['id']} already used at {ids[obj['id']]}")
        ids[obj["id"]] = where
        text = obj["text"]
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: empty text")
            continue
        if text in texts:
            errors.append(f"{where}: exact duplicate of {texts[text]}")
        texts[text] = where
        labels = obj["labels"]
        if not isinstance(labels, list) or any(l not in LABELS for l in labels) or len(set(labels)) != len(labels):
            errors.append(f"{where}: labels {labels!r} must be distinct names from {LABELS}")
            continue
        if obj["kind"] not in KINDS:
            errors.append(f"{where}: unknown kind {obj['kind']!r}")
        good.append((where, obj))
    sets = [word_set(o["text"]) for _, o in good]
    for i, j in near_duplicate_pairs(sets):
        errors.append(f"{good[j][0]}: near-duplicate of {good[i][0]} "
                      f"(Jaccard {jaccard(sets[i], sets[j]):.2f} >= {JACCARD_LIMIT})")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        print_counts([o for _, o in good])
    counts = out.getvalue()
    print(counts, end="")
    errors += datasheet_problems(counts, "--write-datasheet" in sys.argv[1:])
    for e in errors:
        print(e, file=sys.stderr)
    if errors:
        print(f"{len(errors)} problem(s)", file=sys.stderr)
        sys.exit(1)


BEGIN, END = "<!-- counts:begin -->\n", "<!-- counts:end -->"


def datasheet_problems(counts, write):
    """Checks (or, with write, refreshes) the counts block of DATASHEET.md."""
    path = os.path.join(DATA_DIR, "DATASHEET.md")
    if not os.path.exists(path):
        return [f"{path}: missing"]
    with open(path, encoding="utf-8") as f:
        sheet = f.read()
    start, end = sheet.find(BEGIN), sheet.find(END)
    if start < 0 or end < start:
        return [f"{path}: no counts:begin/counts:end markers"]
    block = "\n" + counts
    if write:
        with open(path, "w", encoding="utf-8") as f:
            f.write(sheet[:start + len(BEGIN)] + block + sheet[end:])
        return []
    if sheet[start + len(BEGIN):end] != block:
        return [f"{path}: counts differ from the data; rerun with --write-datasheet"]
    return []


def table(title, counter, total, order=None):
    keys = order if order is not None else sorted(counter, key=lambda k: (-counter[k], k))
    print(f"| {title} | examples | share |\n|---|---:|---:|")
    for k in keys:
        print(f"| {k} | {counter[k]} | {100 * counter[k] / total:.1f}% |")
    print()


def print_counts(objs):
    total = len(objs)
    if not total:
        print("no examples")
        return
    langs = collections.Counter(o["lang"] for o in objs)
    print(f"Total examples: {total}\n")
    table("language", langs, total, sorted(langs))
    per_label = collections.Counter(l for o in objs for l in o["labels"])
    per_label["(no stance)"] = sum(1 for o in objs if not o["labels"])
    table("label (an example may count under several)", per_label, total, LABELS + ["(no stance)"])
    sets = collections.Counter(" + ".join(o["labels"]) or "(no stance)" for o in objs)
    table("exact label set", sets, total)
    for lang in sorted(langs):
        sub = [o for o in objs if o["lang"] == lang]
        c = collections.Counter(" + ".join(o["labels"]) or "(no stance)" for o in sub)
        table(f"label set, lang={lang}", c, len(sub))
    kinds = collections.Counter(o["kind"] for o in objs)
    print("| kind | en | ru | total |\n|---|---:|---:|---:|")
    for k in KINDS:
        en = sum(1 for o in objs if o["kind"] == k and o["lang"] == "en")
        ru = sum(1 for o in objs if o["kind"] == k and o["lang"] == "ru")
        print(f"| {k} | {en} | {ru} | {kinds[k]} |")
    print()


if __name__ == "__main__":
    main()
