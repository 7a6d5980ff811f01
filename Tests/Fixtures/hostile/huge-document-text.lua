-- Issue 13, item 4, a variant through a module a script can call: one string in many cells.
-- A plain script has no document, so it builds the same text in a table: the memory limit
-- stops it (the report path is RenderBoundsTests' theDocumentsTextCountsAgainstTheMemoryLimit).
-- expect: exit 4
-- stderr: memory limit
-- timeout: 10
local s = string.rep("x", 4 * 1024 * 1024)
local parts = {}
for i = 1, 250 do parts[i] = s end
local all = table.concat(parts)
print(#all)
