import Foundation
import SamverkanCore
import Testing

/// CSV files load straight into typed columns: the values, positions and diagnostics are
/// those of the general conversion, whichever path a cell takes.
@Suite struct ColumnStoreTests {
    /// Loads a data folder made of `schema` and the given files.
    static func load(_ schema: String, _ files: [String: String]) throws -> KnowledgeBase {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("samverkan-columns-\(UInt32.random(in: 0...UInt32.max))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try schema.write(to: folder.appendingPathComponent("schema.yaml"), atomically: true, encoding: .utf8)
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return KnowledgeBaseLoader.load(directory: folder.path)
    }

    static let schema = """
        collections:
          things:
            file: things.csv
            key: id
            fields:
              id: { type: integer }
              n: { type: integer }
              x: { type: number }
              flag: { type: boolean }
              day: { type: date }
              name: { type: string }
        """

    /// Diagnostics as the CLI prints them, with paths relative to the data folder.
    static func messages(_ kb: KnowledgeBase) -> [String] {
        kb.diagnostics.map { $0.formatted.replacingOccurrences(of: kb.directory + "/", with: "") }
    }

    /// A location relative to the data folder.
    static func relative(_ location: SamverkanCore.SourceLocation, _ kb: KnowledgeBase) -> String {
        location.description.replacingOccurrences(of: kb.directory + "/", with: "")
    }

    static func values(_ kb: KnowledgeBase, _ field: String) throws -> [Value] {
        let store = try #require(kb.collection("things"))
        let f = try #require(store.schema.fieldIndex(field))
        return Array(store.columns[f])
    }

    @Test func integersAndNumbersReadAsIntAndDoubleReadThem() throws {
        let cells = ["7", "+7", "-0", "007", "-12", "9223372036854775807", "-9223372036854775808",
                     "123456789012345678", "1234567890123456789"]
        let numbers = ["1.5", "0.1", "-0.0", "3", "+2.25", "123456789012345.6", "1234567890123456.7",
                       "0.30000000000000004", "1.", ".5", "1e5"]
        let rows = (0..<max(cells.count, numbers.count)).map { i in
            "\(i),\(i < cells.count ? cells[i] : ""),\(i < numbers.count ? numbers[i] : ""),,,"
        }
        let kb = try Self.load(Self.schema, ["things.csv": "id,n,x,flag,day,name\n" + rows.joined(separator: "\n") + "\n"])
        #expect(kb.diagnostics.isEmpty)
        #expect(try Self.values(kb, "n") == cells.map { .integer(Int($0)!) } + [.missing, .missing])
        let x = try Self.values(kb, "x")
        for (i, text) in numbers.enumerated() {
            guard case .number(let d) = x[i] else { Issue.record("\(text) is \(x[i])"); continue }
            #expect(d.bitPattern == Double(text)!.bitPattern, "\(text)")
        }
    }

    /// `decimal: ","`: number fields read Swedish numbers; integers their digit groups.
    @Test func aDecimalCommaCollectionReadsSwedishNumbers() throws {
        let schema = Self.schema.replacingOccurrences(of: "    file: things.csv\n", with: "    file: things.csv\n    delimiter: \";\"\n    decimal: \",\"\n")
        let kb = try Self.load(schema, ["things.csv": "id;n;x;flag;day;name\n1;1 000;1 234,5;;;\n2;-7;-0,25;;;\n3;12\u{A0}345;3;;;\n"])
        #expect(Self.messages(kb) == [])
        #expect(try Self.values(kb, "n") == [.integer(1000), .integer(-7), .integer(12345)])
        #expect(try Self.values(kb, "x") == [.number(1234.5), .number(-0.25), .number(3)])
    }

    @Test func cellsThatAreNotOfTheirTypeGetTheUsualMessages() throws {
        let kb = try Self.load(Self.schema, ["things.csv": #"""
            id,n,x,flag,day,name
            1,1 000,"1,5",ja,2023-02-29,"he said ""hi"""
            2,99999999999999999999,1e400,TRUE,2024-02-29,x
            3,1e3,abc,No,"2024-01-31",
            """#])
        #expect(Self.messages(kb) == [
            "things.csv:2:3: error[schema.type]: n \"1 000\" is not an integer (write it without spaces: 1000) (things[1])",
            "things.csv:2:9: error[schema.type]: x \"1,5\" is written with a decimal comma; add decimal: \",\" to collection "
                + "'things' in schema.yaml (the other cells like it follow from this one) (things[1])",
            "things.csv:2:15: error[schema.type]: flag \"ja\" is not a boolean (write true or false) (things[1])",
            "things.csv:2:18: error[schema.type]: day \"2023-02-29\" is not a valid date (write YYYY-MM-DD) (things[1])",
            "things.csv:3:3: error[schema.type]: n \"99999999999999999999\" is not an integer (things[2])",
            "things.csv:3:24: error[schema.type]: x \"1e400\" is not a number (things[2])",
            "things.csv:4:3: error[schema.type]: n \"1e3\" is not an integer (things[3])",
            "things.csv:4:7: error[schema.type]: x \"abc\" is not a number (things[3])",
        ])
        #expect(try Self.values(kb, "flag") == [.missing, .boolean(true), .boolean(false)])
        #expect(try Self.values(kb, "day") == [.missing, .date("2024-02-29"), .date("2024-01-31")])
        #expect(try Self.values(kb, "name") == [.string("he said \"hi\""), .string("x"), .missing])
    }

    @Test func cellsAfterAQuotedLineBreakStandOnTheirOwnLine() throws {
        let kb = try Self.load(Self.schema, ["things.csv": "id,n,x,flag,day,name\n1,\"a\nb\",2,,,z\n2,3,4,,,w\n"])
        let store = try #require(kb.collection("things"))
        #expect(Self.messages(kb) == [
            "things.csv:2:3: error[schema.type]: n \"a\nb\" is not an integer (things[1])",
        ])
        #expect(Self.relative(store.location(of: 0, field: 2), kb) == "things.csv:3:4")
        #expect(Self.relative(store.location(of: 0, field: 5), kb) == "things.csv:3:8")
        #expect(Self.relative(store.location(of: 1, field: 2), kb) == "things.csv:4:5")
        #expect(Self.relative(store.location(of: 1), kb) == "things.csv:4:1")
    }

    @Test func keysAreFoundSortedOrNotAndBigIntegersKeepTheirValue() throws {
        let big = Int(Int32.max) + 10
        let rows = (1...5000).map { "\($0),\($0 == 4000 ? big : $0),,,,name \($0)" }
        let kb = try Self.load(Self.schema, ["things.csv": "id,n,x,flag,day,name\n" + rows.joined(separator: "\n")])
        let store = try #require(kb.collection("things"))
        #expect(kb.diagnostics.isEmpty)
        #expect(store.row(forKey: "1") == 0)
        #expect(store.row(forKey: "4321") == 4320)
        #expect(store.row(forKey: "05000") == 4999)
        #expect(store.row(forKey: "5001") == nil)
        #expect(store.value(row: 3999, field: 1) == .integer(big))
        #expect(store.value(row: 4999, field: 1) == .integer(5000))
        #expect(store.value(row: 4999, field: 5) == .string("name 5000"))

        let unsorted = try Self.load(Self.schema, ["things.csv": "id,n,x,flag,day,name\n3,,,,,\n1,,,,,\n3,,,,,\n"])
        #expect(Self.messages(unsorted) == [
            "things.csv:4:1: error[schema.unique]: duplicate id '3' (first used on line 2) (things[3])",
        ])
        #expect(unsorted.collection("things")?.row(forKey: "1") == 1)
    }

    @Test func rangesAreCheckedAsValuesArrive() throws {
        let kb = try Self.load("""
            collections:
              things:
                file: things.csv
                key: id
                fields:
                  id: { type: integer }
                  n: { type: integer, minimum: 0, maximum: 10, required: true }
                  x: { type: number, minimum: 0.5 }
            """, ["things.csv": "id,n,x\n1,10,0.5\n2,11,0.4\n3,,\n4,-1,\n"])
        #expect(Self.messages(kb) == [
            "things.csv:3:3: error[schema.maximum]: n 11 is above the maximum 10 (things[2])",
            "things.csv:3:6: error[schema.minimum]: x 0.4 is below the minimum 0.5 (things[2])",
            "things.csv:4:3: error[schema.required]: n is required but missing (things[3])",
            "things.csv:5:3: error[schema.minimum]: n -1 is below the minimum 0 (things[4])",
        ])
    }
}
