-- A 99-wide conversion is fine.
-- expect: exit 0
-- stdout: 99\t100
print(#string.format("%099d", 1), #string.format("%-99s|", "x"))
