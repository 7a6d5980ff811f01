import Foundation
import Testing

/// A row that cannot be read is one finding with its likely cause; what follows only from
/// it is folded and counted. `--file --as` checks a new file; `--format html` is a page.
@Suite struct ValidateRootCauseTests {
    /// A copy of the shipped data in `folder/data`, with `change` made to one file.
    static func shippedData(changing file: String, _ change: (String) -> String) throws -> String {
        let folder = CLI.emptyFolder()
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent("data").path, toPath: folder + "/data")
        try ValidateBaselineTests.edit(folder + "/data/" + file, change)
        return folder
    }

    static let scripts = CLI.root.appendingPathComponent("scripts").path

    /// Lund's land area written with a decimal comma, unquoted: the 79 findings.
    static func decimalComma() throws -> String {
        try shippedData(changing: "municipalities.csv") {
            $0.replacingOccurrences(of: "1281,Lund,Lunds kommun,12,427.07,", with: "1281,Lund,Lunds kommun,12,427,07,")
        }
    }

    static let decimalCommaLine = "data/municipalities.csv:62:27: error[schema.parse]: land_area_km2 427,07 looks like a decimal comma, "
        + "which splits the row into 11 cells for the header's 10; write 427.07 (municipalities[1281])"

    @Test func aDecimalCommaIsNamedOnceAndWhatFollowsFromItIsFolded() throws {
        let folder = try Self.decimalComma()
        let result = try CLI.run(["validate", "--scripts", Self.scripts], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == """
            \(Self.decimalCommaLine)
                … and 74 follow-on findings (samverkan validate --show-follow-on)
            1 error, 0 warnings in 5 776 records (20 rules); 74 follow-on findings folded

            """)
    }

    /// The other commands refuse such data (exit 3) with the same folding.
    @Test func aReportOnTheDataNamesTheCauseAndCountsWhatFollows() throws {
        let folder = try Self.decimalComma()
        let result = try CLI.run(["report", "overview", "--scripts", Self.scripts], in: folder)
        #expect(result.status == 3)
        #expect(result.stderr == """
            \(Self.decimalCommaLine)
                … and 72 follow-on errors (samverkan validate --show-follow-on)
            error: the data has 73 errors; fix them (samverkan validate lists every finding) or run with --allow-invalid

            """)
    }

    @Test func writeBaselineTakesNoReportOptions() throws {
        let result = try CLI.run(["validate", "--write-baseline", "b.yaml", "-o", "x.txt"], in: try Self.decimalComma())
        #expect(result.status == 2)
        #expect(result.stderr.contains("--write-baseline writes only the baseline; leave out --format, -o"))
    }

    @Test func showFollowOnListsThemUnderTheirCause() throws {
        let folder = try Self.decimalComma()
        let result = try CLI.run(["validate", "--scripts", Self.scripts, "--show-follow-on"], in: folder)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 1 + 74 + 1)
        #expect(lines[0] == Self.decimalCommaLine)
        #expect(lines[1] == "    ↳ data/organisation.yaml:13:26: error[stated-figures]: stated population 2 700 000 (to the nearest 100 000) "
            + "matches the member regions' total in no year since 2016 (2016: 2 474 473, 2017: 2 505 903, 2018: 2 533 633, "
            + "2019: 2 556 860, 2020: 2 572 482, 2024: 2 619 045) (organisation, \(Self.scripts)/validations/stated-figures.lua:143)")
        #expect(lines[3] == "    ↳ data/population.csv:4322:11: error[schema.ref]: municipality '1281' does not exist in municipalities: "
            + "its row could not be read (population[1281-1950])")
        #expect(lines.dropFirst().dropLast().allSatisfy { $0.hasPrefix("    ↳ ") })
    }

    @Test func jsonListsTheFollowOnFindingsWithTheirCause() throws {
        let folder = try Self.decimalComma()
        let result = try CLI.run(["validate", "--scripts", Self.scripts, "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["findings"] as? [Any])?.count == 1)
        let followOn = try #require(object["follow_on"] as? [[String: Any]])
        #expect(followOn.count == 74)
        #expect(followOn.allSatisfy { ($0["follows_from"] as? [String: Any])?["line"] as? Int == 62 })
        #expect((object["summary"] as? [String: Any])?["follow_on"] as? Int == 74)
    }

    /// A rule that read the collection but whose finding is about an unrelated record is not folded.
    @Test func aFindingAboutAnotherRecordStandsOnItsOwn() throws {
        let folder = try Self.decimalComma()
        try ValidateBaselineTests.edit(folder + "/data/municipalities.csv") {
            $0.replacingOccurrences(of: "0617,Gnosjö,Gnosjö kommun,06,", with: "0617,Gnosjö,Gnosjö kommun,07,")
        }
        let result = try CLI.run(["validate", "municipality-code-prefix", "--scripts", Self.scripts], in: folder)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("data/municipalities.csv:3:1: error[municipality-code-prefix]: code 0617 of Gnosjö does not start with 07"))
        #expect(lines[1] == Self.decimalCommaLine)
        #expect(lines[3] == "2 errors, 0 warnings in 5 776 records (15 rules); 72 follow-on findings folded")
    }

    @Test(arguments: [
        ("1281,Lund,Lunds kommun,12,427.07,", "1281;Lund;Lunds kommun;12;427.07;",
         "data/municipalities.csv:62:1: error[schema.parse]: the cells of this row are separated by ';' but the header's by ','; "
            + "write ',' between cells (and quote a cell that holds a ',') (municipalities[1281])"),
        ("1281,Lund,Lunds kommun,12,", "1281,Lu\"nd,Lunds kommun,12,",
         "data/municipalities.csv:62:8: error[schema.parse]: quote in the middle of an unquoted cell; put the whole cell in quotes "
            + "and write each quote inside it as \"\" (municipalities[1281])"),
    ])
    func otherCausesAreNamedAndFolded(from: String, to: String, expected: String) throws {
        let folder = try Self.shippedData(changing: "municipalities.csv") { $0.replacingOccurrences(of: from, with: to) }
        let result = try CLI.run(["validate", "--scripts", Self.scripts], in: folder)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == expected)
        #expect(lines.last?.hasPrefix("1 error, 0 warnings in 5 776 records (20 rules); ") == true)
    }

    @Test func maxFindingsShowsTheFirstAndCountsTheRest() throws {
        let result = try CLI.run(["validate", "--data", "Tests/Fixtures/planted", "--max-findings", "2"], in: CLI.root.path)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[2] == "… and 5 more not shown (--max-findings 2)")
        #expect(lines[3] == "7 errors, 0 warnings in 5 777 records (19 rules); 5 more not shown (--max-findings)")
        let negative = try CLI.run(["validate", "--max-findings", "-1"], in: CLI.root.path)
        #expect(negative.status == 2)
    }

    // MARK: - --file FILE --as COLLECTION

    static let newHeader = "code,name,official_name,region,land_area_km2,total_area_km2,fa_region,labour_market,source,area_source\n"

    @Test func aNewFileIsCheckedAgainstTheSchemaAndTheRestOfTheData() throws {
        let folder = CLI.emptyFolder()
        try CLI.write(["new.csv": Self.newHeader
            + "0999,Nyby,Nyby kommun,98,-12.5,20.1,13,LA2107,sjbrg-swedish-geodata,kommundata\n"
            + "0604,Aneby,Aneby kommun,06,517.68,553.89,13,LA2107,sjbrg-swedish-geodata,kommundata\n"], under: folder)
        let data = CLI.root.appendingPathComponent("data").path
        let before = try String(contentsOfFile: data + "/municipalities.csv", encoding: .utf8)
        let result = try CLI.run(["validate", "--data", data, "--scripts", Self.scripts, "--file", "new.csv", "--as", "municipalities"],
                                 in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == """
            new.csv:2:23: error[schema.ref]: region '98' does not exist in regions (did you mean '08'?) (municipalities[0999])
            new.csv:2:26: error[schema.minimum]: land_area_km2 -12.5 is below the minimum 0 (municipalities[0999])
            new.csv:3:1: error[schema.unique]: code '0604' is already used by municipalities[0604] (\(data)/municipalities.csv:2); a record added to municipalities needs a code of its own
            new.csv:3:6: error[schema.unique]: name 'Aneby' is already used by municipalities[0604] (\(data)/municipalities.csv:2); a record added to municipalities needs a name of its own
            4 errors, 0 warnings in 2 records (15 rules)

            """)
        #expect(try String(contentsOfFile: data + "/municipalities.csv", encoding: .utf8) == before)
    }

    @Test func aCleanNewFilePasses() throws {
        let folder = CLI.emptyFolder()
        try CLI.write(["new.csv": Self.newHeader + "0699,Nyby,Nyby kommun,06,12.5,20.1,13,LA2107,sjbrg-swedish-geodata,kommundata\n"],
                      under: folder)
        let result = try CLI.run(["validate", "--data", CLI.root.appendingPathComponent("data").path, "--scripts", Self.scripts,
                                  "--file", "new.csv", "--as", "municipalities", "municipality-code-prefix"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "0 errors, 0 warnings in 1 record (15 rules)\n")
    }

    @Test(arguments: [
        (["--file", "new.csv"], "error: --file needs --as COLLECTION: the collection whose schema the file is checked against\n"),
        (["--as", "municipalities"], "error: --as needs --file FILE: the new file to check as that collection\n"),
        (["--file", "new.csv", "--as", "municipalitis"], "error: --as: there is no collection 'municipalitis' (did you mean 'municipalities'?)\n"),
        (["--file", "nowhere.csv", "--as", "municipalities"], "error: --file: there is no file 'nowhere.csv'\n"),
        (["--file", "new.txt", "--as", "municipalities"],
         "error: --file: 'new.txt' is not a data file samverkan reads; give a .csv, .json, .yaml or .xlsx file\n"),
    ])
    func fileAndAsAreCheckedAsUsage(arguments: [String], stderr: String) throws {
        let folder = CLI.emptyFolder()
        try CLI.write(["new.csv": Self.newHeader, "new.txt": "x"], under: folder)
        let result = try CLI.run(["validate", "--data", CLI.root.appendingPathComponent("data").path] + arguments, in: folder)
        #expect(result.status == 2)
        #expect(result.stderr == stderr)
    }

    // MARK: - --format html, -o by extension

    @Test func theHTMLPageShowsEachFindingWithItsLine() throws {
        let folder = try Self.decimalComma()
        let result = try CLI.run(["validate", "--scripts", Self.scripts, "-o", "quality.html"], in: folder,
                                 environment: ["SOURCE_DATE_EPOCH": "1764655200"])
        #expect(result.status == 1)
        let html = try String(contentsOfFile: folder + "/quality.html", encoding: .utf8)
        #expect(html.contains("<dt>Run</dt><dd>2025-12-02 06:00 UTC</dd>"))
        #expect(html.contains("<code>schema.parse</code> · <code>data/municipalities.csv:62:27</code> · municipalities[1281]"))
        #expect(html.contains("<span class=\"ln\">62 </span>1281,Lund,Lunds kommun,12,<mark>427</mark>,07,"))
        #expect(html.contains("<h2>Follow-on findings (74)</h2>"))
        #expect(html.contains("<code>schema.ref</code> · <code>data/population.csv:4322:11</code>"))
        #expect(html.contains("<tr><td>municipalities</td><td><code>data/municipalities.csv</code></td><td class=\"num\">76</td></tr>"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<script"))
        // The same run gives the same page.
        _ = try CLI.run(["validate", "--scripts", Self.scripts, "-o", "again.html"], in: folder,
                        environment: ["SOURCE_DATE_EPOCH": "1764655200"])
        #expect(try String(contentsOfFile: folder + "/again.html", encoding: .utf8) == html)
    }

    @Test(arguments: [("out.sarif", "\"version\": \"2.1.0\""), ("out.xml", "<testsuites"), ("out.json", "\"findings\"")])
    func theExtensionChoosesTheFormat(file: String, marker: String) throws {
        let folder = CLI.emptyFolder()
        let result = try CLI.run(["validate", "--data", CLI.root.appendingPathComponent("Tests/Fixtures/planted").path,
                                  "--scripts", Self.scripts, "-o", file], in: folder)
        #expect(result.status == 1)
        #expect(try String(contentsOfFile: folder + "/" + file, encoding: .utf8).contains(marker))
    }

    @Test func aFormatTheExtensionContradictsIsAUsageError() throws {
        let folder = CLI.emptyFolder()
        let result = try CLI.run(["validate", "--data", CLI.root.appendingPathComponent("data").path, "--format", "json",
                                  "-o", "out.sarif"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr == "error: --format json contradicts -o out.sarif, whose extension .sarif means sarif; "
            + "drop --format, or name the file for the format\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/out.sarif"))
    }
}
