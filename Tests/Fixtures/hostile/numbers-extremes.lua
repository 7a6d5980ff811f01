-- Integer overflow wraps; conversions that cannot be made are errors.
-- expect: exit 4
-- stderr: number has no integer representation
-- stdout: true\t-9223372036854775808\t0
print(math.maxinteger + 1 == math.mininteger, math.mininteger // -1, math.mininteger % -1)
print(kb.municipalities:sum(function() return math.maxinteger end) > 0)
print(pcall(os.date, "%Y", math.maxinteger))
print(string.format("%d", 2^63))
