import Foundation
import Testing

/// `param_error(name, message)`: a plugin rejects a parameter value it cannot use, and the
/// command ends as a usage error (exit 2) like a value the host rejects, not as a crash (exit 4).
@Suite struct ParamErrorTests {
    /// A folder with plugins/ holding one plugin of each kind that rejects `n` above 3.
    static func pluginFolder() throws -> String {
        let folder = CLI.emptyFolder()
        let params = "params = { n = { type = 'integer', default = 1 } }"
        let check = "if params.n > 3 then param_error('n', 'must be 3 or less, got ' .. params.n) end"
        let files = [
            "reports/counted.lua": "return { kind = 'report', \(params),\n  run = function(kb, params, out)\n    \(check)\n    out:title('n = ' .. params.n)\n  end }\n",
            "filters/first.lua": "return { kind = 'filter', collection = 'regions', \(params), columns = { 'code' },\n  match = function(r, params)\n    \(check)\n    return true\n  end }\n",
            "validations/checked.lua": "return { kind = 'validation', collection = 'regions', \(params),\n  check = function(r, findings, params)\n    \(check)\n  end }\n",
            "validations/whole.lua": "return { kind = 'validation', \(params),\n  run = function(kb, findings, params)\n    \(check)\n  end }\n",
            // Deep inside the collection methods, which call back into Lua.
            "reports/nested.lua": "return { kind = 'report', \(params),\n  run = function(kb, params, out)\n    kb.regions:filter(function(r) \(check) return true end):sort_by(function(r) return r.name end)\n  end }\n",
        ]
        try CLI.write(files, under: folder + "/plugins")
        return folder
    }

    @Test(arguments: [
        (["report", "counted"], "counted"),
        (["report", "nested"], "nested"),
        (["query", "first"], "first"),
        (["validate", "checked"], "checked"),
        (["validate", "whole"], "whole"),
    ])
    func aRejectedValueIsAUsageError(command: [String], plugin: String) throws {
        let folder = try Self.pluginFolder()
        let arguments = command + ["--data", CLI.fixture("kb"), "--scripts", "plugins"]
        let rejected = try CLI.run(arguments + ["-p", "n=7"], in: folder)
        #expect(rejected.status == 2)
        #expect(rejected.stderr == "error: parameter 'n' must be 3 or less, got 7 (plugin '\(plugin)')\n")
        #expect(rejected.stdout == "")
        let accepted = try CLI.run(arguments + ["-p", "n=3"], in: folder)
        #expect(accepted.status == 0)
    }

    @Test func scriptsCanCatchItAndPrintIt() throws {
        let result = try CLI.runScript("""
            local ok, e = pcall(param_error, "year", "is 1900, a year without figures")
            print(ok, type(e), tostring(e), getmetatable(e))
            """)
        #expect(result.status == 0)
        #expect(result.stdout == "false\ttable\tparameter 'year' is 1900, a year without figures\tfalse\n")
    }

    @Test func anAdHocScriptThatCallsItIsAUsageErrorToo() throws {
        let result = try CLI.runScript("param_error('limit', 'must be a number, got ' .. tostring(arg[1]))", arguments: ["x"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: parameter 'limit' must be a number, got x\n")
    }

    @Test(arguments: [
        ("param_error(1, 'x')", "error: script.lua:1: bad argument #1 to 'param_error' (string expected, got number)"),
        ("param_error('year')", "error: script.lua:1: bad argument #2 to 'param_error' (string expected, got no value)"),
    ])
    func wrongArgumentsAreScriptErrors(source: String, message: String) throws {
        let result = try CLI.runScript(source)
        #expect(result.status == 4)
        #expect(result.stderr.hasPrefix(message + "\n"))
    }

    static let shippedCases: [([String], String)] = [
        (["report", "population", "-p", "year=1900"],
         "parameter 'year' is 1900, a year without population figures per municipality; the data has them for 1950–2020 and 2024 (plugin 'population')"),
        (["report", "population", "-p", "year=2022"],
         "parameter 'year' is 2022, a year without population figures per municipality; the data has them for 1950–2020 and 2024, and only Sweden's total for 2022 (plugin 'population')"),
        (["report", "growth", "-p", "from=2024", "-p", "to=1990"],
         "parameter 'from' is 2024, not before 'to' (1990); swap them: -p from=1990 -p to=2024 (plugin 'growth')"),
        (["report", "growth", "-p", "from=2000", "-p", "to=2000"],
         "parameter 'from' is 2000, the same year as 'to'; give two different years (plugin 'growth')"),
        (["report", "growth", "-p", "to=2023"],
         "parameter 'to' is 2023, a year without population figures per municipality; the data has them for 1950–2020 and 2024, and only Sweden's total for 2023 (plugin 'growth')"),
        (["report", "priorities", "-p", "year=1900"],
         "parameter 'year' is 1900, a year without priorities; the data has them for 2023 (plugin 'priorities')"),
        (["query", "municipalities-in", "-p", "region=Skane"],
         "parameter 'region' is 'Skane', which names no region (did you mean 'Skåne'?); the regions are 06 Region Jönköpings län, 07 Region Kronoberg, 08 Region Kalmar län, 10 Region Blekinge, 12 Region Skåne, 13 Region Halland (plugin 'municipalities-in')"),
        (["query", "municipalities-in", "-p", "region=Norrbotten"],
         "parameter 'region' is 'Norrbotten', which names no region; the regions are 06 Region Jönköpings län, 07 Region Kronoberg, 08 Region Kalmar län, 10 Region Blekinge, 12 Region Skåne, 13 Region Halland (plugin 'municipalities-in')"),
        (["query", "shrinking", "-p", "from=2021"],
         "parameter 'from' is 2021, a year without population figures per municipality; the data has them for 1950–2020 and 2024, and only Sweden's total for 2021 (plugin 'shrinking')"),
        (["query", "shrinking", "-p", "from=2024", "-p", "to=1990"],
         "parameter 'from' is 2024, not before 'to' (1990); swap them: -p from=1990 -p to=2024 (plugin 'shrinking')"),
        (["query", "large-municipalities", "-p", "year=2022"],
         "parameter 'year' is 2022, a year without population figures per municipality; the data has them for 1950–2020 and 2024, and only Sweden's total for 2022 (plugin 'large-municipalities')"),
        (["query", "large-municipalities", "-p", "min=-5"],
         "parameter 'min' must be 0 or more, got -5 (plugin 'large-municipalities')"),
        (["validate", "population-series", "-p", "max_change=-0.5"],
         "parameter 'max_change' must be 0 or more (0.25 allows 25 % a year), got -0.5 (plugin 'population-series')"),
    ]

    @Test(arguments: shippedCases)
    func shippedPluginsRejectValuesTheyCannotUse(arguments: [String], message: String) throws {
        let result = try CLI.run(arguments, in: CLI.root.path)
        #expect(result.status == 2)
        #expect(result.stderr == "error: " + message + "\n")
        #expect(result.stdout == "")
    }

    @Test func theStarterReportRejectsAYearWithoutFigures() throws {
        let folder = CLI.emptyFolder()
        _ = try CLI.run(["new", "report", "starter"], in: folder)
        let source = try String(contentsOfFile: folder + "/scripts/reports/starter.lua", encoding: .utf8)
        #expect(source.contains("param_error(\"year\""))
        let result = try CLI.run(["report", "starter", "-p", "year=1900", "--data", CLI.root.appendingPathComponent("data").path], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr == "error: parameter 'year' is 1900, a year without population figures; the data's years run from 1950 to 2024 (plugin 'starter')\n")
    }
}
