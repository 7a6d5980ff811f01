import SamverkanCore
import Testing

/// The schema itself is checked, every problem located at schema.yaml:LINE:COL.
@Suite struct SchemaLoaderTests {
    static func diagnostics(_ yaml: String) -> [String] {
        SchemaLoader.load(text: yaml, file: "schema.yaml").1.map(\.formatted)
    }

    @Test func aSoundSchemaLoads() {
        let (schema, diagnostics) = SchemaLoader.load(text: """
            collections:
              regions:
                file: regions.yaml
                key: code
                fields:
                  code: { type: string, pattern: "^[0-9]{2}$" }
                  name: { type: string, required: true }
                relations:
                  municipalities: { collection: municipalities, field: region }
              municipalities:
                file: municipalities.csv
                key: code
                fields:
                  code: { type: string }
                  region: { type: ref, collection: regions }
                  areas: { type: list, items: ref, collection: regions }
                  population: { type: integer, minimum: 0, maximum: 2000000 }
            """, file: "schema.yaml")
        #expect(diagnostics.isEmpty)
        #expect(schema.collections.map(\.name) == ["regions", "municipalities"])
        let municipalities = schema.collections[1]
        #expect(municipalities.fields.map(\.type) == [.string, .ref("regions"), .list(.ref("regions")), .integer])
        #expect(municipalities.fields[3].constraint("minimum") == .number(0))
        #expect(municipalities.fields[0].unique)
        #expect(schema.collections[0].relations.first?.field == "region")
    }

    @Test(arguments: [
        ("""
        collections:
          regions:
            file: regions.yaml
            key: code
            fields:
              code: { type: strng }
        """, "schema.yaml:6:21: error[schema.definition]: unknown type 'strng' of field 'code' in 'regions' (did you mean 'string'?); expected one of string, integer, number, boolean, date, ref, list"),
        ("""
        collections:
          municipalities:
            file: m.csv
            key: code
            fields:
              code: { type: string }
              region: { type: ref, collection: regoins }
        """, "schema.yaml:7:7: error[schema.definition]: field 'region' of 'municipalities' refers to unknown collection 'regoins'"),
        ("""
        collections:
          regions:
            file: regions.yaml
            key: code
            fields:
              code: { type: string }
              location: { type: string }
        """, "schema.yaml:7:7: error[schema.definition]: field name 'location' in 'regions' is reserved (records have a 'location' method); rename it"),
        ("""
        collections:
          regions:
            file: regions.txt
            key: code
            fields:
              code: { type: string }
        """, "schema.yaml:3:11: error[schema.definition]: file 'regions.txt' of collection 'regions' must end in .yaml, .yml, .csv, .json or .xlsx"),
        ("""
        collections:
          regions:
            file: regions.yaml
            key: id
            fields:
              code: { type: string }
        """, "schema.yaml:4:10: error[schema.definition]: key 'id' of collection 'regions' is not one of its fields"),
        ("""
        collections:
          regions:
            file: regions.yaml
            key: code
            fields:
              code: { type: string, minimum: 3 }
        """, "schema.yaml:6:38: error[schema.definition]: 'minimum' applies to integer and number fields, not to string field 'code'"),
        ("""
        collections:
          regions:
            file: regions.yaml
            key: code
            fields:
              code: { type: string, requird: true }
        """, "schema.yaml:6:29: error[schema.definition]: unknown key 'requird' in field 'code' of 'regions' (did you mean 'required'?); expected one of collection, description, enum, items, max_length, maximum, min_length, minimum, multiple_of, pattern, required, type, unique"),
        ("""
        collections:
          regions:
            file: regions.yaml
            kye: code
            fields:
              code: { type: string }
        """, "schema.yaml:4:5: error[schema.definition]: unknown key 'kye' in collection 'regions' (did you mean 'key'?); expected one of decimal, delimiter, description, encoding, fields, file, header_row, key, relations, sheet, single"),
        ("""
        collections:
          regions:
            file: regions.yaml
            key: code
            fields:
              code: { type: string }
            relations:
              towns: { collection: regions, field: code }
        """, "schema.yaml:8:7: error[schema.definition]: relation 'towns' of 'regions' needs 'code' to be a ref to 'regions' in 'regions'"),
        ("collections:\n  regions: [\n", "schema.yaml:3:1: error[schema.parse]: YAML syntax error: while parsing a flow node did not find expected node content"),
    ])
    func schemaErrorsAreLocated(yaml: String, expected: String) {
        #expect(Self.diagnostics(yaml).first == expected)
    }

    @Test func aKeyWhoseFieldHasABadTypeIsNotReportedAgain() {
        let diagnostics = Self.diagnostics("""
            collections:
              things:
                file: things.yaml
                key: code
                fields:
                  code: { type: strng }
            """)
        #expect(diagnostics == [
            "schema.yaml:6:21: error[schema.definition]: unknown type 'strng' of field 'code' in 'things' (did you mean 'string'?); expected one of string, integer, number, boolean, date, ref, list",
        ])
    }

    @Test func aCollectionThatRefersToItselfIsFine() {
        let diagnostics = Self.diagnostics("""
            collections:
              areas:
                file: areas.yaml
                key: code
                fields:
                  code: { type: string }
                  parent: { type: ref, collection: areas }
                relations:
                  children: { collection: areas, field: parent }
            """)
        #expect(diagnostics.isEmpty)
    }
}
