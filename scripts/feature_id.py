#!/usr/bin/env python3
"""Feature ids as turfwatch computes them (turfhash64), in plain Python: an independent
implementation of the definition in Sources/TurfText/FeatureHash.swift, for recomputing an id
outside turfwatch and for checking turfwatch against it.

  scripts/feature_id.py [--seed S] [--bits B] FEATURE...
      prints each feature's id: a word n-gram as written (tokens joined by single spaces,
      e.g. 'vote <target>'), a character n-gram as turfwatch tokenize prints it (char:" vo").
  turfwatch tokenize [flags] - < posts.txt | scripts/feature_id.py --check [--seed S] [--bits B]
      recomputes every 'feature' line of turfwatch tokenize's output and exits 1 on any
      difference (use the same --seed and --hash-bits as the tokenize run).
"""
import argparse
import sys

MASK64 = (1 << 64) - 1
K0 = 0x9E3779B97F4A7C15
K1 = 0xBF58476D1CE4E5B9
K2 = 0x94D049BB133111EB
DEFAULT_SEED = 0x74757266  # the bytes "turf" read big-endian


def bytes_hash(data: bytes, seed64: int) -> int:
    """turfhash64 of a byte string: zero-padded to a multiple of 16 bytes (at least 16), each
    16-byte block (u, v) of little-endian words folded in as high ^ low of (u ^ h) * (v ^ K1)."""
    n = len(data)
    padded = data + b"\0" * (max(16, (n + 15) // 16 * 16) - n)
    h = (seed64 ^ n) & MASK64
    for offset in range(0, len(padded), 16):
        u = int.from_bytes(padded[offset:offset + 8], "little")
        v = int.from_bytes(padded[offset + 8:offset + 16], "little")
        product = (u ^ h) * (v ^ K1)
        h = (product >> 64) ^ (product & MASK64)
    x = (h * K2) & MASK64
    return x ^ (x >> 29)


def word_seed(seed: int) -> int:
    return (seed * K0 + K1) & MASK64


def char_seed(seed: int) -> int:
    return (((seed + 1) & 0xFFFFFFFF) * K0 + K1) & MASK64


def word_ngram_hash(tokens, seed: int) -> int:
    """An n-gram's hash from its tokens (strings)."""
    return ngram_hash([bytes_hash(token.encode("utf-8"), word_seed(seed)) for token in tokens])


def ngram_hash(hashes) -> int:
    """An n-gram's hash from its tokens' hashes (one token: its own hash)."""
    state = hashes[0]
    for h in hashes[1:]:
        state = ((state * K0) & MASK64) ^ h
    if len(hashes) == 1:
        return state
    return ((state ^ (state >> 31)) * K1) & MASK64


def feature_id(feature: str, seed: int = DEFAULT_SEED, bits: int = 20) -> int:
    """The id of a feature written as turfwatch tokenize prints it."""
    if feature.startswith('char:"') and feature.endswith('"'):
        h = bytes_hash(feature[6:-1].encode("utf-8"), char_seed(seed))
    else:
        h = word_ngram_hash(feature.split(" "), seed)
    return (h >> 32) & ((1 << bits) - 1)


def check(lines, seed: int, bits: int) -> int:
    checked = wrong = 0
    for number, line in enumerate(lines, 1):
        parts = line.rstrip("\n").split("\t", 2)
        if len(parts) != 3 or parts[0] != "feature":
            continue
        checked += 1
        expected = feature_id(parts[2], seed, bits)
        if int(parts[1]) != expected:
            wrong += 1
            if wrong <= 10:
                print(f"line {number}: {parts[2]!r}: turfwatch {parts[1]}, reference {expected}", file=sys.stderr)
    print(f"feature ids checked: {checked}, different: {wrong}")
    return 1 if wrong or not checked else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seed", type=lambda s: int(s, 0), default=DEFAULT_SEED)
    parser.add_argument("--bits", type=int, default=20)
    parser.add_argument("--check", action="store_true", help="check turfwatch tokenize output read from stdin")
    parser.add_argument("features", nargs="*")
    args = parser.parse_args()
    if args.check:
        return check(sys.stdin, args.seed, args.bits)
    for feature in args.features:
        print(f"{feature_id(feature, args.seed, args.bits)}\t{feature}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
