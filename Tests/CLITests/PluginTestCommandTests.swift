import Foundation
import Testing

/// `samverkan test`: the shipped plugins' tests pass, a changed expectation fails with a
/// diff, and every mistake in a test file is named at its line.
@Suite struct PluginTestCommandTests {
    static let data = CLI.root.appendingPathComponent("data").path

    /// A plugin folder holding the shipped large-municipalities filter (and the lib it
    /// requires) and a test file with `source` as its text.
    static func folder(test source: String, plugin: String = "large-municipalities") throws -> String {
        let root = CLI.emptyFolder()
        let scripts = CLI.root.appendingPathComponent("scripts").path
        var files = ["scripts/filters/\(plugin)_test.lua": source]
        files["scripts/filters/\(plugin).lua"] = try String(contentsOfFile: scripts + "/filters/large-municipalities.lua", encoding: .utf8)
        for lib in ["report_util", "check_years"] {
            files["scripts/lib/\(lib).lua"] = try String(contentsOfFile: scripts + "/lib/\(lib).lua", encoding: .utf8)
        }
        try CLI.write(files, under: root)
        return root
    }

    static func test(_ source: String, _ options: [String] = []) throws -> CLIResult {
        let root = try folder(test: source)
        return try CLI.run(["test", "--data", data] + options + ["scripts/filters/large-municipalities_test.lua"], in: root)
    }

    @Test func theShippedPluginsPassTheirTests() throws {
        let result = try CLI.run(["test"], in: CLI.root.path)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = result.stdout.split(separator: "\n")
        #expect(!result.stdout.contains("FAIL"))
        let summary = try #require(lines.last)
        #expect(summary.hasSuffix(" passed, 0 failed"))
        // At least one case per shipped plugin.
        let list = try CLI.run(["list", "--format", "json"], in: CLI.root.path)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
        let plugins = try #require(object["plugins"] as? [[String: Any]])
        #expect(plugins.count == 17)
        for plugin in plugins.compactMap({ $0["name"] as? String }) {
            #expect(lines.contains { $0.hasPrefix("ok   \(plugin): ") }, "no test of \(plugin)")
        }
    }

    /// The check: one expected value changed in a shipped test fails with a diff
    /// that shows the expected and the actual value.
    @Test func aShippedTestWithOneValueChangedFails() throws {
        let scripts = CLI.emptyFolder() + "/scripts"
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent("scripts").path, toPath: scripts)
        let test = scripts + "/filters/large-municipalities_test.lua"
        let source = try String(contentsOfFile: test, encoding: .utf8)
        try source.replacingOccurrences(of: "population = 365644", with: "population = 365645")
            .write(toFile: test, atomically: true, encoding: .utf8)
        let result = try CLI.run(["test", "--data", Self.data, test])
        #expect(result.status == 1)
        #expect(result.stdout.contains("""
            FAIL large-municipalities: default: 2024, at least 100 000 (\(test):4)
                 the rows differ (- expected, + got):
                   - { ["municipality.name"] = "Malmö", population = 365645 }
                   + { ["municipality.name"] = "Malmö", population = 365644 }

            """))
        #expect(result.stdout.hasSuffix("5 passed, 1 failed\n"))
    }

    @Test func aChangedExpectationFailsWithADiff() throws {
        let result = try Self.test("""
            return {
              { name = "the largest", params = { min = 150000 }, expect = { keys = { "1280-2024", "1283-2024" } } },
              { name = "the two largest, one wrong", params = { min = 150000 },
                expect = { keys = { "1280-2024", "1281-2024" } } },
              { name = "a row", params = { min = 300000 },
                expect = { rows = { { ["municipality.name"] = "Malmö", population = 365000 } } } },
            }
            """)
        #expect(result.status == 1)
        let file = "scripts/filters/large-municipalities_test.lua"
        #expect(result.stdout == """
            ok   large-municipalities: the largest
            FAIL large-municipalities: the two largest, one wrong (\(file):3)
                 the keys differ (- expected, + got):
                     "1280-2024"
                   - "1281-2024"
                   + "1283-2024"
            FAIL large-municipalities: a row (\(file):5)
                 the rows differ (- expected, + got):
                   - { ["municipality.name"] = "Malmö", population = 365000 }
                   + { ["municipality.name"] = "Malmö", population = 365644 }
            1 passed, 2 failed

