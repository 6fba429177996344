#!/usr/bin/env python3
"""How far a cleaner's output is from what perfect line decisions would score, and where the distance lies.

Usage:
    articles clean ../shared/data/article-text-dev/txt --out OUT        (or the trainer's --cv-out DIR/<set>)
    python3 tools/boilerplate-bound.py ../shared/data/extraction-dev/ground-truth.json OUT [--input TXT_DIR]

Each kept line of OUT/<id>.txt is article text when at least half of its 4-token shingles are in the true text
(lines under 4 tokens: when the true text holds them in a row), as in tools/boilerplate-report.py. The report
scores, with ../shared/tools/eval/extraction_score.py's metric, OUT as it is and then OUT after each step of
perfect knowledge, cumulatively:

  1. pages with no article emptied: less than 10 % of the kept words are in article lines (the saved file holds
     a disclaimer, an author bio or a menu instead of the article); an empty page leaves the precision mean;
  2. every kept junk line that is not prose removed: under 12 words, or not ending a sentence (captions,
     labels, widgets, code, table rows, navigation);
  3. every kept junk line removed (what is left is prose: author notes, disclaimers, blurbs, and sections of
     the article the true text leaves out).

With --input, it also scores the whole-line oracle over the input files (keep exactly their article lines).
The step at which a target is first reached says what kind of signal a cleaner would need to reach it.
"""
import argparse
import importlib.util
import json
import os
import re

TOKEN = re.compile(r"\w+")
SENTENCE_END = re.compile(r"[.!?:\"”’)\]]\s*$")


def load_scorer(path):
    spec = importlib.util.spec_from_file_location("extraction_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def is_article(line, shingles, joined):
    tokens = TOKEN.findall(line)
    if len(tokens) < 4:
        return " ".join(tokens) in joined
    grams = [tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3)]
    return sum(1 for g in grams if g in shingles) * 2 >= len(grams)


def is_prose(line):
    return len(TOKEN.findall(line)) >= 12 and SENTENCE_END.search(line) is not None


def read_lines(folder, key):
    path = os.path.join(folder, key + ".txt")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8", errors="replace") as f:
        return [line.strip() for line in f if line.strip()]


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("ground_truth")
    parser.add_argument("output")
    parser.add_argument("--input", help="the cleaner's input folder, for the whole-line oracle")
    parser.add_argument("--scorer", default=os.path.join(here, "..", "..", "shared", "tools", "eval", "extraction_score.py"))
    args = parser.parse_args()

    scorer = load_scorer(args.scorer)
    with open(args.ground_truth, encoding="utf-8") as f:
        truth = {k: (v.get("articleBody") or "") for k, v in json.load(f).items()}

    steps = ["as it is", "+ pages with no article emptied", "+ junk lines that are not prose removed",
             "+ every junk line removed"]
    triples = {step: [] for step in steps}
    oracle = []
    emptied = []
    for key in sorted(truth):
        body = truth[key]
        tokens = TOKEN.findall(body)
        shingles = set(tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3))
        joined = " ".join(tokens)
        lines = [(line, is_article(line, shingles, joined)) for line in read_lines(args.output, key)]
        words = sum(len(TOKEN.findall(line)) for line, _ in lines)
        article_words = sum(len(TOKEN.findall(line)) for line, article in lines if article)
        no_article = words > 0 and article_words < 0.1 * words
        if no_article:
            emptied.append(key)

        def score(keep):
            return scorer.tp_fp_fn(body, "\n\n".join(line for line, article in lines if keep(line, article)))

        triples[steps[0]].append(score(lambda line, article: True))
        triples[steps[1]].append(score(lambda line, article: not no_article))
        triples[steps[2]].append(score(lambda line, article: not no_article and (article or is_prose(line))))
        triples[steps[3]].append(score(lambda line, article: not no_article and article))
        if args.input:
            kept = [line for line in read_lines(args.input, key) if is_article(line, shingles, joined)]
            oracle.append(scorer.tp_fp_fn(body, "\n\n".join(kept)))

    print(f"{'':44} {'F1':>7} {'P':>7} {'R':>7}")
    for step in steps:
        r = scorer.aggregate(triples[step])
        print(f"{step:44} {r['f1']:7.4f} {r['precision']:7.4f} {r['recall']:7.4f}")
    if oracle:
        r = scorer.aggregate(oracle)
        print(f"{'whole-line oracle over the input':44} {r['f1']:7.4f} {r['precision']:7.4f} {r['recall']:7.4f}")
    print(f"pages with no article: {len(emptied)} ({', '.join(emptied)})")


if __name__ == "__main__":
    main()
