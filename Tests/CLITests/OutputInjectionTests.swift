import Foundation
import Testing

/// What data and scripts write cannot steer the terminal or the Markdown (issue 13, item 8):
/// control characters are shown as control pictures (ESC → ␛), and Markdown keeps a
/// paragraph's `| a | b |` lines and bare URLs as text.
@Suite struct OutputInjectionTests {
    static let fake = "\u{1B}[1A\u{1B}[2Kall checks passed\r"

    /// The fixture data with an escape sequence in Lund's name.
    static func data() throws -> String {
        let kb = try CLI.copyOfFixture("kb")
        let file = kb + "/municipalities.csv"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "1281,Lund,", with: "1281,Lund\(fake),").write(toFile: file, atomically: true, encoding: .utf8)
        return kb
    }

    @Test func queryShowsControlCharactersVisibly() throws {
        let result = try CLI.run(["query", "municipalities", "--data", try Self.data(), "--columns", "code,name", "--limit", "2"])
        #expect(result.status == 0)
        #expect(!result.stdout.unicodeScalars.contains("\u{1B}"))
        #expect(result.stdout.contains("1281  Lund␛[1A␛[2Kall checks passed␍\n"))
    }

    @Test func validateShowsControlCharactersVisibly() throws {
        let root = CLI.emptyFolder()
        try CLI.write(["s/validations/echo.lua": """
            return { kind = "validation", description = "echoes names", collection = "municipalities",
              check = function(m, findings) if m.code == "1281" then findings:warning(m, "name " .. m.name) end end }
            """], under: root)
        let result = try CLI.run(["validate", "--data", try Self.data(), "--scripts", "s", "echo", "--fail-on", "never"], in: root)
        #expect(result.status == 0)
        #expect(!result.stdout.unicodeScalars.contains("\u{1B}"))
        // The carriage return breaks the message's line, as every line break does there: the
        // rest is indented, so it cannot overwrite the line it ends.
        #expect(result.stdout.contains("warning[echo]: name Lund␛[1A␛[2Kall checks passed\n     (municipalities[1281]"))
    }

    @Test func reportsInTextAndMarkdownShowThemVisiblyAndMakeNoTablesOrLinks() throws {
        let root = CLI.emptyFolder()
        try CLI.write(["s/reports/inject.lua": """
            return { kind = "report", description = "injects", run = function(kb, params, out)
              out:paragraph("| a | b |\\n|---|---|\\n| 1 | 2 |\\nsee https://example.org or info@example.org")
              out:paragraph("\\27[2J\\27[Hall checks passed")
            end }
            """], under: root)
        let text = try CLI.run(["report", "inject", "--data", CLI.fixture("kb"), "--scripts", "s"], in: root)
        #expect(text.status == 0)
        #expect(text.stdout.hasSuffix("\n␛[2J␛[Hall checks passed\n"))
        let markdown = try CLI.run(["report", "inject", "--data", CLI.fixture("kb"), "--scripts", "s", "--format", "markdown"], in: root)
        #expect(markdown.stdout == """
            \\| a \\| b \\|
            \\|---\\|---\\|
            \\| 1 \\| 2 \\|
            see https\\://example.org or info\\@example.org

            ␛\\[2J␛\\[Hall checks passed

            """)
    }

    /// A data error (exit 3) shows the value visibly on stderr too.
    @Test func dataErrorsShowControlCharactersVisibly() throws {
        let kb = try Self.data()
        let file = kb + "/municipalities.csv"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "1280,Malmö,12,365644", with: "1280,Malmö,12,\u{1B}[2J").write(toFile: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["query", "municipalities", "--data", kb])
        #expect(result.status == 3)
        #expect(!result.stderr.unicodeScalars.contains("\u{1B}"))
        #expect(result.stderr.contains("␛[2J"))
    }
}
