#!/usr/bin/env python3
"""What each boilerplate rule costs on a dev set, from the output of `articles clean`.

Usage:
    articles clean ../shared/data/article-text-dev/txt --out OUT
    python3 tools/boilerplate-report.py ../shared/data/extraction-dev/ground-truth.json OUT [--rule NAME] [--kept N]

For every line a rule dropped (OUT/<id>.json "stripped"), the line counts as article text when at least half
of its 4-token shingles are in the true text (lines under 4 tokens: when the true text contains them). The
report lists per rule the article lines and words it dropped (the recall it costs) and the junk lines and
words it dropped (the precision it buys). --rule NAME prints a sample of the article lines that rule dropped;
--kept N prints the junk lines still kept in the N pages with the most junk. Tokens and shingles are those of
../shared/tools/eval/extraction_score.py.
"""
import argparse
import json
import os
import random
import re
from collections import defaultdict

TOKEN = re.compile(r"\w+")


def truth_sets(ground_truth):
    out = {}
    for key, value in ground_truth.items():
        body = value.get("articleBody") or ""
        tokens = TOKEN.findall(body)
        out[key] = (set(tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)), body)
    return out


def is_article(line, shingles, body):
    tokens = TOKEN.findall(line)
    if len(tokens) < 4:
        return line.strip() != "" and line.strip() in body
    grams = [tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)]
    return sum(1 for g in grams if g in shingles) * 2 >= len(grams)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ground_truth")
    parser.add_argument("out_dir")
    parser.add_argument("--rule")
    parser.add_argument("--kept", type=int, default=0)
    args = parser.parse_args()

    with open(args.ground_truth, encoding="utf-8") as f:
        truth = truth_sets(json.load(f))
    stats = defaultdict(lambda: [0, 0, 0, 0])
    samples = defaultdict(list)
    kept_junk = []
    for key, (shingles, body) in sorted(truth.items()):
        path = os.path.join(args.out_dir, key + ".json")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            result = json.load(f)
        for line in result.get("stripped") or []:
            text, rule = line["text"], line["rule"]
            words = len(TOKEN.findall(text))
            row = stats[rule]
            if is_article(text, shingles, body):
                row[0] += 1
                row[1] += words
                samples[rule].append((key, text))
            else:
                row[2] += 1
                row[3] += words
        if args.kept:
            with open(os.path.join(args.out_dir, key + ".txt"), encoding="utf-8") as f:
                junk = [l for l in f.read().split("\n") if l.strip() and not is_article(l, shingles, body)]
            kept_junk.append((sum(len(TOKEN.findall(l)) for l in junk), key, junk))

    print("%-24s %12s %12s %10s %10s" % ("rule", "article lines", "article words", "junk lines", "junk words"))
    for rule, row in sorted(stats.items(), key=lambda item: -item[1][3]):
        print("%-24s %12d %12d %10d %10d" % (rule, *row))
    if args.rule:
        print("\nArticle lines dropped by %s (sample):" % args.rule)
        picked = samples[args.rule]
        random.Random(0).shuffle(picked)
        for key, text in picked[:30]:
            print("  %s  %s" % (key, text[:160]))
    if args.kept:
        print("\nJunk still kept, pages with the most:")
        for words, key, junk in sorted(kept_junk, reverse=True)[:args.kept]:
            print("=== %s (%d words)" % (key, words))
            for line in junk[:20]:
                print("    " + line[:140])


if __name__ == "__main__":
    main()
