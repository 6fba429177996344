#!/usr/bin/env python3
"""Builds the compact lexicon files that ArticleIndexer.Core embeds (src/ArticleIndexer.Core/Entities/Data/).

The product never reads ../shared at run time; this script is the one place that does. Run it from the
repository root after the gazetteer or CoNLL data changes:

    python3 tools/build-lexicons.py ../shared/data src/ArticleIndexer.Core/Entities/Data

Outputs (all UTF-8, deterministic: sorted, fixed gzip mtime):
  places.tsv.gz     GeoNames cities1000 (CC-BY 4.0): name, geonameid, country, admin1, feature, population, lat, lon
  countries.tsv     world-countries (ODbL 1.0): cca2, name, official name, alt spellings, demonyms, capital
  regions.tsv       country-region-data (MIT): country code, first-level region name
  first-names.txt   stdlib first-name lists (PDDL/CC0), male and female merged
  common-words.txt  words seen mostly in lower case in CoNLL-2003 train (research use), frequency >= 3
"""
import collections
import gzip
import io
import os
import sys


def write_gzip(path, text):
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    with open(path, "wb") as f:
        f.write(raw.getvalue())


def main(data, out):
    gaz = os.path.join(data, "gazetteer")
    os.makedirs(out, exist_ok=True)

    # Places: keep every populated place, coordinates rounded to ~100 m, sorted by name then population.
    rows = []
    with gzip.open(os.path.join(gaz, "cities1000.tsv.gz"), "rt", encoding="utf-8") as f:
        header = f.readline()
        for line in f:
            gid, name, cc, adm1, feat, pop, lat, lon = line.rstrip("\n").split("\t")
            rows.append((name, int(gid), cc, adm1, feat, int(pop), f"{float(lat):.3f}", f"{float(lon):.3f}"))
    rows.sort(key=lambda r: (r[0], -r[5], r[1]))
    text = "".join("\t".join(str(c) for c in r) + "\n" for r in rows)
    write_gzip(os.path.join(out, "places.tsv.gz"), text)

    with open(os.path.join(gaz, "countries.tsv"), encoding="utf-8") as f:
        cols = f.readline().rstrip("\n").split("\t")
        idx = {c: i for i, c in enumerate(cols)}
        lines = []
        for line in f:
            v = line.rstrip("\n").split("\t")
            lines.append("\t".join([v[idx["cca2"]], v[idx["name_common"]], v[idx["name_official"]],
                                    v[idx["alt_spellings"]], v[idx["demonym_m"]], v[idx["demonym_f"]],
                                    v[idx["capital"]]]))
    with open(os.path.join(out, "countries.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(lines)) + "\n")

    regions = set()
    with open(os.path.join(gaz, "admin1-regions.tsv"), encoding="utf-8") as f:
        f.readline()
        for line in f:
            v = line.rstrip("\n").split("\t")
            regions.add(f"{v[0]}\t{v[2]}")
    with open(os.path.join(out, "regions.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(regions)) + "\n")

    names = set()
    for fn in ("first-names-male.txt", "first-names-female.txt"):
        with open(os.path.join(gaz, fn), encoding="utf-8") as f:
            names.update(n.strip() for n in f if n.strip())
    with open(os.path.join(out, "first-names.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(sorted(names)) + "\n")

    # Common words: tokens that CoNLL train shows in lower case at least 3 times, and at least twice as often in
    # lower case as inside an entity ("may", "centre" are common; "reuters" is not).
    lower = collections.Counter()
    entity = collections.Counter()
    with open(os.path.join(data, "conll2003", "train.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 4 or parts[0] == "-DOCSTART-":
                continue
            word, tag = parts[0], parts[-1]
            if tag != "O":
                entity[word.lower()] += 1
            elif word.isalpha() and word.islower():
                lower[word] += 1
    common = sorted(w for w, n in lower.items() if n >= 3 and n >= 2 * entity[w])
    with open(os.path.join(out, "common-words.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(common) + "\n")

    for fn in sorted(os.listdir(out)):
        print(f"{fn}\t{os.path.getsize(os.path.join(out, fn)):,} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
