#!/usr/bin/env python3
"""Check the samverkan knowledge base in data/ (standard library only).

1. Schema: data/schema.yaml is well formed (SPEC §2): known types, refs to existing
   collections, no reserved field names, a key on every collection that is not single,
   relations that invert a ref field.
2. Records: every file loads; every value has its field's type and meets its
   constraints; keys are unique; every ref resolves; no unknown fields.
3. Facts: the cross-checks from the brief (77 municipalities per region, population
   totals and shares, complete years, ...), checked against the figures in the sources.
4. Generated files are up to date: tools/build_data.py, run into a temporary folder,
   reproduces them byte for byte (skipped with --no-rebuild or when the sources are
   missing).

Usage: python3 tools/check_data.py [--data DIR] [--sources DIR] [--no-rebuild]
Exit status 0 when every check passes, 1 otherwise.
"""

import argparse
import csv
import json
import os
import re
import sys
import tempfile

TOOLS = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(TOOLS)
sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
sys.path.insert(0, TOOLS)

import minyaml  # noqa: E402

SCALARS = {"string", "integer", "number", "boolean", "date"}
RESERVED = {"key", "location", "fields"}
CONSTRAINTS = {"type", "items", "collection", "required", "unique", "enum", "minimum",
               "maximum", "pattern", "min_length", "max_length", "description"}

# Expected facts (brief; figures as the sources state them, see SOURCES.md).
REGION_COUNTS = {"12": 33, "13": 6, "06": 13, "08": 12, "07": 8, "10": 5}
SIX_2024 = 2_750_635
SWEDEN_2024 = 10_587_710
SKANE_2019 = 1_377_827
MALMO_2024 = 365_644
YEARS = list(range(1950, 2021)) + [2024]


class Checker:
    def __init__(self):
        self.errors = []
        self.passed = 0

    def fail(self, message):
        self.errors.append(message)

    def expect(self, condition, message):
        if condition:
            self.passed += 1
        else:
            self.fail(message)
        return condition


# ---------------------------------------------------------------- loading

def read_yaml(path):
    with open(path, encoding="utf-8-sig") as f:
        return minyaml.load(f.read(), os.path.relpath(path, os.getcwd()))


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    rows = list(csv.reader(text.splitlines(keepends=True)))
    header, body = rows[0], rows[1:]
    records = []
    for line, row in enumerate(body, 2):
        if len(row) != len(header):
            raise ValueError("%s:%d: %d cells, header has %d" % (path, line, len(row), len(header)))
        records.append({h: (v if v != "" else None) for h, v in zip(header, row)})
    return header, records, text


def load_collection(data_dir, spec):
    path = os.path.join(data_dir, spec["file"])
    if spec["file"].endswith((".yaml", ".yml")):
        return read_yaml(path), "yaml"
    if spec["file"].endswith(".json"):
        with open(path, encoding="utf-8-sig") as f:
            return json.load(f), "json"
    header, records, _ = read_csv(path)
    return records, "csv"


# ---------------------------------------------------------------- schema

def check_schema(schema, ck):
    collections = schema.get("collections") if isinstance(schema, dict) else None
    if not ck.expect(isinstance(collections, dict) and collections, "schema: no 'collections' mapping"):
        return {}
    for name, spec in collections.items():
        where = "schema: %s" % name
        ck.expect(isinstance(spec.get("file"), str), where + ": no file")
        ck.expect(isinstance(spec.get("description"), str), where + ": no description")
        single = spec.get("single", False) is True
        fields = spec.get("fields") or {}
        if single:
            ck.expect("key" not in spec, where + ": a single collection has no key")
        else:
            ck.expect(spec.get("key") in fields, where + ": key %r is not a field" % spec.get("key"))
        for field, f in fields.items():
            fw = "%s.%s" % (where, field)
            ck.expect(field not in RESERVED, fw + ": reserved field name")
            ck.expect(set(f) <= CONSTRAINTS, fw + ": unknown constraint %s" % sorted(set(f) - CONSTRAINTS))
            t = f.get("type")
            if t == "ref":
                ck.expect(f.get("collection") in collections, fw + ": ref to unknown collection")
            elif t == "list":
                items = f.get("items")
                ck.expect(items in SCALARS or items == "ref", fw + ": bad list items %r" % items)
                if items == "ref":
                    ck.expect(f.get("collection") in collections, fw + ": ref to unknown collection")
            else:
                ck.expect(t in SCALARS, fw + ": unknown type %r" % t)
        for relation, r in (spec.get("relations") or {}).items():
            rw = "%s.%s (relation)" % (where, relation)
            ck.expect(relation not in fields and relation not in RESERVED, rw + ": clashes with a field")
            other = collections.get(r.get("collection"), {})
            target = (other.get("fields") or {}).get(r.get("field"), {})
            ck.expect(target.get("collection") == name and target.get("type") in ("ref", "list"),
                      rw + ": %s.%s is not a ref to %s" % (r.get("collection"), r.get("field"), name))
    return collections


