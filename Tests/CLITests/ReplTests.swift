import Foundation
import Testing

/// `samverkan repl`, through a pseudo-terminal as a user types, and through a pipe.
@Suite struct ReplTests {
    static let data = CLI.root.appendingPathComponent("data").path

    @Test func answersCompletesAndLeavesOnCtrlD() throws {
        let terminal = try PseudoTerminal(["repl", "--data", Self.data, "--timeout", "2"])
        #expect(terminal.waitFor("Ctrl-D leaves."))
        #expect(terminal.waitFor("> "))
        var mark = terminal.mark
        terminal.type("#kb.municipalities\r")
        #expect(terminal.waitFor("\n77\n", after: mark))

        // Tab completes a collection name; Enter runs the completed line.
        mark = terminal.mark
        terminal.type("kb.munic\t")
        #expect(terminal.waitFor("kb.municipalities", after: mark))
        terminal.type("\r")
        #expect(terminal.waitFor("municipalities: 77 records", after: mark))

        // Through a record's ref to another collection's fields, and a method after `:`.
        mark = terminal.mark
        terminal.type("kb.municipalities[1].region.na\t\r")
        #expect(terminal.waitFor("\"Region Jönköpings län\"", after: mark))
        mark = terminal.mark
        terminal.type("#kb.regions:sort_b\t(\"name\")\r")
        #expect(terminal.waitFor("sort_by(\"name\")", after: mark))
        #expect(terminal.waitFor("\n6\n", after: mark))

        // Several candidates are listed.
        mark = terminal.mark
        terminal.type("kb.p\t")
        let listed = terminal.waitFor("population  position_papers  priorities", after: mark)
        #expect(listed, "\(terminal.screen[mark...])")
        terminal.type("\u{15}")   // Ctrl-U: clear the line

        // A chunk continues until it is complete.
        mark = terminal.mark
        terminal.type("function twice(n)\r")
        #expect(terminal.waitFor(">> ", after: mark))
        terminal.type("return 2 * n end\rtwice(21)\r")
        #expect(terminal.waitFor("\n42\n", after: mark))

        // A hostile line is contained like any script, and the prompt comes back.
        mark = terminal.mark
        terminal.type("while true do end\r")
        #expect(terminal.waitFor("the script ran longer than 2 s", after: mark))
        mark = terminal.mark
        terminal.type("os.execute('id')\r")
        #expect(terminal.waitFor("os.execute is not available in samverkan scripts", after: mark))
        mark = terminal.mark
        terminal.type("#kb.regions\r")
        #expect(terminal.waitFor("\n6\n", after: mark))

        terminal.type("\u{04}")
        #expect(terminal.exitStatus() == 0)
    }

    /// Not on a terminal: lines from stdin, values on stdout, errors on stderr, no prompts.
    @Test func readsLinesFromAPipe() throws {
        let result = try CLI.run(["repl", "--data", Self.data, "--timeout", "1"], stdin: """
            #kb.municipalities
            kb.municipalities:get("1280")
            x = 5
            x * 2, "två"
            nil + 1
            kb.regions
            describe(kb.regions.count)

            """)
        #expect(result.status == 0)
        #expect(result.stdout == """
            77
            municipalities[1280] { code = "1280", name = "Malmö", official_name = "Malmö kommun", region = regions[12], land_area_km2 = 156.6, total_area_km2 = 332.61, … }
            10
            "två"
            regions: 6 records
              regions[06] { code = "06", letter = "F", name = "Region Jönköpings län", county = "Jönköpings län", seat = "Jönköping", land_area_km2 = 10436.7, … }
              regions[07] { code = "07", letter = "G", name = "Region Kronoberg", county = "Kronobergs län", seat = "Växjö", land_area_km2 = 8424.27, … }
              regions[08] { code = "08", letter = "H", name = "Region Kalmar län", county = "Kalmar län", seat = "Kalmar", land_area_km2 = 11164.68, … }
              … and 3 more (describe(kb.regions) shows its fields)
              c:count(fn?: fun(r: record): boolean) → integer
                  The number of records, or of those for which `fn` returns true.
                  e.g. local n = kb.municipalities:count(function(m) return m.region.code == "12" end)

            """)
        #expect(result.stderr == "error: stdin:1: attempt to perform arithmetic on a nil value\n")
    }
}
