import Foundation
import Testing
@testable import SamverkanCore

/// The value constraints, declared once in `FieldConstraintKind.all`: every data format
/// goes through the same check, and the schema loader reads them from the same table.
@Suite struct FieldConstraintTests {
    static func schema(_ file: String) -> String {
        """
        collections:
          things:
            file: \(file)
            key: id
            fields:
              id: { type: string }
              seats: { type: integer, minimum: 0, multiple_of: 5 }
              share: { type: number, multiple_of: 0.25 }
        """
    }

    static let expected = [
        "error[schema.multiple_of]: seats 12 is not a multiple of 5 (things[b])",
        "error[schema.minimum]: seats -5 is below the minimum 0 (things[c])",
        "error[schema.multiple_of]: share 0.3 is not a multiple of 0.25 (things[c])",
    ]

    /// CSV (whose numbers take the fast path for ranges), YAML and JSON records alike.
    @Test(arguments: [
        ("things.csv", "id,seats,share\na,10,0.75\nb,12,1.5\nc,-5,0.3\n"),
        ("things.yaml", "- { id: a, seats: 10, share: 0.75 }\n- { id: b, seats: 12, share: 1.5 }\n- { id: c, seats: -5, share: 0.3 }\n"),
        ("things.json", #"[{"id": "a", "seats": 10, "share": 0.75}, {"id": "b", "seats": 12, "share": 1.5}, {"id": "c", "seats": -5, "share": 0.3}]"#),
    ])
    func multipleOfIsCheckedInEveryFormat(file: String, text: String) throws {
        let kb = try ColumnStoreTests.load(Self.schema(file), [file: text])
        let messages = ColumnStoreTests.messages(kb).map { $0.drop { $0 != " " }.dropFirst() }.map(String.init)
        #expect(messages == Self.expected)
    }

    @Test(arguments: [
        ("n: { type: integer, multiple_of: 0 }",
         "schema.yaml:6:40: error[schema.definition]: 'multiple_of' of field 'n' must be a number greater than 0"),
        ("n: { type: string, multiple_of: 2 }",
         "schema.yaml:6:39: error[schema.definition]: 'multiple_of' applies to integer and number fields, not to string field 'n'"),
        ("n: { type: integer, pattern: \"^1\" }",
         "schema.yaml:6:36: error[schema.definition]: 'pattern' applies to string fields, not to integer field 'n'"),
        ("n: { type: string, max_length: -1 }",
         "schema.yaml:6:38: error[schema.definition]: 'max_length' of field 'n' must be a whole number ≥ 0"),
    ])
    func aConstraintThatCannotApplyIsASchemaError(field: String, expected: String) {
        let yaml = """
            collections:
              things:
                file: things.csv
                key: n
                fields:
                  \(field)
            """
        #expect(SchemaLoaderTests.diagnostics(yaml) == [expected])
    }

    @Test func everyConstraintHasItsOwnRuleAndDescription() throws {
        let (schema, diagnostics) = SchemaLoader.load(text: """
            collections:
              things:
                file: things.csv
                key: id
                fields:
                  id: { type: string, pattern: "^[a-z]$", min_length: 1, max_length: 1, enum: [a, b] }
                  n: { type: number, minimum: 0, maximum: 10, multiple_of: 0.5 }
            """, file: "schema.yaml")
        #expect(diagnostics.isEmpty)
        let things = try #require(schema.collection("things"))
        #expect(things.fields.flatMap { $0.constraints.map(\.description) } == [
            "one of a, b", "pattern ^[a-z]$", "at least 1 characters", "at most 1 characters",
            "≥ 0", "≤ 10", "multiple of 0.5",
        ])
        #expect(FieldConstraintKind.all.map(\.rule) == [
            "schema.enum", "schema.minimum", "schema.maximum", "schema.pattern", "schema.min_length",
            "schema.max_length", "schema.multiple_of",
        ])
    }

    /// Patterns are POSIX extended syntax matched without backtracking (SchemaPattern):
    /// what ICU would backtrack on for ever takes milliseconds, and syntax POSIX would read
    /// differently is refused with the way to write it.
    @Test func patternsMatchWithoutBacktrackingAndRefuseOtherSyntax() throws {
        let evil = try SchemaPattern.compile("^(a+)+$").get()
        let value = String(repeating: "a", count: 10_000) + "!"
        let start = ContinuousClock.now
        for _ in 0..<40 { #expect(!evil.matches(value)) }
        #expect(ContinuousClock.now - start < .seconds(5))
        #expect(evil.matches("aaaa"))
        #expect(try SchemaPattern.compile("^.{5}$").get().matches("Växjö"))
        #expect(try SchemaPattern.compile("^[a-zåäö]+$").get().matches("växjö"))
        #expect(try SchemaPattern.compile("^[[:digit:]]{4}$").get().matches("1280"))
        let refused: [(String, String)] = [
            ("^\\d+$", "uses \\d, which POSIX does not have; write [0-9]"),
            ("^(?:a)$", "uses (?…), which POSIX does not have (no look-around, flags or (?:…)); write (…)"),
            ("^a*?$", "uses a lazy or possessive quantifier (*?), which POSIX reads differently; POSIX matches the longest: write * alone"),
            ("^(a)\\1$", "uses a back-reference (\\1), which can take exponential time; write the pattern without it"),
            ("^[a\\-z]$", "has a backslash inside […], which POSIX reads as a backslash; write the character itself (a - first or last, a ] first: [0-9-])"),
            ("^(a{1,50}){1,50}$", "has counted repetitions that expand to 2500 positions, more than 2000; nested {n,m} multiply: write a simpler pattern"),
            ("^[a-z", "has a [ without its ]"),
        ]
        for (pattern, message) in refused {
            guard case .failure(let error) = SchemaPattern.compile(pattern) else {
                Issue.record("\(pattern) was taken")
                continue
            }
            #expect(error.message == message)
        }
    }
}
