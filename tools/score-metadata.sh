#!/usr/bin/env bash
# Finds title, authors and publish date in every rendering that tools/render-text-sets.py made, and in each set's
# HTML pages, with the product (`articles clean`), and scores them with ../shared/tools/eval/metadata_score.py:
# one row per set and input, accuracy per field and the share of wrong dates among the dated pages.
#
#   bash tools/score-metadata.sh RENDERINGS OUT [ARTICLES_DLL] [RENDERER ...]
#
# ARTICLES_DLL defaults to the Release build (dotnet build -c Release src/ArticleIndexer.Cli first). RENDERERs default
# to html, alternate (the page's visible text), lynx-80 and w3m-80.
set -euo pipefail
renderings=$1
out=$2
root="$(cd "$(dirname "$0")/.." && pwd)"
dll=${3:-$root/src/ArticleIndexer.Cli/bin/Release/net10.0/articles.dll}
shift $(( $# < 3 ? $# : 3 ))
renderers=("$@")
[ ${#renderers[@]} -gt 0 ] || renderers=(html alternate lynx-80 w3m-80)
shared="$root/../shared"
printf '%-16s %-16s %7s %7s %7s %12s\n' set input title author date "wrong dates"
for set_dir in "$renderings"/*/; do
  set=$(basename "$set_dir")
  truth="$shared/data/$set/ground-truth.json"
  [ -f "$truth" ] || continue
  for renderer in "${renderers[@]}"; do
    input="$set_dir$renderer"
    [ "$renderer" = html ] && input="$shared/data/$set/html"
    [ -d "$input" ] || continue
    rm -rf "$out/$set/$renderer"
    mkdir -p "$out/$set/$renderer"
    dotnet "$dll" clean "$input" --out "$out/$set/$renderer" > /dev/null
    python3 "$shared/tools/eval/metadata_score.py" "$truth" "$out/$set/$renderer" --json | python3 -c '
import json, sys
d = json.load(sys.stdin)
acc = lambda f: "%.3f" % d[f]["accuracy"] if d[f]["accuracy"] is not None else "-"
dated = d["date"]["correct"] + d["date"]["wrong"]
wrong = "%.1f %%" % (100 * d["date"]["wrong"] / dated) if dated else "-"
print("%-16s %-16s %7s %7s %7s %12s" % (sys.argv[1], sys.argv[2], acc("title"), acc("author"), acc("date"), wrong))' "$set" "$renderer"
  done
done
