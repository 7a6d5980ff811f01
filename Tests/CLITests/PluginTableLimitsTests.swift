import Testing

/// The host reads plugin tables raw and runs none of their metamethods: a plugin table (or
/// a table in it) with a metatable is an invalid plugin, never a hang under `--timeout`
/// (issue 13, item 3). Before, a looping `__index` hung `list`, `validate` and `report`.
@Suite struct PluginTableLimitsTests {
    static let data = CLI.root.appendingPathComponent("data").path

    @Test(arguments: [
        ("reports/index.lua", "return setmetatable({}, { __index = function() while true do end end })", ["report", "index"],
         "error: invalid plugin: scripts/reports/index.lua:1: the plugin table has a metatable; samverkan reads plugin tables as plain tables and runs none of their metamethods, so return one without setmetatable"),
        ("filters/pairs.lua", "return { kind = 'filter', collection = 'regions', match = function() return true end,\n  params = setmetatable({}, { __pairs = function() while true do end end }) }", ["query", "pairs"],
         "error: invalid plugin: scripts/filters/pairs.lua:2: 'params' has a metatable; samverkan reads plugin tables as plain tables and runs none of their metamethods, so return one without setmetatable"),
        ("filters/tags.lua", "return { kind = 'filter', collection = 'regions', match = function() return true end,\n  tags = setmetatable({}, { __index = function() while true do end end }) }", ["query", "tags"],
         "error: invalid plugin: scripts/filters/tags.lua:2: 'tags' has a metatable; samverkan reads plugin tables as plain tables and runs none of their metamethods, so return one without setmetatable"),
        ("filters/enum.lua", "return { kind = 'filter', collection = 'regions', match = function() return true end,\n  params = { x = { type = 'string', enum = { setmetatable({}, { __tostring = function() while true do end end }) } } } }", ["query", "enum"],
         "error: invalid plugin: scripts/filters/enum.lua:2: 'enum' of parameter 'x' must list strings, numbers or booleans (item 1 is a table)"),
        ("validations/spec.lua", "return { kind = 'validation', collection = 'regions', check = function() end,\n  params = { x = setmetatable({ type = 'string' }, { __index = function() while true do end end }) } }", ["validate", "spec"],
         "error: invalid plugin: scripts/validations/spec.lua:2: 'params.x' has a metatable; samverkan reads plugin tables as plain tables and runs none of their metamethods, so return one without setmetatable"),
    ])
    func metatablesOnPluginTablesAreRefusedNotRun(file: String, source: String, command: [String], stderr: String) throws {
        let folder = CLI.emptyFolder()
        try CLI.write(["scripts/" + file: source], under: folder)
        let result = try CLI.run(command + ["--data", Self.data, "--timeout", "2"], in: folder, killAfter: 20)
        #expect(!result.killed)
        #expect(result.status == 4)
        #expect(result.stderr.split(separator: "\n").first.map(String.init) == stderr)
        let list = try CLI.run(["list", "--data", Self.data, "--timeout", "2"], in: folder, killAfter: 20)
        #expect(!list.killed)
        #expect(list.stderr.contains(stderr))
    }

    /// A plugin that replaces `table.concat` and `table.sort` (shared by every plugin of a
    /// run) does not reach the host's checks of the plugins after it.
    @Test func aPoisonedTableLibraryDoesNotReachTheHostsChecks() throws {
        let folder = CLI.emptyFolder()
        try CLI.write([
            "scripts/reports/aaa.lua": """
                table.concat = function() while true do end end
                table.sort = function() error("poisoned") end
                return { kind = "report", run = function() end }
                """,
            "scripts/reports/bbb.lua": "return { kind = 'report', parms = {}, run = function() end }",
        ], under: folder)
        let result = try CLI.run(["list", "--data", Self.data, "--timeout", "2"], in: folder, killAfter: 20)
        #expect(!result.killed)
        #expect(result.stderr.contains("scripts/reports/bbb.lua:1: unknown key 'parms' in the report (did you mean 'params'?); it may have description, kind, params, requires, run, tags"))
    }
}
