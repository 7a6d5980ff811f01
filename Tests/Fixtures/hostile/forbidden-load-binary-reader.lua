-- A binary chunk read piece by piece is refused by mode 't'.
-- expect: exit 0
-- stdout: attempt to load a binary chunk (mode is 't')
local parts, i = { "\27Lu", "aT\0" }, 0
print(load(function() i = i + 1; return parts[i] end))