            """)
    }

    @Test func findingsAreComparedByWhatTheCaseNames() throws {
        let root = CLI.emptyFolder()
        try CLI.write(["v/validations/short-names.lua": """
            return { kind = "validation", description = "names are short", collection = "municipalities",
              check = function(m, findings)
                if #m.name > 10 then findings:warning(m, m.name .. " is long", { field = "name" }) end
              end }
            """, "v/validations/short-names_test.lua": """
            local two = { municipalities = {
              { code = "1201", name = "Kort", region = "12" },
              { code = "1202", name = "Mycket långt namn", region = "12" },
            } }
            return {
              { name = "finds the long one", data = two,
                expect = { findings = { { severity = "warning", key = "1202", field = "name", message = "is long$" } } } },
              { name = "wrong severity", data = two, expect = { findings = { { severity = "error", key = "1202" } } } },
              { name = "a count", data = two, expect = { count = 0 } },
            }
            """], under: root)
        let result = try CLI.run(["test", "--data", Self.data, "v"], in: root)
        #expect(result.status == 1)
        #expect(result.stdout == """
            ok   short-names: finds the long one
            FAIL short-names: wrong severity (v/validations/short-names_test.lua:8)
                 the findings differ (- expected, + got):
                   - { severity = "error", key = "1202" }
                   + { severity = "warning", key = "1202", field = "name", message = "Mycket långt namn is long" }
            FAIL short-names: a count (v/validations/short-names_test.lua:9)
                 expected 0 findings, got 1
                   + { severity = "warning", key = "1202", field = "name", message = "Mycket långt namn is long" }
            1 passed, 2 failed

