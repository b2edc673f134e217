#!/usr/bin/env python3
"""How well turfhash64 spreads features over the buckets, against MurmurHash3 (the hash
turfwatch used before, and scikit-learn's) and against ideal random hashing.

  turfwatch tokenize --word-ngrams 2 --char-ngrams 2-5 --hash-bits 20 - < posts.txt \
      | python3 scripts/bench/hash_quality.py

Reads `turfwatch tokenize` output (default seed, 2^20 buckets), takes every distinct feature,
and prints for 2^16, 2^18 and 2^20 buckets the number of features that share a bucket with an
earlier one (collisions) under turfhash64 (the ids turfwatch printed, masked), under
MurmurHash3_x86_32 of the feature string (scikit-learn's `murmurhash3_32`, seed as turfwatch's,
character n-grams with seed + 1), and the expectation for ideal random hashing (with its
standard deviation). Then an avalanche test of the token hash and of the bigram combination:
for random tokens, the share of the 32 id bits that flip when one input bit flips (ideal 0.5),
as the worst bit's deviation from 0.5.
"""
import math
import random
import sys

sys.path.insert(0, __file__.rsplit("/", 2)[0])
from feature_id import DEFAULT_SEED, bytes_hash, ngram_hash, word_seed  # noqa: E402

try:
    from sklearn.utils import murmurhash3_32
except ImportError:
    murmurhash3_32 = None


def read_features(stream):
    features = {}
    for line in stream:
        parts = line.rstrip("\n").split("\t", 2)
        if len(parts) == 3 and parts[0] == "feature":
            features[parts[2]] = int(parts[1])
    return features


def murmur(feature):
    if feature.startswith('char:"') and feature.endswith('"'):
        return murmurhash3_32(feature[6:-1].encode("utf-8"), seed=(DEFAULT_SEED + 1) & 0xFFFFFFFF, positive=True)
    return murmurhash3_32(feature.encode("utf-8"), seed=DEFAULT_SEED, positive=True)


def collisions(ids, bits):
    mask = (1 << bits) - 1
    return len(ids) - len({i & mask for i in ids})


def expected_collisions(n, bits):
    m = 1 << bits
    used = m * (1 - (1 - 1 / m) ** n)
    # Variance of the number of occupied buckets (balls into bins).
    var = m * (m - 1) * (1 - 2 / m) ** n + m * (1 - 1 / m) ** n - (m * (1 - 1 / m) ** n) ** 2
    return n - used, math.sqrt(max(var, 0))


def avalanche(rng, samples=20000):
    alphabet = "abcdefghijklmnopqrstuvwxyz" + "абвгдежзийклмнопрстуфхцчшщыьэюя" + "#@<>0123456789"
    token_flips = [0] * 32
    bigram_flips = [0] * 32
    trials = 0
    seed = word_seed(DEFAULT_SEED)

    for _ in range(samples):
        token = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14))).encode("utf-8")
        other = bytes_hash("".join(rng.choice(alphabet) for _ in range(rng.randint(1, 8))).encode("utf-8"), seed)
        base = bytes_hash(token, seed)
        base_bigram = ngram_hash([other, base])
        bit = rng.randrange(len(token) * 8)
        flipped = bytearray(token)
        flipped[bit // 8] ^= 1 << (bit % 8)
        changed = bytes_hash(bytes(flipped), seed)
        diff = (base ^ changed) >> 32
        diff_bigram = (base_bigram ^ ngram_hash([other, changed])) >> 32
        trials += 1
        for out in range(32):
            token_flips[out] += (diff >> out) & 1
            bigram_flips[out] += (diff_bigram >> out) & 1
    worst = max(abs(c / trials - 0.5) for c in token_flips)
    worst_bigram = max(abs(c / trials - 0.5) for c in bigram_flips)
    return trials, worst, worst_bigram


def main():
    features = read_features(sys.stdin)
    n = len(features)
    ours = list(features.values())
    theirs = [murmur(f) for f in features] if murmurhash3_32 else None
    print(f"distinct features: {n}")
    for bits in (16, 18, 20):
        mean, sd = expected_collisions(n, bits)
        line = f"2^{bits} buckets: collisions turfhash64 {collisions(ours, bits)}"
        if theirs is not None:
            line += f", MurmurHash3 {collisions(theirs, bits)}"
        print(line + f", random {mean:.0f} ± {sd:.0f}")
    trials, worst, worst_bigram = avalanche(random.Random(2026))
    # With `trials` flips a fair bit deviates by about 0.5 / sqrt(trials) (one standard deviation).
    print(f"avalanche ({trials} one-bit flips): worst id bit off 0.5 by {worst:.3f} (token), "
          f"{worst_bigram:.3f} (bigram); one standard deviation {0.5 / math.sqrt(trials):.3f}")


if __name__ == "__main__":
    main()
