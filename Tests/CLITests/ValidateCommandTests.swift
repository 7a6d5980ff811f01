import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `samverkan validate`: every finding located, exit codes by --fail-on, CI formats.
@Suite struct ValidateCommandTests {
    /// Runs in the repository, so paths read data/…, Tests/Fixtures/… and scripts/….
    static func validate(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(["validate"] + arguments, in: CLI.root.path)
    }

    @Test func theShippedDataIsClean() throws {
        let result = try Self.validate([])
        #expect(result.status == 0)
        #expect(result.stdout == "0 errors, 0 warnings in 5 777 records (20 rules)\n")
    }

    @Test func everyPlantedFaultIsReportedOnceWhereItIs() throws {
        let result = try Self.validate(["--data", "Tests/Fixtures/planted"])
        #expect(result.status == 1)
        #expect(result.stdout == """
            Tests/Fixtures/planted/municipalities.csv:2:25: error[schema.ref]: region '99' does not exist in regions (municipalities[0604])
            Tests/Fixtures/planted/municipalities.csv:4:1: error[municipality-code-prefix]: code 0642 of Mullsjö does not start with 07, the code of Region Kronoberg (municipalities[0642], scripts/validations/municipality-code-prefix.lua:17)
            Tests/Fixtures/planted/municipalities.csv:5:1: error[population-series]: Habo (0643) has no population figure for 1990, which the other municipalities have (municipalities[0643], scripts/validations/population-series.lua:106)
            Tests/Fixtures/planted/municipalities.csv:79:1: error[schema.unique]: duplicate code '1280' (first used on line 61) (municipalities[1280])
            Tests/Fixtures/planted/notes.yaml:2:9: error[schema.parse]: YAML syntax error: while scanning a quoted scalar that starts here, the file ends before it is closed
            Tests/Fixtures/planted/population.csv:7:21: error[schema.type]: population "7057.5" is not an integer (population[0604-1955])
            Tests/Fixtures/planted/population.csv:5545:40: error[schema.parse]: row has 6 cells but the header has 5 fields; quote cells that contain commas (population[0604-2030])
            7 errors, 0 warnings in 5 777 records (19 rules)

            """)
        // sources-cited reads every collection, and notes.yaml could not be read.
        #expect(result.stderr == "note: skipped 'sources-cited': the file of collection 'notes' could not be read; "
            + "fix the error reported for it first\n")
    }

    /// A data file with a syntax error is reported once: the rules that read its collection
    /// (or every collection) are skipped with a note, instead of reporting it empty.
    @Test func aFileThatCannotBeReadIsReportedOnceNotThroughTheRulesThatReadIt() throws {
        let folder = CLI.emptyFolder()
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent("data").path, toPath: folder + "/d")
        let file = folder + "/d/committees.yaml"
        try (try String(contentsOfFile: file, encoding: .utf8) + "- code: [unclosed\n")
            .write(toFile: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", "--data", "d", "--scripts", CLI.root.appendingPathComponent("scripts").path], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == """
            d/committees.yaml:29:9: error[schema.parse]: YAML syntax error: while parsing a flow sequence that starts here, the file ends before it is closed
            1 error, 0 warnings in 5 774 records (17 rules)

            """)
        let note = "could not be read; fix the error reported for it first"
        #expect(result.stderr == """
            note: skipped 'position-paper-areas': the file of collection 'committees' \(note)
            note: skipped 'priority-areas': the file of collection 'committees' \(note)
            note: skipped 'sources-cited': the file of collection 'committees' \(note)

            """)
    }

    @Test(arguments: [
        ([String](), Int32(0)),
        (["--fail-on", "warning"], Int32(1)),
        (["--fail-on", "never"], Int32(0)),
        (["--fail-on", "error"], Int32(0)),
    ])
    func warningsDecideTheExitCodeOnlyWithFailOnWarning(options: [String], status: Int32) throws {
        let result = try Self.validate(["population-series", "-p", "max_change=0.05"] + options)
        #expect(result.status == status)
        #expect(result.stdout.contains("warning[population-series]: Burlöv: population"))
        #expect(result.stdout.hasSuffix("0 errors, 65 warnings in 5 777 records (15 rules)\n"))
    }

    @Test func failOnNeverIgnoresErrorsToo() throws {
        let result = try Self.validate(["--data", "Tests/Fixtures/planted", "--fail-on", "never", "-q"])
        #expect(result.status == 0)
    }

    @Test func aRuleThatCrashesIsReportedAndTheOthersStillRun() throws {
        let folder = CLI.emptyFolder()
        try FileManager.default.createDirectory(atPath: folder + "/plugins/validations", withIntermediateDirectories: true)
        try """
            return { kind = "validation", description = "crashes", run = function(kb, findings)
              findings:warning(nil, "before the crash")
              local x = nil
              return x.field
            end }
            """.write(toFile: folder + "/plugins/validations/crashing.lua", atomically: true, encoding: .utf8)
        try """
            return { kind = "validation", collection = "regions", check = function(r, findings)
              if r.code == "07" then findings:error(r, "planted finding", { field = "seat" }) end
            end }
            """.write(toFile: folder + "/plugins/validations/finding.lua", atomically: true, encoding: .utf8)
        let crashOnly = try CLI.run(["validate", "--data", CLI.fixture("kb"), "--scripts", "plugins", "crashing"], in: folder)
        #expect(crashOnly.status == 4)
        #expect(crashOnly.stdout.contains("error[crashing]: the rule failed: plugins/validations/crashing.lua:4: attempt to index a nil value (local 'x')"))
        let both = try CLI.run(["validate", "--data", CLI.fixture("kb"), "--scripts", "plugins", "crashing", "finding"], in: folder)
        #expect(both.status == 1)
        #expect(both.stdout.contains("regions.yaml:7:9: error[finding]: planted finding (regions[07], plugins/validations/finding.lua:2)"))
    }

    @Test func formatsForMachines() throws {
        let json = try Self.validate(["--data", "Tests/Fixtures/planted", "--format", "json"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let findings = try #require(object["findings"] as? [[String: Any]])
        #expect(findings.count == 7)
        #expect(findings.first?["line"] as? Int == 2)
        #expect((object["summary"] as? [String: Any])?["errors"] as? Int == 7)

        let github = try Self.validate(["--data", "Tests/Fixtures/planted", "--format", "github"])
        #expect(github.stdout.hasPrefix("::error file=Tests/Fixtures/planted/municipalities.csv,line=2,col=25,title=schema.ref::region '99' does not exist in regions"))

        let junit = try Self.validate(["--data", "Tests/Fixtures/planted", "--format", "junit"])
        #expect(junit.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
        #expect(XMLParser(data: Data(junit.stdout.utf8)).parse())

        let sarif = try Self.validate(["--data", "Tests/Fixtures/planted", "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
    }

    @Test func quietDropsTheSummaryButKeepsTheFindings() throws {
        let clean = try Self.validate(["-q"])
        #expect(clean.status == 0)
        #expect(clean.stdout == "")
        let planted = try Self.validate(["--data", "Tests/Fixtures/planted", "municipality-code-prefix", "-q"])
        #expect(planted.status == 1)
        #expect(planted.stdout.contains("csv:4:1: error[municipality-code-prefix]: code 0642 of Mullsjö does not start with 07, the code of Region Kronoberg (municipalities[0642], scripts/validations/municipality-code-prefix.lua:17)\n"))
        #expect(planted.stdout.hasSuffix("(population[0604-1955])\nTests/Fixtures/planted/population.csv:5545:40: error[schema.parse]: row has 6 cells but the header has 5 fields; quote cells that contain commas (population[0604-2030])\n"))
        let json = try Self.validate(["-q", "--format", "json"])
        #expect(json.stdout.contains("\"summary\""))
    }

    @Test func aTagNoValidationHasIsAUsageError() throws {
        let result = try Self.validate(["--tag", "nosuchtag"])
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == "error: no validation has the tag 'nosuchtag'; the validations' tags are: areas, codes, committees, municipalities, organisation, population, position-papers, priorities, sources\n")
        let typo = try Self.validate(["--tag", "source"])
        #expect(typo.status == 2)
        #expect(typo.stderr.hasPrefix("error: no validation has the tag 'source' (did you mean 'sources'?); "))
        let known = try Self.validate(["--tag", "codes"])
        #expect(known.status == 0)
        #expect(known.stdout == "0 errors, 0 warnings in 5 777 records (15 rules)\n")
    }

    @Test func unknownValidationNamesAreUsageErrors() throws {
        let result = try Self.validate(["stated-figure"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: unknown plugin 'stated-figure' (did you mean 'stated-figures'?); `samverkan list` shows them all\n")
    }
}
