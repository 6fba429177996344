#!/usr/bin/env python3
"""Builds the word list the metadata stage embeds (src/ArticleIndexer.Core/Metadata/Data/lower-words.txt.gz): English
words that running text writes in lower case, so a capitalised line made of them is a menu or a headline ("Online
Programs", "Klatch Coffee"), not a person's name.

The product never reads ../shared at run time; this script is the one place that does. Run it from the repository
root:

    python3 tools/build-metadata-words.py ../shared/data src/ArticleIndexer.Core/Metadata/Data

Source: the article text (`articleBody`) of the dev pages' ground truth, extraction-dev and extraction-more (WCXB v1.0,
CC-BY-4.0). A word is kept when the articles write it in lower case at least 3 times and at least twice as often as
capitalised inside a sentence (so "smith", "miller", "taylor" are not kept; "coffee", "online", "green" are). Names
are capitalised, so no author's name enters the list; only prose counts, never the pages' bylines or menus.
Deterministic: sorted, fixed gzip mtime.
"""
import collections
import gzip
import io
import json
import os
import re
import sys

SETS = ("extraction-dev", "extraction-more")
WORD = re.compile(r"[A-Za-z][a-z'’-]*[a-z]|[A-Za-z]")
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n")


def main(data, out):
    lower = collections.Counter()
    capitalised = collections.Counter()
    for name in SETS:
        with open(os.path.join(data, name, "ground-truth.json"), encoding="utf-8") as f:
            truth = json.load(f)
        for page in truth.values():
            for sentence in SENTENCE.split(page.get("articleBody") or ""):
                for i, word in enumerate(WORD.findall(sentence)):
                    if word.islower():
                        lower[word] += 1
                    elif i > 0 and word[0].isupper() and word[1:].islower():
                        capitalised[word.lower()] += 1
    words = sorted(w for w, n in lower.items() if len(w) > 1 and n >= 3 and n >= 2 * capitalised[w])
    os.makedirs(out, exist_ok=True)
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
        gz.write(("\n".join(words) + "\n").encode("utf-8"))
    path = os.path.join(out, "lower-words.txt.gz")
    with open(path, "wb") as f:
        f.write(raw.getvalue())
    print(f"{path}\t{len(words):,} words\t{os.path.getsize(path):,} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
