import Foundation
import Testing

/// Malformed data (Tests/Fixtures/malformed/<case>/, each a tiny data folder): a located
/// diagnostic and the documented exit code -- 3 for `schema` and `run`, 1 for `validate` --
/// never a crash or a hang.
@Suite struct MalformedDataTests {
    static let folder = CLI.fixture("malformed")
    static let scripts = CLI.fixture("malformed-scripts")

    /// Each case and the first diagnostic it gives (nil: the data is sound).
    static let cases: [(name: String, firstDiagnostic: String?)] = [
        ("csv-bom", "csv-bom/towns.csv:2:12: error[schema.type]: population \"many\" is not an integer (towns[1280])"),
        ("csv-crlf", "csv-crlf/towns.csv:3:11: error[schema.minimum]: population -5 is below the minimum 0 (towns[1281])"),
        ("csv-empty", "csv-empty/towns.csv:1:1: error[schema.parse]: the file is empty; a CSV file needs a header row"),
        ("csv-decimal-comma", "csv-decimal-comma/towns.csv:3:11: error[schema.parse]: area 427,07 looks like a decimal comma, which splits the row into 5 cells for the header's 4; write 427.07 (towns[1281])"),
        ("csv-impossible-date", "csv-impossible-date/towns.csv:2:14: error[schema.type]: founded \"2023-02-30\" is not a valid date (write YYYY-MM-DD) (towns[1280])"),
        ("csv-integer-beyond-64-bit", "csv-integer-beyond-64-bit/towns.csv:2:12: error[schema.type]: population \"99999999999999999999999\" is not an integer (towns[1280])"),
        ("csv-invalid-utf8", "csv-invalid-utf8/towns.csv:2:10: error[schema.parse]: byte 0xF6 is not UTF-8, but the file reads as Windows-1252 ('Malmö'), as a Swedish Excel saves CSV; add encoding: windows-1252 to collection 'towns' in schema.yaml, or save the file as UTF-8 (the rest of the file is not read until it is) (towns[1280])"),
        ("csv-nul", "csv-nul/towns.csv:2:9: error[schema.parse]: NUL byte in the file; save it as UTF-8 text (is it UTF-16 or a binary file?) (towns[1280])"),
        ("csv-semicolon-row", "csv-semicolon-row/towns.csv:2:1: error[schema.parse]: the cells of this row are separated by ';' but the header's by ','; write ',' between cells (and quote a cell that holds a ',') (towns[1280])"),
        ("csv-stray-quote-at-end", "csv-stray-quote-at-end/towns.csv:3:13: error[schema.parse]: unterminated quoted cell starting here; close it with \" (towns[1281])"),
        ("csv-truncated-mid-quote", "csv-truncated-mid-quote/towns.csv:3:6: error[schema.parse]: unterminated quoted cell starting here; close it with \" (towns[1281])"),
        ("csv-unbalanced-quotes", "csv-unbalanced-quotes/towns.csv:2:10: error[schema.parse]: quote in the middle of an unquoted cell; put the whole cell in quotes and write each quote inside it as \"\" (towns[1280])"),
        ("json-bom", "json-bom/towns.json:1:50: error[schema.type]: population \"many\" is not an integer (towns[1280])"),
        ("json-crlf", "json-crlf/towns.json:3:50: error[schema.minimum]: population -5 is below the minimum 0 (towns[1281])"),
        ("json-deep-nesting", "json-deep-nesting/towns.json:1:537: error[schema.parse]: nesting deeper than 512 levels; flatten the data"),
        ("json-duplicate-keys", "json-duplicate-keys/towns.json:1:36: error[schema.parse]: duplicate key 'name' in an object"),
        ("json-empty", "json-empty/towns.json:1:1: error[schema.parse]: the file is empty; a JSON data file needs an array of objects (write [] for none)"),
        ("json-integer-beyond-64-bit", "json-integer-beyond-64-bit/towns.json:1:50: error[schema.type]: population \"-9223372036854775809\" is not an integer (towns[1280])"),
        ("json-invalid-utf8", "json-invalid-utf8/towns.json:1:32: error[schema.parse]: invalid UTF-8 (byte 0xF6); save the file as UTF-8 (is it Latin-1 or Windows-1252?)"),
        ("json-nul", "json-nul/towns.json:1:31: error[schema.parse]: NUL byte inside a string; write it as \\u0000 (or is the file UTF-16 or binary?)"),
        ("json-number-beyond-double", "json-number-beyond-double/towns.json:1:50: error[schema.type]: population \"1e999\" is not an integer (towns[1280])"),
        ("json-object-not-array", "json-object-not-array/towns.json:1:1: error[schema.parse]: the file must be a JSON array of objects, found an object"),
        ("json-truncated-mid-array", "json-truncated-mid-array/towns.json:3:20: error[schema.parse]: unterminated string starting here; close it with \""),
        ("schema-billion-laughs-keys", "schema-billion-laughs-keys/schema.yaml:19:3: error[schema.parse]: a mapping key here is an alias, a list or a mapping; in a file with anchors and aliases only plain keys are read (such a key can expand to billions of values)"),
        ("schema-deep-nesting", "schema-deep-nesting/schema.yaml:1:4006: error[schema.parse]: YAML nesting deeper than 1000 levels; flatten the data"),
        ("schema-duplicate-keys", "schema-duplicate-keys/schema.yaml:9:7: error[schema.parse]: duplicate key 'name' (first on line 7); each key may appear once, so this one is ignored"),
        ("schema-empty", "schema-empty/schema.yaml:1:1: error[schema.definition]: the schema must be a mapping with a 'collections' key"),
        ("schema-invalid-utf8", "schema-invalid-utf8/schema.yaml:1:3: error[schema.parse]: invalid UTF-8 (byte 0xE5); save the file as UTF-8 (is it Latin-1 or Windows-1252?)"),
        ("schema-is-a-list", "schema-is-a-list/schema.yaml:1:1: error[schema.definition]: the schema must be a mapping with a 'collections' key"),
        ("schema-self-alias", "schema-self-alias/schema.yaml:5:13: error[schema.parse]: YAML syntax error: found undefined alias"),
        ("schema-self-reference", nil),
        ("yaml-billion-laughs-keys", "yaml-billion-laughs-keys/towns.yaml:12:3: error[schema.parse]: a mapping key here is an alias, a list or a mapping; in a file with anchors and aliases only plain keys are read (such a key can expand to billions of values)"),
        ("yaml-billion-laughs", "yaml-billion-laughs/towns.yaml:1:1: error[schema.parse]: the file expands to more than 5000000 values (nested aliases?); it was not loaded"),
        ("yaml-bom", "yaml-bom/towns.yaml:3:15: error[schema.type]: population \"many\" is not an integer (towns[1280])"),
        ("yaml-crlf", "yaml-crlf/towns.yaml:5:15: error[schema.minimum]: population -5 is below the minimum 0 (towns[1281])"),
        ("yaml-deep-nesting", "yaml-deep-nesting/towns.yaml:2:10: error[schema.parse]: YAML nesting deeper than 1000 levels; flatten the data"),
        ("yaml-duplicate-keys", "yaml-duplicate-keys/towns.yaml:4:3: error[schema.parse]: duplicate key 'name' (first on line 2); each key may appear once, so this one is ignored"),
        ("yaml-empty", "yaml-empty/towns.yaml:1:1: error[schema.parse]: the file is empty; a YAML data file needs a list of mappings (write [] for none)"),
        ("yaml-impossible-date", "yaml-impossible-date/towns.yaml:3:12: error[schema.type]: founded \"2023-02-30\" is not a valid date (write YYYY-MM-DD) (towns[1280])"),
        ("yaml-integer-beyond-64-bit", "yaml-integer-beyond-64-bit/towns.yaml:3:15: error[schema.type]: population \"18446744073709551616\" is not an integer (towns[1280])"),
        ("yaml-invalid-utf8", "yaml-invalid-utf8/towns.yaml:2:13: error[schema.parse]: invalid UTF-8 (byte 0xF6); save the file as UTF-8 (is it Latin-1 or Windows-1252?)"),
        ("yaml-leap-day-not-leap-year", "yaml-leap-day-not-leap-year/towns.yaml:3:12: error[schema.type]: founded \"1900-02-29\" is not a valid date (write YYYY-MM-DD) (towns[1280])"),
        ("yaml-mapping-not-list", "yaml-mapping-not-list/towns.yaml:1:1: error[schema.parse]: the file must hold a list of mappings, one per record, found a mapping"),
        ("yaml-nul", "yaml-nul/towns.yaml:2:12: error[schema.parse]: the file cannot be read as YAML text: control characters are not allowed; save it as UTF-8 text"),
        ("pattern-backtracking", "pattern-backtracking/towns.csv:2:6: error[schema.pattern]: name 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' does not match the pattern ^(a+)+$ (towns[1000])"),
        ("pattern-not-posix", "pattern-not-posix/schema.yaml:8:38: error[schema.definition]: 'pattern' of field 'code' ^([0-9]{1,100}){1,100}$ has counted repetitions that expand to 10000 positions, more than 2000; nested {n,m} multiply: write a simpler pattern"),
        ("yaml-alias-bytes", "yaml-alias-bytes/towns.yaml:1:1: error[schema.parse]: the file expands to more than 64 MB of text (aliases of a long value?); it was not loaded"),
        ("yaml-truncated-mid-mapping", "yaml-truncated-mid-mapping/towns.yaml:3:3: error[schema.parse]: YAML syntax error: while parsing a flow mapping that starts here, the file ends before it is closed"),
        ("xlsx-cut-off", "xlsx-cut-off/towns.xlsx:1:1: error[schema.parse]: the workbook's zip archive cannot be read (missingEndOfCentralDirectoryRecord); save it again from Excel (towns)"),
        ("xlsx-entity-bomb", "xlsx-entity-bomb/towns.xlsx:1:1: error[schema.parse]: part xl/worksheets/sheet1.xml of the workbook has a document type declaration (<!DOCTYPE or <!ENTITY), which Excel never writes and XML bombs use; it is not read (towns)"),
        ("xlsx-error-cell", "xlsx-error-cell/towns.xlsx:Sheet!C3: error[schema.parse]: the cell holds Excel's error value #N/A; fix its formula or clear it (towns)"),
        ("xlsx-missing-sheet", "xlsx-missing-sheet/schema.yaml:2:3: error[schema.parse]: xlsx-missing-sheet/towns.xlsx has no sheet 'Towns'; its sheets are 'Kommuner'"),
        ("xlsx-not-a-zip", "xlsx-not-a-zip/towns.xlsx:1:1: error[schema.parse]: the file is not an .xlsx workbook (not a zip archive); save it from Excel as \"Excel Workbook (.xlsx)\" (towns)"),
        ("xlsx-zip-bomb", "xlsx-zip-bomb/towns.xlsx:1:1: error[schema.parse]: part xl/worksheets/sheet1.xml of the workbook unpacks to more than 512 MB, or to more than 250 times its packed size, or the workbook to more than 1 GB (a zip bomb?); it is not read (towns)"),
    ]