            """)
    }

    @Test func expectedErrorsAndWhatDoesNotMatchThem() throws {
        let result = try Self.test("""
            return {
              { name = "usage", params = { year = 2022 }, expect = { error = "usage", message = "2022" } },
              { name = "not a script error", params = { year = 2022 }, expect = { error = "script" } },
              { name = "no error at all", expect = { error = "usage" } },
              { name = "message", params = { min = -1 }, expect = { error = "usage", message = "^nothing" } },
              { name = "unknown parameter", params = { mni = 5 }, expect = { error = "usage", message = "did you mean 'min'" } },
            }
            """)
        #expect(result.status == 1)
        #expect(result.stdout.contains("ok   large-municipalities: usage\n"))
        #expect(result.stdout.contains("     expected a script error, got a usage error:\n       parameter 'year' is 2022"))
        #expect(result.stdout.contains("     expected a usage error, but the plugin ran: it kept 5 rows\n"))
        #expect(result.stdout.contains("     the error message does not match the pattern \"^nothing\":\n       parameter 'min' must be 0 or more, got -1\n"))
        #expect(result.stdout.contains("ok   large-municipalities: unknown parameter\n"))
        #expect(result.stdout.hasSuffix("2 passed, 3 failed\n"))
    }

    /// Mistakes in a test file are named with the fix, each in its case; the others run.
    @Test func mistakesInATestFileAreNamed() throws {
        let result = try Self.test("""
            return {
              { name = "typo", expect = { kyes = { "1280-2024" } } },
              { name = "no expect" },
              { name = "wrong kind", expect = { findings = {} } },
              { name = "inline typo", data = { municipalities = { { code = "1280", nmae = "Malmö" } } }, expect = { count = 0 } },
              { name = "inline ref", data = { municipalities = { { code = "1280", name = "Malmö", region = "99" } } }, expect = { count = 0 } },
              { name = "no collection", data = { municipalitis = {} }, expect = { count = 0 } },
              { name = "bad locale", locale = "de", expect = { count = 5 } },
              { name = "fine", expect = { count = 5 } },
              { name = "fine", expect = { count = 5 } },
            }
            """)
        #expect(result.status == 1)
        let out = result.stdout
        #expect(out.contains("FAIL large-municipalities: typo (scripts/filters/large-municipalities_test.lua:2)\n"
            + "     unknown key 'kyes' in 'expect' (did you mean 'keys'?); it may have 'keys', 'rows', 'count'"))
        #expect(out.contains("     the case has no 'expect'; say what it should give, e.g. expect = { count = 3 }\n"))
        #expect(out.contains("     'findings' is for validations; 'filter' plugins are checked with 'keys', 'rows', 'count' or 'error'\n"))
        #expect(out.contains("     the test's data: 'nmae' is not a field of municipalities (did you mean 'name'?)\n"))
        #expect(out.contains("     the test's data: region '99' does not exist in regions (municipalities[1280])\n"))
        #expect(out.contains("     'data' names the collection 'municipalitis', which the data in use does not have (did you mean 'municipalities'?)\n"))
        #expect(out.contains("     'locale' is 'de'; write \"sv\" or \"en\"\n"))
        #expect(out.contains("ok   large-municipalities: fine\nFAIL large-municipalities: fine (scripts/filters/large-municipalities_test.lua:10)\n"
            + "     another case has the name 'fine'; give each case a name of its own\n"))
        #expect(out.hasSuffix("1 passed, 8 failed\n"))
    }

    @Test func aTestFileThatCannotBeReadIsOneFailure() throws {
        let syntax = try Self.test("return {\n  { name = 'x', expect = { count = 1 } \n")
        #expect(syntax.status == 1)
        #expect(syntax.stdout.hasPrefix("FAIL large-municipalities: (the test file) (scripts/filters/large-municipalities_test.lua:3)\n"))
        #expect(syntax.stdout.contains("'}' expected (to close '{' at line 2) near <eof>"))
        let notAList = try Self.test("return 42")
        #expect(notAList.stdout.contains("a test file returns a list of cases, { { name = …, expect = { … } }, … }; it returned a number"))
        // A test file runs under the limits like any script.
        let hang = try Self.test("while true do end", ["--timeout", "1"])
        #expect(hang.status == 1)
        #expect(hang.stdout.contains("the script ran longer than 1 s"))
        let escape = try Self.test("return { { name = os.execute('true'), expect = { count = 1 } } }")
        #expect(escape.stdout.contains("os.execute is not available in samverkan scripts"))
    }

    /// A hostile plugin under test is contained: a timeout is its failure, not a hang.
    @Test func aPluginThatHangsFailsItsCase() throws {
        let root = CLI.emptyFolder()
        try CLI.write(["s/filters/loop.lua": """
            return { kind = "filter", description = "loops", collection = "regions", match = function() while true do end end }
            """, "s/filters/loop_test.lua": """
            return { { name = "never ends", expect = { count = 0 } }, { name = "expected", expect = { error = "script", message = "longer than" } } }
            """], under: root)
        let result = try CLI.run(["test", "--data", Self.data, "--timeout", "1", "s"], in: root, killAfter: 30)
        #expect(!result.killed)
        #expect(result.status == 1)
        #expect(result.stdout.contains("FAIL loop: never ends (s/filters/loop_test.lua:1)\n     the plugin failed (a script error):\n"))
        #expect(result.stdout.contains("ok   loop: expected\n"))
    }

    @Test func junitForCI() throws {
        let root = try Self.folder(test: """
            return { { name = "ok <1>", expect = { count = 5 } }, { name = "fails", expect = { count = 4 } } }
            """)
        let result = try CLI.run(["test", "--data", Self.data, "--format", "junit", "scripts"], in: root)
        #expect(result.status == 1)
        #expect(result.stdout == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="samverkan test" tests="2" failures="1">
              <testsuite name="large-municipalities" tests="2" failures="1" file="scripts/filters/large-municipalities_test.lua">
                <testcase classname="large-municipalities" name="ok &lt;1&gt;" file="scripts/filters/large-municipalities_test.lua" line="1"/>
                <testcase classname="large-municipalities" name="fails" file="scripts/filters/large-municipalities_test.lua" line="1">
                  <failure message="expected 4 rows, got 5">expected 4 rows, got 5</failure>
                </testcase>
              </testsuite>
            </testsuites>

            """)
    }

    @Test func usageErrors() throws {
        let root = CLI.emptyFolder()
        let missing = try CLI.run(["test", "--data", Self.data, "nowhere"], in: root)
        #expect(missing.status == 2)
        #expect(missing.stderr == "error: 'nowhere' is neither a test file, a plugin nor a folder\n")
        try CLI.write(["empty/filters/x.lua": "return {}"], under: root)
        let none = try CLI.run(["test", "--data", Self.data, "empty"], in: root)
        #expect(none.status == 2)
        #expect(none.stderr == "error: no tests in 'empty'; a test is a file NAME_test.lua beside the plugin NAME.lua\n")
        let format = try CLI.run(["test", "--format", "tap"], in: root)
        #expect(format.status == 2)
    }

    /// A test file beside a plugin is not a plugin: `list` does not show it.
    @Test func testFilesAreNotPlugins() throws {
        let root = try Self.folder(test: "return { { name = 'x', expect = { count = 5 } } }")
        let list = try CLI.run(["list", "--data", Self.data, "--scripts", "scripts"], in: root)
        #expect(list.status == 0)
        #expect(!list.stdout.contains("_test"))
    }
}
