#!/usr/bin/env python3
"""Writes DIR/ with 1,000,000 places (id, name, population, a ref to one of 100 regions),
its schema, and two scripts: count.lua (a field per record) and group.lua (a ref per
record). Time them with `samverkan run --data DIR DIR/count.lua` (and group.lua).

    python3 bench/records_with_refs.py /tmp/pb
"""
import os, random, sys

folder = sys.argv[1] if len(sys.argv) > 1 else ".build-bench/refs"
os.makedirs(folder, exist_ok=True)
rng = random.Random(1)
with open(os.path.join(folder, "places.csv"), "w") as f:
    f.write("id,name,population,region\n")
    f.writelines(f"{i},Plats {i} ö,{rng.randint(0, 1_000_000)},{i % 100}\n" for i in range(1_000_000))
with open(os.path.join(folder, "regions.csv"), "w") as f:
    f.write("id,name\n")
    f.writelines(f"{i},Region {i}\n" for i in range(100))
with open(os.path.join(folder, "schema.yaml"), "w") as f:
    f.write("collections:\n"
            "  regions:\n    file: regions.csv\n    key: id\n    fields:\n"
            "      id: { type: integer }\n      name: { type: string }\n"
            "  places:\n    file: places.csv\n    key: id\n    fields:\n"
            "      id: { type: integer }\n      name: { type: string }\n"
            "      population: { type: integer, minimum: 0 }\n"
            "      region: { type: ref, collection: regions }\n")
with open(os.path.join(folder, "count.lua"), "w") as f:
    f.write("print(kb.places:count(function(r) return r.population > 500000 end))\n")
with open(os.path.join(folder, "group.lua"), "w") as f:
    f.write("local s = {}\nfor r in kb.places:each() do local n = r.region.name; s[n] = (s[n] or 0) + r.population end\n"
            "local k = {} for n in pairs(s) do k[#k + 1] = n end\n"
            "table.sort(k, function(a, b) return s[a] > s[b] end)\nfor i = 1, 5 do print(k[i], s[k[i]]) end\n")
