-- _G is the script's own environment, not the real globals.
-- expect: exit 4
-- stderr: 'io' is not available in samverkan scripts
_G.io.write("x")
