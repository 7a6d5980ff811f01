#!/usr/bin/env python3
"""make bench: samverkan against its peers on the same questions, in one run.

Data: bench/generate.py (deterministic), 100 regions and N places with a ref to one.
Questions, each answered by every tool on the same files, outputs checked equal:
  1. filter: how many places have population > 500 000 (samverkan `query --where`, a filter
     plugin and `run`; the DuckDB CLI on the CSV; jq; Python csv and json; lua5.4 + lua-cjson)
  2. aggregate through the ref: population per region name, top 5 (samverkan `run`; DuckDB SQL)
  3. validate: types, required, unique keys, minimum, refs (samverkan `validate`; the same
     checks as one DuckDB query; frictionless on 100k records)
  4. start-up: `report overview` on the shipped data; `python3 -c 'import json'`; `lua5.4 -e ''`
  5. warm: DuckDB on its own database file (samverkan's warm cache is not built yet)
  6. peak RSS of every run
  7. growth: samverkan at each size of BENCH_SIZES
Tools alternate within each round; the median of BENCH_RUNS rounds (default 5) is reported.
Prints the tables and writes bench/results.md with the machine and the tools' versions.
Peers that are missing are skipped and said so; `make bench` installs them first.
"""
import os, platform, shutil, statistics, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, ".build-bench")
VENV = os.path.join(ROOT, ".build", "bench-venv", "bin")
N = int(os.environ.get("BENCH_RECORDS", "1000000"))
SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "10000,100000,1000000,10000000").split(",") if s]
RUNS = max(1, int(os.environ.get("BENCH_RUNS", "5")))
SAMVERKAN = os.path.join(ROOT, ".build", "release", "samverkan")
DUCKDB = shutil.which("duckdb", path=VENV + os.pathsep + os.environ.get("PATH", ""))
FRICTIONLESS = shutil.which("frictionless", path=VENV + os.pathsep + os.environ.get("PATH", ""))
PY = sys.executable


def data(n):
    folder = os.path.join(WORK, str(n))
    stamp = os.path.join(folder, ".done")
    if not os.path.exists(stamp):
        print(f"generating {n:,} records in {folder}…", file=sys.stderr)
        # In a child, so this process stays small.
        subprocess.run([PY, os.path.join(ROOT, "bench", "generate.py"), folder, str(n)], check=True)
        open(stamp, "w").close()
    return folder


TIME = "/usr/bin/time"   # GNU time: its child's peak RSS is the tool's own, not this Python's


