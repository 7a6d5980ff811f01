import Foundation
import Testing

/// Nothing silent: every plugin, script or `--where` mistake that used to run and answer
/// wrongly with exit 0 is an error (or, for a `match` that forgot `return`, a note) at the
/// line of the user's code, with the exit code of SPEC §7.2.
@Suite struct NothingSilentTests {
    static let data = CLI.root.appendingPathComponent("data").path

    /// A plugin mistake: the plugin file (under scripts/), the command, the exit code and
    /// the first line of stderr.
    struct PluginCase: Sendable, CustomStringConvertible {
        let file: String
        let source: String
        let command: [String]
        let status: Int32
        let stderr: String
        var description: String { file }
    }

    static let pluginCases: [PluginCase] = [
        PluginCase(file: "validations/both.lua", source: """
            return {
              kind = "validation",
              collection = "municipalities",
              check = function(m, findings) end,
              run = function(kb, findings) findings:error(nil, "x") end,
            }
            """, command: ["validate", "both"], status: 4,
            stderr: "error: invalid plugin: scripts/validations/both.lua:5: a validation has either 'check' (called per record of 'collection') or 'run' (called once), not both: the host would call only one of them"),
        PluginCase(file: "filters/colums.lua", source: """
            return {
              kind = "filter",
              collection = "municipalities",
              match = function(m) return true end,
              colums = { "name" },
            }
            """, command: ["query", "colums"], status: 4,
            stderr: "error: invalid plugin: scripts/filters/colums.lua:5: unknown key 'colums' in the filter (did you mean 'columns'?); it may have collection, columns, description, kind, match, params, requires, sort, tags"),
        PluginCase(file: "filters/srot.lua", source: """
            return {
              kind = "filter",
              collection = "municipalities",
              match = function(m) return true end,
              srot = "name",
            }
            """, command: ["query", "srot"], status: 4,
            stderr: "error: invalid plugin: scripts/filters/srot.lua:5: unknown key 'srot' in the filter (did you mean 'sort'?); it may have collection, columns, description, kind, match, params, requires, sort, tags"),
        PluginCase(file: "reports/parms.lua", source: """
            return {
              kind = "report",
              parms = { year = { type = "integer" } },
              run = function(kb, params, out) end,
            }
            """, command: ["report", "parms"], status: 4,
            stderr: "error: invalid plugin: scripts/reports/parms.lua:3: unknown key 'parms' in the report (did you mean 'params'?); it may have description, kind, params, requires, run, tags"),
        PluginCase(file: "reports/defualt.lua", source: """
            return {
              kind = "report",
              params = {
                year = { type = "integer", defualt = 2024 },
              },
              run = function(kb, params, out) end,
            }
            """, command: ["report", "defualt"], status: 4,
            stderr: "error: invalid plugin: scripts/reports/defualt.lua:4: unknown key 'defualt' in the spec of parameter 'year' (did you mean 'default'?); it may have default, description, enum, required, type"),
        PluginCase(file: "reports/match.lua", source: """
            return {
              kind = "report",
              match = function() return true end,
              run = function(kb, params, out) end,
            }
            """, command: ["report", "match"], status: 4,
            stderr: "error: invalid plugin: scripts/reports/match.lua:3: unknown key 'match' in the report; 'match' is for filters; it may have description, kind, params, requires, run, tags"),
        PluginCase(file: "filters/number.lua", source: """
            return {
              kind = "filter",
              collection = "municipalities",
              match = function(m)
                return m.land_area_km2
              end,
            }
            """, command: ["query", "number"], status: 4,
            stderr: "error: scripts/filters/number.lua:4: filter 'number': match returned a number (517.68) for municipalities[0604]; it must return true or false (nil counts as false): compare, e.g. m.land_area_km2 > 100"),
        PluginCase(file: "filters/badcolumn.lua", source: """
            return {
              kind = "filter",
              collection = "municipalities",
              match = function(m) return true end,
              columns = { "name", "regoin.name" },
            }
            """, command: ["query", "badcolumn"], status: 4,
            stderr: "error: invalid plugin: scripts/filters/badcolumn.lua:5: 'columns' entry 'regoin.name': municipalities has no field 'regoin' (did you mean 'region'?)"),
        PluginCase(file: "filters/numbercolumn.lua", source: """
            return {
              kind = "filter",
              collection = "municipalities",
              match = function(m) return true end,
              columns = { "name", 2 },
            }
            """, command: ["query", "numbercolumn"], status: 4,
            stderr: "error: invalid plugin: scripts/filters/numbercolumn.lua:5: 'columns' must be a list of field paths (strings), but entry 2 is a number"),
        PluginCase(file: "validations/nosuchfield.lua", source: """
            return {
              kind = "validation",
              collection = "municipalities",
              check = function(m, findings)
                findings:error(m, "too small", { field = "land_aera_km2" })
              end,
            }
            """, command: ["validate", "nosuchfield", "-q"], status: 4,
            stderr: "error[nosuchfield]: the rule failed: scripts/validations/nosuchfield.lua:5: findings:error: municipalities has no field 'land_aera_km2' (did you mean 'land_area_km2'?)"),
        PluginCase(file: "validations/nomessage.lua", source: """
            return {
              kind = "validation",
              collection = "municipalities",
              check = function(m, findings)
                findings:error(m)
              end,
            }
            """, command: ["validate", "nomessage", "-q"], status: 4,
            stderr: "error[nomessage]: the rule failed: scripts/validations/nomessage.lua:5: bad argument #2 to 'findings:error' (string expected, got no value)"),
        PluginCase(file: "reports/arity.lua", source: """
            return {
              kind = "report",
              run = function(kb, params, out)
                local t = out:table{ columns = { "Name", "Area" } }
                t:row{ "x", 1, 2 }
              end,
            }
            """, command: ["report", "arity"], status: 4,
            stderr: "error: scripts/reports/arity.lua:5: row: 3 cells for a table of 2 columns (Name, Area)"),
        PluginCase(file: "reports/tablecell.lua", source: """
            return {
              kind = "report",
              run = function(kb, params, out)
                out:table{ columns = { "Name", "Area" }, rows = { { "x", {} } } }
              end,
            }
            """, command: ["report", "tablecell"], status: 4,
            stderr: "error: scripts/reports/tablecell.lua:4: row: cell 2 is a table; a cell is a string, number, boolean, nil, a record (shown by its name) or text per language, { sv = …, en = … }"),
        PluginCase(file: "reports/functioncell.lua", source: """
            return {
              kind = "report",
              run = function(kb, params, out)
                local t = out:table{ columns = { "Name" } }
                t:row{ print }
              end,
            }
            """, command: ["report", "functioncell"], status: 4,
            stderr: "error: scripts/reports/functioncell.lua:5: row: cell 1 is a function; a cell is a string, number, boolean, nil, a record (shown by its name) or text per language, { sv = …, en = … }"),
        PluginCase(file: "reports/format.lua", source: """
            return {
              kind = "report",
              run = function(kb, params, out)
                out:table{ columns = { "Name", { title = "Area", format = "nubmer" } } }
              end,
            }
            """, command: ["report", "format"], status: 4,
            stderr: "error: scripts/reports/format.lua:4: out:table: column 2 has format 'nubmer' (did you mean 'number'?); the formats are text, number, percent and date"),
        PluginCase(file: "reports/dot.lua", source: """
            return {
              kind = "report",
              run = function(kb, params, out)
                out.title("Befolkning")
              end,
            }
            """, command: ["report", "dot"], status: 4,
            stderr: "error: scripts/reports/dot.lua:4: 'out:title' is a method: call it with a colon, out:title(…), not out.title(…)"),
        PluginCase(file: "reports/spec.lua", source: """
            return {
              kind = "report",
              run = function(kb, params, out)
                out:table{ colums = { "Name" } }
              end,
            }
            """, command: ["report", "spec"], status: 4,
            stderr: "error: scripts/reports/spec.lua:4: out:table: unknown key 'colums' (did you mean 'columns'?); it takes columns, rows, title"),
        PluginCase(file: "reports/sum.lua", source: """
            return {
              kind = "report",
              run = function(kb, params, out)
                out:paragraph(tostring(kb.municipalities:sum("land_are_km2")))
              end,
            }
            """, command: ["report", "sum"], status: 4,
            stderr: "error: scripts/reports/sum.lua:4: sum: municipalities has no field 'land_are_km2' (did you mean 'land_area_km2'?)"),
        PluginCase(file: "reports/sumnil.lua", source: """
            return {
              kind = "report",
              run = function(kb, params, out)
                out:paragraph(tostring(kb.municipalities:sum(params.field)))
              end,
            }
            """, command: ["report", "sumnil"], status: 4,
            stderr: "error: scripts/reports/sumnil.lua:4: bad argument #1 to 'sum' (field name or function expected, got nil)"),
    ]

