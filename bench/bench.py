#!/usr/bin/env python3
"""make bench: samverkan against its peers on the same question, in the same run.

The question (ENGINEERING §4): count the records with population > 500000 in a data set of
1,000,000 records of three fields (id, name, population), whole process. Every tool reads
the same data (CSV, or JSON for the JSON tools). Prints wall time (best of N) and peak RSS
per tool, and samverkan's ratio to each peer. Peers that are not installed are skipped;
`make bench` tries to install them first.
"""
import json, os, random, shutil, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-bench")
N = int(os.environ.get("BENCH_RECORDS", "1000000"))
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SAMVERKAN = os.path.join(ROOT, ".build/release/samverkan")


def make_data():
    os.makedirs(WORK, exist_ok=True)
    stamp = os.path.join(WORK, f"places-{N}.done")
    if os.path.exists(stamp):
        return
    rng = random.Random(1)
    rows = [(i, f"Place {i}", rng.randint(0, 1_000_000)) for i in range(N)]
    with open(os.path.join(WORK, "places.csv"), "w") as f:
        f.write("id,name,population\n")
        f.writelines(f"{i},{n},{p}\n" for i, n, p in rows)
    with open(os.path.join(WORK, "places.json"), "w") as f:
        json.dump([{"id": i, "name": n, "population": p} for i, n, p in rows], f)
    with open(os.path.join(WORK, "schema.yaml"), "w") as f:
        f.write("collections:\n  places:\n    file: places.csv\n    key: id\n    fields:\n"
                "      id: { type: integer }\n      name: { type: string }\n"
                "      population: { type: integer, minimum: 0 }\n")
    with open(os.path.join(WORK, "count.lua"), "w") as f:
        f.write("print(kb.places:count(function(r) return r.population > 500000 end))\n")
    with open(os.path.join(WORK, "count_cjson.lua"), "w") as f:
        f.write('local cjson = require("cjson")\nlocal f = io.open("places.json")\n'
                'local data = cjson.decode(f:read("a"))\nlocal n = 0\n'
                'for _, r in ipairs(data) do if r.population > 500000 then n = n + 1 end end\nprint(n)\n')
    open(stamp, "w").close()


def measure(command):
    """Best wall time of RUNS runs and the peak RSS (MB); the output's last line."""
    best, peak, out = None, 0, ""
    for _ in range(RUNS):
        start = time.perf_counter()
        proc = subprocess.Popen(command, cwd=WORK, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        data = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        if status != 0:
            return None
        out = data.decode().strip().splitlines()[-1] if data.strip() else ""
        best = elapsed if best is None else min(best, elapsed)
        peak = max(peak, usage.ru_maxrss / 1024)
    return best, peak, out


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--make-data":
        make_data(); return
    if not os.path.exists(SAMVERKAN):
        sys.exit("build the release binary first: swift build -c release")
    # In a child process: a child forked from a parent holding the data set in memory
    # would report the parent's size as its own peak RSS.
    subprocess.run([sys.executable, os.path.abspath(__file__), "--make-data"], check=True)
    py = sys.executable
    tools = [
        ("samverkan query --where", [SAMVERKAN, "query", "places", "--data", ".", "--where", "population > 500000",
                                     "--columns", "id", "--format", "csv", "-q"], "csv-lines"),
        ("samverkan run (Lua count)", [SAMVERKAN, "run", "--data", ".", "count.lua"], None),
        ("duckdb (python)", [py, "-c", "import duckdb; print(duckdb.connect().execute(\"select count(*) from "
                                         "'places.csv' where population > 500000\").fetchall()[0][0])"], None),
        ("python3 json", [py, "-c", "import json; print(sum(1 for r in json.load(open('places.json')) "
                                      "if r['population'] > 500000))"], None),
        ("python3 csv.DictReader", [py, "-c", "import csv; print(sum(1 for r in csv.DictReader(open('places.csv')) "
                                                "if int(r['population']) > 500000))"], None),
        ("lua5.4 + lua-cjson", ["lua5.4", "count_cjson.lua"], None),
        ("jq", ["jq", "[.[] | select(.population > 500000)] | length", "places.json"], None),
    ]
    results = []
    for name, command, mode in tools:
        if shutil.which(command[0]) is None and not os.path.exists(command[0]):
            results.append((name, None)); continue
        if mode == "csv-lines":
            command = ["sh", "-c", " ".join(f"'{c}'" for c in command) + " | tail -n +2 | wc -l"]
        results.append((name, measure(command)))
    base = results[1][1] or results[0][1]
    print(f"{N:,} records, best of {RUNS} runs, whole process\n")
    print(f"{'tool':28} {'time':>9} {'peak RSS':>10} {'answer':>8}  samverkan run ÷ tool")
    for name, r in results:
        if r is None:
            print(f"{name:28} {'(not installed or failed)':>30}"); continue
        t, rss, answer = r
        ratio = f"{base[0] / t:6.2f}×" if base else ""
        print(f"{name:28} {t * 1000:7.0f} ms {rss:7.0f} MB {answer:>8}  {ratio}")


if __name__ == "__main__":
    main()
