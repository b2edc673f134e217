#!/usr/bin/env bash
# Tokenize + hash throughput: turfwatch (TurfBench tokenize, release, one core) against
# scikit-learn's HashingVectorizer(ngram_range=(1, 2)) on the same 1M synthetic tweets.
# Both run on one core; each reports wall-clock and CPU-time figures (CPU time is the fairer
# measure when other jobs share the machine, so the load average is printed too).
# Usage: scripts/bench/tokenize.sh [POSTS]   (default 1000000)
#        scripts/bench/tokenize.sh --instructions [POSTS]
#   The second form counts instructions instead of timing (valgrind's callgrind; independent
#   of machine load): one round of TurfBench on the first 20,000 posts, as the difference
#   between runs of two rounds and one round, so file reading and setup cancel out.
set -euo pipefail
cd "$(dirname "$0")/../.."
instructions=0
if [ "${1:-}" = "--instructions" ]; then
    instructions=1
    shift
fi
posts=${1:-1000000}
work=${TMPDIR:-/tmp}/turfwatch-bench
mkdir -p "$work"
data="$work/posts-$posts.txt"

python3 -m pip install -q scikit-learn >/dev/null 2>&1 || python3 -m pip install -q --break-system-packages scikit-learn >/dev/null

if [ ! -s "$data" ]; then
    echo "generating $posts posts into $data" >&2
    python3 - "$posts" "$data" <<'PY'
"""Synthetic tweet-length posts: English and Russian words (Zipf-distributed), hashtags,
mentions, links, emoji, numbers and punctuation, in the proportions of a political timeline."""
import random
import sys

count, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(2017)
english = """the to and a of in is you that it for i on this be are with not have he we they was but
his just all so what will about at vote people can no do if like get they're don't one by from up
out more now who would when time them how their an been my your has there think our know should
party election brexit labour ukip tory candidate stoke central nuttall leader campaign voters
britain europe russia ukraine crimea kremlin putin nato sanctions media fake news truth lies
propaganda democracy freedom war peace west government minister country nation borders refugees
immigration jobs economy money tax nhs hospital schools working class elite establishment liar
hypocrite disgrace shame support against never again today tomorrow week year great bad good
really very much many still even back over after first last new old big real right left wing
free speech protest march rally poll result win lose seat council local national world""".split()
russian = """и в не на я что он с это а как по но они к у мы все так же от за бы вы из то о
только его ее мне было вот был нет да когда уже если или ни быть при даже для ты ну где
россия украина крым путин киев москва запад нато санкции хунта майдан фашисты бандеровцы
народ власть правда ложь война мир страна президент выборы голосовать против поддержка
новости сми пропаганда америка европа донбасс армия победа братья русский мир наш будет
сегодня завтра люди все время года жизнь дело слава герои позор предатели олигархи""".split()
hashtags = ["#Brexit", "#DontVoteNuttall", "#StokeCentral", "#UKIP", "#GE2017", "#КрымНаш",
            "#Россия", "#Украина", "#MAGA", "#FakeNews", "#StopNATO", "#Putin", "#SaveOurNHS",
            "#VoteLeave", "#Labour", "#Донбасс", "#BBCNews", "#stop_the_war"]
domains = ["https://t.co/", "https://www.bbc.co.uk/news/", "https://rt.com/news/",
           "https://www.theguardian.com/politics/", "http://ria.ru/world/", "https://youtu.be/",
           "https://news.sky.com/story/", "https://vk.com/wall-"]
emoji = ["😂", "👍", "👍🏽", "🇷🇺", "🇬🇧", "❤️", "🔥", "😡", "🤔", "👏🏻", "💪", "🙄", "😭", "✅"]
alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"

def zipf_weights(words):
    """Cumulative Zipf (s = 1) weights, as word frequencies in real text."""
    total, cumulative = 0.0, []
    for rank in range(len(words)):
        total += 1.0 / (rank + 1)
        cumulative.append(total)
    return cumulative

weights = {id(english): zipf_weights(english), id(russian): zipf_weights(russian)}

def zipf_choice(words):
    return rng.choices(words, cum_weights=weights[id(words)])[0]

