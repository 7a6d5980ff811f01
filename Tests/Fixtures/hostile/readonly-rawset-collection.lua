-- rawset does not reach into collections.
-- expect: exit 4
-- stderr: bad argument #1 to 'rawset' (table expected, got samverkan collection)
rawset(kb.municipalities, 1, kb.regions[1])
