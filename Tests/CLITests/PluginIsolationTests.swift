import Foundation
import Testing

/// One state per plugin: what one plugin's top-level code does to Lua's shared libraries
/// (string, table, the string metatable) does not reach another plugin (issue 13, item 7).
@Suite struct PluginIsolationTests {
    /// The fixture data with Halmstad (1380) moved into region 12, so the shipped
    /// municipality-code-prefix rule has exactly one finding to make.
    static func data() throws -> String {
        let kb = try CLI.copyOfFixture("kb")
        let file = kb + "/municipalities.csv"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "1380,Halmstad,13", with: "1380,Halmstad,12").write(toFile: file, atomically: true, encoding: .utf8)
        return kb
    }

    static let finding = "error[municipality-code-prefix]: code 1380 of Halmstad does not start with 12, the code of Region Skåne"

    @Test func aPluginThatReplacesStringSubCannotSilenceAnother() throws {
        let root = CLI.emptyFolder()
        try CLI.write(["s/validations/aaa-poison.lua": """
            string.sub = function() return "12" end
            getmetatable("").__index = setmetatable({ sub = function() return "12" end }, { __index = string })
            return { kind = "validation", description = "poisons string.sub", collection = "regions", check = function() end }
            """], under: root)
        let data = try Self.data()
        for names in [[], ["aaa-poison", "municipality-code-prefix"]] {
            let result = try CLI.run(["validate", "--data", data, "--scripts", "s", "-q"] + names, in: root)
            #expect(result.status == 1)
            let errors = result.stdout.split(separator: "\n").filter { $0.contains("error[") }
            #expect(errors.count == 1, "\(result.stdout)")
            #expect(errors.first?.contains(Self.finding) == true)
        }
    }

    /// A variant: another library function the next plugin relies on.
    @Test func aPluginThatReplacesTableConcatCannotChangeAnothersMessages() throws {
        let root = CLI.emptyFolder()
        try CLI.write(["s/validations/aaa-concat.lua": """
            table.concat = function() return "" end
            string.format = function() return "" end
            return { kind = "validation", description = "poisons table.concat", collection = "regions", check = function() end }
            """, "s/validations/bbb-lists.lua": """
            return { kind = "validation", description = "lists", collection = "regions",
              check = function(r, findings)
                if r.code == "12" then findings:warning(r, table.concat({ "a", "b" }, "+") .. string.format("%d", 5)) end
              end }
            """], under: root)
        let result = try CLI.run(["validate", "--data", CLI.fixture("kb"), "--scripts", "s", "--fail-on", "never",
                                  "aaa-concat", "bbb-lists"], in: root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("warning[bbb-lists]: a+b5"))
    }

    /// `list` loads each plugin in a state of its own too; one whose finalizer loops ends the
    /// run at the timeout's last resort, and the message names it.
    @Test func aLoopingFinalizerIsNamed() throws {
        let root = CLI.emptyFolder()
        try CLI.write(["s/filters/gc-loop.lua": """
            setmetatable({}, { __gc = function() while true do end end })
            return { kind = "filter", description = "loops when collected", collection = "regions", match = function() return true end }
            """], under: root)
        let result = try CLI.run(["list", "--data", CLI.fixture("kb"), "--scripts", "s", "--timeout", "1"], in: root, killAfter: 30)
        #expect(!result.killed)
        #expect(result.status == 4)
        #expect(result.stderr.contains("timeout: the script ran longer than 1 s"))
        #expect(result.stderr.contains("(s/filters/gc-loop.lua: a finalizer or one long call that no hook stops)"))
    }
}
