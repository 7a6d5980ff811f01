-- load of 100 000 nested parentheses and tables.
-- expect: exit 0
-- stdout: C stack overflow
-- stdout: survived
print(load(string.rep("(", 1e5)))
print(load("return " .. string.rep("{", 1e5)))
print("survived")
