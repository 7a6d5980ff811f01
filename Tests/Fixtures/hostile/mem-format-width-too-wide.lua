-- Wider conversions are refused by Lua itself.
-- expect: exit 4
-- stderr: invalid conversion
print(string.format("%099999d", 1))
