-- suggest: "did you mean …?" for a value the user typed, as the host's own hints do.
--
--   local suggest = require("suggest")
--   suggest.closest("Skane", { "Skåne", "Halland" })   --> "Skåne"
--   suggest.closest("Norrbotten", { "Skåne" })          --> nil
local M = {}

-- The lower-cased characters (code points) of s; its bytes if it is not valid UTF-8.
local function chars(s)
  s = text.lower(s)
  local list = {}
  if utf8.len(s) then
    for _, c in utf8.codes(s) do list[#list + 1] = c end
  else
    for i = 1, #s do list[i] = s:byte(i) end
  end
  return list
end

-- Edit distance in which swapping two neighbouring characters is one edit.
local function distance(a, b)
  local d = {}
  for i = 0, #a do d[i] = { [0] = i } end
  for j = 1, #b do d[0][j] = j end
  for i = 1, #a do
    for j = 1, #b do
      local cost = a[i] == b[j] and 0 or 1
      local best = math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if i > 1 and j > 1 and a[i] == b[j - 1] and a[i - 1] == b[j] then
        best = math.min(best, d[i - 2][j - 2] + 1)
      end
      d[i][j] = best
    end
  end
  return d[#a][#b]
end

-- The candidate closest to `word` when it is close enough to be a typo (1 edit for up to
-- 4 characters, 2 for up to 8, else 3), else nil. The first of equally close ones wins.
function M.closest(word, candidates)
  local w = chars(word)
  local best, best_distance
  for _, candidate in ipairs(candidates) do
    local d = distance(w, chars(candidate))
    if best_distance == nil or d < best_distance then best, best_distance = candidate, d end
  end
  local allowed = #w <= 4 and 1 or (#w <= 8 and 2 or 3)
  if best_distance ~= nil and best_distance <= allowed then return best end
  return nil
end

return M
