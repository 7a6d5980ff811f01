-- rawset does not reach into records.
-- expect: exit 4
-- stderr: bad argument #1 to 'rawset' (table expected, got samverkan record)
rawset(kb.municipalities:get("1280"), "population", 0)
