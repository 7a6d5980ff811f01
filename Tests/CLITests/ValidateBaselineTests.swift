import Foundation
import Testing

/// `validate --baseline` / `--write-baseline`, `samverkan.yaml` and SAMVERKAN_BASELINE:
/// accepted findings stop failing the run but are still counted, listed and marked.
@Suite struct ValidateBaselineTests {
    /// A project folder: data/ (the test knowledge base with two planted faults: Lund's
    /// population is negative, Örkelljunga's region does not exist) and nothing else.
    static func project() throws -> String {
        let folder = CLI.emptyFolder()
        try FileManager.default.copyItem(atPath: CLI.fixture("kb"), toPath: folder + "/data")
        try edit(folder + "/data/municipalities.csv") {
            $0.replacingOccurrences(of: "1281,Lund,12,131590,", with: "1281,Lund,12,-5,")
                .replacingOccurrences(of: "1257,Örkelljunga,12,", with: "1257,Örkelljunga,99,")
        }
        return folder
    }

    static func edit(_ path: String, _ change: (String) -> String) throws {
        try change(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
    }

    static let lund = "data/municipalities.csv:3:14: error[schema.minimum]: population -5 is below the minimum 0 (municipalities[1281])"
    static let orkelljunga = "data/municipalities.csv:4:18: error[schema.ref]: region '99' does not exist in regions (municipalities[1257])"

    /// A baseline that accepts the Örkelljunga finding alone, as a user would leave it after
    /// `--write-baseline` and editing: the other entry deleted, a reason and an end given.
    static func acceptOrkelljunga(in folder: String, expires: String = "2999-12-31") throws {
        let written = try CLI.run(["validate", "--write-baseline", "baseline.yaml"], in: folder)
        #expect(written.status == 0)
        #expect(written.stderr.contains("wrote 2 entries to baseline.yaml"))
        try edit(folder + "/baseline.yaml") { text in
            let parts = text.components(separatedBy: "\n  - ")
            let kept = parts.dropFirst().filter { $0.contains("\"1257\"") }
            return parts[0] + "\n  - " + kept.joined(separator: "\n  - ")
                .replacingOccurrences(of: "reason: \"\"", with: "reason: \"region merger under review\"")
                .replacingOccurrences(of: "expires: null", with: "expires: \(expires)")
        }
    }

    @Test func aBaselineForOneFaultFailsTheRunForTheOtherAlone() throws {
        let folder = try Self.project()
        let before = try CLI.run(["validate"], in: folder)
        #expect(before.status == 1)
        #expect(before.stdout == "\(Self.lund)\n\(Self.orkelljunga)\n2 errors, 0 warnings in 13 records (15 rules)\n")

        try Self.acceptOrkelljunga(in: folder)
        let after = try CLI.run(["validate", "--baseline", "baseline.yaml"], in: folder)
        #expect(after.status == 1)
        #expect(after.stdout == "\(Self.lund)\n1 error, 0 warnings in 13 records (15 rules); 1 suppressed by the baseline\n")

        let listed = try CLI.run(["validate", "--baseline", "baseline.yaml", "--show-suppressed"], in: folder)
        #expect(listed.stdout == """
            \(Self.lund)
            suppressed by the baseline baseline.yaml:
                \(Self.orkelljunga)
                    accepted: region merger under review (until 2999-12-31)
            1 error, 0 warnings in 13 records (15 rules); 1 suppressed by the baseline

            """)

        // Fixing Lund leaves only the accepted finding: the run passes.
        try Self.edit(folder + "/data/municipalities.csv") { $0.replacingOccurrences(of: "1281,Lund,12,-5,", with: "1281,Lund,12,5,") }
        let fixed = try CLI.run(["validate", "--baseline", "baseline.yaml"], in: folder)
        #expect(fixed.status == 0)
        #expect(fixed.stdout == "0 errors, 0 warnings in 13 records (15 rules); 1 suppressed by the baseline\n")
    }

    /// The fingerprint names the record, not the line: a row inserted above keeps it suppressed.
    @Test func theSuppressionSurvivesALineInsertedAbove() throws {
        let folder = try Self.project()
        try Self.acceptOrkelljunga(in: folder)
        try Self.edit(folder + "/data/municipalities.csv") {
            $0.replacingOccurrences(of: "1280,Malmö,", with: "1283,Svedala,12,22000,false,\n1280,Malmö,")
        }
        let result = try CLI.run(["validate", "--baseline", "baseline.yaml", "--show-suppressed"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.contains("data/municipalities.csv:4:14: error[schema.minimum]: population -5"))
        #expect(result.stdout.contains("    data/municipalities.csv:5:18: error[schema.ref]: region '99' does not exist"))
        #expect(result.stdout.hasSuffix("1 error, 0 warnings in 14 records (15 rules); 1 suppressed by the baseline\n"))
    }

    @Test func sarifMarksTheSuppressionAndFingerprintsEveryResultAndStaysValid() throws {
        let folder = try Self.project()
        try Self.acceptOrkelljunga(in: folder)
        let result = try CLI.run(["validate", "--baseline", "baseline.yaml", "-o", "out.sarif"], in: folder)
        #expect(result.status == 1)
        let text = try String(contentsOfFile: folder + "/out.sarif", encoding: .utf8)
        // (ValidationSARIFTests checks such logs against the OASIS schema.)
        let log = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 2)
        for item in results {
            let fingerprint = (item["partialFingerprints"] as? [String: String])?["samverkan/v1"]
            #expect(fingerprint?.count == 16)
        }
        let suppressed = results.filter { $0["suppressions"] != nil }
        #expect(suppressed.map { $0["ruleId"] as? String } == ["schema.ref"])
        let suppression = try #require((suppressed.first?["suppressions"] as? [[String: Any]])?.first)
        #expect(suppression["kind"] as? String == "external")
        #expect(suppression["status"] as? String == "accepted")
        #expect(suppression["justification"] as? String == "region merger under review")
    }

    @Test func jsonAndJUnitMarkTheSuppressedFinding() throws {
        let folder = try Self.project()
        try Self.acceptOrkelljunga(in: folder)
        let json = try CLI.run(["validate", "--baseline", "baseline.yaml", "--format", "json"], in: folder)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["findings"] as? [[String: Any]])?.map { $0["rule"] as? String } == ["schema.minimum"])
        let suppressed = try #require((object["suppressed"] as? [[String: Any]])?.first)
        #expect(suppressed["key"] as? String == "1257")
        #expect(suppressed["reason"] as? String == "region merger under review")
        #expect(suppressed["expires"] as? String == "2999-12-31")
        #expect((object["summary"] as? [String: Any])?["suppressed"] as? Int == 1)

        let junit = try CLI.run(["validate", "--baseline", "baseline.yaml", "--format", "junit"], in: folder)
        #expect(junit.stdout.contains("""
                <testcase classname="samverkan.validate" name="schema.ref">
                  <system-out>suppressed (accepted: region merger under review (until 2999-12-31)): \(Self.orkelljunga)</system-out>
                </testcase>
            """))
        #expect(junit.stdout.contains("failures=\"1\""))
    }

    @Test func anExpiredEntryFailsAgainAndSaysSo() throws {
        let folder = try Self.project()
        try Self.acceptOrkelljunga(in: folder, expires: "2001-01-31")
        let result = try CLI.run(["validate", "--baseline", "baseline.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == """
            \(Self.lund)
            \(Self.orkelljunga)
            baseline.yaml:9:5: note[baseline.expired]: the entry for schema.ref on municipalities[1257] (region merger under review) expired on 2001-01-31; its finding counts again: fix it, or give the entry a later expires
            2 errors, 0 warnings in 13 records (15 rules)

            """)
    }

    @Test func anEntryThatMatchesNothingIsReportedStale() throws {
        let folder = try Self.project()
        try Self.acceptOrkelljunga(in: folder)
        try Self.edit(folder + "/data/municipalities.csv") { $0.replacingOccurrences(of: "1257,Örkelljunga,99,", with: "1257,Örkelljunga,12,") }
        let result = try CLI.run(["validate", "--baseline", "baseline.yaml"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == """
            \(Self.lund)
            baseline.yaml:9:5: note[baseline.stale]: the entry for schema.ref on municipalities[1257] matches no finding any more; remove it
            1 error, 0 warnings in 13 records (15 rules); 1 stale baseline entry

            """)
    }

    /// samverkan.yaml beside data/ names the baseline for CI; the environment overrides it,
    /// the flag overrides both, and --no-baseline turns it off.
    @Test func flagBeatsEnvironmentBeatsSamverkanYAML() throws {
        let folder = try Self.project()
        try Self.acceptOrkelljunga(in: folder)
        try "baseline: baseline.yaml\n".write(toFile: folder + "/samverkan.yaml", atomically: true, encoding: .utf8)
        try "version: 1\nentries: []\n".write(toFile: folder + "/empty.yaml", atomically: true, encoding: .utf8)
        let summary = { (result: CLIResult) in result.stdout.split(separator: "\n").last.map(String.init) ?? "" }
        let suppressed = "1 error, 0 warnings in 13 records (15 rules); 1 suppressed by the baseline"
        let none = "2 errors, 0 warnings in 13 records (15 rules)"

        #expect(summary(try CLI.run(["validate"], in: folder)) == suppressed)
        #expect(summary(try CLI.run(["validate"], in: folder, environment: ["SAMVERKAN_BASELINE": "empty.yaml"])) == none)
        #expect(summary(try CLI.run(["validate", "--baseline", "baseline.yaml"], in: folder,
                                     environment: ["SAMVERKAN_BASELINE": "empty.yaml"])) == suppressed)
        #expect(summary(try CLI.run(["validate", "--no-baseline"], in: folder)) == none)
        // From another folder, --data names the project's data: samverkan.yaml is found beside it.
        let elsewhere = try CLI.run(["validate", "--data", folder + "/data"])
        #expect(summary(elsewhere) == suppressed)
    }

    @Test func aMistakeInSamverkanYAMLIsALocatedUsageError() throws {
        let folder = try Self.project()
        try "baseline: b.yaml\nbasline: c.yaml\n".write(toFile: folder + "/samverkan.yaml", atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate"], in: folder)
        #expect(result.status == 2)
        #expect(result.stderr.contains("samverkan.yaml:2:1: error[settings]: 'basline' is not a setting of samverkan.yaml"))
        #expect(result.stderr.contains("did you mean 'baseline'?"))
    }

    @Test(arguments: [
        ("version: 1\nentries:\n  - fingerprint: \"0123456789abcdef\"\n    resaon: x\n",
         "b.yaml:4:5: error[baseline]: 'resaon' is not a key of a baseline entry"),
        ("version: 1\nentries:\n  - fingerprint: \"0123456789abcdef\"\n    expires: 31/12/2027\n",
         "b.yaml:4:14: error[baseline]: expires '31/12/2027' is not a date; write YYYY-MM-DD"),
        ("version: 1\nentries:\n  - fingerprint: \"12ab\"\n",
         "b.yaml:3:18: error[baseline]: fingerprint '12ab' is not 16 hex digits"),
        ("entries: []\n", "b.yaml:1:1: error[baseline]: the baseline has no 'version: 1'"),
        ("version: 1\nentries: [\n", "b.yaml:3:1: error[baseline]: YAML syntax error"),
    ])
    func aMalformedBaselineIsALocatedUsageError(text: String, expected: String) throws {
        let folder = try Self.project()
        try text.write(toFile: folder + "/b.yaml", atomically: true, encoding: .utf8)
        let result = try CLI.run(["validate", "--baseline", "b.yaml"], in: folder)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix(expected))
        #expect(result.stderr.hasSuffix("error: the baseline named by --baseline cannot be used; fix it, or run with --no-baseline\n"))
    }

    @Test func aMissingBaselineIsAUsageError() throws {
        let result = try CLI.run(["validate", "--baseline", "nowhere.yaml"], in: try Self.project())
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error[baseline]: cannot read the baseline 'nowhere.yaml'; "
            + "write one with samverkan validate --write-baseline nowhere.yaml\n"))
    }

    /// Writing the baseline again keeps what people wrote in it.
    @Test func rewritingABaselineKeepsReasonsAndExpiries() throws {
        let folder = try Self.project()
        try Self.acceptOrkelljunga(in: folder)
        let rewritten = try CLI.run(["validate", "--baseline", "baseline.yaml", "--write-baseline", "new.yaml"], in: folder)
        #expect(rewritten.status == 0)
        let text = try String(contentsOfFile: folder + "/new.yaml", encoding: .utf8)
        #expect(text.contains("""
              - fingerprint: 
            """.trimmingCharacters(in: .newlines)))
        #expect(text.contains("    key: \"1257\"\n    field: \"region\"\n    message: \"region '99' does not exist in regions\"\n"
            + "    reason: \"region merger under review\"\n    expires: \"2999-12-31\"\n"))
        #expect(text.contains("    key: \"1281\"\n    field: \"population\"\n    message: \"population -5 is below the minimum 0\"\n"
            + "    reason: \"\"\n    expires: null\n"))
        // The file it writes reads back: every finding suppressed.
        let applied = try CLI.run(["validate", "--baseline", "new.yaml"], in: folder)
        #expect(applied.status == 0)
        #expect(applied.stdout == "0 errors, 0 warnings in 13 records (15 rules); 2 suppressed by the baseline\n")
    }
}
