import Foundation
import Testing

/// Excel's round trip: Swedish CSV exports and .xlsx workbooks in, workbooks and
/// Excel-ready CSV out (docs/data.md, "CSV dialects" and "Workbooks").
@Suite struct ExcelTests {
    static let fixture = CLI.root.appendingPathComponent("Tests/Fixtures/excel").path

    /// A copy of the fixture, `planted/sjukhus.xlsx` (Lund's beds −5, Helsingborg's
    /// municipality 9999) in place of the clean workbook when `planted`.
    static func data(planted: Bool = false) throws -> String {
        let folder = CLI.emptyFolder() + "/data"
        try FileManager.default.copyItem(atPath: fixture, toPath: folder)
        try FileManager.default.removeItem(atPath: folder + "/planted")
        if planted {
            try FileManager.default.removeItem(atPath: folder + "/sjukhus.xlsx")
            try FileManager.default.copyItem(atPath: fixture + "/planted/sjukhus.xlsx", toPath: folder + "/sjukhus.xlsx")
        }
        return folder
    }

    /// openpyxl, in the virtual environment `make test` makes (.build/venv).
    static func openpyxl(_ code: String, arguments: [String]) throws -> String {
        let python = CLI.root.appendingPathComponent(".build/venv/bin/python").path
        guard FileManager.default.isExecutableFile(atPath: python) else {
            Issue.record("openpyxl's virtual environment is missing: run `make test` (it makes .build/venv)")
            return ""
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", code] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        return text
    }

    @Test func bothDialectsLoadAndValidateClean() throws {
        let result = try CLI.run(["validate", "--data", try Self.data(), "--scripts", CLI.emptyFolder()])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("0 errors, 0 warnings in 10 records (15 rules)\n"))
    }

