-- Host functions given odd values answer, never crash.
-- expect: exit 4
-- stderr: limit: expected a whole number
-- stdout: nil\tnil\tnil\tnil\tnil\tcollection municipalities (9 records)
-- stdout: bad argument #1 to 'get' (key or record expected, got table)
-- stdout: –\t∞
-- stdout: is not a valid date
-- stdout: collection municipalities (0 records)
-- stdout: where: the value for 'name' is a table; give a string, number, boolean, nil or a record
local m = kb.municipalities
print(m:get(0/0), m:get(1/0), m[0/0], m[2^63], m[-1], m:limit(math.maxinteger))
print(fmt.number(0/0), fmt.number(1/0), fmt.number(2^63), fmt.percent(-1/0))
print(pcall(fmt.date, "2023-02-30"))
print(pcall(m.get, m, {}))
print(m:where{ population = 0/0 })
print(pcall(m.where, m, { name = {} }))
m:limit(-1)
