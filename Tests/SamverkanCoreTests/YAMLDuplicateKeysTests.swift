import Testing
@testable import SamverkanCore

/// Repeated keys in YAML block mappings are reported where the repeat stands, and the rest
/// of the file is still read (the first value counts).
@Suite struct YAMLDuplicateKeysTests {
    /// The diagnostics, then each record as `name=value …`.
    static func read(_ text: String, single: Bool = false) -> [String] {
        let table = YAMLRecordReader.read(text: text, file: "t.yaml", single: single)
        return table.diagnostics.map(\.formatted) + table.records.map { record in
            record.fields.map { field in
                if case .text(let text) = field.value.content { return "\(field.name)=\(text)" }
                if case .string(let text) = field.value.content { return "\(field.name)=\(text)" }
                return "\(field.name)=\(field.value.content)"
            }.joined(separator: " ")
        }
    }

    static let repeated = "error[schema.parse]: duplicate key 'n' (first on line 2); each key may appear once, so this one is ignored"

    @Test(arguments: ["\n", "\r\n"])
    func theRepeatIsReportedAndTheOtherRecordsAreRead(lineEnd: String) {
        let text = ["- code: a", "  n: 1", "  n: 2", "- code: b", "  n: x", ""].joined(separator: lineEnd)
        #expect(Self.read(text) == ["t.yaml:3:3: \(Self.repeated)", "code=a n=1", "code=b n=x"])
    }

    /// The repeat's value lines go too; every other line keeps its number.
    @Test func aRepeatWithAValueOnLinesOfItsOwnIsLeftOutWhole() {
        let text = "- code: a\n  n: 1\n  note: |\n    two\n    lines\n  note: again\n  n:\n    - 3\n\n- code: b\n  n: 4\n"
        #expect(Self.read(text) == [
            "t.yaml:6:3: error[schema.parse]: duplicate key 'note' (first on line 3); each key may appear once, so this one is ignored",
            "t.yaml:7:3: \(Self.repeated)",
            "code=a n=1 note=two\nlines\n",
            "code=b n=4",
        ])
    }

    @Test func aSingleMappingAndQuotedKeys() {
        #expect(Self.read("name: a\n\"name\": b\nfounded: 2016-01-01\n", single: true) == [
            "t.yaml:2:1: error[schema.parse]: duplicate key 'name' (first on line 1); each key may appear once, so this one is ignored",
            "name=a founded=2016-01-01",
        ])
    }

    /// A flow mapping cannot be mended line by line: the file stops there, as Yams says.
    @Test func aRepeatInAFlowMappingStillStopsTheFile() {
        #expect(Self.read("- {code: a, n: 1, n: 2}\n- code: b\n") == [
            "t.yaml:1:13: error[schema.parse]: duplicate key 'n' in a mapping; each key may appear once",
        ])
    }

    @Test func pastTheLimitTheFileIsGivenUp() {
        let keys = (0...YAMLDuplicateKeys.limit).map { "  k\($0): 1\n  k\($0): 2\n" }.joined()
        let result = Self.read("- code: a\n" + keys)
        #expect(result.count == 1)
        #expect(result.first?.hasSuffix("in a mapping; each key may appear once") == true)
    }

    @Test func theSchemaReadsPastARepeatToo() {
        let (schema, diagnostics) = SchemaLoader.load(text: """
            collections:
              towns:
                file: towns.csv
                key: name
                fields:
                  name: { type: string }
                  name: { type: integer }
                  size: { type: number }
            """, file: "schema.yaml")
        #expect(diagnostics.map(\.formatted) == [
            "schema.yaml:7:7: error[schema.parse]: duplicate key 'name' (first on line 6); each key may appear once, so this one is ignored",
        ])
        #expect(schema.collections.first?.fields.map(\.name) == ["name", "size"])
        #expect(schema.collections.first?.fields.first?.type == .string)
    }
}
