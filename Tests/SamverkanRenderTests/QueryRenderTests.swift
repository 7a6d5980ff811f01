import Foundation
import SamverkanCore
import Testing
@testable import SamverkanRender

/// `samverkan query` output: one table, no title, in four formats.
@Suite struct QueryRenderTests {
    static let table = Table(
        title: "ignoreras",
        columns: [Column(title: "kod"), Column(title: "namn"), Column(title: "befolkning", format: .number), Column(title: "andel", format: .percent)],
        rows: [
            [.text("1280"), .text("Malmö"), .integer(365_644), .number(0.2559)],
            [.text("1214"), .text("Svalöv"), .integer(15_165), .missing],
        ]
    )

    @Test func text() {
        #expect(renderTable(Self.table, as: .text, options: RenderOptions(locale: .sv)) == """
            kod   namn    befolkning   andel
            ────────────────────────────────
            1280  Malmö      365 644  25,6 %
            1214  Svalöv      15 165

            """)
    }

    @Test func markdown() {
        #expect(renderTable(Self.table, as: .markdown, options: RenderOptions(locale: .en)) == """
            | kod  | namn   | befolkning | andel |
            | ---- | ------ | ---------: | ----: |
            | 1280 | Malmö  |    365,644 | 25.6% |
            | 1214 | Svalöv |     15,165 |       |

            """)
    }

    @Test func json() throws {
        let json = renderTable(Self.table, as: .json)
        #expect(json == """
            [
              {
                "kod": "1280",
                "namn": "Malmö",
                "befolkning": 365644,
                "andel": 0.2559
              },
              {
                "kod": "1214",
                "namn": "Svalöv",
                "befolkning": 15165,
                "andel": null
              }
            ]

            """)
        let records = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]])
        #expect(records[0]["befolkning"] as? Int == 365_644)
    }

    @Test func jsonKeepsRepeatedColumnTitlesApart() {
        let table = Table(columns: [Column(title: "namn"), Column(title: "namn")], rows: [[.text("a"), .text("b")]])
        #expect(renderTable(table, as: .json) == "[\n  {\n    \"namn\": \"a\",\n    \"namn_2\": \"b\"\n  }\n]\n")
    }

    @Test func csv() {
        #expect(renderTable(Self.table, as: .csv) == "kod,namn,befolkning,andel\n1280,Malmö,365644,0.2559\n1214,Svalöv,15165,\n")
    }

    @Test func emptyResults() {
        let empty = Table(columns: [Column(title: "kod")])
        #expect(renderTable(empty, as: .text, options: RenderOptions(locale: .en)) == "kod\n───\n(no rows)\n")
        #expect(renderTable(empty, as: .json) == "[]\n")
        #expect(renderTable(empty, as: .csv) == "kod\n")
        #expect(renderTable(empty, as: .markdown) == "| kod |\n| --- |\n")
    }
}
