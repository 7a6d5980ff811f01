import Foundation
import SamverkanCore
import Testing
@testable import SamverkanRender

/// The JSON format: the document model with raw values, stable and parseable.
@Suite struct JSONReportTests {
    static let json = render(Fixture.document, as: .json, options: Fixture.options(.sv))

    static func parsed() throws -> [[String: Any]] {
        let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return try #require(root?["blocks"] as? [[String: Any]])
    }

    @Test func listsEveryBlockWithItsType() throws {
        let types = try Self.parsed().map { $0["type"] as? String }
        #expect(types == ["title", "paragraph", "facts", "heading", "list", "heading", "table", "table", "table", "chart", "map"])
    }

    @Test func keepsRawValuesAndIntegersAsIntegers() throws {
        // Rows are written one per line, so the raw text shows the types exactly.
        #expect(Self.json.contains(#"["Skåne län", 33, 1428626, 0.2598, 129.44, "1999-01-01"]"#))
        #expect(Self.json.contains(#"["Hallands län", 6, 340243, 0.0619, 62.0, "2011-01-01"]"#))
        #expect(Self.json.contains(#"["Blekinge län", 5, 156253, 0.0284, null, "2019-01-01"]"#))
        #expect(!Self.json.contains("1428626.0"))
        let table = try Self.parsed()[6]
        let rows = try #require(table["rows"] as? [[Any]])
        #expect(rows[0][2] as? Int == 1_428_626)
        #expect(rows[0][3] as? Double == 0.2598)
        #expect(rows[3][4] is NSNull)
        let columns = try #require(table["columns"] as? [[String: Any]])
        #expect(columns[4]["format"] as? String == "number")
        #expect(columns[4]["decimals"] as? Int == 1)
        #expect(columns[0]["decimals"] is NSNull)
    }

    @Test func writesFactsChartsAndMapsRaw() throws {
        let blocks = try Self.parsed()
        let facts = try #require(blocks[2]["facts"] as? [[String: Any]])
        #expect(facts[0]["value"] as? String == "2016-01-01")
        #expect(facts[0]["format"] as? String == "date")
        #expect(facts[3]["value"] as? Bool == true)
        #expect(Self.json.contains(#""values": [1428626, 366479, 340243, 246641, 203686, 156253]"#))
        #expect(Self.json.contains("\"values\": {\n        \"06\": 366479,\n        \"12\": 1428626\n      }"))
    }

    @Test func keysAreSortedAndOutputIsStable() {
        #expect(Self.json.contains("""
            {
              "text": "Regionsamverkan Sydsverige",
              "type": "title"
            }
            """.replacing("\n", with: "\n    ")))
        #expect(Self.json == render(Fixture.document, as: .json, options: Fixture.options(.en)), "JSON does not depend on the locale")
    }

    @Test func escapesStringsSoTheyRoundTrip() throws {
        let tricky = "citat \" snedstreck \\ / rad\nny\ttab \u{01} Östra Göinge"
        let json = render(ReportDocument(blocks: [.paragraph(tricky)]), as: .json)
        let root = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let blocks = try #require(root?["blocks"] as? [[String: Any]])
        #expect(blocks[0]["text"] as? String == tricky)
        #expect(json.contains(#"\u0001"#))
    }

    @Test func nonFiniteNumbersBecomeNull() {
        #expect(JSONValue.number(.nan).compact() == "null")
        #expect(JSONValue.array([.number(.infinity), .number(1e-7)]).compact() == "[null,1e-07]")
    }
}
