#!/usr/bin/env python3
"""Count the article files whose body the cleaner shrank by more than a share (default 20 %).

Usage: body-shrink.py INPUT_DIR CLEAN_OUT [--share 0.2] [--list N]

INPUT_DIR holds the article files (searched recursively for *.txt); CLEAN_OUT is what `articles clean INPUT_DIR --out
CLEAN_OUT` wrote (NAME.txt, the cleaned body without the headline, and NAME.json). A file's body is its words
(\\w+ runs, as the extraction scorer counts them) without those of the title `clean` found; it shrank when the cleaned
body holds fewer than (1 - share) of them. Reuters-21578 (../shared/data/news) is wire copy with little furniture
(the closing "Reuter", a few tables), so a count that grows means article lines lost.
"""
import argparse
import json
import os
import re
import sys

WORD = re.compile(r"\w+")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("clean")
    ap.add_argument("--share", type=float, default=0.2)
    ap.add_argument("--list", type=int, default=0)
    args = ap.parse_args(argv)
    files = shrunk = 0
    worst = []
    for root, _, names in os.walk(args.input):
        for name in sorted(names):
            if not name.endswith(".txt"):
                continue
            stem = name[:-4]
            out = os.path.join(args.clean, stem + ".txt")
            if not os.path.exists(out):
                continue
            with open(os.path.join(root, name), encoding="utf-8", errors="replace") as f:
                words = len(WORD.findall(f.read()))
            with open(os.path.join(args.clean, stem + ".json"), encoding="utf-8") as f:
                title = json.load(f).get("title") or ""
            with open(out, encoding="utf-8") as f:
                kept = len(WORD.findall(f.read()))
            body = max(0, words - len(WORD.findall(title)))
            files += 1
            if body > 0 and kept < (1 - args.share) * body:
                shrunk += 1
                worst.append((kept / body, stem, body, kept))
    print(f"{files} files, {shrunk} whose body shrank by more than {args.share:.0%}")
    for share, stem, body, kept in sorted(worst)[: args.list]:
        print(f"  {stem}: {kept} of {body} words kept ({share:.0%})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
