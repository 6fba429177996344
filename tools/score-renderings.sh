#!/usr/bin/env bash
# Cleans every rendering that tools/render-text-sets.py made with the product (`articles clean`) and scores it with
# ../shared/tools/eval/extraction_score.py: one row per set and renderer, the input as it is ("keep all") and cleaned.
#
#   bash tools/score-renderings.sh RENDERINGS OUT [ARTICLES_DLL]
#
# ARTICLES_DLL defaults to the Release build (dotnet build -c Release src/ArticleIndexer.Cli first). Also cleans each
# set's HTML pages (../shared/data/SET/html), the row "html".
set -euo pipefail
renderings=$1
out=$2
root="$(cd "$(dirname "$0")/.." && pwd)"
dll=${3:-$root/src/ArticleIndexer.Cli/bin/Release/net10.0/articles.dll}
shared="$root/../shared"
score() {
  python3 "$shared/tools/eval/extraction_score.py" "$1" "$2" --json |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print("%.4f (%.3f %.3f)" % (d["f1"], d["precision"], d["recall"]))'
}
printf '%-18s %-16s %-24s %-24s\n' set renderer "keep all" "articles clean"
for set_dir in "$renderings"/*/; do
  set=$(basename "$set_dir")
  truth="$set_dir/ground-truth.json"
  [ -f "$truth" ] || continue
  for input in "$set_dir"*/ html; do
    if [ "$input" = html ]; then
      renderer=html
      input="$shared/data/$set/html"
      keep=""
    else
      renderer=$(basename "$input")
      keep=$(score "$truth" "$input")
    fi
    rm -rf "$out/$set/$renderer"
    mkdir -p "$out/$set/$renderer"
    dotnet "$dll" clean "$input" --out "$out/$set/$renderer" > /dev/null
    printf '%-18s %-16s %-24s %-24s\n' "$set" "$renderer" "$keep" "$(score "$truth" "$out/$set/$renderer")"
  done
done
