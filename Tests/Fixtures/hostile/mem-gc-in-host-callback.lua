-- A finalizer that allocates forever, run by a collection step inside a host callback
-- (a ref: plain fields are read in C, see mem-gc-in-record-access.lua). The record is
-- fetched once, outside the loop: `m[1]` allocates in C too, and which of the two
-- allocations the collector steps in would then depend on the size of the heap.
-- expect: exit 4
-- stderr: memory limit: the script used more than 64 MB
-- timeout: 10
setmetatable({}, { __gc = function() local t = {} while true do t[#t + 1] = {} end end })
local m = kb.municipalities[1]
local keep = {}  -- live memory grows too, so the limit is reached however the collector steps
while true do keep[#keep + 1] = m.region end
