"""Writes N training and M test posts (JSONL for turfwatch, fastText's __label__ format, plain
text and labels for scikit-learn) into DIR. Seeded, so every run sees the same posts."""
import itertools
import json
import random
import sys

train_count, test_count, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
random.seed(11)
vocabulary = [f"w{i}" for i in range(50000)]
cumulative = list(itertools.accumulate(1 / (rank + 1) ** 1.1 for rank in range(len(vocabulary))))
labels = ["FAVOR", "AGAINST", "NONE"]
cues = {label: [f"{label.lower()}{i}" for i in range(200)] for label in labels}


def post():
    label = random.choice(labels)
    words = random.choices(vocabulary, cum_weights=cumulative, k=random.randint(6, 18))
    for _ in range(random.randint(1, 3)):
        source = label if random.random() < 0.7 else random.choice(labels)
        words.insert(random.randrange(len(words) + 1), random.choice(cues[source]))
    return " ".join(words), label


for name, count in (("train", train_count), ("test", test_count)):
    with open(f"{out}/{name}.jsonl", "w") as jsonl, open(f"{out}/{name}.ft", "w") as ft, \
            open(f"{out}/{name}.txt", "w") as txt, open(f"{out}/{name}.labels", "w") as lab:
        for _ in range(count):
            text, label = post()
            jsonl.write(json.dumps({"text": text, "label": label}) + "\n")
            ft.write(f"__label__{label} {text}\n")
            txt.write(text + "\n")
            lab.write(label + "\n")
