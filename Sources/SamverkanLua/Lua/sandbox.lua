-- The sandbox, run once per state with the host's privileges (Sandbox.swift).
--
-- It receives the allowed globals (`base`), the messages for forbidden names, the real
-- `load`, the host's module finder and `reserve`, and returns `new_env(arguments)`, which
-- makes the globals table of one script: reads of unknown names fail, `load` is text-only
-- and `require` reads only `lib/` of the plugin folders.
local base, forbidden, raw_load, find_module, reserve, api, write, chunk_limit, check_chunk = ...
local type, error, tostring, setmetatable, select = type, error, tostring, setmetatable, select
local string_byte = string.byte
local table_concat = table.concat
local pcall = pcall

-- print writes where the command wants it (stdout for `run`, stderr when stdout is the
-- output: Sandbox.write); note always to stderr, with the line that wrote it.
local noted = {}
do
  local globals = api.install("globals", {
    -- Each value written as it is, not joined into a copy first (a large string stays one).
    print = function(...)
      for i = 1, select("#", ...) do
        if i > 1 then write("print", "\t") end
        write("print", tostring((select(i, ...))))
      end
      write("print", "\n")
    end,
    note = function(message)
      local where = api.where()
      local line = "note: " .. tostring(message) .. (where ~= "" and " (" .. where .. ")" or "") .. "\n"
      -- The same note from the same line is said once per run (a helper called per region).
      if not noted[line] then
        noted[line] = true
        write("note", line)
      end
    end,
  })
  base.print, base.note = globals.print, globals.note
end

-- os keeps only time, date and clock; naming anything else says so.
setmetatable(base.os, {
  __index = function(_, name)
    error("os." .. tostring(name) .. " is not available in samverkan scripts (only os.time, os.date and os.clock are)", 2)
  end,
  __metatable = false,
})
-- string.dump would make binary chunks; the rest of string stays as it is.
setmetatable(base.string, {
  __index = function(_, name)
    if name == "dump" then
      error("string.dump is not available in samverkan scripts (binary chunks are not allowed)", 2)
    end
    return nil
  end,
  __metatable = false,
})

-- string.rep builds its result in one C call that no hook can interrupt: check the size
-- against the memory limit before it starts. An empty result comes back at once: rep would
-- still loop n times copying nothing (string.rep("", 2^62) never returns).
do
  local rep, tostring_, tointeger = base.string.rep, tostring, math.tointeger
  base.string.rep = function(s, n, sep)
    if type(n) == "number" and n > 1 and (type(s) == "string" or type(s) == "number") then
      local unit = #tostring_(s)
      if sep ~= nil and (type(sep) == "string" or type(sep) == "number") then unit = unit + #tostring_(sep) end
      if unit == 0 and (sep == nil or type(sep) == "string") and tointeger(n) then return "" end
      reserve(unit * n)
    end
    return rep(s, n, sep)
  end
end

-- Lua 5.4.4's utf8.codes steps over stray continuation bytes instead of failing (lua.org
-- bug "'utf8.codes' accepts spurious continuation bytes", fixed in 5.4.5): the text is
-- checked with utf8.len first, which rejects them, so both say the same of a string.
do
  local codes, len = base.utf8.codes, base.utf8.len
  base.utf8.codes = function(s, lax)
    if type(s) == "string" and len(s, 1, -1, lax) == nil then error("invalid UTF-8 code", 2) end
    return codes(s, lax)
  end
end

local checked_require = api.wrapper("globals", "require")
local builtin_modules = { string = true, table = true, math = true, utf8 = true, coroutine = true, os = true }

local env_meta = {
  __index = function(_, name)
    local value = base[name]
    if value ~= nil then return value end
    local why = forbidden[name]
    if why then error(why, 2) end
    error("undefined global '" .. tostring(name) .. "'", 2)
  end,
  __metatable = "samverkan script environment",
}

-- raw_load with the host's size limit on the chunk (LuaRuntime.chunkLimit: Lua 5.4.4's
-- error messages recurse in C per field of a chain, so a chunk's size bounds the stack).
local too_large = "chunk is larger than samverkan loads (" .. chunk_limit // (1 << 20) .. " MB)"
local function limited_load(chunk, chunkname, env)
  if type(chunk) == "function" then
    -- The pieces are joined first (at most the limit): the chunk is checked whole.
    -- Past the limit the reader's result is dropped.
    local pieces, total = {}, 0
    while true do
      local ok, piece = pcall(chunk)
      if not ok then return nil, piece end
      if piece == nil or piece == "" then break end
      if type(piece) ~= "string" then return nil, "reader function must return a string" end
      total = total + #piece
      if total > chunk_limit then return nil, too_large end
      pieces[#pieces + 1] = piece
    end
    chunk = table_concat(pieces)
  end
  if type(chunk) == "string" then
    if #chunk > chunk_limit then return nil, too_large end
    -- Lua 5.4.4 compiles a few constructs wrongly, with no error (LuaChunkCheck.swift).
    local problem = check_chunk(chunk, chunkname)
    if problem then return nil, problem end
  end
  return raw_load(chunk, chunkname, "t", env)
end

local function new_env(arguments)
  local env = {}
  env._G = env
  env.arg = arguments

  env.load = function(chunk, chunkname, mode, chunk_env)
    if mode ~= nil and mode ~= "t" then
      error("load: only text chunks are allowed (mode \"t\"); binary chunks are not available", 2)
    end
    if type(chunk) == "string" and string_byte(chunk, 1) == 27 then
      return nil, "load: binary (precompiled) chunks are not allowed"
    end
    if chunk_env == nil then chunk_env = env end
    return limited_load(chunk, chunkname, chunk_env)
  end

  local loaded = {}
  env.require = checked_require(function(name)
    if builtin_modules[name] then return base[name] end
    if forbidden[name] then api.fail("require: " .. forbidden[name]) end
    local cached = loaded[name]
    if cached ~= nil then return cached end
    local source, chunkname = find_module(name)
    if source == nil then api.fail(chunkname) end
    local chunk, message = limited_load(source, "@" .. chunkname, env)
    if chunk == nil then error(message, 0) end
    local result = chunk(name, chunkname)
    if result == nil then result = true end
    loaded[name] = result
    return result
  end)

  return setmetatable(env, env_meta)
end

return new_env
