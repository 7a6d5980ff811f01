-- os.exit in pcall is caught like any error; the script goes on.
-- expect: exit 0
-- stdout: false
-- stdout: os.exit is not available
-- stdout: still running
print(pcall(function() os.exit(0) end))
print("still running")
