import Foundation
import Testing

/// `samverkan query`: --where, --columns through refs, --sort, filters, formats, errors.
@Suite struct QueryCommandTests {
    static let data = CLI.root.appendingPathComponent("data").path

    static func query(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(["query", "--data", data] + arguments)
    }

    static let largest = ["population", "--where", "year == 2024 and population > 100000",
                          "--sort", "-population", "--columns", "municipality.name,population"]

    @Test func theReadmeQueryListsTheLargestMunicipalities() throws {
        let result = try Self.query(Self.largest)
        #expect(result.status == 0)
        #expect(result.stdout == """
            municipality.name  population
            ─────────────────────────────
            Malmö                  365644
            Helsingborg            152091
            Jönköping              147654
            Lund                   131590
            Halmstad               106084

            """)
        #expect(result.stderr == "5 of 5 544 population match\n")
    }

    @Test func csvRoundTripsThroughPythonWithIdenticalValues() throws {
        let result = try Self.query(Self.largest + ["--format", "csv"])
        let folder = CLI.emptyFolder()
        try result.stdout.write(toFile: folder + "/out.csv", atomically: true, encoding: .utf8)
        let python = try CLI.python("import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], newline='')))))",
                                    arguments: [folder + "/out.csv"])
        #expect(python == #"[["municipality.name", "population"], ["Malm\u00f6", "365644"], ["Helsingborg", "152091"], ["J\u00f6nk\u00f6ping", "147654"], ["Lund", "131590"], ["Halmstad", "106084"]]"#)
    }

    @Test func jsonKeepsIntegersAsIntegers() throws {
        let result = try Self.query(Self.largest + ["--format", "json", "--limit", "1"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows[0]["municipality.name"] as? String == "Malmö")
        #expect(rows[0]["population"] as? Int == 365644)
        #expect(result.stdout.contains("\"population\": 365644"))
    }

    @Test func columnsFollowRefsAndCountRelations() throws {
        let result = try Self.query(["municipalities", "--where", "region.code == '10'", "--columns", "name,region.name,#population",
                                     "--sort", "name", "--format", "csv"])
        #expect(result.stdout == "name,region.name,#population\nKarlshamn,Region Blekinge,72\nKarlskrona,Region Blekinge,72\nOlofström,Region Blekinge,72\nRonneby,Region Blekinge,72\nSölvesborg,Region Blekinge,72\n")
    }

    @Test func sortIsStableSwedishAndTakesSeveralKeys() throws {
        let result = try Self.query(["municipalities", "--where", "region.code == '12' and name:sub(1, 1) >= 'S'",
                                     "--columns", "name", "--sort", "name", "--format", "csv"])
        #expect(result.stdout == "name\nSimrishamn\nSjöbo\nSkurup\nStaffanstorp\nSvalöv\nSvedala\nTomelilla\nTrelleborg\nVellinge\nYstad\nÅstorp\nÄngelholm\nÖrkelljunga\nÖstra Göinge\n")
        let two = try Self.query(["municipalities", "--columns", "region.code,name", "--sort", "-region.code,name", "--limit", "3", "--format", "csv"])
        #expect(two.stdout == "region.code,name\n13,Falkenberg\n13,Halmstad\n13,Hylte\n")
    }

    @Test(arguments: [
        ("large-municipalities", [String](), "municipality.name,municipality.region.name,year,population\nMalmö,Region Skåne,2024,365644\nHelsingborg,Region Skåne,2024,152091\nJönköping,Region Jönköpings län,2024,147654\nLund,Region Skåne,2024,131590\nHalmstad,Region Halland,2024,106084\n"),
        ("large-municipalities", ["-p", "year=1950", "-p", "min=150000"], "municipality.name,municipality.region.name,year,population\nMalmö,Region Skåne,1950,198856\n"),
        ("municipalities-in", ["-p", "region=Blekinge"], "code,name,region.name\n1082,Karlshamn,Region Blekinge\n1080,Karlskrona,Region Blekinge\n1060,Olofström,Region Blekinge\n1081,Ronneby,Region Blekinge\n1083,Sölvesborg,Region Blekinge\n"),
        ("cross-border-labour-markets", ["-p", "outside_only=true", "--columns", "code,name"], "code,name\nLA2107,Jönköping\nLA2123,Göteborg\n"),
        ("areas-without-position-paper", ["--columns", "code"], "code\nkunskapsunderlag\nbredband-digitalisering\nenergiforsorjning\n"),
    ])
    func shippedFiltersRun(name: String, options: [String], expected: String) throws {
        let result = try Self.query([name, "--format", "csv"] + options)
        #expect(result.status == 0)
        #expect(result.stdout == expected)
    }

    @Test func shrinkingFindsMunicipalitiesThatLostPeople() throws {
        let defaults = try Self.query(["shrinking", "--format", "csv", "--columns", "name"])
        #expect(defaults.stdout.split(separator: "\n").count == 18)
        let since1990 = try Self.query(["shrinking", "-p", "from=2010", "-p", "to=2020", "--format", "csv", "--columns", "name"])
        #expect(since1990.status == 0)
        #expect(since1990.stdout.hasPrefix("name\n"))
    }

    @Test(arguments: [
        (["large-municipalities", "-p", "min=abc"], "error: parameter 'min' expects integer (an integer, like 100000), got 'abc' (plugin 'large-municipalities')\n"),
        (["large-municipalities", "-p", "mni=5"], "error: unknown parameter 'mni' for plugin 'large-municipalities' (did you mean 'min'?); its parameters are:\n  min (integer, default 100000): smallest population (inclusive)\n  year (integer, default 2024): year of the figures (1950-2020 or 2024)\n"),
        (["municipalitys"], "error: 'municipalitys' is neither a collection nor a filter (did you mean 'municipalities'?); `samverkan schema` and `samverkan list --kind filter` show them\n"),
        (["municipalities", "--columns", "name,regoin.name"], "error: --columns: municipalities has no field 'regoin' (did you mean 'region'?)\n"),
        (["municipalities", "--where", "population >"], "error: --where: unexpected symbol near ')'\n  population >\n              ^\n"),
        (["regions", "--columns", "municipalities.name"], "error: --columns: 'municipalities' is a relation of regions, not a field; '#municipalities' gives its count\n"),
        (["municipalities", "--columns", "region.municipalities"], "error: --columns: 'municipalities' is a relation of regions, not a field; '#region.municipalities' gives its count\n"),
        (["municipalities", "--where", "nmae == 'Lund'"], "error: --where: municipalities has no field 'nmae' (did you mean 'name'?); the expression may use its fields, relations, kb, fmt, text, string and math\n  nmae == 'Lund'\n  ^\n"),
    ])
    func usageErrorsExitTwo(arguments: [String], stderr: String) throws {
        let result = try Self.query(arguments)
        #expect(result.status == 2)
        #expect(result.stderr == stderr)
    }

    @Test(arguments: [
        (["regions"], "6 regions\n"),
        (["regions", "--limit", "2"], "2 of 6 regions shown\n"),
        (["regions", "--where", "code == '99'"], "0 of 6 regions match\n"),
        (["municipalities", "--where", "region.code == '10'"], "5 of 77 municipalities match\n"),
        (["municipalities", "--where", "region.code == '10'", "--limit", "2"], "2 of 5 matching municipalities shown (77 in all)\n"),
        (["municipalities-in", "-p", "region=10", "--limit", "2"], "2 of 5 matching municipalities shown (77 in all)\n"),
        (["regions", "--where", "true", "--limit", "2"], "2 of 6 matching regions shown\n"),
    ])
    func theCountLineSaysWhatWasShownOfWhat(arguments: [String], stderr: String) throws {
        let result = try Self.query(arguments + ["--columns", "code"])
        #expect(result.status == 0)
        #expect(result.stderr == stderr)
    }

    @Test func aTrailingCommentInWhereIsOnlyAComment() throws {
        let result = try Self.query(["regions", "--where", "code == '12' -- Skåne", "--columns", "name", "--format", "csv"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdout == "name\nRegion Skåne\n")
        let always = try Self.query(["regions", "--where", "1 == 1 --", "--columns", "code"])
        #expect(always.status == 0)
        #expect(always.stderr == "6 of 6 regions match\n")
    }

    @Test(arguments: [
        (["--where", "(population >"], "error: --where: unexpected symbol near ')'\n  (population >\n               ^\n"),
        (["--where", "name ==\n== 3"], "error: --where: line 2: unexpected symbol near '=='\n  name ==\n== 3\n"),
    ])
    func syntaxErrorsSayWhereTheyAre(arguments: [String], stderr: String) throws {
        let result = try Self.query(["municipalities"] + arguments)
        #expect(result.status == 2)
        #expect(result.stderr == stderr)
    }

    @Test func aNegativeLimitIsAUsageError() throws {
        let result = try Self.query(["municipalities", "--limit", "-1"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("Error: --limit must be 0 or more\n"))
    }

    /// A runtime error in --where is the user's mistake too: exit 2, the record named, the
    /// caret under the quoted number.
    @Test func aRuntimeErrorNamesTheRecordAndExitsTwo() throws {
        let result = try Self.query(["municipalities", "--where", "land_area_km2 > '10'"])
        #expect(result.status == 2)
        #expect(result.stderr == """
            error: --where: attempt to compare string with number (municipalities[0604]): a number is written without quotes, 10 not '10'
              land_area_km2 > '10'
                              ^

            """)
    }

    @Test func outputFilesAreWrittenWhole() throws {
        let folder = CLI.emptyFolder()
        let result = try CLI.run(["query", "--data", Self.data, "regions", "--columns", "code", "--format", "csv", "-o", "regions.csv"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(try String(contentsOfFile: folder + "/regions.csv", encoding: .utf8) == "code\n06\n07\n08\n10\n12\n13\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["regions.csv"])
    }
}
