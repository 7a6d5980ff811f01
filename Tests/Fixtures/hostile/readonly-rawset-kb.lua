-- rawset does not reach into kb.
-- expect: exit 4
-- stderr: bad argument #1 to 'rawset' (table expected, got samverkan kb)
rawset(kb, "municipalities", {})
