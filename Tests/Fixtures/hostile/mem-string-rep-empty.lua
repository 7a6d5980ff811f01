-- Repeating nothing 2^62 times is nothing, at once.
-- expect: exit 0
-- stdout: 0\t0\tfine
print(#string.rep("", 2^62), #string.rep("", 2^62, ""), "fine")
