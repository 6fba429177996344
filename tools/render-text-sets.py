#!/usr/bin/env python3
"""Render page sets into the many kinds of text a scraped archive holds, for training and scoring the cleaner.

Usage:
    render-text-sets.py OUT [--shared ../shared] [--sets extraction-dev,extraction-more] [--renderers NAME,...]
                            [--jobs 2]

For every set (a folder of ../shared/data with html/<id>.html.gz and ground-truth.json) and every renderer below,
writes OUT/<set>/<renderer>/<id>.txt and copies the ground truth to OUT/<set>/ground-truth.json. Then
`articles clean OUT/<set>/<renderer> --out CLEAN` and `extraction_score.py OUT/<set>/ground-truth.json CLEAN` score
the cleaner on that rendering, and tools/BoilerplateTrain trains on all of them (`--renderings OUT`).

Renderers (family/name; the family is what leave-one-renderer-out cross-validation holds out):

    page/alternate      ../shared/tools/eval/make_text_set.py --style alternate (as boilerplate-dev was made)
    w3m/w3m-80          w3m -dump -cols 80 (Debian package w3m)
    w3m/w3m-132         w3m -dump -cols 132
    lynx/lynx-nolist-80 lynx -dump -nolist -width=80 (Debian package lynx)
    lynx/lynx-80        lynx -dump -width=80 (with the numbered link references and the "References" list)
    lynx/lynx-nolist-132
    html2text/html2text-79  html2text -utf8 -nobs (Debian package html2text; its default width)
    readlater/smartreader   the article text SmartReader saves (tools/ReadLaterSave; as article-text-dev was made)
    extractor/readability   the article text the product's own Readability-style rules extract, without the page
                            model (tools/ReadLaterSave --rules): a second read-later tool

Each page is decoded as html_to_text.py decodes it (UTF-8, else the declared charset, else Windows-1252) and given to
the command-line renderers as UTF-8, so every renderer sees the same characters. Deterministic: the same pages and
tool versions give the same files (the versions are written to OUT/versions.txt).
"""
import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile

RENDERERS = {
    "alternate": ("page", None),
    "w3m-80": ("w3m", ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "80"]),
    "w3m-132": ("w3m", ["w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8", "-cols", "132"]),
    "lynx-nolist-80": ("lynx", ["lynx", "-dump", "-nolist", "-width=80", "-assume_charset=utf-8",
                                "-assume_local_charset=utf-8", "-display_charset=utf-8", "-force_html", "-stdin"]),
    "lynx-80": ("lynx", ["lynx", "-dump", "-width=80", "-assume_charset=utf-8", "-assume_local_charset=utf-8",
                         "-display_charset=utf-8", "-force_html", "-stdin"]),
    "lynx-nolist-132": ("lynx", ["lynx", "-dump", "-nolist", "-width=132", "-assume_charset=utf-8",
                                 "-assume_local_charset=utf-8", "-display_charset=utf-8", "-force_html", "-stdin"]),
    "html2text-79": ("html2text", ["html2text", "-utf8", "-nobs", "-nometa"]),
    "smartreader": ("readlater", None),
    "readability": ("extractor", None),
}


def command_name(renderer):
    return RENDERERS[renderer][1][0]


def run_command(command, html):
    """The renderer's text, as a scraper would save it: what it printed, even when it exits with an error (html2text
    1.3.2a gives up on one extraction-dev page and prints nothing; the file is then empty, as a scraper's would be)."""
    done = subprocess.run(command, input=html.encode("utf-8"), capture_output=True, timeout=120, check=False)
    return done.stdout.decode("utf-8", errors="replace"), done.returncode


def main(argv=None):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--sets", default="extraction-dev,extraction-more")
    ap.add_argument("--renderers", default=",".join(RENDERERS))
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)

    renderers = args.renderers.split(",")
    unknown = [r for r in renderers if r not in RENDERERS]
    if unknown:
        sys.exit(f"unknown renderer {unknown[0]}; known: {', '.join(RENDERERS)}")
    for r in renderers:
        command = RENDERERS[r][1]
        if command and shutil.which(command[0]) is None:
            sys.exit(f"{command[0]} is not installed (apt-get install -y --no-install-recommends {command[0]})")

    sys.path.insert(0, os.path.join(args.shared, "tools", "eval"))
    from html_to_text import read_html, render  # noqa: E402  (the shared scorer's renderer)

    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "versions.txt"), "w", encoding="utf-8") as f:
        for tool, flag in (("w3m", "-version"), ("lynx", "-version"), ("html2text", "-version")):
            if shutil.which(tool):
                first = subprocess.run([tool, flag], capture_output=True, check=False).stdout.decode(
                    "utf-8", "replace").strip().split("\n")[0]
                f.write(f"{tool}: {first}\n")
        f.write("smartreader: SmartReader 0.11.1 (tools/ReadLaterSave)\n")

    for set_name in args.sets.split(","):
        data = os.path.join(args.shared, "data", set_name)
        with open(os.path.join(data, "ground-truth.json"), encoding="utf-8") as f:
            truth = json.load(f)
        set_out = os.path.join(args.out, set_name)
        os.makedirs(set_out, exist_ok=True)
        shutil.copyfile(os.path.join(data, "ground-truth.json"), os.path.join(set_out, "ground-truth.json"))
        ids = sorted(truth)
        for renderer in renderers:
            folder = os.path.join(set_out, renderer)
            os.makedirs(folder, exist_ok=True)
            if renderer in ("smartreader", "readability"):
                subprocess.run(["dotnet", "run", "-c", "Release", "--project", os.path.join(here, "ReadLaterSave"), "--"]
                               + (["--rules"] if renderer == "readability" else [])
                               + [os.path.join(data, "html"), os.path.join(data, "ground-truth.json"), folder],
                               check=True)
                continue
            if renderer == "alternate":
                with tempfile.TemporaryDirectory() as scratch:
                    subprocess.run([sys.executable, os.path.join(args.shared, "tools", "eval", "make_text_set.py"),
                                    os.path.join(data, "html"), os.path.join(data, "ground-truth.json"), scratch,
                                    "--style", "alternate"], check=True)
                    for doc_id in ids:
                        shutil.copyfile(os.path.join(scratch, "txt", doc_id + ".txt"),
                                        os.path.join(folder, doc_id + ".txt"))
                continue

            def one(doc_id, command=RENDERERS[renderer][1], folder=folder):
                source = os.path.join(data, "html", doc_id + ".html")
                html = read_html(source if os.path.exists(source) else source + ".gz")
                text, code = run_command(command, html)
                with open(os.path.join(folder, doc_id + ".txt"), "w", encoding="utf-8") as out:
                    out.write(text)
                return doc_id if code != 0 else None

            with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
                failed = [doc_id for doc_id in pool.map(one, ids) if doc_id]
            note = f" ({command_name(renderer)} failed on {', '.join(failed)}: kept what it printed)" if failed else ""
            print(f"{set_name}/{renderer}: {len(ids)} pages{note}")
    _ = render  # imported so a broken shared renderer fails here, not half-way
    return 0


if __name__ == "__main__":
    sys.exit(main())
