#!/usr/bin/env python3
"""Writes a seeded stress corpus for checking that tokenizer and hashing changes alter nothing.

Each line is a post made of fragments chosen to sit on the edges of the tokenizer's fast paths:
Cyrillic (capitals, ё), Greek, emoji (skin tones, ZWJ sequences, flags, keycaps), HTML
entities, invalid UTF-8 bytes, mixed-script confusables, letter repeats, hashtags of every
shape, links, mentions, cashtags, numbers, invisible characters, and words of 7, 8, 9, 15, 16
and 17 bytes (the scanner reads eight bytes at a time). One line in a thousand is very long
(2,000 to 40,000 fragments). The same seed always gives the same bytes, so the digests of two
builds (`TurfBench dump`) can be compared with `cmp`.

Usage: scripts/bench/make_stress_corpus.py OUTPUT [LINES] [SEED]   (defaults 60000, 2017)
"""
import random
import sys

FRAGMENTS = [
    # ASCII words, capitals, apostrophes, repeats, 8-byte boundaries
    "hello", "HELLO", "Hello", "hELLO", "sooooo", "gooood", "aaa", "xx", "x", "I", "a",
    "don't", "DON'T", "they're", "can’t", "rock'n'roll", "'quoted'", "it's'", "x'", "'x",
    "abcdefg", "abcdefgh", "abcdefghi", "abcdefghijklmno", "abcdefghijklmnop", "abcdefghijklmnopq",
    "abcdefgaaa", "aaabcdefgh", "abcdefghhh", "ABCDEFGH", "AbcdefgH", "abcdefghijklmnopqrstuvwxyz",
    "the", "vote", "people", "election", "brexit", "nuttall", "Nuttall", "NUTTALL", "Paul",
    # numbers
    "2017", "1,200.50", "3.14", "1.2.3", "12a", "a12", "l33t", "0", "99999999999", "1st", "5'",
    # Cyrillic: lower, capitals, ё, repeats, 4-letter boundaries
    "путин", "Путин", "ПУТИН", "пУтИн", "Россия", "россия", "крым", "Крым", "Ёлка", "ёжик", "ЁЁЁ",
    "ёёёё", "елка", "ооооочень", "абвгддд", "абвг", "абвгд", "абвгдежз", "абвгдежзи",
    "абвгдежзийклмноп", "абвгдежзийклмнопр", "мир", "я", "Я", "ЛОЛЛЛЛ", "Москва", "Киев",
    "ҐґЄєІіЇї", "ӀӏҺһ", "Ѐѐ", "Ўў", "Њњ", "слава", "Слава", "СЛАВА",
    # Greek, other scripts, combining marks
    "αβγ", "Αθήνα", "ΑΘΗΝΑ", "σοφός", "ΣΟΦΟΣ", "naïve", "café", "ÉCOLE", "straße", "İstanbul",
    "ǅ", "日本語", "한국어", "مرحبا", "עברית", "e\u0301", "Çççç", "ßßß", "ﬁ",
    # confusables
    "Nuttаll", "NUTTАLL", "ПуTин", "Пyтин", "Brеxit", "vоte", "Αthens", "ΡΟΜΑ", "кpым",
    # hashtags of every shape
    "#DontVoteNuttall", "#BBCNews", "#GE2017", "#123", "#stop_the_war", "#КрымНаш", "#ПутинBBCNews",
    "#Nuttаll", "#_", "#", "##", "#aaaBBBccc", "#ABCdef", "#abcDEF", "#x1y2z3", "#__x__", "#a",
    "#Aaa", "#AAAb", "#a_1_B", "#soooo", "#ABCDEFGHIJKLMNOP", "#abcdefghijklmnopq",
    "#abcdefghijklmnop", "#SaveOurNHS2017", "#I_am_HERE_99", "#9lives", "#UKIP", "#ЁлкаЁЁЁ",
    "#ПУТИНвор", "#ААААбб", "#ёжикЁжик", "#РоссияUK", "#Крым2014", "#Я", "#мирМИР", "#ЖЖЖ",
    "#Αθήνα", "#café", "#😂", "#a😂", "C#", "x#y", "#Путин_Вор", "#MAGA2020!", "#FakeNews.",
    # mentions, retweets, cashtags
    "@user", "@Nigel_Farage", "@abcdefgh", "@ABCDEFGHijklmnop", "@a_1.b", "@", "a@b",
    "me@example.com", "RT @x:", "rt @Abc: ", "RT", "$TSLA", "$TOOLONGX", "$", "$5",
    # links
    "https://t.co/AbC", "https://www.BBC.co.uk/news/x", "http://ria.ru/world/", "www.example.com/path",
    "HTTPS://WWW.X.COM", "http://a-b_c.de:8080/x?y=1", "https://news.sky.com/story/abc",
    "https://vk.com/wall-1_2", "http://192.168.0.1/x", "https://abcdefgh.co.uk/abcdefgh", "http://",
    "https://", "www.", "http://xn--e1afmkfd.xn--p1ai/", "https://www.theguardian.com/politics/",
    # punctuation
    "!", "!!!", "?", "??", "?!?!", "...", ",", "—", "…", "«мир»", "(x)", "\"quoted\"", "-", "_",
    # emoji: skin tones, ZWJ, flags, keycaps, variation selectors, tags
    "😂", "👍", "👍🏽", "👍🏿", "❤️", "❤", "👩🏽\u200d💻", "👨\u200d👩\u200d👧", "🏳️\u200d🌈", "🇷🇺", "🇬🇧",
    "🇺🇦🇷🇺", "🇷", "1️⃣", "#️⃣", "✅", "©", "™", "🏴\U000E0067\U000E0062\U000E0065\U000E006E\U000E0067\U000E007F",
    "😂😂😂", "👏🏻👏🏻", "🔥x", "x🔥",
    # entities
    "&amp;", "&amp;amp;", "&lt;3", "&gt;", "&quot;", "&#39;", "&#x1F600;", "&#1055;", "&bogus;",
    "&", "AT&T", "&nbsp;", "&hellip;", "&#0;", "&#xD800;", "&#99999999;",
    # invisible and space characters
    "\u200d", "x\u200dy", "Nut\u200btall", "soft\u00adhyphen", "\u202ebidi", "\ufeffbom",
    "tab\there", "ＨＥＬＬＯ", "！", "\u3000", "\u00a0", "\u0001", "\u007f", "\u0085", "a\ufe0fb",
    "\u2028", "line\u2029break",
]

