-- The Lua API's installation and argument checks, from its one declaration (LuaAPI.swift,
-- marshalled by APIInstaller.swift). Run first, with the host's privileges.
--
-- api.install(class, impls) wraps each implementation of a declared function: the wrapper
-- checks self and each argument against the declaration and fails with one message shape,
-- at the line of the user's code that made the call:
--   bad argument #1 to 'sum' (field name or function expected, got nil)
-- An implementation nobody declared, or a declared function never installed
-- (api.check_complete), is a bug of the host and stops the runtime from starting.
local declaration, host = ...
local caller_location, is_record, is_collection = host.caller_location, host.is_record, host.is_collection
local type, error, select, tostring, pairs, rawequal, setmetatable = type, error, select, tostring, pairs, rawequal, setmetatable
-- Kept from load time: a plugin that replaces table.concat cannot reach
-- the host's own checks through it.
local table_concat = table.concat
local math_type, tointeger = math.type, math.tointeger

local api = {}
-- The sandbox's allowed globals, for the REPL's completion (host only: no script sees api).
api.base = host.base

-- "file:line" of the innermost line of user code, or "".
api.where = caller_location

-- Raises `message` at the innermost line of user code (host frames are skipped).
function api.fail(message)
  local where = caller_location()
  if where ~= "" then message = where .. ": " .. message end
  error(message, 0)
end

-- A value's type as messages name it: our userdata by what they are.
function api.type_name(v)
  if is_record(v) then return "record" end
  if is_collection(v) then return "collection" end
  return type(v)
end

-- The objects of the builder classes (out, table, findings), to check `self` against.
local instances = {}
function api.instances(class)
  local set = instances[class]
  if set == nil then
    set = setmetatable({}, { __mode = "k" })
    instances[class] = set
  end
  return set
end

local checks = {
  string = function(v) return type(v) == "string" end,
  text = function(v) local t = type(v) return t == "string" or t == "number" end,
  -- out.lua's cell() checks what is inside (translate.lua).
  localized = function(v) local t = type(v) return t == "string" or t == "number" or t == "table" and getmetatable(v) == nil end,
  integer = function(v) return math_type(v) == "integer" or type(v) == "number" and tointeger(v) ~= nil end,
  number = function(v) return type(v) == "number" end,
  boolean = function(v) return type(v) == "boolean" end,
  ["function"] = function(v) return type(v) == "function" end,
  table = function(v) return type(v) == "table" end,
  ["field|function"] = function(v) local t = type(v) return t == "string" or t == "function" end,
  key = function(v) local t = type(v) return t == "string" or t == "number" or is_record(v) end,
  record = function(v) return is_record(v) end,
  any = function() return true end,
}

local self_checks = {
  collection = is_collection,
  record = is_record,
  kb = function(v) return rawequal(v, host.base.kb) end,
}
local function self_check(class)
  return self_checks[class] or function(v) return api.instances(class)[v] == true end
end

-- A value's description in a result check: `a number (5.2)`, `a table`.
local function described(v)
  local t = api.type_name(v)
  if t == "number" or t == "string" then return "a " .. t .. " (" .. tostring(v) .. ")" end
  return "a " .. t
end

-- The result of a predicate the user wrote: true, false or nil (nil counts as false).
-- Anything else is a mistake that would otherwise count as true for every record.
-- `where` ("file:line") locates the message when no user code is running.
function api.truth(value, what, record, where)
  if value == nil or value == false or value == true then return value end
  local message = what .. " returned " .. described(value) .. " for " .. tostring(record)
    .. "; it must return true or false (nil counts as false): compare, e.g. m.land_area_km2 > 100"
  if where and where ~= "" then error(where .. ": " .. message, 0) end
  api.fail(message)
end

-- The declared name of each installed function ("sum", "fmt.number", "out:table"), for
-- describe(f) to find its signature.
api.names = setmetatable({}, { __mode = "k" })

-- Not a tail call: the wrapper's frame stays while impl runs, so a traceback names the
-- function the user called ("in method 'sum'").
local function pass(...) return ... end

local function wrap(class, name, spec, impl)
  local display = class.prefix .. name
  local params, n, variadic = spec.params, #spec.params, spec.variadic
  local expected, optional, names = {}, {}, {}
  for i = 1, n do
    expected[i] = checks[params[i].value] or error("api: unknown value type " .. tostring(params[i].value))
    optional[i] = params[i].optional
    names[i] = params[i].name
  end
  local function bad(i, v, absent)
    local got = absent and "no value" or api.type_name(v)
    api.fail("bad argument #" .. i .. " to '" .. display .. "' (" .. params[i].expects .. " expected, got " .. got .. ")")
  end
  local function too_many(given)
    local list = n == 0 and "no arguments" or (n == 1 and "1 argument, " or n .. " arguments, ") .. table_concat(names, ", ")
    api.fail("too many arguments to '" .. display .. "' (" .. given .. " given; it takes " .. list .. ")")
  end
  local function check_arguments(first, ...)
    local given = select("#", ...) - first + 1
    for i = 1, n do
      local v = (select(first + i - 1, ...))
      if v == nil then
        if not optional[i] then bad(i, nil, i > given) end
      elseif not expected[i](v) then
        bad(i, v, false)
      end
    end
    if not variadic and given > n then too_many(given) end
  end
  if class.methods then
    local is_self = self_check(class.name)
    local colon = class.variable .. ":" .. name .. "(…)"
    local method = function(...)
      if not is_self((...)) then
        api.fail("'" .. display .. "' is a method: call it with a colon, " .. colon .. ", not "
          .. class.variable .. "." .. name .. "(…)")
      end
      check_arguments(2, ...)
      return pass(impl(...))
    end
    api.names[method] = display
    return method
  end
  local function checked(...)
    check_arguments(1, ...)
    return pass(impl(...))
  end
  api.names[checked] = display
  return checked
end

-- impls[name] wrapped in the checks of the declared function `class_name`.`name`, for
-- each name of impls (a class may be installed in parts: `require` is made per script).
local installed = {}
function api.install(class_name, impls)
  local class = declaration[class_name] or error("api: no class '" .. tostring(class_name) .. "' is declared")
  installed[class_name] = installed[class_name] or {}
  local result = {}
  for name, impl in pairs(impls) do
    local spec = class.functions[name]
    if spec == nil then
      error("api: " .. class_name .. "." .. tostring(name) .. " is implemented but not declared in LuaAPI.swift")
    end
    result[name] = wrap(class, name, spec, impl)
    installed[class_name][name] = true
  end
  return result
end

-- A maker of checked versions of one declared function, for an implementation made anew
-- each time (`require`, one per script, with the script's own module cache).
function api.wrapper(class_name, name)
  local class = declaration[class_name]
  local spec = class and class.functions[name] or error("api: " .. tostring(class_name) .. "." .. tostring(name) .. " is not declared")
  installed[class_name] = installed[class_name] or {}
  installed[class_name][name] = true
  return function(impl) return wrap(class, name, spec, impl) end
end

-- Fails when a declared function was never installed (called once, at the end of set-up).
function api.check_complete()
  for class_name, class in pairs(declaration) do
    for name in pairs(class.functions) do
      if not (installed[class_name] and installed[class_name][name]) then
        error("api: " .. class_name .. "." .. name .. " is declared in LuaAPI.swift but not implemented")
      end
    end
  end
end

return api
