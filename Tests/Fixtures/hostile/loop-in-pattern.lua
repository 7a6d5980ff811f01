-- A pattern that backtracks for ages in one C call: the last resort ends it.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
string.find(string.rep("a", 1e5), string.rep("a*", 30) .. "b")
