-- Methods called with a dot and no collection.
-- expect: exit 4
-- stderr: 'filter' is a method: call it with a colon, c:filter(…), not c.filter(…)
kb.municipalities.filter(function() return true end)
