import Testing

/// `samverkan run` on the fixture knowledge base prints exactly what the data says.
@Suite struct RunCommandTests {
    @Test func printsFieldsRefsAndRelationCounts() throws {
        let result = try CLI.runScript("""
            for m in kb.municipalities:each() do
              print(m.code, m.name, m.region.name, #m.region.municipalities)
            end
            """)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            1280\tMalmö\tRegion Skåne\t6
            1281\tLund\tRegion Skåne\t6
            1257\tÖrkelljunga\tRegion Skåne\t6
            1292\tÄngelholm\tRegion Skåne\t6
            1264\tSkurup\tRegion Skåne\t6
            1286\tYstad\tRegion Skåne\t6
            0765\tÄlmhult\tRegion Kronoberg\t2
            0780\tVäxjö\tRegion Kronoberg\t2
            1380\tHalmstad\tRegion Halland\t1

            """)
    }

    @Test func sortsSwedishNamesWithÅÄÖAfterZ() throws {
        let result = try CLI.runScript("""
            for m in kb.municipalities:sort_by("name"):each() do print(m.name) end
            """)
        #expect(result.stdout == "Halmstad\nLund\nMalmö\nSkurup\nVäxjö\nYstad\nÄlmhult\nÄngelholm\nÖrkelljunga\n")
    }

    @Test func passesArgumentsAfterTheFileToTheScript() throws {
        let result = try CLI.runScript("print(#arg, arg[1], arg[2])", arguments: ["--data", "x y"])
        #expect(result.status == 0)
        #expect(result.stdout == "2\t--data\tx y\n")
    }

    /// Words the argument parser would refuse or take for its own reach the script as they are.
    @Test func passesEveryWordAfterTheFileUntouched() throws {
        let words = ["---x", "--", "-q", "--help", "-", "--timeout", "a b"]
        let result = try CLI.runScript("print(#arg, table.concat(arg, '|'))", options: ["--timeout", "5"], arguments: words)
        #expect(result.status == 0)
        #expect(result.stdout == "7\t---x|--|-q|--help|-|--timeout|a b\n")
    }

    /// One-liners: `run -e CHUNK` and `run -` (stdin), on the shipped data as the README shows.
    @Test func runsAChunkFromTheCommandLine() throws {
        let result = try CLI.run(["run", "-e", "print(#kb.regions)"])
        #expect(result.status == 0)
        #expect(result.stdout == "6\n")
        let withArguments = try CLI.run(["run", "-e", "print(#arg, arg[1], arg[2])", "a", "-q"])
        #expect(withArguments.stdout == "2\ta\t-q\n")
    }

    @Test func runsAScriptFromStdin() throws {
        let result = try CLI.run(["run", "-"], stdin: "print(#kb.municipalities)\n")
        #expect(result.status == 0)
        #expect(result.stdout == "77\n")
        let failing = try CLI.run(["run", "-"], stdin: "\nlocal x = nil + 1\n")
        #expect(failing.status == 4)
        #expect(failing.stderr.hasPrefix("error: (stdin):2: attempt to perform arithmetic on a nil value"))
        let chunkError = try CLI.run(["run", "-e", "print(("])
        #expect(chunkError.status == 4)
        #expect(chunkError.stderr.hasPrefix("error: (command line):1:"))
        let none = try CLI.run(["run"])
        #expect(none.status == 2)
        #expect(none.stderr.contains("give a script: FILE.lua, - (read it from stdin) or -e 'CHUNK'"))
    }

    /// describe(x): a record's fields with types and values, a collection's size and schema,
    /// a declared function's signature, where a script's function is defined.
    @Test func describeSaysWhatAValueIs() throws {
        let result = try CLI.runScript("""
            describe(kb.municipalities:get("1280"))
            describe(kb.regions:filter(function(r) return r.code == "12" end))
            describe(kb.regions.count)
            local function helper() end
            describe(helper)
            describe(string.format)
            describe("Växjö")
            describe(2.5)
            """)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let file = "\(CLI.fixture("kb"))/municipalities.csv"
        #expect(result.stdout == """
            municipalities[1280]: a record of municipalities, \(file):2:1
              code        string                  "1280"
              name        string                  "Malmö"
              region      ref → regions           regions[12]
              population  integer                 365644
              coastal     boolean                 true
              tags        list of string          { "stad", "hamn" }
            regions: a collection of 1 record of 3, key code, from \(CLI.fixture("kb"))/regions.yaml
              code            string                  key, unique
              name            string                  required
              seat            string
              area            number
              municipalities  relation: municipalities by region
              c:count(fn?: fun(r: record): boolean) → integer
                  The number of records, or of those for which `fn` returns true.
                  e.g. local n = kb.municipalities:count(function(m) return m.region.code == "12" end)
            a function defined at script.lua:4
            a function of Lua's (see the Lua 5.4 manual)
            "Växjö": a string of 5 characters (7 bytes)
            2.5: a number (float)

            """)
    }

    @Test func typesOfFieldValues() throws {
        let result = try CLI.runScript("""
            local m = kb.municipalities:get("1280")
            print(math.type(m.population), m.coastal, type(m.tags), #m.tags, m.tags[2])
            print(math.type(kb.regions:get("12").area), kb.organisation.founded, kb.organisation.members)
            print(kb.municipalities:get("1257").tags, kb.municipalities:get("9999"))
            local loc = m:location()
            print(loc.file:match("[^/]+$"), loc.line, loc.column, m:key(), tostring(m), m == kb.municipalities[1])
            print(m:fields().region, kb:collections()[3], kb.municipalities.name, kb.municipalities.schema.key)
            """)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            integer\ttrue\ttable\t2\thamn
            float\t2016-01-01\t6
            nil\tnil
            municipalities.csv\t2\t1\t1280\tmunicipalities[1280]\ttrue
            12\tmunicipalities\tmunicipalities\tcode

            """)
    }