    @Test func luaReadsIntegersAsIntegersAndDatesAsText() throws {
        let result = try CLI.runScript("""
            for m in kb.municipalities:each() do
              print(m.code, m.name, m.land_area_km2, m.population, math.type(m.population), #m.hospitals)
            end
            for h in kb.hospitals:each() do
              print(h.code, h.municipality.name, h.beds, math.type(h.beds), h.opened, h.university, h.occupancy)
            end
            """, data: try Self.data())
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            1280\tMalmö\t158.4\t365644\tinteger\t1
            1281\tLund\t427.07\t131590\tinteger\t1
            1283\tHelsingborg\t346.29\t152091\tinteger\t1
            0780\tVäxjö\t1666.5\t98334\tinteger\t1
            SUS-M\tMalmö\t1000\tinteger\t1996-01-01\ttrue\t0.93
            SUS-L\tLund\t1200\tinteger\t1968-01-01\ttrue\t0.97
            HBG\tHelsingborg\t500\tinteger\t1980-05-01\tfalse\t0.88
            CLV\tVäxjö\t350\tinteger\t2020-06-18\tfalse\t0.9

            """)
    }

    @Test func faultsInTheWorkbookAreReportedAtTheirSheetAndCell() throws {
        let data = try Self.data(planted: true)
        let text = try CLI.run(["validate", "--data", data, "--scripts", CLI.emptyFolder()])
        #expect(text.status == 1)
        #expect(text.stdout.hasPrefix("""
            \(data)/sjukhus.xlsx:Sjukhus!D3: error[schema.minimum]: beds -5 is below the minimum 0 (hospitals[SUS-L])
            \(data)/sjukhus.xlsx:Sjukhus!C4: error[schema.ref]: municipality '9999' does not exist in municipalities
            """))
        let sarif = try CLI.run(["validate", "--data", data, "--scripts", CLI.emptyFolder(), "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let first = try #require(results.first)
        let region = ((first["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
        #expect(region?["startLine"] as? Int == 3)
        #expect(region?["startColumn"] as? Int == 4)
        #expect((first["properties"] as? [String: Any])?["sheet"] as? String == "Sjukhus")
    }

    // MARK: - A file that does not match its dialect says so once

    @Test(arguments: [
        ("    delimiter: \";\"\n    encoding: windows-1252\n    decimal: \",\"\n", "", "kommuner.csv:1:1: error[schema.parse]: the header is separated by ';', not ',' as the schema says; add delimiter: \";\" to collection 'municipalities' in schema.yaml (the rows are not read until it is)"),
        ("    encoding: windows-1252\n", "", "kommuner.csv:2:10: error[schema.parse]: byte 0xF6 is not UTF-8, but the file reads as Windows-1252 ('Malmö'), as a Swedish Excel saves CSV; add encoding: windows-1252 to collection 'municipalities' in schema.yaml, or save the file as UTF-8 (the rest of the file is not read until it is) (municipalities[1280])"),
        ("    decimal: \",\"\n", "", "kommuner.csv:2:15: error[schema.type]: land_area_km2 \"158,4\" is written with a decimal comma; add decimal: \",\" to collection 'municipalities' in schema.yaml (the other cells like it follow from this one) (municipalities[1280])"),
    ])
    func aFileInAnotherDialectGetsOneErrorThatNamesTheSchemaLine(remove: String, add: String, expected: String) throws {
        let data = try Self.data()
        try ValidateBaselineTests.edit(data + "/schema.yaml") { $0.replacingOccurrences(of: remove, with: add) }
        let result = try CLI.run(["validate", "--data", data, "--scripts", CLI.emptyFolder()])
        #expect(result.status == 1)
        let errors = result.stdout.split(separator: "\n").filter { $0.contains("error[") }
        #expect(errors.first.map(String.init) == data + "/" + expected)
        if remove.hasPrefix("    decimal") {
            // The other cells with decimal commas (and spaces in the integers) follow from it.
            #expect(result.stdout.contains("    … and 3 follow-on findings (samverkan validate --show-follow-on)"))
        } else {
            #expect(errors.count == 1, "\(result.stdout)")
        }
    }

    @Test(arguments: [
        ("    delimiter: \";\"\n", "    delimiter: \"|\"\n", "delimiter '|' of collection 'municipalities' is not one samverkan reads"),
        ("    encoding: windows-1252\n", "    encoding: ebcdic\n", "encoding 'ebcdic' of collection 'municipalities' is not one samverkan reads"),
        ("    sheet: Sjukhus\n", "    sheet: Sjukhus\n    delimiter: \";\"\n", "'delimiter' of collection 'hospitals' applies to CSV files only"),
        ("    decimal: \",\"\n", "    decimal: \",\"\n    sheet: X\n", "'sheet' of collection 'municipalities' applies to .xlsx workbooks only"),
        ("    sheet: Sjukhus\n", "    sheet: Sjukus\n", "sjukhus.xlsx has no sheet 'Sjukus' (did you mean 'Sjukhus'?); its sheets are 'Om', 'Sjukhus'"),
    ])
    func aWrongDialectOrSheetIsALocatedSchemaError(remove: String, add: String, expected: String) throws {
        let data = try Self.data()
        try ValidateBaselineTests.edit(data + "/schema.yaml") { $0.replacingOccurrences(of: remove, with: add) }
        let result = try CLI.run(["schema", "--data", data])
        #expect(result.status == 3)
        let errors = result.stderr.split(separator: "\n").filter { $0.contains("error[") }
        #expect(errors.count == 1, "\(result.stderr)")
        #expect(errors.first?.contains(expected) == true, "\(result.stderr)")
        #expect(errors.first?.hasPrefix(data + "/schema.yaml:") == true || expected.contains("no sheet"))
    }

    // MARK: - Out: workbooks

    @Test func reportAndQueryWorkbooksReadBackWithTypedCells() throws {
        let folder = CLI.emptyFolder()
        let report = try CLI.run(["report", "population", "-o", "p.xlsx"], in: folder)
        #expect(report.status == 0, "\(report.stderr)")
        let query = try CLI.run(["query", "municipalities", "-o", "m.xlsx"], in: folder)
        #expect(query.status == 0, "\(query.stderr)")
        let text = try Self.openpyxl("""
            import sys, openpyxl
            for path in sys.argv[1:]:
                wb = openpyxl.load_workbook(path)
                print(path, wb.sheetnames)
                for ws in wb.worksheets:
                    header = [c for c in ws[1]]
                    print(" ", ws.title, ws.freeze_panes, all(c.font.b for c in header if ws.freeze_panes))
                    for row in ws.iter_rows(min_row=2, max_row=2):
                        print("   ", [(c.value, c.data_type, c.number_format) for c in row])
            """, arguments: [folder + "/p.xlsx", folder + "/m.xlsx"])
        // A sheet per table and per chart (its data); Excel's names stop at 31 characters.
        #expect(text.contains("p.xlsx ['Rapport', 'Regioner', 'Befolkning per region 2024', 'Befolkning per region 1950–2024', "
            + "'Andel av Sveriges befolkning 19', 'Kommuner']"))
        #expect(text.contains("Regioner A2 True"))
        #expect(text.contains("Befolkning per region 1950–2024 A2 True"))
        #expect(text.contains("[(1950, 'n', 'General'), (843027, 'n', '#,##0'), (272584, 'n', '#,##0')"))
        #expect(text.contains("[('Region Skåne', 's', 'General'), (33, 'n', '#,##0'), (1428626, 'n', '#,##0'), (0.5193804339725191, 'n', '0.0%')"))
        #expect(text.contains("m.xlsx ['municipalities']"))
        #expect(text.contains("[('0604', 's', 'General'), ('Aneby', 's', 'General'), ('Aneby kommun', 's', 'General'), ('06', 's', 'General'), (517.68, 'n', 'General')"))
    }

    @Test func aFormulaLikeTextStaysTextInTheWorkbook() throws {
        let folder = CLI.emptyFolder()
        try CLI.write(["data/schema.yaml": "collections:\n  t:\n    file: t.csv\n    key: k\n    fields:\n      k: { type: string }\n",
                       "data/t.csv": "k\n\"=HYPERLINK(\"\"http://x\"\")\"\n@SUM\n"], under: folder)
        let result = try CLI.run(["query", "t", "-o", "t.xlsx"], in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        let text = try Self.openpyxl("""
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).active
            for row in ws.iter_rows(min_row=2):
                print(repr(row[0].value), row[0].data_type, row[0].quotePrefix)
            """, arguments: [folder + "/t.xlsx"])
        #expect(text == "'=HYPERLINK(\"http://x\")' s True\n'@SUM' s True\n")
    }

    @Test func aWorkbookIsNotPrintedOnATerminalButGoesToAPipe() throws {
        let piped = try CLI.run(["query", "regions", "--format", "xlsx"], in: CLI.root.path)
        #expect(piped.status == 0)
        #expect(piped.stdout.hasPrefix("PK"))
    }

    // MARK: - Out: Excel-ready CSV

    @Test func excelSwedishCSVHasABOMSemicolonsDecimalCommasAndCRLF() throws {
        let result = try CLI.run(["query", "municipalities", "--columns", "code,name,land_area_km2", "--limit", "2",
                                  "--format", "csv", "--csv-dialect", "excel-sv"], in: CLI.root.path)
        #expect(result.status == 0)
        #expect(result.stdout == "\u{FEFF}code;name;land_area_km2\r\n0604;Aneby;517,68\r\n0617;Gnosjö;420,55\r\n")
    }

    @Test func theExtensionChoosesCSVAndAContradictionIsAUsageError() throws {
        let folder = CLI.emptyFolder()
        let csv = try CLI.run(["query", "regions", "--data", CLI.root.appendingPathComponent("data").path, "-o", "r.csv"], in: folder)
        #expect(csv.status == 0)
        #expect(try String(contentsOfFile: folder + "/r.csv", encoding: .utf8).hasPrefix("code,letter,name,"))
        let wrong = try CLI.run(["report", "overview", "--data", CLI.root.appendingPathComponent("data").path,
                                 "--format", "csv", "-o", "r.xlsx"], in: folder)
        #expect(wrong.status == 2)
        #expect(wrong.stderr == "error: --format csv contradicts -o r.xlsx, whose extension .xlsx means xlsx; "
            + "drop --format, or name the file for the format\n")
        let unknown = try CLI.run(["query", "regions", "--data", CLI.root.appendingPathComponent("data").path, "-o", "r.pdf"],
                                  in: folder)
        #expect(unknown.status == 2)
        #expect(unknown.stderr == "error: -o r.pdf: .pdf is not a format this command writes (.csv .json .markdown .md .txt .xlsx); "
            + "name the file for its format, or give --format\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/r.pdf"))
        let dialect = try CLI.run(["query", "regions", "--csv-dialect", "excel-sv"], in: CLI.root.path)
        #expect(dialect.status == 2)
        #expect(dialect.stderr.hasPrefix("error: --csv-dialect excel-sv is for CSV output, and the format is text"))
    }

    @Test func aReportWithSeveralTablesGivesEachItsOwnHeaderInCSV() throws {
        let result = try CLI.run(["report", "population", "--format", "csv"], in: CLI.root.path)
        #expect(result.status == 0)
        let blocks = result.stdout.components(separatedBy: "\n\n")
        #expect(blocks.count == 5)
        #expect(blocks[0].hasPrefix("Regioner\nRegion,Kommuner,Befolkning,"))
        // Charts keep their data: x, then a column per series (small multiples: per facet).
        #expect(blocks[1].hasPrefix("Befolkning per region 2024\nKategori,Värde\nRegion Skåne,1428626\n"))
        #expect(blocks[2].hasPrefix("Befolkning per region 1950–2024\nÅr,Region Skåne,Region Jönköpings län,Region Halland,"
            + "Region Kalmar län,Region Kronoberg,Region Blekinge\n1950,843027,272584,170076,239583,150275,145909\n"))
        #expect(blocks[3].hasPrefix("Andel av Sveriges befolkning 1950–2024\nÅr,Region Skåne,"))
        #expect(blocks[4].hasPrefix("Kommuner\nRang,Kommun,Region,Befolkning,"))
        let english = try CLI.run(["report", "population", "--format", "csv", "--locale", "en"], in: CLI.root.path)
        #expect(english.stdout.contains("\n\nPopulation per region 2024\nLabel,Value\nRegion Skåne,1428626\n"))
    }
}
