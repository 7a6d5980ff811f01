-- The string metatable's __index is the same string table.
-- expect: exit 4
-- stderr: string.dump is not available in samverkan scripts
getmetatable("").__index.dump(function() end)