    @Test func collectionMethods() throws {
        let result = try CLI.runScript("""
            local m = kb.municipalities
            print(#m:filter(function(r) return r.population > 100000 end), m:count(), m:count(function(r) return r.coastal end))
            print(m:where{ region = "07" }:first().name, m:where{ region = kb.regions:get("13") }[1].name, m:where{ coastal = true, region = "12" }:count())
            print(m:sort_by("population", "desc"):limit(2):map(function(r) return r.name end)[2])
            print(m:sum("population"), m:min("population"), m:max("name"), m:avg("population") > 90000)
            print(m:sum(function(r) return r.population // 1000 end), m:any(function(r) return r.name == "Lund" end), m:all(function(r) return r.population > 20000 end))
            for _, g in ipairs(m:group_by("region")) do print(g.key.name, #g.items) end
            for _, g in ipairs(m:group_by(function(r) return r.coastal end)) do print(g.key, #g.items) end
            print(m:first(function(r) return r.name:sub(1, 1) == "Y" end).name, #m:list(), m:filter(function() return false end):min("population"))
            print(m:sort_by(function(r) return r.region.name end)[1].name, #m:sort_by("region.name", "desc"), m:sort_by("region.name", "desc")[1].name)
            for i, r in ipairs(m:limit(2)) do print(i, r.name) end
            """)
        #expect(result.stderr == "")
        #expect(result.stdout == """
            3\t9\t5
            Älmhult\tHalmstad\t4
            Lund
            823897\t10277\tÖrkelljunga\ttrue
            821\ttrue\tfalse
            Region Skåne\t6
            Region Kronoberg\t2
            Region Halland\t1
            true\t5
            false\t4
            Ystad\t9\tnil
            Halmstad\t9\tMalmö
            1\tMalmö
            2\tLund

            """)
    }

    @Test func fmtAndTextFollowTheLocale() throws {
        let script = """
            print(fmt.number(1421781), fmt.number(2.5, 1), fmt.percent(0.2598), fmt.date("2016-01-01"))
            print(text.lower("ÅSTORP"), text.upper("älmhult"), text.less("Örkelljunga", "Ystad"), text.len("Växjö"))
            """
        let sv = try CLI.runScript(script)
        #expect(sv.stdout == "1 421 781\t2,5\t26,0 %\t1 januari 2016\nåstorp\tÄLMHULT\tfalse\t5\n")
        let en = try CLI.runScript(script, options: ["--locale", "en"])
        #expect(en.stdout == "1,421,781\t2.5\t26.0%\t1 January 2016\nåstorp\tÄLMHULT\tfalse\t5\n")
    }

    @Test func requireLoadsModulesFromLibOfThePluginFolders() throws {
        let folder = CLI.emptyFolder()
        try FileManager.default.createDirectory(atPath: folder + "/plugins/lib", withIntermediateDirectories: true)
        try "return { double = function(x) return 2 * x end }".write(toFile: folder + "/plugins/lib/util.lua", atomically: true, encoding: .utf8)
        try "print(require('util').double(21), require('util') == require('util'))".write(toFile: folder + "/s.lua", atomically: true, encoding: .utf8)
        let result = try CLI.run(["run", "--data", CLI.fixture("kb"), "--scripts", "plugins", "s.lua"], in: folder)
        #expect(result.stderr == "")
        #expect(result.stdout == "42\ttrue\n")
    }

    @Test func aMissingScriptFileIsAUsageError() throws {
        let result = try CLI.run(["run", "--data", CLI.fixture("kb"), "nope.lua"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: no such script 'nope.lua'\n")
        let folder = try CLI.run(["run", "--data", CLI.fixture("kb"), "."])
        #expect(folder.status == 2)
        #expect(folder.stderr == "error: '.' is a folder, not a script\n")
    }
}

import Foundation