def run_once(command, cwd):
    """Wall seconds, peak RSS (MB), exit status and stdout of one whole process.

    The peak comes from GNU time, which forks the tool from a small C process: a child
    spawned from this Python reports the Python's size when that is larger (ru_maxrss
    counts the process before its exec)."""
    report = os.path.join(WORK, ".rss")
    wrapped = [TIME, "-q", "-o", report, "-f", "%M"] + command if os.path.exists(TIME) else command
    start = time.perf_counter()
    proc = subprocess.Popen(wrapped, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    peak = usage.ru_maxrss / 1024
    if wrapped is not command:
        with open(report) as f:
            lines = [l for l in f.read().split() if l.isdigit()]
        peak = int(lines[-1]) / 1024 if lines else peak
    return elapsed, peak, os.waitstatus_to_exitcode(status), out.decode()


def compare(question, tools, cwd, base):
    """Runs `tools` (name, command, answer(stdout, status)) in alternation; returns rows."""
    available = [(n, c, a) for n, c, a in tools if c and (os.path.exists(c[0]) or shutil.which(c[0]))]
    missing = [n for n, c, a in tools if (n, c, a) not in available]
    times = {n: [] for n, _, _ in available}
    peaks, answers = {}, {}
    for _ in range(RUNS):
        for name, command, answer in available:
            t, rss, status, out = run_once(command, cwd)
            times[name].append(t)
            peaks[name] = max(peaks.get(name, 0), rss)
            answers[name] = answer(out, status)
    rows = []
    reference = answers.get(base)
    base_time = statistics.median(times[base]) if base in times else None
    for name, _, _ in available:
        median = statistics.median(times[name])
        same = "=" if answers[name] == reference else f"≠ {answers[name]!r:.40}"
        ratio = f"{base_time / median:.2f}" if base_time and name != base else ""
        rows.append((name, median, peaks[name], same, ratio))
    rows += [(name, None, None, "(not installed)", "") for name in missing]
    return {"question": question, "base": base, "rows": rows, "answer": reference}


def last_line(out, status):
    lines = out.strip().splitlines()
    return lines[-1].strip() if status == 0 and lines else f"exit {status}"


def csv_rows(out, status):
    return str(len(out.strip().splitlines()) - 1) if status == 0 else f"exit {status}"


def all_lines(out, status):
    return out.strip() if status == 0 else f"exit {status}"


def valid(out, status):
    return "valid" if status == 0 and (out.strip() in ("", "0") or "0 errors" in out) else f"exit {status}: {out.strip()[:40]}"


def questions(folder):
    sv = SAMVERKAN
    q = []
    q.append(compare("filter: places with population > 500 000", [
        ("samverkan run (Lua count)", [sv, "run", "--data", ".", "count.lua"], last_line),
        ("samverkan query --where", [sv, "query", "places", "--data", ".", "--where", "population > 500000",
                                     "--columns", "id", "--format", "csv", "-q"], csv_rows),
        ("samverkan query (filter plugin)", [sv, "query", "big", "--data", ".", "--scripts", "scripts",
                                             "--format", "csv", "-q"], csv_rows),
        ("duckdb CLI (CSV)", [DUCKDB, "-noheader", "-list", "-c",
                              "select count(*) from read_csv('places.csv') where population > 500000"] if DUCKDB else None, last_line),
        ("jq (JSON)", ["jq", "[.[] | select(.population > 500000)] | length", "places.json"], last_line),
        ("python3 csv", [PY, "-c", "import csv; print(sum(1 for r in csv.DictReader(open('places.csv')) "
                                   "if int(r['population']) > 500000))"], last_line),
        ("python3 json", [PY, "-c", "import json; print(sum(1 for r in json.load(open('places.json')) "
                                    "if r['population'] > 500000))"], last_line),
        ("lua5.4 + lua-cjson (JSON)", ["lua5.4", "count_cjson.lua"], last_line),
    ], folder, "samverkan run (Lua count)"))
    q.append(compare("aggregate through the ref: population per region name, top 5", [
        ("samverkan run (Lua loop)", [sv, "run", "--data", ".", "group.lua"], all_lines),
        ("duckdb CLI (CSV)", [DUCKDB, "-noheader", "-list", "-c",
                              "select r.name || ',' || sum(p.population) from read_csv('places.csv') p "
                              "join read_csv('regions.csv') r on p.region = r.id group by r.name "
                              "order by sum(p.population) desc, r.name limit 5"] if DUCKDB else None, all_lines),
    ], folder, "samverkan run (Lua loop)"))
    q.append(compare("validate: types, required, unique, minimum, refs", [
        ("samverkan validate", [sv, "validate", "--data", ".", "--scripts", "scripts", "-q"], valid),
        ("duckdb CLI (same checks)", [DUCKDB, "-noheader", "-list", "-c",
                                      "with p as (select * from read_csv('places.csv', types = {'id': 'BIGINT', "
                                      "'population': 'BIGINT', 'region': 'BIGINT', 'name': 'VARCHAR'})), "
                                      "r as (select * from read_csv('regions.csv')) select "
                                      "(select count(*) from p where name is null or population is null or population < 0 "
                                      "or region is null) + (select count(*) - count(distinct id) from p) + "
                                      "(select count(*) from p anti join r on p.region = r.id) + "
                                      "(select count(*) - count(distinct id) from r)"] if DUCKDB else None, valid),
    ], folder, "samverkan validate"))
    return q


def warm(folder):
    if not DUCKDB:
        return None
    db = os.path.join(folder, "bench.duckdb")
    if not os.path.exists(db):
        subprocess.run([DUCKDB, db, "-c", "create table places as select * from read_csv('places.csv'); "
                        "create table regions as select * from read_csv('regions.csv')"], cwd=folder, check=True)
    return compare("warm: DuckDB on its own database file (samverkan: no cache yet, so cold)", [
        ("samverkan run (cold)", [SAMVERKAN, "run", "--data", ".", "count.lua"], last_line),
        ("duckdb CLI (database file)", [DUCKDB, "-noheader", "-list", db, "-c",
                                        "select count(*) from places where population > 500000"], last_line),
    ], folder, "samverkan run (cold)")


def startup():
    return compare("start-up: report overview on the shipped data", [
        ("samverkan report overview", [SAMVERKAN, "report", "overview", "--format", "json"], lambda o, s: "ok" if s == 0 else f"exit {s}"),
        ("python3 -c 'import json'", [PY, "-c", "import json"], lambda o, s: "ok" if s == 0 else f"exit {s}"),
        ("lua5.4 -e ''", ["lua5.4", "-e", ""], lambda o, s: "ok" if s == 0 else f"exit {s}"),
    ], ROOT, "samverkan report overview")


def frictionless():
    folder = data(100_000)
    return compare("validate on 100 000 records: frictionless", [
        ("samverkan validate", [SAMVERKAN, "validate", "--data", ".", "--scripts", "scripts", "-q"], valid),
        ("frictionless validate", [FRICTIONLESS, "validate", "datapackage.json"] if FRICTIONLESS else None,
         lambda o, s: "valid" if s == 0 else f"exit {s}"),
    ], folder, "samverkan validate")


def growth():
    rows = []
    for n in SIZES:
        folder = data(n)
        times, peak, answer = [], 0, ""
        for _ in range(RUNS if n <= 1_000_000 else max(1, RUNS // 2)):
            t, rss, status, out = run_once([SAMVERKAN, "run", "--data", ".", "count.lua"], folder)
            times.append(t)
            peak = max(peak, rss)
            answer = last_line(out, status)
        size = os.path.getsize(os.path.join(folder, "places.csv")) / 2**20
        rows.append((n, statistics.median(times), peak, size, answer))
    return rows


def version(command):
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=30).stdout.strip().splitlines()[0]
    except Exception:
        return "(not installed)"


def machine():
    model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), platform.machine())
    memory = next((int(l.split()[1]) // 2**20 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
    return [f"{os.cpu_count()} cores, {model}, {memory} GiB, {platform.platform()}",
            "samverkan " + version([SAMVERKAN, "--version"]), "duckdb " + (version([DUCKDB, "--version"]) if DUCKDB else "(not installed)"),
            version(["jq", "--version"]), "python " + platform.python_version(), version(["lua5.4", "-v"]),
            "frictionless " + (version([FRICTIONLESS, "--version"]) if FRICTIONLESS else "(not installed)")]


def table(result):
    lines = [f"### {result['question']}", "", f"answer: `{result['answer']}`", "",
             f"| tool | median | peak RSS | answer | {result['base']} ÷ tool |", "|---|---:|---:|---|---:|"]
    for name, t, rss, same, ratio in result["rows"]:
        lines.append(f"| {name} | {t * 1000:.0f} ms | {rss:.0f} MB | {same} | {ratio} |" if t is not None
                     else f"| {name} | | | {same} | |")
    return lines


def main():
    if not os.path.exists(SAMVERKAN):
        sys.exit("build the release binary first: make release")
    folder = data(N)
    results = questions(folder)
    w = warm(folder)
    if w:
        results.append(w)
    results.append(startup())
    results.append(frictionless())
    lines = ["# make bench", "", f"{N:,} records unless said, median of {RUNS} alternating rounds, whole process; "
             "a ratio above 1 means samverkan (the row named in the header) takes longer.", "", "## Machine", ""]
    lines += [f"- {m}" for m in machine()] + ["", "## Questions", ""]
    for result in results:
        lines += table(result) + [""]
    lines += ["## Growth (samverkan run, Lua count)", "", "| records | CSV | median | peak RSS | RSS ÷ CSV | answer |",
              "|---:|---:|---:|---:|---:|---:|"]
    rows = growth()
    for n, t, rss, size, answer in rows:
        lines.append(f"| {n:,} | {size:.0f} MB | {t * 1000:.0f} ms | {rss:.0f} MB | {rss / size:.1f} | {answer} |")
    by = {n: t for n, t, _, _, _ in rows}
    if 100_000 in by and 1_000_000 in by:
        lines += ["", f"100k → 1M: {by[1_000_000] / by[100_000]:.1f}× the time for 10× the records."]
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(ROOT, "bench", "results.md"), "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