INVALID = [
    b"\xff", b"\xc0\xaf", b"\xe0\x80\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xd0",
    b"\xe2\x82", b"\x80", b"\xd0\xd0", b"\xd1 ", b"\xd0\xb0\xd1", b"\xf0\x9f\x98", b"\xfe\xfe",
]

SEPARATORS = [b" ", b" ", b" ", b"  ", b"", b",", b". ", b"-", b"'", b"_", b"\t", b"!", b"&"]


def post(rng, fragments):
    """One line of `fragments` fragments, separators and the odd invalid byte sequence."""
    parts = []
    for _ in range(fragments):
        if rng.random() < 0.04:
            parts.append(rng.choice(INVALID))
        else:
            parts.append(rng.choice(FRAGMENTS).encode("utf-8"))
        parts.append(rng.choice(SEPARATORS))
    line = b"".join(parts)
    if rng.random() < 0.08:
        line = line[: rng.randint(0, len(line))]
    return line.replace(b"\n", b" ")


def main():
    path = sys.argv[1]
    lines = int(sys.argv[2]) if len(sys.argv) > 2 else 60000
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 2017)
    with open(path, "wb") as out:
        for number in range(lines):
            if number % 1000 == 999:
                fragments = rng.randint(2000, 40000)
            else:
                fragments = rng.randint(0, 30)
            out.write(post(rng, fragments) + b"\n")


if __name__ == "__main__":
    main()
