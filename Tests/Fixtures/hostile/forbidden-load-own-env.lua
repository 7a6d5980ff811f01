-- A chunk loaded with its own environment sees only that.
-- expect: exit 0
-- stdout: nil\tnil\tnil
local f = load("return io, kb, print", "chunk", "t", {})
print(f())