    @Test func everyFixtureFolderIsACase() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { !$0.hasPrefix(".") }
        #expect(Set(folders) == Set(Self.cases.map(\.name)))
    }

    @Test(arguments: cases)
    func malformedDataGivesALocatedDiagnostic(name: String, firstDiagnostic: String?) throws {
        let script = (CLI.emptyFolder() as NSString).appendingPathComponent("ran.lua")
        try "print('ran')".write(toFile: script, atomically: true, encoding: .utf8)

        let schema = try CLI.run(["schema", "--data", name], in: Self.folder, killAfter: 120)
        let run = try CLI.run(["run", "--data", name, script], in: Self.folder, killAfter: 120)
        let validate = try CLI.run(["validate", "no-findings", "--scripts", Self.scripts, "--data", name],
                                   in: Self.folder, killAfter: 120)
        #expect(!schema.killed && !run.killed && !validate.killed, "\(name) hung")

        guard let firstDiagnostic else {
            #expect(schema.status == 0 && run.status == 0 && validate.status == 0)
            #expect(schema.stderr == "")
            #expect(run.stdout == "ran\n")
            return
        }
        #expect(schema.status == 3)
        #expect(run.status == 3)
        #expect(validate.status == 1)
        #expect(schema.stderr.split(separator: "\n").first.map(String.init) == firstDiagnostic)
        #expect(run.stderr.split(separator: "\n").first.map(String.init) == firstDiagnostic)
        #expect(validate.stdout.split(separator: "\n").first.map(String.init) == firstDiagnostic)
        #expect(run.stdout == "", "the script must not run on broken data")
    }

    @Test func aCollectionThatRefersToItselfCanBeWalkedInCircles() throws {
        let result = try CLI.runScript("""
            local a = kb.people:get("a")
            local p = a
            for i = 1, 1001 do p = p.boss end
            print(p:key(), #a.peers, a.peers[1] == a, #kb.people:get("c").staff, kb.people:get("c").boss.boss.boss:key())
            """, data: (Self.folder as NSString).appendingPathComponent("schema-self-reference"))
        #expect(result.status == 0)
        #expect(result.stdout == "b\t3\ttrue\t1\tc\n")
    }

    /// A sheet of a million rows (170 MB of XML, 19 MB packed): read, every row a record.
    /// Generated here with Python's zipfile, never committed.
    @Test func aMillionRowSheetIsRead() throws {
        let parent = CLI.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try FileManager.default.createDirectory(atPath: parent + "/big", withIntermediateDirectories: true)
        try "collections:\n  towns:\n    file: towns.xlsx\n    key: code\n    fields:\n      code: { type: string }\n      population: { type: integer, minimum: 0 }\n"
            .write(toFile: parent + "/big/schema.yaml", atomically: true, encoding: .utf8)
        _ = try CLI.python("""
            import sys, zipfile
            ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
            rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
            with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
                z.writestr("xl/workbook.xml", f'<workbook {ns} xmlns:r="{rel}"><sheets><sheet name="Towns" sheetId="1" r:id="rId1"/></sheets></workbook>')
                z.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>')
                info = zipfile.ZipInfo("xl/worksheets/sheet1.xml"); info.compress_type = zipfile.ZIP_DEFLATED
                with z.open(info, "w") as f:
                    f.write(f'<worksheet {ns}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>code</t></is></c><c r="B1" t="inlineStr"><is><t>population</t></is></c></row>'.encode())
                    for start in range(2, 1000002, 10000):
                        f.write("".join(f'<row r="{i}"><c r="A{i}" t="inlineStr"><is><t>T{i}</t></is></c><c r="B{i}"><v>{i * 3}</v></c></row>' for i in range(start, start + 10000)).encode())
                    f.write(b"</sheetData></worksheet>")
            """, arguments: [parent + "/big/towns.xlsx"])
        let result = try CLI.run(["run", "--data", "big", "-e", "print(#kb.towns, kb.towns[1000000].code, kb.towns[1000000].population)"],
                                 in: parent, killAfter: 900)
        #expect(!result.killed)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "1000000\tT1000001\t3000003\n")
    }

    /// A data file whose one line is 100 MB: loaded (or refused) in seconds, with the
    /// diagnostic after the long line still located. Generated here, never committed.
    @Test(arguments: [
        ("csv", "code,name,population,founded\n1280,", ",many,\n",
         "towns.csv:2:104857607: error[schema.type]: population \"many\" is not an integer (towns[1280])"),
        ("csv", "code,name,population,founded\n1280,\"", "",
         "towns.csv:2:6: error[schema.parse]: unterminated quoted cell starting here; close it with \" (towns[1280])"),
        ("yaml", "- code: \"1280\"\n  name: ", "\n  population: many\n",
         "towns.yaml:3:15: error[schema.type]: population \"many\" is not an integer (towns[1280])"),
        ("yaml", "- code: \"1280\"\n  name: \"", "",
         "towns.yaml:2:9: error[schema.parse]: YAML syntax error: while scanning a quoted scalar that starts here, the file ends before it is closed"),
        ("json", "[{\"code\": \"1280\", \"name\": \"", "\", \"population\": \"many\"}]",
         "towns.json:1:104857645: error[schema.type]: population \"many\" is not an integer (towns[1280])"),
        ("json", "[{\"code\": \"1280\", \"name\": \"", "",
         "towns.json:1:27: error[schema.parse]: unterminated string starting here; close it with \""),
    ])
    func aHundredMegabyteLineTakesSecondsNotForever(format: String, head: String, tail: String,
                                                    expected: String) throws {
        let parent = CLI.emptyFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let data = (parent as NSString).appendingPathComponent("big")
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try """
            collections:
              towns:
                file: towns.\(format)
                key: code
                fields:
                  code: { type: string }
                  name: { type: string, required: true }
                  population: { type: integer, minimum: 0 }
                  founded: { type: date }

            """.write(toFile: data + "/schema.yaml", atomically: true, encoding: .utf8)
        let path = data + "/towns." + format
        FileManager.default.createFile(atPath: path, contents: Data(head.utf8))
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try file.seekToEnd()
        let megabyte = Data(repeating: UInt8(ascii: "x"), count: 1 << 20)
        for _ in 0..<100 { try file.write(contentsOf: megabyte) }
        try file.write(contentsOf: Data(tail.utf8))
        try file.close()

        let start = Date()
        let result = try CLI.run(["schema", "--data", "big"], in: parent, killAfter: 300)
        let seconds = Date().timeIntervalSince(start)
        #expect(!result.killed)
        #expect(seconds < 60, "took \(seconds) s")
        #expect(result.status == 3)
        #expect(result.stderr.split(separator: "\n").first.map(String.init) == "big/" + expected)
    }
}
