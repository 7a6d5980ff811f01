import Foundation
import Testing

/// Text output fits COLUMNS, breaks words only at their boundaries, and is not wrapped at all
/// when it goes to a pipe and COLUMNS is not set.
@Suite struct TextWidthTests {
    static let data = CLI.root.appendingPathComponent("data").path

    static func run(_ arguments: [String], columns: String) throws -> CLIResult {
        try CLI.run(arguments, in: CLI.root.path, environment: ["COLUMNS": columns])
    }

    /// Columns a line takes (the shipped data has no wide characters).
    static func widest(_ text: String) -> Int {
        text.split(separator: "\n").map(\.count).max() ?? 0
    }

    @Test func theOverviewFitsSixtyColumns() throws {
        let result = try Self.run(["report", "overview"], columns: "60")
        #expect(result.status == 0)
        #expect(Self.widest(result.stdout) <= 60)
        #expect(result.stdout.contains("Webbplats:             https://regionsamverkan.se/\n"))
    }

    @Test func tenColumnsFitEightyBreakingAfterUnderscoresAndHyphensFirst() throws {
        let result = try Self.run(["query", "--data", Self.data, "municipalities", "--limit", "2"], columns: "80")
        #expect(result.status == 0)
        #expect(result.stdout == """
            code  name    offici  region   land_  total_  fa_     labour  source    area_
                          al_              area_   area_  region  _                 source
                          name               km2     km2          market
            ────────────────────────────────────────────────────────────────────────────────
            0604  Aneby   Aneby   06      517.68  553.89  13      LA2107  sjbrg-    kommunda
                          kommun                                          swedish-  ta
                                                                          geodata
            0617  Gnosjö  Gnosjö  06      420.55  450.05  07      LA2106  sjbrg-    kommunda
                          kommun                                          swedish-  ta
                                                                          geodata

            """)
    }

    /// COLUMNS set but empty counts as unset; the test's stdout is a pipe.
    @Test func pipedOutputKeepsEachTableRowOnOneLine() throws {
        let result = try Self.run(["report", "labour-markets"], columns: "")
        #expect(result.status == 0)
        #expect(result.stdout.contains(
            "LA2120  Kristianstad-Hässleholm         6  Blekinge län, Skåne län                                  189 606\n"))
        #expect(result.stdout.contains("LA2118  Karlshamn-Olofström             2  Blekinge län"))
    }
}
