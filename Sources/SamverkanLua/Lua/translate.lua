-- Text in the run's language (--locale): a plugin gives { sv = "…", en = "…" } wherever a
-- report's document takes text (out.lua calls translate), or calls t{ sv = …, en = … } for
-- a string to build on (with .. or :format). One mechanism, one check: a language the run
-- needs and the table lacks, or a key that is not a language, is an error at the plugin's
-- line, never a silent fallback.
local host = ...
local base, api, suggest, locale = host.base, host.api, host.suggest, host.locale
local type, pairs, tostring = type, pairs, tostring
local fail = api.fail

local languages = { sv = "Swedish", en = "English" }
local language_names = { "en", "sv" }

-- The text of `texts` for the run's language; `what` names the caller in errors.
local function translate(texts, what)
  for k, v in pairs(texts) do
    if not languages[k] then
      fail(what .. ": '" .. tostring(k) .. "' is not a language" .. suggest(tostring(k), language_names)
        .. "; give { sv = \"…\", en = \"…\" }")
    end
    if type(v) ~= "string" then fail(what .. ": the " .. languages[k] .. " text (" .. k .. ") must be a string, got " .. api.type_name(v)) end
  end
  local text = texts[locale]
  if text == nil then
    fail(what .. ": no " .. languages[locale] .. " text for --locale " .. locale .. "; give { sv = \"…\", en = \"…\" }")
  end
  return text
end

base.t = api.install("globals", { t = function(texts) return translate(texts, "t") end }).t

return translate
