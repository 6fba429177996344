#!/usr/bin/env bash
# End-to-end indexing benchmark on the news corpus of ../shared/data/news (Reuters-21578).
# Unpacks it (once) into WORK/reuters, takes PCT percent of it (hard links; >100 replicates, as
# ../shared/bench/subset.py does), builds the worker in Release, then times
#   1. a first pass into an empty index, and
#   2. a second pass with nothing changed,
# each under /usr/bin/time -v, and prints files/s, MB/s, peak RSS, the index size and the pass times.
#
# Usage: tools/bench-e2e.sh [--size PCT (100)] [--threads N (0 = one per core)] [--work DIR (/tmp/articleindexer-bench)]
# Needs: the .NET SDK, python3, GNU time (apt-get install time), and ../shared beside the repository.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared="$repo/../shared"
size=100; threads=0; work=/tmp/articleindexer-bench
while (($#)); do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --work) work="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "missing /usr/bin/time: apt-get install time" >&2; exit 1; }
[[ -d $shared/data/news ]] || { echo "missing $shared/data/news: ../shared must sit beside the repository" >&2; exit 1; }

mkdir -p "$work"
if [[ ! -d $work/reuters ]]; then
  bash "$shared/data/news/unpack.sh" "$work/reuters.tmp" && mv "$work/reuters.tmp" "$work/reuters"
fi
corpus="$work/reuters"
if [[ $size != 100 ]]; then
  corpus="$work/corpus-$size"
  [[ -d $corpus ]] || python3 "$shared/bench/subset.py" "$work/reuters" "$corpus" "$size" >&2
fi

dotnet build -c Release "$repo/src/ArticleIndexer.Worker" -v q -nologo > "$work/build.log" 2>&1 || { tail -20 "$work/build.log" >&2; exit 1; }
worker="$repo/src/ArticleIndexer.Worker/bin/Release/net10.0/ArticleIndexer.Worker.dll"
index="$work/index-$size"
rm -rf "$index"

files=$(find "$corpus" -type f -name '*.txt' | wc -l)
bytes=$(find "$corpus" -type f -name '*.txt' -printf '%s\n' | awk '{s+=$1} END {print s+0}')

run() {  # run NAME: one pass, timed; prints "wall_s rss_kb pass_s"
  local name="$1"
  /usr/bin/time -v -o "$work/time-$name.txt" dotnet "$worker" --once --source "$corpus" --index "$index" --threads "$threads" \
    > "$work/log-$name.txt" 2>&1 || { tail -5 "$work/log-$name.txt" >&2; exit 1; }
  local wall rss pass
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$work/time-$name.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time-$name.txt")
  pass=$(grep -oE 'documents in [0-9.]+ s' "$work/log-$name.txt" | tail -1 | grep -oE '[0-9.]+')
  echo "$wall $rss $pass"
}

read -r wall1 rss1 pass1 < <(run first)
read -r wall2 rss2 pass2 < <(run unchanged)
index_bytes=$(du -sb "$index" | cut -f1)
python3 - "$files" "$bytes" "$size" "$threads" "$wall1" "$rss1" "$pass1" "$wall2" "$rss2" "$pass2" "$index_bytes" <<'PY'
import sys
files, bytes_, size, threads = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
w1, r1, p1, w2, r2, p2, ib = (float(x) for x in sys.argv[5:12])
print(f"corpus: {files} files, {bytes_ / 1e6:.1f} MB ({size}% of Reuters-21578), threads {threads} (0 = one per core)")
print(f"first pass:     {w1:.1f} s wall (pass {p1:.1f} s), {files / w1:,.0f} files/s, {bytes_ / 1e6 / w1:.2f} MB/s, peak RSS {r1 / 1024:.0f} MB")
print(f"no-change pass: {w2:.1f} s wall (pass {p2:.2f} s), peak RSS {r2 / 1024:.0f} MB")
print(f"index: {ib / 1e6:.1f} MB ({ib / bytes_:.2f} x the input)")
PY
