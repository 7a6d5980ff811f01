-- A to-be-closed variable whose __close loops.
-- expect: exit 4
-- stderr: timeout: the script ran longer than 1 s
do
  local x <close> = setmetatable({}, { __close = function() while true do end end })
end
