import Foundation
import Testing

/// Work after the script is linear and bounded (issue 13, item 4): long cells and words
/// wrap in one pass, the document's and the findings' text count against the memory limit,
/// aligned tables and shown messages have a stated cap, and "did you mean" does not measure
/// what cannot be a typo.
@Suite struct RenderBoundsTests {
    static let data = CLI.fixture("kb")

    static func reports(_ source: String) throws -> String {
        let root = CLI.emptyFolder()
        try CLI.write(["s/reports/big.lua": source], under: root)
        return root
    }

    @Test(arguments: [("ab ", 20_000), ("x", 100_000)])
    func aLongCellOrWordWrapsInOnePass(unit: String, length: Int) throws {
        let root = try Self.reports("""
            return { kind = "report", description = "wide", run = function(kb, params, out)
              local t = out:table{ columns = { "A", "B" } }
              t:row{ string.rep("\(unit)", \(length / unit.count)), "b" }
            end }
            """)
        let result = try CLI.run(["report", "big", "--data", Self.data, "--scripts", "s"], in: root,
                                 environment: ["COLUMNS": "80"], killAfter: 60)
        #expect(!result.killed)
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(result.stdout.filter { $0 == "x" || $0 == "a" }.count == length / unit.count)
    }

    @Test func aLongDataValueInAQueryOnANarrowTerminal() throws {
        let kb = try CLI.copyOfFixture("kb")
        let file = kb + "/municipalities.csv"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "1281,Lund,", with: "1281,Lund" + String(repeating: "x", count: 4_000) + ",")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["query", "municipalities", "--data", kb], environment: ["COLUMNS": "80"], killAfter: 60)
        #expect(!result.killed)
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func theDocumentsTextCountsAgainstTheMemoryLimit() throws {
        let root = try Self.reports("""
            return { kind = "report", description = "big", run = function(kb, params, out)
              local s = string.rep("x", 4 * 1024 * 1024)
              local t = out:table{ columns = { "A" } }
              for i = 1, 250 do t:row{ s } end
            end }
            """)
        let result = try CLI.run(["report", "big", "--data", Self.data, "--scripts", "s", "--memory-limit", "64"], in: root)
        #expect(result.status == 4)
        #expect(result.stderr.hasPrefix("error: s/reports/big.lua:4: memory limit: the report's document holds more than 64 MB "
            + "of text (every cell counts, a repeated string too); raise it with --memory-limit MB\n"))
    }

    @Test func aTableTooLargeToAlignIsWrittenUnpaddedAndSaysSo() throws {
        let root = try Self.reports("""
            return { kind = "report", description = "big", run = function(kb, params, out)
              local t = out:table{ columns = { "A", "B" } }
              t:row{ string.rep("x", 1024 * 1024), "1" }
              for i = 1, 99 do t:row{ "short", tostring(i) } end
            end }
            """)
        let result = try CLI.run(["report", "big", "--data", Self.data, "--scripts", "s", "--locale", "en"], in: root)
        #expect(result.status == 0)
        #expect(result.stdout.utf8.count < 8 << 20)
        #expect(result.stdout.contains("\nshort  99\n(columns not aligned: aligned, the table would be 102 MB; --format csv gives it as data)\n"))
    }

    @Test func findingsCountAgainstTheMemoryLimitAndLongMessagesAreCut() throws {
        let root = CLI.emptyFolder()
        try CLI.write(["s/validations/msgs.lua": """
            return { kind = "validation", description = "msgs", collection = "regions", run = function(kb, findings)
              local m = string.rep("y", 100 * 1024)
              for i = 1, 3000 do findings:warning(nil, m) end
            end }
            """,
            "s/validations/long.lua": """
            return { kind = "validation", description = "long", collection = "regions", run = function(kb, findings)
              findings:warning(nil, string.rep("z", 10000))
            end }
            """], under: root)
        let limited = try CLI.run(["validate", "msgs", "--data", Self.data, "--scripts", "s", "--memory-limit", "64"], in: root)
        #expect(limited.status == 4)
        #expect(limited.stdout.contains("memory limit: the findings' messages are more than 64 MB of text; raise it with --memory-limit MB"))
        let long = try CLI.run(["validate", "long", "--data", Self.data, "--scripts", "s", "--fail-on", "never"], in: root)
        #expect(long.status == 0)
        #expect(long.stdout.contains(String(repeating: "z", count: 4_000) + " … (cut: 10000 characters in all; --format json has the whole message)"))
        #expect(!long.stdout.contains(String(repeating: "z", count: 4_001)))
    }

    /// A 10 MB unknown name: "did you mean" skips what differs in length by more than a typo.
    @Test func aHugeUnknownNameGetsNoSuggestionQuickly() throws {
        let result = try CLI.runScript("""
            local m = kb.municipalities[1]
            local ok, message = pcall(function() return m[string.rep("x", 10 * 1024 * 1024)] end)
            print(ok, #message > 0)
            """, options: ["--memory-limit", "256"])
        #expect(result.status == 0)
        #expect(result.stdout == "false\ttrue\n")
    }
}
