import Foundation
import Testing

/// Data that cannot be loaded or breaks its schema: exit 3 with file:line:col diagnostics.
@Suite struct DataErrorTests {
    /// A copy of the fixture knowledge base with one file replaced.
    static func kb(replacing file: String, with text: String) throws -> String {
        let folder = try CLI.copyOfFixture("kb")
        try text.write(toFile: folder + "/" + file, atomically: true, encoding: .utf8)
        return folder
    }

    static let municipalitiesHeader = "code,name,region,population,coastal,tags\n"

    @Test(arguments: [
        ("regions.yaml", "- code: \"12\"\n  name: [Region Skåne\n",
         "regions.yaml:2:9: error[schema.parse]: YAML syntax error: while parsing a flow sequence that starts here, the file ends before it is closed"),
        ("municipalities.csv", municipalitiesHeader + "1280,Malmö,12,365 644,true,\n",
         "municipalities.csv:2:15: error[schema.type]: population \"365 644\" is not an integer (write it without spaces: 365644) (municipalities[1280])"),
        ("municipalities.csv", municipalitiesHeader + "1280,Malmö,99,365644,true,\n",
         "municipalities.csv:2:12: error[schema.ref]: region '99' does not exist in regions (municipalities[1280])"),
        ("municipalities.csv", municipalitiesHeader + "1280,Malmö,12,365644,true,\n1280,Lund,12,131590,false,\n",
         "municipalities.csv:3:1: error[schema.unique]: duplicate code '1280' (first used on line 2) (municipalities[1280])"),
        ("municipalities.csv", municipalitiesHeader + "1280,Malmö,12,-5,true,\n",
         "municipalities.csv:2:15: error[schema.minimum]: population -5 is below the minimum 0 (municipalities[1280])"),
        ("municipalities.csv", municipalitiesHeader + "12800,Malmö,12,5,true,\n",
         "municipalities.csv:2:1: error[schema.pattern]: code '12800' does not match the pattern ^[0-9]{4}$ (municipalities[12800])"),
        ("municipalities.csv", municipalitiesHeader + "1280,,12,5,true,\n",
         "municipalities.csv:2:6: error[schema.required]: name is required but missing (municipalities[1280])"),
        ("municipalities.csv", municipalitiesHeader + "1280,Malmö,12,5,kanske,\n",
         "municipalities.csv:2:17: error[schema.type]: coastal \"kanske\" is not a boolean (write true or false) (municipalities[1280])"),
        ("organisation.yaml", "name: RSS\nfounded: 2016-02-30\n",
         "organisation.yaml:2:10: error[schema.type]: founded \"2016-02-30\" is not a valid date (write YYYY-MM-DD) (organisation)"),
        ("organisation.yaml", "name: RSS\nname: Other\n",
         "organisation.yaml:2:1: error[schema.parse]: duplicate key 'name' (first on line 1); each key may appear once, so this one is ignored"),
        ("regions.yaml", "- code: \"12\"\n  name: Region Skåne\n  seats: Malmö\n- code: \"07\"\n  name: Region Kronoberg\n- code: \"13\"\n  name: Region Halland\n",
         "regions.yaml:3:3: error[schema.unknown-field]: 'seats' is not a field of regions (did you mean 'seat'?)"),
    ])
    func badDataExitsThreeWithLocatedDiagnostics(file: String, text: String, expected: String) throws {
        let data = try Self.kb(replacing: file, with: text)
        let folder = (data as NSString).deletingLastPathComponent
        try "print('ran')".write(toFile: folder + "/script.lua", atomically: true, encoding: .utf8)
        let result = try CLI.run(["run", "--data", data, "script.lua"], in: folder)
        #expect(result.status == 3)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "kb/" + expected)
        #expect(lines.last?.hasPrefix("error: the data has") == true)
        #expect(result.stdout == "")
    }

    @Test func allowInvalidRunsAnyway() throws {
        let data = try Self.kb(replacing: "municipalities.csv", with: Self.municipalitiesHeader + "1280,Malmö,99,365644,true,\n")
        let result = try CLI.runScript("print(#kb.municipalities, kb.municipalities[1].region)", data: data, options: ["--allow-invalid"])
        #expect(result.status == 0)
        #expect(result.stdout == "1\tnil\n")
    }

    @Test func everyFaultIsReportedNotOnlyTheFirst() throws {
        let data = try Self.kb(replacing: "municipalities.csv", with: Self.municipalitiesHeader
            + "1280,Malmö,99,365644,true,\n1281,Lund,12,x,false,\n1281,Lund,12,5,false,\n")
        let result = try CLI.run(["schema", "--data", data])
        #expect(result.status == 3)
        let rules = result.stderr.split(separator: "\n").compactMap { line in
            line.range(of: "error[").map { String(line[$0.upperBound...].prefix { $0 != "]" }) }
        }
        #expect(rules == ["schema.ref", "schema.type", "schema.unique"])
        #expect(result.stderr.hasSuffix("error: the data has 3 errors; fix them (samverkan validate lists every finding) or run with --allow-invalid\n"))
    }

    @Test func aDataFolderThatDoesNotExistIsAUsageError() throws {
        for command in [["schema"], ["validate"], ["query", "regions"], ["report", "overview"], ["list"]] {
            let result = try CLI.run(command + ["--data", "/nonexistent"])
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr == "error: --data: no such folder '/nonexistent'\n", "\(command)")
        }
        let environment = try CLI.run(["schema"], environment: ["SAMVERKAN_DATA": "/nonexistent"])
        #expect(environment.status == 2)
        #expect(environment.stderr == "error: SAMVERKAN_DATA: no such folder '/nonexistent'\n")
        let file = try CLI.run(["schema", "--data", CLI.fixture("kb/schema.yaml")])
        #expect(file.status == 2)
        #expect(file.stderr == "error: --data: '\(CLI.fixture("kb/schema.yaml"))' is a file, not a folder (give the folder that holds schema.yaml)\n")
    }

    @Test func aDataFolderWithoutASchemaIsExplained() throws {
        let folder = CLI.emptyFolder()
        try "print(1)".write(toFile: folder + "/x.lua", atomically: true, encoding: .utf8)
        let result = try CLI.run(["run", "--data", folder, "x.lua"], in: folder)
        #expect(result.status == 3)
        #expect(result.stderr.hasPrefix("schema.yaml:1:1: error[schema.parse]: cannot read schema.yaml in '\(folder)'"))
    }
}
