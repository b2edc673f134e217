#!/usr/bin/env python3
"""Writes N synthetic tweets as twarc2 *flattened* JSON Lines (one tweet a line with `author`,
`referenced_tweets` and `attachments.media` inline and a `__twarc` key), the shape
`twarc2 flatten` produces. Deterministic for a given seed. Used by classify.sh and
classify-parsers.sh; generated on the fly, never committed.

With --io-archive, writes the same tweets as a Twitter information-operations archive CSV
(quoted Python-list columns, minute times, embedded newlines and doubled quotes in some texts).

usage: classify_gen.py N OUT [--seed S] [--io-archive]
"""
import csv
import json
import random
import sys

WORDS = ("the a to of and in is for on that this with vote election candidate people country news "
         "today want never again stop lies truth real fake media support against west east war peace "
         "government leader party city council workers jobs money tax brexit europe russia ukraine "
         "sanctions crimea nato kremlin putin kiev donbass referendum liberals patriots freedom").split()
CYRILLIC = "крым наш россия украина хунта майдан правда запад санкции путин".split()
PHRASES = ["Don't vote Nuttall", "Nuttall lied about Hillsborough", "Crimea is Russia",
           "Kiev junta", "stop NATO expansion", "sanctions hurt Europe", "vote Labour in Stoke"]
TAGS = ["StokeCentral", "DontVoteNuttall", "Brexit", "Crimea", "Ukraine", "MAGA", "news", "UKIP"]


def tweet(rng, index):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    if rng.random() < 0.25:
        words.insert(rng.randint(0, len(words)), rng.choice(PHRASES))
    if rng.random() < 0.15:
        words += [rng.choice(CYRILLIC) for _ in range(rng.randint(2, 6))]
    tags = rng.sample(TAGS, rng.randint(0, 2))
    text = " ".join(words) + "".join(" #" + t for t in tags)
    tweet_id = str(831606548300517376 + index * 7919)
    user = rng.randint(0, 199_999)
    author_id = str(4602771083 + user * 13)
    username = f"user_{user}"
    created = f"2017-02-{1 + index % 28:02d}T{index % 24:02d}:{index % 60:02d}:{(index * 7) % 60:02d}.000Z"
    entities = {}
    if tags:
        entities["hashtags"] = [{"start": 0, "end": len(t) + 1, "tag": t} for t in tags]
    if rng.random() < 0.3:
        entities["urls"] = [{"start": 0, "end": 23, "url": "https://t.co/abcdefghij",
                             "expanded_url": f"https://example.org/story/{rng.randint(1, 5000)}",
                             "display_url": "example.org/story/…", "status": 200,
                             "title": "A story", "unwound_url": "https://example.org/story"}]
    retweet = rng.random() < 0.3
    if retweet:
        original = str(831600000000000000 + rng.randint(0, 10_000))
        mention = f"user_{rng.randint(0, 199_999)}"
        entities["mentions"] = [{"start": 3, "end": 3 + len(mention), "username": mention, "id": "12345"}]
        text = f"RT @{mention}: {text}"[:140]
    record = {
        "id": tweet_id,
        "text": text,
        "author_id": author_id,
        "conversation_id": tweet_id,
        "created_at": created,
        "lang": "en",
        "edit_history_tweet_ids": [tweet_id],
        "possibly_sensitive": False,
        "reply_settings": "everyone",
        "source": "Twitter for Android",
        "public_metrics": {"retweet_count": rng.randint(0, 500), "reply_count": rng.randint(0, 50),
                           "like_count": rng.randint(0, 900), "quote_count": rng.randint(0, 20),
                           "impression_count": rng.randint(0, 90000)},
        "entities": entities,
        "author": {"id": author_id, "username": username, "name": f"User {user}",
                   "created_at": "2015-12-25T18:50:44.000Z", "verified": False, "protected": False,
                   "description": "Patriot. Father. Truth seeker. #news",
                   "location": "Stoke-on-Trent", "url": "",
                   "profile_image_url": f"https://pbs.twimg.com/profile_images/{user}/p_normal.jpg",
                   "public_metrics": {"followers_count": rng.randint(0, 5000), "following_count": rng.randint(0, 5000),
                                      "tweet_count": rng.randint(0, 90000), "listed_count": rng.randint(0, 20)}},
        "__twarc": {"url": "https://api.twitter.com/2/tweets/search/all?query=stoke&max_results=100",
                    "version": "2.12.0", "retrieved_at": "2021-04-01T15:52:42+00:00"},
    }
    if retweet:
        record["referenced_tweets"] = [{"type": "retweeted", "id": original, "text": text[3:],
                                        "author_id": "12345", "created_at": created,
                                        "author": {"id": "12345", "username": "origin"}}]
    if rng.random() < 0.1:
        key = f"3_{tweet_id}"
        record["attachments"] = {"media_keys": [key], "media": [
            {"media_key": key, "type": "photo", "url": "https://pbs.twimg.com/media/x.jpg",
             "alt_text": rng.choice(PHRASES), "width": 500, "height": 500}]}
    return record


IO_COLUMNS = ("tweetid,userid,user_display_name,user_screen_name,user_reported_location,"
              "user_profile_description,user_profile_url,follower_count,following_count,"
              "account_creation_date,account_language,tweet_language,tweet_text,tweet_time,"
              "tweet_client_name,in_reply_to_userid,in_reply_to_tweetid,quoted_tweet_tweetid,is_retweet,"
              "retweet_userid,retweet_tweetid,latitude,longitude,quote_count,reply_count,like_count,"
              "retweet_count,hashtags,urls,user_mentions,poll_choices").split(",")


def io_row(record, rng):
    tags = [h["tag"] for h in record["entities"].get("hashtags", [])]
    urls = [u["expanded_url"] for u in record["entities"].get("urls", [])]
    text = record["text"]
    if rng.random() < 0.05:
        text = text.replace(" ", "\n", 1) + ' "quoted"'
    retweet = record.get("referenced_tweets", [{}])[0].get("id", "")
    author = record["author"]
    return [record["id"], author["id"], author["name"], author["username"], author["location"],
            author["description"], "", author["public_metrics"]["followers_count"],
            author["public_metrics"]["following_count"], "2015-12-25", "en", record["lang"], text,
            record["created_at"][:16].replace("T", " "), record["source"], "", "", "",
            "True" if retweet else "False", "12345" if retweet else "", retweet, "absent", "absent",
            0, 0, 0, 0, str(tags), str(urls), "[]", ""]


def main():
    count = int(sys.argv[1])
    out = sys.argv[2]
    seed = int(sys.argv[sys.argv.index("--seed") + 1]) if "--seed" in sys.argv else 2017
    rng = random.Random(seed)
    if "--io-archive" in sys.argv:
        with open(out, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(IO_COLUMNS)
            for index in range(count):
                writer.writerow(io_row(tweet(rng, index), rng))
        return
    with open(out, "w", encoding="utf-8") as handle:
        for index in range(count):
            handle.write(json.dumps(tweet(rng, index), ensure_ascii=False))
            handle.write("\n")


if __name__ == "__main__":
    main()
