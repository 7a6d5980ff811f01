import SamverkanCore
import Testing

/// YAML keys built from aliases would make Yams hash billions of nodes; such files are
/// refused before parsing, with the key's location. Aliases elsewhere still work.
@Suite struct YAMLKeyGuardTests {
    /// Nine levels of nine aliases each: 9^9 values when expanded.
    static let laughs = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        + zip("abcdefgh", "bcdefghi").map { previous, name in
            "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]\n"
        }.joined()

    static func firstDiagnostic(_ yaml: String, single: Bool = true) -> String? {
        YAMLRecordReader.read(text: yaml, file: "x.yaml", single: single).diagnostics.first?.formatted
    }

    static let refused = "error[schema.parse]: a mapping key here is an alias, a list or a mapping"

    @Test(arguments: [
        ("? *i\n: 1\n", "x.yaml:11:1: "),                  // explicit key
        ("*i : 1\n", "x.yaml:11:1: "),                     // alias as an implicit key
        ("j: { *i : 1, *h : 2 }\n", "x.yaml:11:6: "),      // in a flow mapping
        ("j: {? *i : 1}\n", "x.yaml:11:5: "),
        ("j: [*i : 1]\n", "x.yaml:11:5: "),                // a single-pair mapping in a flow sequence
        ("[*i, *h]: 1\n", "x.yaml:11:1: "),                // a flow sequence as a key
        ("j:\n  - ? - *i\n    : 1\n", "x.yaml:12:5: "),
    ])
    func keysMadeOfAliasesAreRefusedAtOnce(tail: String, location: String) {
        let diagnostic = Self.firstDiagnostic("name: x\n" + Self.laughs + tail)
        #expect(diagnostic?.hasPrefix(location + Self.refused) == true, "\(diagnostic ?? "no diagnostic")")
    }

    @Test func aliasesInValuesStillLoad() {
        let table = YAMLRecordReader.read(text: """
            - code: "12"
              tags: &common [stad, hamn]
            - code: "13"
              tags: *common
            """, file: "x.yaml", single: false)
        #expect(table.diagnostics.isEmpty)
        #expect(table.records.count == 2)
    }

    @Test func complexKeysWithoutAliasesAreLeftToTheReader() {
        // Without aliases a complex key cannot expand; Yams parses it and the reader skips it.
        #expect(Self.firstDiagnostic("name: x\n? [a, b]\n: 1\n") == nil)
    }

    @Test func aSchemaWithAnAliasKeyIsRefusedToo() {
        let (_, diagnostics) = SchemaLoader.load(text: Self.laughs + "collections:\n  ? *i\n  : 1\n", file: "schema.yaml")
        #expect(diagnostics.first?.formatted.hasPrefix("schema.yaml:11:3: " + Self.refused) == true)
    }

    @Test func deepNestingIsALocatedError() {
        let diagnostic = Self.firstDiagnostic("name: " + String(repeating: "[", count: 100_000))
        #expect(diagnostic == "x.yaml:1:8: error[schema.parse]: YAML nesting deeper than 1000 levels; flatten the data")
    }
}
