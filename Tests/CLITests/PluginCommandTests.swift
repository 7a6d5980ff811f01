import Foundation
import Testing

/// list, info and new: discovery along the plugin path, broken and shadowed plugins.
@Suite struct PluginCommandTests {
    /// A folder with plugins/ holding two good plugins and three broken ones.
    static func pluginFolder() throws -> String {
        let folder = CLI.emptyFolder()
        let files = [
            "reports/good.lua": "return { kind = 'report', description = 'A good report', tags = { 'demo' },\n  run = function(kb, params, out) out:title('Good') end }\n",
            "filters/coastal.lua": "return { kind = 'filter', description = 'Coastal municipalities', collection = 'municipalities',\n  match = function(m) return m.coastal end, columns = { 'name' } }\n",
            "reports/syntax.lua": "return {\n  kind = 'report',\n  run = function(kb, params, out) out:title('x' end,\n}\n",
            "reports/nokind.lua": "-- no kind\nreturn {\n  description = 'forgot the kind',\n  run = function() end,\n}\n",
            "reports/runnotfunction.lua": "return {\n  kind = 'report',\n  run = 'not a function',\n}\n",
        ]
        try CLI.write(files, under: folder + "/plugins")
        return folder
    }

    @Test func brokenPluginsAreNamedAndTheOthersStillWork() throws {
        let folder = try Self.pluginFolder()
        let list = try CLI.run(["list", "--data", CLI.fixture("kb"), "--scripts", "plugins", "--tag", "demo"], in: folder)
        #expect(list.status == 4)
        #expect(list.stdout == "NAME  KIND        TAGS  DESCRIPTION\ngood  report      demo  A good report\n")
        #expect(list.stderr == """
            error: invalid plugin: plugins/reports/nokind.lua:2: the plugin table has no 'kind' ("report", "filter" or "validation")
            error: invalid plugin: plugins/reports/runnotfunction.lua:3: a report needs 'run' to be a function, but it is a string
            error: invalid plugin: plugins/reports/syntax.lua:3: ')' expected near 'end'

            """)
        let report = try CLI.run(["report", "--data", CLI.fixture("kb"), "--scripts", "plugins", "good"], in: folder)
        #expect(report.status == 0)
        #expect(report.stdout == "Good\n====\n")
        let broken = try CLI.run(["report", "--data", CLI.fixture("kb"), "--scripts", "plugins", "nokind"], in: folder)
        #expect(broken.status == 4)
        #expect(broken.stderr.hasPrefix("error: invalid plugin: plugins/reports/nokind.lua:2: the plugin table has no 'kind'"))
    }

    @Test func listFiltersByKindAndPrintsJSON() throws {
        let folder = try Self.pluginFolder()
        let list = try CLI.run(["list", "--data", CLI.fixture("kb"), "--scripts", "plugins", "--kind", "filter", "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(list.stdout.utf8)) as? [String: Any])
        let plugins = try #require(object["plugins"] as? [[String: Any]])
        #expect(plugins.contains { $0["name"] as? String == "coastal" && $0["kind"] as? String == "filter" })
        #expect(!plugins.contains { $0["kind"] as? String == "report" })
        #expect((object["problems"] as? [[String: Any]])?.count == 3)
    }

    @Test func theFirstFolderOnThePathWinsAndListMarksTheShadowed() throws {
        let folder = try Self.pluginFolder()
        try FileManager.default.createDirectory(atPath: folder + "/mine/reports", withIntermediateDirectories: true)
        try "return { kind = 'report', description = 'My own population report', run = function(kb, p, out) out:title('Mine') end }"
            .write(toFile: folder + "/mine/reports/population.lua", atomically: true, encoding: .utf8)
        let list = try CLI.run(["list", "--data", CLI.fixture("kb"), "--scripts", "mine", "--kind", "report"], in: folder)
        #expect(list.stdout.contains("population       report"))
        #expect(list.stdout.contains("My own population report"))
        #expect(list.stdout.contains("scripts/reports/population.lua (hidden by mine/reports/population.lua)"))
        let info = try CLI.run(["info", "--data", CLI.fixture("kb"), "--scripts", "mine", "population"], in: folder)
        #expect(info.stdout.hasPrefix("population (report)\n  My own population report\n\n  file:        mine/reports/population.lua\n"))
        #expect(info.stdout.contains("  shadows:     "))
    }

    @Test func infoShowsParameters() throws {
        let result = try CLI.run(["info", "large-municipalities"], in: CLI.root.path)
        #expect(result.status == 0)
        #expect(result.stdout.contains("large-municipalities (filter)\n"))
        #expect(result.stdout.contains("  collection:  population\n"))
        #expect(result.stdout.contains("    -p min (integer, default 100000): smallest population (inclusive)\n"))
    }

    @Test func unknownPluginsSuggestTheClosestName() throws {
        let result = try CLI.run(["report", "overveiw"], in: CLI.root.path)
        #expect(result.status == 2)
        #expect(result.stderr == "error: unknown plugin 'overveiw' (did you mean 'overview'?); `samverkan list` shows them all\n")
        let kind = try CLI.run(["report", "shrinking"], in: CLI.root.path)
        #expect(kind.status == 2)
        #expect(kind.stderr == "error: 'shrinking' is a filter, not a report; run it with `samverkan query shrinking`\n")
    }

    @Test(arguments: ["report", "filter", "validation"])
    func newWritesAStarterThatRunsAsItIs(kind: String) throws {
        let folder = CLI.emptyFolder()
        let created = try CLI.run(["new", kind, "starter"], in: folder)
        #expect(created.status == 0)
        let folderName = kind + "s"
        #expect(created.stdout.hasPrefix("Wrote scripts/\(folderName)/starter.lua."))
        let command: [String] = switch kind {
        case "report": ["report", "starter"]
        case "filter": ["query", "starter"]
        default: ["validate", "starter"]
        }
        let ran = try CLI.run(command + ["--data", CLI.root.appendingPathComponent("data").path], in: folder)
        #expect(ran.status == 0)
        #expect(ran.stderr.isEmpty || kind == "filter")
        // Its test is written beside it, and passes as written.
        #expect(created.stdout.contains("Wrote its test scripts/\(folderName)/starter_test.lua. Run it: samverkan test scripts/\(folderName)/starter.lua"))
        let tested = try CLI.run(["test", "scripts/\(folderName)/starter.lua", "--data", CLI.root.appendingPathComponent("data").path], in: folder)
        #expect(tested.status == 0, "\(tested.stdout)\(tested.stderr)")
        #expect(tested.stdout.hasSuffix(" passed, 0 failed\n"))
        #expect(!tested.stdout.contains("FAIL"))
        let again = try CLI.run(["new", kind, "starter"], in: folder)
        #expect(again.status == 2)
        #expect(again.stderr == "error: scripts/\(folderName)/starter.lua exists already; choose another name or edit it\n")
    }

    /// A starter named like a plugin further along the path hides it: said, not silent.
    @Test func aStarterThatHidesAShippedPluginSaysSo() throws {
        let folder = CLI.emptyFolder()
        let scripts = CLI.root.appendingPathComponent("scripts").path
        let result = try CLI.run(["new", "report", "population", "--scripts", "scripts", "--scripts", scripts], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "Wrote scripts/reports/population.lua. Try it: samverkan report population\n"
            + "Wrote its test scripts/reports/population_test.lua. Run it: samverkan test scripts/reports/population.lua\n")
        #expect(result.stderr == "note: scripts/reports/population.lua now hides \(scripts)/reports/population.lua of the same name; "
            + "`samverkan list` marks it shadowed. Choose another name to keep both.\n")
        let fresh = try CLI.run(["new", "report", "brand-new", "--scripts", scripts], in: folder)
        #expect(fresh.stderr == "")
        // With the shipped folder first on the path, the new one is the one hidden.
        let hidden = try CLI.run(["new", "report", "growth", "--scripts", scripts], in: folder)
        #expect(hidden.stderr == "note: \(scripts)/reports/growth.lua of the same name comes first on the plugin path "
            + "and still runs, not scripts/reports/growth.lua; choose another name.\n")
    }

    @Test func aParameterGivenTwiceIsAUsageError() throws {
        let result = try CLI.run(["report", "population", "-p", "year=2024", "-p", "year=2020"], in: CLI.root.path)
        #expect(result.status == 2)
        #expect(result.stderr == "error: parameter 'year' is given twice; give it once (plugin 'population')\n")
    }

    @Test(arguments: [
        (["--tag", "nosuchtag"], "error: no plugin has the tag 'nosuchtag'; the plugins' tags are: areas, codes, committees, geography, labour-markets, municipalities, organisation, overview, population, position-papers, priorities, regions, sources\n"),
        (["--tag", "populaton"], "error: no plugin has the tag 'populaton' (did you mean 'population'?); the plugins' tags are: areas, codes, committees, geography, labour-markets, municipalities, organisation, overview, population, position-papers, priorities, regions, sources\n"),
        (["--kind", "report", "--tag", "codes"], "error: no report has the tag 'codes'; the reports' tags are: areas, geography, labour-markets, overview, population, position-papers, priorities\n"),
    ])
    func listWithATagNoPluginHasIsAUsageError(options: [String], stderr: String) throws {
        let result = try CLI.run(["list"] + options, in: CLI.root.path)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == stderr)
    }

    @Test func listWithAKnownTagShowsItsPlugins() throws {
        let result = try CLI.run(["list", "--tag", "codes"], in: CLI.root.path)
        #expect(result.status == 0)
        #expect(result.stdout == "NAME                      KIND        TAGS                  DESCRIPTION\nmunicipality-code-prefix  validation  municipalities,codes  Every municipality's code starts with its region's code\n")
    }

    @Test func everySubcommandListsVersionOnce() throws {
        for command in ["list", "report", "query", "validate", "run", "schema"] {
            let help = try CLI.run([command, "--help"], in: CLI.root.path)
            let lines = help.stdout.split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("--version") }
            #expect(lines.count == 1, "\(command) --help: \(lines)")
        }
        let version = try CLI.run(["report", "--version"], in: CLI.root.path)
        #expect(version.status == 0)
        #expect(version.stdout == "0.1.0\n")
    }

    @Test func wrongParameterTypesAreUsageErrors() throws {
        let result = try CLI.run(["report", "population", "-p", "year=abc"], in: CLI.root.path)
        #expect(result.status == 2)
        #expect(result.stderr == "error: parameter 'year' expects integer (an integer, like 100000), got 'abc' (plugin 'population')\n")
    }
}
