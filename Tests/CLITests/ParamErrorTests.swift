import Foundation
import Testing

/// `param_error(name, message)`: a plugin rejects a parameter value it cannot use, and the
/// command ends as a usage error (exit 2) like a value the host rejects, not as a crash (exit 4).
@Suite struct ParamErrorTests {
    /// A folder with plugins/ holding one plugin of each kind that rejects `n` above 3.
    static func pluginFolder() throws -> String {
        let folder = CLI.emptyFolder()
        for kind in ["reports", "filters", "validations"] {
            try FileManager.default.createDirectory(atPath: "\(folder)/plugins/\(kind)", withIntermediateDirectories: true)
        }
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
        for (path, text) in files {
            try text.write(toFile: "\(folder)/plugins/\(path)", atomically: true, encoding: .utf8)
        }
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
        ("param_error(1, 'x')", "error: script.lua:1: param_error: the first argument must be the parameter's name (a string), got number"),
        ("param_error('year')", "error: script.lua:1: param_error: the second argument must be a message (a string), got nil"),
    ])
    func wrongArgumentsAreScriptErrors(source: String, message: String) throws {
        let result = try CLI.runScript(source)
        #expect(result.status == 4)
        #expect(result.stderr.hasPrefix(message + "\n"))
    }
}
