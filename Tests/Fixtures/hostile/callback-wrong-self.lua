-- Methods called with a dot and no collection.
-- expect: exit 4
-- stderr: filter: call it as collection:filter(…), with a colon
kb.municipalities.filter(function() return true end)
