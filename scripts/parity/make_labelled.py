"""Writes a small seeded three-class labelled set (JSONL) when the shared data is absent."""
import json
import random
import sys

random.seed(7)
common = [f"w{i}" for i in range(300)]
cues = {"FAVOR": ["support", "yes", "great", "love", "good"], "AGAINST": ["stop", "no", "bad", "never", "hate"],
        "NONE": ["weather", "lunch", "match", "music", "today"]}


def post(label):
    words = random.sample(common, 8) + random.sample(cues[label], 2)
    if random.random() < 0.3:
        words += random.sample(cues[random.choice(list(cues))], 1)
    random.shuffle(words)
    return {"text": " ".join(words), "label": label}


for path, count in ((sys.argv[1], 1500), (sys.argv[2], 500)):
    with open(path, "w", encoding="utf-8") as out:
        for index in range(count):
            out.write(json.dumps(post(random.choice(list(cues)))) + "\n")
