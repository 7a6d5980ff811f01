import Foundation
import Testing

/// `samverkan types`: LuaLS annotations for kb, from the schema (SPEC §7.1).
@Suite struct TypesCommandTests {
    static func types(_ options: [String] = [], data: String = CLI.fixture("kb")) throws -> CLIResult {
        try CLI.run(["types", "--data", "."] + options, in: data)
    }

    @Test func theFixtureSchemaGivesItsGoldenAnnotations() throws {
        let result = try Self.types()
        #expect(result.status == 0)
        #expect(result.stderr == "")
        try ReportGoldenTests.check(result.stdout, golden: "types-kb.lua")
    }

    @Test func fieldsFollowTheirTypesAndWhetherTheyAreRequired() throws {
        let lines = try Self.types().stdout.split(separator: "\n").map(String.init)
        for expected in [
            "---@field regions samverkan.regions.collection",
            "---@field organisation samverkan.organisation",
            "---@class samverkan.municipalities",
            "---@field code string",                               // the key: always there
            "---@field region samverkan.regions",                  // a required ref: its record
            "---@field population integer?",
            "---@field coastal boolean?",
            "---@field tags string[]?",
            "---@field area number?",
            "---@field founded string?",                           // a date
            "---@field municipalities samverkan.municipalities.collection The municipalities whose region is this record",
            "---@field [integer] samverkan.regions",
            "---@return samverkan.municipalities.collection",
            "---@param fn fun(r: samverkan.municipalities): boolean",
            "function collection_municipalities:sort_by(by, direction) end",
        ] {
            #expect(lines.contains(expected), "missing: \(expected)")
        }
        // A single collection is its record, never a collection.
        #expect(!lines.contains("---@class samverkan.organisation.collection"))
    }

    /// The file is Lua that compiles (LuaLS reads it as code), checked by samverkan's own Lua.
    @Test func theAnnotationsAreLuaThatCompiles() throws {
        let annotations = try Self.types().stdout
        let check = try CLI.runScript("local f, err = load(arg[1], '=types', 't') print(f ~= nil, err)",
                                      arguments: [annotations])
        #expect(check.stdout == "true\tnil\n")
    }

    @Test func dashOWritesTheFileAndNothingToStdout() throws {
        let folder = CLI.emptyFolder()
        let target = (folder as NSString).appendingPathComponent("samverkan.d.lua")
        let result = try CLI.run(["types", "--data", CLI.fixture("kb"), "-o", target], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout == "")
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.hasPrefix("---@meta samverkan\n"))
        #expect(written.contains("---@class samverkan.municipalities\n"))
    }

    @Test func aBrokenSchemaExitsThreeWithItsLocation() throws {
        let data = try CLI.copyOfFixture("kb")
        let schema = (data as NSString).appendingPathComponent("schema.yaml")
        let text = try String(contentsOfFile: schema, encoding: .utf8)
        try text.replacingOccurrences(of: "area: { type: number", with: "area: { type: numbr")
            .write(toFile: schema, atomically: true, encoding: .utf8)
        let result = try CLI.run(["types", "--data", "."], in: data)
        #expect(result.status == 3)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("schema.yaml:17:"))
        #expect(result.stderr.contains("numbr"))
        #expect(result.stderr.hasSuffix("error: schema.yaml has 1 error; fix the schema first\n"))
    }

    /// Only the schema matters: a bad value in a data file changes nothing.
    @Test func errorsInDataFilesDoNotStopIt() throws {
        let data = try CLI.copyOfFixture("kb")
        let file = (data as NSString).appendingPathComponent("municipalities.csv")
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try (text + "9999,Nowhere,99,-5,maybe,\n").write(toFile: file, atomically: true, encoding: .utf8)
        let result = try Self.types(data: data)
        #expect(result.status == 0)
        #expect(result.stdout == (try Self.types().stdout))
    }
}