    @Test(arguments: pluginCases)
    func pluginMistakesAreLoud(_ c: PluginCase) throws {
        try Self.check(c)
    }

    /// Runs the case's command on its plugin and compares the exit code and first line.
    static func check(_ c: PluginCase) throws {
        let folder = CLI.emptyFolder()
        try CLI.write(["scripts/" + c.file: c.source], under: folder)
        let result = try CLI.run(c.command + ["--data", Self.data], in: folder)
        #expect(result.status == c.status)
        // validate writes a rule that failed in its report, on stdout.
        let report = c.stderr.hasPrefix("error[") ? result.stdout : result.stderr
        #expect(report.split(separator: "\n").first.map(String.init) == c.stderr)
    }

    /// The traceback names the method the user called, not the host's helpers behind it.
    @Test func tracebacksNameTheMethodTheUserCalled() throws {
        let result = try CLI.runScript("local n = kb.municipalities:sort_by('nmae')", data: Self.data)
        #expect(result.status == 4)
        #expect(result.stderr == """
            error: script.lua:1: sort_by: municipalities has no field 'nmae' (did you mean 'name'?)
            stack traceback:
            \t[samverkan]: in method 'sort_by'
            \tscript.lua:1: in main chunk

            """)
        #expect(!result.stderr.contains("field_sorted"))
    }

    @Test func aMatchThatReturnsNothingGetsANote() throws {
        let folder = CLI.emptyFolder()
        try CLI.write(["scripts/filters/noreturn.lua": """
            return {
              kind = "filter",
              collection = "municipalities",
              match = function(m) local big = m.land_area_km2 > 1000 end,
            }
            """], under: folder)
        let result = try CLI.run(["query", "noreturn", "--data", Self.data], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr == """
            note: filter 'noreturn': match returned nil for all 77 municipalities, so none is shown; does it lack a `return`? (scripts/filters/noreturn.lua)
            0 of 77 municipalities match

            """)
    }

    /// `print` in a plugin goes to stderr, so the chosen format on stdout stays whole;
    /// `samverkan run` keeps stdout.
    @Test(arguments: [
        (["report", "printing", "--format", "json"], "reports/printing.lua", "return { kind = 'report', run = function(kb, params, out) print('debug', 1) out:title('T') end }"),
        (["query", "printing", "--format", "csv", "--columns", "code"], "filters/printing.lua", "return { kind = 'filter', collection = 'regions', match = function(r) print('debug', 1) return r.code == '12' end }"),
        (["validate", "printing", "--format", "sarif"], "validations/printing.lua", "return { kind = 'validation', collection = 'regions', check = function(r, f) print('debug', 1) end }"),
    ])
    func printInAPluginGoesToStderr(command: [String], file: String, source: String) throws {
        let folder = CLI.emptyFolder()
        try CLI.write(["scripts/" + file: source], under: folder)
        let result = try CLI.run(command + ["--data", Self.data], in: folder)
        #expect(result.status == 0)
        #expect(!result.stdout.contains("debug"))
        #expect(result.stderr.hasPrefix("debug\t1\n"))
        if command.contains("json") || command.contains("sarif") {
            #expect((try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) != nil)
        }
        let run = try CLI.runScript("print('debug', 1)", data: Self.data)
        #expect(run.stdout == "debug\t1\n")
    }

    /// Keys compare as keys, in --where and where{…}, and a ref's fields still work.
    @Test(arguments: [
        (["municipalities", "--where", "region == \"12\""], "33 of 77 municipalities match\n"),
        (["municipalities", "--where", "region == 12"], "33 of 77 municipalities match\n"),
        (["municipalities", "--where", "\"12\" == region"], "33 of 77 municipalities match\n"),
        (["municipalities", "--where", "region ~= '12'"], "44 of 77 municipalities match\n"),
        (["municipalities", "--where", "code == 1280"], "1 of 77 municipalities match\n"),
        (["municipalities", "--where", "region.name == \"Region Skåne\""], "33 of 77 municipalities match\n"),
        (["population", "--where", "year == '2024' and municipality == 1280"], "1 of 5 544 population match\n"),
    ])
    func keysCompareAsKeys(arguments: [String], stderr: String) throws {
        let result = try CLI.run(["query"] + arguments + ["--data", Self.data])
        #expect(result.status == 0)
        #expect(result.stderr == stderr)
    }

    @Test func whereTablesCompareKeysAsGetDoes() throws {
        let result = try CLI.runScript("""
            local m = kb.municipalities
            print(#m:where{ region = "12" }, #m:where{ region = 12 }, #m:where{ code = 1280 }, m:get(1280).name)
            print(#m:where{ region = kb.regions:get(12) })
            """, data: Self.data)
        #expect(result.stdout == "33\t33\t1\tMalmö\n33\n")
    }

    /// `--where` mistakes teach, with a caret under the place; all are usage errors.
    @Test(arguments: [
        ("name = \"Malmö\"", "error: --where: use '==' to compare ('=' assigns): name == \"Malmö\"\n  name = \"Malmö\"\n       ^\n"),
        ("name != \"Malmö\"", "error: --where: use '~=' for 'not equal' (Lua has no '!='): name ~= \"Malmö\"\n  name != \"Malmö\"\n       ^\n"),
        ("land_area_km2 > 100 && name == \"Lund\"", "error: --where: use 'and' (Lua has no '&&')\n  land_area_km2 > 100 && name == \"Lund\"\n                      ^\n"),
        ("land_area_km2 > 100 || name == \"Lund\"", "error: --where: use 'or' (Lua has no '||')\n  land_area_km2 > 100 || name == \"Lund\"\n                      ^\n"),
        ("name == Malmö", "error: --where: quote text: name == \"Malmö\"\n  name == Malmö\n          ^\n"),
        ("name == Lund", "error: --where: 'Lund' is not a field of municipalities; quote text: name == \"Lund\"\n  name == Lund\n          ^\n"),
        ("fa_region.name:len() > 3 and official_name:upper() == 'X'", nil),
        ("population > 5", "error: --where: 'population' is a relation of municipalities, a collection of records, not a value; '#population' counts them\n  population > 5\n  ^\n"),
        ("land_area_km2", "error: --where: the expression gives a number (517.68) for municipalities[0604], not true or false; compare it, e.g. land_area_km2 > 100\n  land_area_km2\n"),
    ] as [(String, String?)])
    func whereMistakesTeach(expression: String, stderr: String?) throws {
        let result = try CLI.run(["query", "municipalities", "--where", expression, "--data", Self.data])
        if let stderr {
            #expect(result.status == 2)
            #expect(result.stderr == stderr)
        } else {
            #expect(result.status == 0)
        }
    }

    @Test func comparingAMissingFieldNamesIt() throws {
        let data = try CLI.copyOfFixture("kb")
        let result = try CLI.run(["query", "municipalities", "--where", "#tags > 1", "--data", data])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: --where: "))
        #expect(result.stderr.contains("is missing (nil) in municipalities["))
        #expect(result.stderr.contains("test it first:"))
        #expect(result.stderr.hasSuffix("^\n"))
    }

    /// The same data and scripts give byte-identical output, every run.
    @Test func validateJSONWithADanglingRefIsTheSameEveryRun() throws {
        let folder = CLI.emptyFolder()
        let data = (folder as NSString).appendingPathComponent("data")
        try FileManager.default.copyItem(atPath: Self.data, toPath: data)
        let file = (data as NSString).appendingPathComponent("population.csv")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "\n1281-2024,1281,", with: "\n1281-2024,1289,")
            .write(toFile: file, atomically: true, encoding: .utf8)
        var outputs = Set<String>()
        for _ in 0..<10 {
            let result = try CLI.run(["validate", "--format", "json"], in: folder)
            #expect(result.status == 1)
            outputs.insert(result.stdout)
        }
        #expect(outputs.count == 1)
        #expect(outputs.first?.contains("municipality '1289' does not exist in municipalities (did you mean '1280'?)") == true)
    }

    /// The shipped plugins under --allow-invalid: a dangling ref or a missing figure is left
    /// out with a note, never a crash.
    @Test func shippedPluginsSurviveInvalidData() throws {
        let folder = CLI.emptyFolder()
        let data = (folder as NSString).appendingPathComponent("data")
        try FileManager.default.copyItem(atPath: Self.data, toPath: data)
        func edit(_ name: String, _ from: String, _ to: String) throws {
            let file = (data as NSString).appendingPathComponent(name)
            let text = try String(contentsOfFile: file, encoding: .utf8)
            #expect(text.contains(from))
            try text.replacingOccurrences(of: from, with: to).write(toFile: file, atomically: true, encoding: .utf8)
        }
        try edit("population.csv", "\n1281-2024,1281,", "\n1281-2024,1289,")          // a dangling ref
        try edit("population.csv", "\n1280-2024,1280,2024,365644,", "\n1280-2024,1280,2024,,")  // a missing figure
        try edit("municipalities.csv", "\n0617,Gnosjö,Gnosjö kommun,06,", "\n0617,Gnosjö,Gnosjö kommun,99,")  // a dangling region
        let list = try CLI.run(["list", "--format", "json"], in: folder)
        let listing = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
        let plugins = try #require(listing["plugins"] as? [[String: Any]])
        #expect(plugins.count >= 17)
        for plugin in plugins {
            let name = try #require(plugin["name"] as? String), kind = try #require(plugin["kind"] as? String)
            let command = kind == "report" ? "report" : kind == "filter" ? "query" : "validate"
            let result = try CLI.run([command, name, "--allow-invalid"], in: folder)
            #expect(result.status == 0 || kind == "validation" && result.status == 1, "\(name): \(result.status)")
            #expect(!result.stderr.contains("error: "), "\(name): \(result.stderr)")
            #expect(!result.stderr.contains("rule failed"), "\(name): \(result.stderr)")
        }
        let population = try CLI.run(["report", "population", "--allow-invalid"], in: folder)
        #expect(population.stderr.contains("note: left out municipalities[0617]: its region is missing or not in the data"))
    }
}
