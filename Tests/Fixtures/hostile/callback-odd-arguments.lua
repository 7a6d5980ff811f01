-- Host functions given odd values answer, never crash.
-- expect: exit 4
-- stderr: limit: expected a whole number
-- stdout: nil\tnil\tnil\tnil\tnil\tnil\tcollection municipalities (9 records)
-- stdout: –\t∞
-- stdout: is not a valid date
-- stdout: collection municipalities (0 records)\tcollection municipalities (0 records)
local m = kb.municipalities
print(m:get(0/0), m:get(1/0), m:get({}), m[0/0], m[2^63], m[-1], m:limit(math.maxinteger))
print(fmt.number(0/0), fmt.number(1/0), fmt.number(2^63), fmt.percent(-1/0))
print(pcall(fmt.date, "2023-02-30"))
print(m:where{ population = 0/0 }, m:where{ name = {} })
m:limit(-1)