def word(vocabulary):
    w = zipf_choice(vocabulary)
    roll = rng.random()
    if roll < 0.08:
        return w.capitalize()
    if roll < 0.10:
        return w.upper()
    return w

with open(path, "w", encoding="utf-8") as out:
    for _ in range(count):
        vocabulary = english if rng.random() < 0.65 else russian
        parts = []
        if rng.random() < 0.2:
            parts.append("RT @%s:" % "".join(rng.choice(alphabet) for _ in range(rng.randint(4, 12))))
        target = rng.randint(40, 200)
        length = 0
        while length < target:
            roll = rng.random()
            if roll < 0.80:
                piece = word(vocabulary)
                if rng.random() < 0.08:
                    piece += rng.choice([",", ".", "!", "?", "!!!", "..."])
            elif roll < 0.86:
                piece = rng.choice(hashtags)
            elif roll < 0.90:
                piece = "@" + "".join(rng.choice(alphabet) for _ in range(rng.randint(4, 14)))
            elif roll < 0.93:
                piece = rng.choice(domains) + "".join(rng.choice(alphabet) for _ in range(10))
            elif roll < 0.97:
                piece = rng.choice(emoji)
            else:
                piece = str(rng.randint(1, 5000))
            parts.append(piece)
            length += len(piece) + 1
        out.write(" ".join(parts) + "\n")
PY
fi

if ! (cd Benchmarks && swift build -c release --product TurfBench >"$work/build.log" 2>&1); then
    cat "$work/build.log" >&2
    exit 1
fi
if [ "$instructions" = 1 ]; then
    command -v valgrind >/dev/null || { echo "valgrind is needed for --instructions (apt-get install -y valgrind)" >&2; exit 1; }
    sample="$work/sample-20000.txt"
    head -n 20000 "$data" >"$sample"
    refs() {
        valgrind --tool=callgrind --callgrind-out-file=/dev/null Benchmarks/.build/release/TurfBench tokenize \
            "$sample" --rounds "$1" 2>&1 >/dev/null | sed -n 's/.*I *refs: *//p' | tr -d ,
    }
    one=$(refs 1)
    two=$(refs 2)
    echo "turfwatch instructions_per_post=$(( (two - one) / $(wc -l <"$sample") )) (callgrind, word 1-2 grams, one round)"
    exit 0
fi
echo "load before:$(uptime)"
ours=$(Benchmarks/.build/release/TurfBench tokenize "$data" --rounds 3)
echo "$ours"
theirs=$(python3 - "$data" <<'PY'
import sys, time
from sklearn.feature_extraction.text import HashingVectorizer
with open(sys.argv[1], encoding="utf-8") as f:
    posts = f.read().split("\n")
if posts and posts[-1] == "":
    posts.pop()
size = sum(len(p.encode("utf-8")) for p in posts)
vectorizer = HashingVectorizer(ngram_range=(1, 2))
began, began_cpu = time.perf_counter(), time.thread_time()
matrix = vectorizer.transform(posts)
seconds, cpu = time.perf_counter() - began, time.thread_time() - began_cpu
print("scikit-learn posts=%d bytes=%d nonzero=%d seconds=%.3f posts_per_s=%d mb_per_s=%.3f "
      "cpu_seconds=%.3f posts_per_cpu_s=%d mb_per_cpu_s=%.3f"
      % (len(posts), size, matrix.nnz, seconds, len(posts) / seconds, size / seconds / 1e6,
         cpu, len(posts) / cpu, size / cpu / 1e6))
PY
)
echo "$theirs"
echo "load after:$(uptime)"
python3 - "$ours" "$theirs" <<'PY'
import sys
def field(line, name):
    return float(dict(part.split("=") for part in line.split()[1:])[name])
ours, theirs = sys.argv[1], sys.argv[2]
print("ratio turfwatch/scikit-learn: %.1fx posts/s (wall clock), %.1fx posts per CPU second"
      % (field(ours, "posts_per_s") / field(theirs, "posts_per_s"),
         field(ours, "posts_per_cpu_s") / field(theirs, "posts_per_cpu_s")))
PY
