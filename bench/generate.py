#!/usr/bin/env python3
"""The data `make bench` measures on, deterministic from a seed: DIR/ holds 100 regions and
N places (id, a name with Swedish letters, population, a ref to a region) as CSV and JSON,
the schema, the scripts each tool runs, and the plugins samverkan runs.

    python3 bench/generate.py DIR N [SEED]
"""
import json, os, random, sys

REGION_COUNT = 100
THRESHOLD = 500_000


def write(folder, n, seed=1):
    os.makedirs(os.path.join(folder, "scripts", "filters"), exist_ok=True)
    rng = random.Random(seed)
    regions = [(i, f"Region {i} {'ÅÄÖ'[i % 3]}" + "öster" * (i % 2)) for i in range(REGION_COUNT)]
    with open(os.path.join(folder, "regions.csv"), "w", encoding="utf-8") as f:
        f.write("id,name\n")
        f.writelines(f"{i},{name}\n" for i, name in regions)
    with open(os.path.join(folder, "regions.json"), "w", encoding="utf-8") as f:
        json.dump([{"id": i, "name": name} for i, name in regions], f, ensure_ascii=False)
    chunk = 100_000
    with open(os.path.join(folder, "places.csv"), "w", encoding="utf-8") as csv, \
         open(os.path.join(folder, "places.json"), "w", encoding="utf-8") as js:
        csv.write("id,name,population,region\n")
        js.write("[")
        for start in range(0, n, chunk):
            rows = [(i, f"Plats {i} {'åäö'[i % 3]}", rng.randint(0, 1_000_000), rng.randrange(REGION_COUNT))
                    for i in range(start, min(n, start + chunk))]
            csv.writelines(f"{i},{name},{p},{r}\n" for i, name, p, r in rows)
            js.write(("," if start else "") + ",".join(
                json.dumps({"id": i, "name": name, "population": p, "region": r}, ensure_ascii=False)
                for i, name, p, r in rows))
        js.write("]")
    files = {
        "schema.yaml": "collections:\n"
                       "  regions:\n    file: regions.csv\n    key: id\n    fields:\n"
                       "      id: { type: integer }\n      name: { type: string, required: true }\n"
                       "  places:\n    file: places.csv\n    key: id\n    fields:\n"
                       "      id: { type: integer }\n      name: { type: string, required: true }\n"
                       "      population: { type: integer, required: true, minimum: 0 }\n"
                       "      region: { type: ref, collection: regions, required: true }\n",
        "count.lua": f"print(kb.places:count(function(r) return r.population > {THRESHOLD} end))\n",
        "group.lua": "local sums = {}\n"
                     "for p in kb.places:each() do local n = p.region.name; sums[n] = (sums[n] or 0) + p.population end\n"
                     "local names = {}\nfor n in pairs(sums) do names[#names + 1] = n end\n"
                     "table.sort(names, function(a, b) if sums[a] ~= sums[b] then return sums[a] > sums[b] end return a < b end)\n"
                     "for i = 1, 5 do print(names[i] .. \",\" .. sums[names[i]]) end\n",
        "scripts/filters/big.lua": "return {\n  kind = \"filter\",\n  collection = \"places\",\n"
                                   f"  match = function(p) return p.population > {THRESHOLD} end,\n"
                                   "  columns = { \"id\" },\n}\n",
        # frictionless: the same checks as samverkan's schema, for a data package of both files.
        "datapackage.json": json.dumps({"resources": [
            {"name": "regions", "path": "regions.csv", "schema": {
                "fields": [{"name": "id", "type": "integer"}, {"name": "name", "type": "string", "constraints": {"required": True}}],
                "primaryKey": ["id"]}},
            {"name": "places", "path": "places.csv", "schema": {
                "fields": [{"name": "id", "type": "integer"},
                           {"name": "name", "type": "string", "constraints": {"required": True}},
                           {"name": "population", "type": "integer", "constraints": {"required": True, "minimum": 0}},
                           {"name": "region", "type": "integer", "constraints": {"required": True}}],
                "primaryKey": ["id"],
                "foreignKeys": [{"fields": ["region"], "reference": {"resource": "regions", "fields": ["id"]}}]}},
        ]}, indent=1),
        "count_cjson.lua": "local cjson = require(\"cjson\")\nlocal f = io.open(\"places.json\")\n"
                           "local data = cjson.decode(f:read(\"a\"))\nlocal n = 0\n"
                           f"for _, r in ipairs(data) do if r.population > {THRESHOLD} then n = n + 1 end end\nprint(n)\n",
    }
    for name, text in files.items():
        with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
            f.write(text)


if __name__ == "__main__":
    write(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 1)
