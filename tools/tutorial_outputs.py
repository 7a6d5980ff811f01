#!/usr/bin/env python3
"""Writes the real output under each command of a page (docs/tutorial.md), in place.

    python3 tools/tutorial_outputs.py docs/tutorial.md [BINARY_DIR]   (make tutorial)

Each ```lua file=PATH block is written to PATH in a fresh folder, and each `$ command` of a
```console block runs there in order, with samverkan from BINARY_DIR (default .build/debug)
on the PATH; the lines under it become what it printed, stdout then stderr. A command that
should fail says so: `$ samverkan test x.lua    # exits 1`. TutorialTests checks the same.
"""
import os, re, shutil, subprocess, sys, tempfile

page = sys.argv[1]
binary_dir = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else ".build/debug")
shipped = os.path.abspath("data") + "/"
lines = open(page, encoding="utf-8").read().split("\n")
work = tempfile.mkdtemp()
env = {k: v for k, v in os.environ.items() if not k.startswith("SAMVERKAN_") and k not in ("NO_COLOR", "COLUMNS")}
env["PATH"] = binary_dir + ":" + env.get("PATH", "/usr/bin:/bin")
out, i = [], 0
try:
    while i < len(lines):
        line = lines[i]
        m = re.match(r"^```lua file=(\S+)$", line)
        if m:
            j = lines.index("```", i + 1)
            path = os.path.join(work, m.group(1))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines[i + 1:j]) + "\n")
            out += lines[i:j + 1]
            i = j + 1
        elif line == "```console":
            out.append(line)
            i += 1
            while lines[i] != "```":
                command = lines[i]
                i += 1
                if not command.startswith("$ "):
                    continue  # the output written last time
                run = subprocess.run(["/bin/sh", "-c", command[2:]], cwd=work, env=env,
                                     capture_output=True, text=True, stdin=subprocess.DEVNULL)
                status = re.search(r"\s+# exits (\d+)$", command)
                if run.returncode != (int(status.group(1)) if status else 0):
                    sys.exit(f"{page}: `{command[2:]}` exited {run.returncode}:\n{run.stdout}{run.stderr}")
                printed = (run.stdout + run.stderr).replace(shipped, "/usr/local/share/samverkan/data/")
                out.append(command)
                out += printed.split("\n")[:-1] if printed.endswith("\n") else printed.split("\n") if printed else []
            out.append("```")
            i += 1
        else:
            out.append(line)
            i += 1
finally:
    shutil.rmtree(work)
with open(page, "w", encoding="utf-8") as f:
    f.write("\n".join(out))
