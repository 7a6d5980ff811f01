-- Replacing _ENV only blinds the script itself.
-- expect: exit 0
-- stdout: nil
local print_ = print
_ENV = { }
print_(io)