# ---------------------------------------------------------------- records

DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def convert(value, t, origin):
    """A value from a file -> a Python value of type t, or raise ValueError."""
    if origin == "csv":
        if t == "integer":
            if not re.fullmatch(r"-?[0-9]+", value):
                raise ValueError("not an integer: %r" % value)
            return int(value)
        if t == "number":
            if not re.fullmatch(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?", value):
                raise ValueError("not a number: %r" % value)
            return float(value)
        if t == "boolean":
            if value not in ("true", "false"):
                raise ValueError("not a boolean: %r" % value)
            return value == "true"
    if t in ("string", "ref", "date") and not isinstance(value, str):
        raise ValueError("not a string: %r (quote it)" % (value,))
    if t == "date" and not DATE.fullmatch(value):
        raise ValueError("not a date YYYY-MM-DD: %r" % value)
    if t == "integer" and (isinstance(value, bool) or not isinstance(value, int)):
        raise ValueError("not an integer: %r" % (value,))
    if t == "number" and (isinstance(value, bool) or not isinstance(value, (int, float))):
        raise ValueError("not a number: %r" % (value,))
    if t == "boolean" and not isinstance(value, bool):
        raise ValueError("not a boolean: %r" % (value,))
    return value


def check_records(data_dir, collections, ck):
    store = {}
    for name, spec in collections.items():
        try:
            raw, origin = load_collection(data_dir, spec)
        except (OSError, ValueError, minyaml.YamlError) as error:
            ck.fail("%s: cannot load %s: %s" % (name, spec.get("file"), error))
            continue
        single = spec.get("single", False) is True
        if single:
            ck.expect(isinstance(raw, dict), "%s: expected one mapping" % name)
            raw = [raw] if isinstance(raw, dict) else []
        else:
            ck.expect(isinstance(raw, list), "%s: expected a sequence of records" % name)
        fields = spec["fields"]
        records = []
        for index, rec in enumerate(raw):
            where = "%s[%d]" % (name, index + 1)
            unknown = set(rec) - set(fields)
            ck.expect(not unknown, "%s: unknown fields %s" % (where, sorted(unknown)))
            out = {}
            for field, f in fields.items():
                value = rec.get(field)
                if value is None:
                    ck.expect(not f.get("required"), "%s.%s is required" % (where, field))
                    continue
                try:
                    if f["type"] == "list":
                        if origin == "csv":
                            items = value.split(";")
                        elif isinstance(value, list):
                            items = value
                        else:
                            raise ValueError("not a list: %r" % (value,))
                        value = [convert(v, f["items"], origin) for v in items]
                    else:
                        value = convert(value, f["type"], origin)
                except ValueError as error:
                    ck.fail("%s.%s: %s" % (where, field, error))
                    continue
                check_constraints(where, field, f, value, ck)
                out[field] = value
            records.append(out)
        key = spec.get("key")
        if key:
            keys = [r.get(key) for r in records]
            ck.expect(len(set(keys)) == len(keys), "%s: duplicate keys" % name)
        for field, f in fields.items():
            if f.get("unique"):
                values = [r[field] for r in records if field in r]
                ck.expect(len(set(values)) == len(values), "%s.%s: values not unique" % (name, field))
        store[name] = records
    # refs
    keys = {name: {r.get(spec.get("key")) for r in store.get(name, [])}
            for name, spec in collections.items() if spec.get("key")}
    for name, spec in collections.items():
        for field, f in spec["fields"].items():
            target = f.get("collection")
            if not target:
                continue
            for index, r in enumerate(store.get(name, [])):
                values = r.get(field)
                values = values if isinstance(values, list) else [values] if values is not None else []
                for v in values:
                    ck.expect(v in keys.get(target, ()),
                              "%s[%d].%s: no %s with key %r" % (name, index + 1, field, target, v))
    return store


def check_constraints(where, field, f, value, ck):
    values = value if isinstance(value, list) else [value]
    for v in values:
        label = "%s.%s = %r" % (where, field, v)
        if "enum" in f:
            ck.expect(v in f["enum"], label + ": not in enum")
        if "minimum" in f and isinstance(v, (int, float)):
            ck.expect(v >= f["minimum"], label + ": below minimum %s" % f["minimum"])
        if "maximum" in f and isinstance(v, (int, float)):
            ck.expect(v <= f["maximum"], label + ": above maximum %s" % f["maximum"])
        if "pattern" in f and isinstance(v, str):
            ck.expect(re.search(f["pattern"], v), label + ": does not match %s" % f["pattern"])
        if "min_length" in f and isinstance(v, str):
            ck.expect(len(v) >= f["min_length"], label + ": too short")
        if "max_length" in f and isinstance(v, str):
            ck.expect(len(v) <= f["max_length"], label + ": too long")


# ---------------------------------------------------------------- facts

def swedish_percent(fraction):
    return ("%.1f %%" % (fraction * 100)).replace(".", ",")


def check_facts(data_dir, kb, ck):
    regions = {r["code"]: r for r in kb["regions"]}
    municipalities = {m["code"]: m for m in kb["municipalities"]}
    population = kb["population"]
    national = {r["year"]: r["population"] for r in kb["national_population"]}

    ck.expect(len(regions) == 6, "expected 6 regions, got %d" % len(regions))
    ck.expect(len(municipalities) == 77, "expected 77 municipalities, got %d" % len(municipalities))
    for code, count in REGION_COUNTS.items():
        got = sum(1 for m in municipalities.values() if m["region"] == code)
        ck.expect(got == count, "region %s: expected %d municipalities, got %d" % (code, count, got))
    for m in municipalities.values():
        ck.expect(m["code"].startswith(m["region"]), "municipality %s is not in region %s" % (m["code"], m["region"]))

    value = {(p["municipality"], p["year"]): p["population"] for p in population}
    ck.expect(len(value) == len(population), "population: duplicate (municipality, year)")
    for p in population:
        ck.expect(p["municipality"] in municipalities, "population %s: unknown municipality" % p["id"])
        ck.expect(p["id"] == "%s-%d" % (p["municipality"], p["year"]), "population %s: id is not code-year" % p["id"])
    # Every municipality has the same years: at least 1950-2020 and 2024 (later years
    # may be added, see docs/data.md).
    years = sorted({y for (_, y) in value})
    ck.expect(set(YEARS) <= set(years), "population: missing years %s" % sorted(set(YEARS) - set(years)))
    for code in municipalities:
        missing = [y for y in years if (code, y) not in value]
        ck.expect(not missing, "population: %s lacks years %s" % (code, missing))
    order = [(p["municipality"], p["year"]) for p in population]
    ck.expect(order == sorted(order), "population: not sorted by municipality code, then year")
    ck.expect(len(population) == 77 * len(years), "population: expected %d rows" % (77 * len(years)))
    for p in population:
        expected = {2024: "val26-folkmangd-2024"}.get(p["year"], "scb-malmogram" if p["year"] <= 2020 else None)
        if expected and p["source"] != expected:
            ck.fail("population %s: source %s, expected %s" % (p["id"], p["source"], expected))

    def total(year, region=None):
        return sum(v for (c, y), v in value.items() if y == year and (region is None or c[:2] == region))

    six_2024 = total(2024)
    ck.expect(six_2024 == SIX_2024, "six regions 2024: %d, expected %d" % (six_2024, SIX_2024))
    ck.expect(national.get(2024) == SWEDEN_2024, "Sweden 2024: %r, expected %d" % (national.get(2024), SWEDEN_2024))
    share_2024 = six_2024 / national[2024]
    ck.expect(round(share_2024 * 100, 2) == 25.98, "share 2024 %.4f, expected 25.98 %%" % (share_2024 * 100))
    ck.expect(swedish_percent(share_2024) == "26,0 %", "share 2024 formats as %s" % swedish_percent(share_2024))
    share_2020 = total(2020) / national[2020]
    ck.expect(swedish_percent(share_2020) == "26,0 %", "share 2020 formats as %s" % swedish_percent(share_2020))
    ck.expect(total(2019, "12") == SKANE_2019, "Skåne 2019: %d, expected %d" % (total(2019, "12"), SKANE_2019))
    ck.expect(value.get(("1280", 2024)) == MALMO_2024, "Malmö 2024: %r" % value.get(("1280", 2024)))
    ck.expect(municipalities["1280"]["name"] == "Malmö", "1280 is not Malmö")
    ck.expect(sorted(national) == list(range(1950, max(national) + 1)) and max(national) >= 2024,
              "national_population: years are not 1950-%d without gaps" % max(national))
    for year in years:
        ck.expect(national.get(year, 0) >= total(year), "Sweden %d is below the six regions' sum" % year)

    # Region land areas are the sums of their municipalities'.
    for code, r in regions.items():
        land = round(sum(m["land_area_km2"] for m in municipalities.values() if m["region"] == code), 2)
        ck.expect(abs(land - r["land_area_km2"]) < 0.005, "region %s: land area %s != sum %s" % (code, r["land_area_km2"], land))
    ck.expect(regions["12"]["land_area_km2"] == 10967.48, "Skåne land area")
    ck.expect(municipalities["1280"]["land_area_km2"] == 156.60, "Malmö land area")

    # The organisation's stated figures agree with the data.
    org = kb["organisation"][0]
    ck.expect(org["stated_member_count"] == len(org["member_regions"]) == len(regions), "member count")
    ck.expect(set(org["member_regions"]) == set(regions), "member_regions are not the six regions")
    ck.expect(round(share_2024 * 100) == org["stated_share_percent"], "stated share vs data")
    # "2,7 miljoner" fits 2020 (2 698 423); 2024 (2 750 635) would round to 2,8 miljoner.
    ck.expect(round(total(2020), -5) == org["stated_population_value"], "stated population vs data (2020, rounded)")
    ck.expect(org["founded"] == "2016-01-01", "founded")

    # Curated collections.
    ck.expect(len(kb["areas"]) == 7, "expected 7 areas")
    ck.expect(len(kb["committees"]) == 3, "expected 3 committees")
    ck.expect([p["id"] for p in kb["priorities"]] == ["2023-%s" % c for c in "ABCDE"], "priorities 2023 A-E")
    ck.expect(len(kb["fa_regions"]) == 14, "expected 14 FA15 regions")
    ck.expect(len(kb["labour_markets"]) == 16, "expected 16 LA 2021 regions")
    gbg = next(r for r in kb["labour_markets"] if r["code"] == "LA2123")
    ck.expect(gbg.get("other_counties") == ["Västra Götalands län"], "LA2123 Göteborg spans Västra Götaland")
    for name in ("fa_regions", "labour_markets"):
        used = {m["fa_region" if name == "fa_regions" else "labour_market"] for m in municipalities.values()}
        ck.expect(used == {r["code"] for r in kb[name]}, "%s: records and municipalities' refs differ" % name)

    # Maps: the GeoJSON files hold exactly the regions and municipalities.
    for file, prop, keys in (("geo/regions.geojson", "lan_kod", set(regions)),
                             ("geo/municipalities.geojson", "kommun_kod", set(municipalities))):
        with open(os.path.join(data_dir, file), encoding="utf-8") as f:
            features = json.load(f)["features"]
        ck.expect({x["properties"][prop] for x in features} == keys and len(features) == len(keys),
                  "%s: features do not match the collection" % file)

    # CSV form: LF line ends, no BOM.
    for name in ("municipalities", "population", "national_population", "fa_regions", "labour_markets"):
        with open(os.path.join(data_dir, name + ".csv"), "rb") as f:
            raw = f.read()
        ck.expect(b"\r" not in raw and not raw.startswith(b"\xef\xbb\xbf") and raw.endswith(b"\n"),
                  "%s.csv: expected LF line ends, no BOM, final newline" % name)


# ---------------------------------------------------------------- generated files

def check_generated(data_dir, sources, ck):
    import build_data
    with tempfile.TemporaryDirectory() as tmp:
        for run in (1, 2):
            out = os.path.join(tmp, "run%d" % run)
            devnull = open(os.devnull, "w")
            stdout, stderr = sys.stdout, sys.stderr
            sys.stdout, sys.stderr = devnull, devnull
            try:
                build_data.build(sources, out)
            finally:
                sys.stdout, sys.stderr = stdout, stderr
                devnull.close()
        for root, _, files in os.walk(os.path.join(tmp, "run1")):
            for file in sorted(files):
                rel = os.path.relpath(os.path.join(root, file), os.path.join(tmp, "run1"))
                with open(os.path.join(tmp, "run1", rel), "rb") as a, open(os.path.join(tmp, "run2", rel), "rb") as b:
                    first = a.read()
                    ck.expect(first == b.read(), "build_data.py is not deterministic: %s" % rel)
                try:
                    with open(os.path.join(data_dir, rel), "rb") as c:
                        current = c.read()
                except OSError:
                    current = None
                ck.expect(first == current, "data/%s is not what tools/build_data.py generates; run it" % rel)


def check_compiled(kb, sources, ck):
    """Compare with the compiled tables in the sources folder (an independent build)."""
    with open(os.path.join(sources, "COMPILED_sydsverige_municipalities.csv"), encoding="utf-8", newline="") as f:
        compiled = list(csv.DictReader(f))
    value = {(p["municipality"], p["year"]): p["population"] for p in kb["population"]}
    municipalities = {m["code"]: m for m in kb["municipalities"]}
    ck.expect(len(compiled) == len(municipalities), "COMPILED: number of municipalities differs")
    for row in compiled:
        code = row["kommunkod"]
        m = municipalities.get(code)
        if not ck.expect(m is not None, "COMPILED: %s missing" % code):
            continue
        ck.expect(m["name"] == row["kommun"] and m["region"] == row["lanskod"], "COMPILED: %s name/region" % code)
        for year in (2015, 2019, 2020, 2024):
            ck.expect(value.get((code, year)) == int(row["folkmangd_%d" % year]),
                      "COMPILED: %s %d population differs" % (code, year))
        ck.expect(abs(m["land_area_km2"] - float(row["landareal_km2_2015"])) < 0.005, "COMPILED: %s land" % code)
        ck.expect(abs(m["total_area_km2"] - float(row["totalareal_km2_2015"])) < 0.005, "COMPILED: %s total" % code)
        ck.expect(m["fa_region"] == row["fa15_kod_derived"], "COMPILED: %s FA15" % code)
        ck.expect(m["labour_market"] == row["la2021_kod_derived"], "COMPILED: %s LA" % code)
    with open(os.path.join(sources, "COMPILED_sydsverige_counties.csv"), encoding="utf-8", newline="") as f:
        counties = list(csv.DictReader(f))
    national = {r["year"]: r["population"] for r in kb["national_population"]}
    for row in counties:
        for year in range(2015, 2025):
            stated = row.get("folkmangd_%d" % year)
            if not stated:
                continue
            if row["lanskod"] == "00":
                ck.expect(national.get(year) == int(stated), "COMPILED: Sweden %d differs" % year)
            elif year in YEARS:  # other years there are page figures, not in population
                got = sum(v for (c, y), v in value.items() if y == year and c[:2] == row["lanskod"])
                ck.expect(got == int(stated), "COMPILED: county %s %d: %d vs %s" % (row["lanskod"], year, got, stated))


def main(argv=None):
    parser = argparse.ArgumentParser(description="Check the samverkan knowledge base.")
    parser.add_argument("--data", default=os.path.join(REPO, "data"))
    parser.add_argument("--sources", default=os.path.join(REPO, "..", "shared", "data", "sources"))
    parser.add_argument("--no-rebuild", action="store_true", help="skip comparing with a fresh build")
    args = parser.parse_args(argv)
    ck = Checker()
    try:
        schema = read_yaml(os.path.join(args.data, "schema.yaml"))
    except (OSError, minyaml.YamlError) as error:
        print("check_data: error: %s" % error)
        return 1
    collections = check_schema(schema, ck)
    kb = check_records(args.data, collections, ck)
    if not ck.errors:
        check_facts(args.data, kb, ck)
    if not ck.errors and os.path.isdir(args.sources):
        check_compiled(kb, os.path.normpath(args.sources), ck)
    if not args.no_rebuild:
        if os.path.isdir(args.sources):
            check_generated(args.data, os.path.normpath(args.sources), ck)
        else:
            print("check_data: note: sources not found at %s; generated files not compared" % args.sources)
    for error in ck.errors:
        print("check_data: FAIL: " + error)
    counts = ", ".join("%s %d" % (name, len(records)) for name, records in kb.items())
    print("check_data: %d checks passed, %d failed (%s)" % (ck.passed, len(ck.errors), counts))
    return 1 if ck.errors else 0


if __name__ == "__main__":
    sys.exit(main())
