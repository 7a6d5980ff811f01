import Foundation
import SamverkanCore
import Testing
@testable import SamverkanRender

/// Serialized: the schema check may install `jsonschema` with pip on its first run.
@Suite(.serialized) struct ValidationSARIFTests {
    private func sarif(_ report: ValidationReport) -> String {
        renderValidation(report, as: .sarif, options: RenderOptions(locale: .sv))
    }

    /// The log as Foundation objects, for looking inside.
    private func object(_ report: ValidationReport) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(sarif(report).utf8)) as? [String: Any])
    }

    private func run(_ report: ValidationReport) throws -> [String: Any] {
        try #require((try object(report)["runs"] as? [[String: Any]])?.first)
    }

    @Test(arguments: ["findings", "crashed", "clean", "awkward", "unlisted", "sortedOut", "limited"])
    func outputIsValidAgainstTheOfficialSchema(_ name: String) throws {
        let reports = [
            "findings": ValidationSamples.findings,
            "crashed": ValidationSamples.crashed,
            "clean": ValidationSamples.clean,
            "sortedOut": ValidationSamples.sortedOut,
            "limited": { var r = ValidationSamples.sortedOut; r.show.maxFindings = 1; return r }(),
            "awkward": ValidationReport(diagnostics: [ValidationSamples.awkward], recordCount: 1),
            "unlisted": ValidationReport(
                diagnostics: [Diagnostic(.error, rule: "x", "no line", at: SourceLocation(file: "data/a.csv", line: 0, column: 0))],
                failedRules: [FailedRule(id: "y", message: "boom")]),
        ]
        let report = try #require(reports[name])
        #expect(try ValidationSARIFSchemaCheck.violations(in: sarif(report)) == [])
    }

    /// Every result carries its fingerprint; the suppressed one its suppression; the
    /// follow-on one is `open` with its cause related; a stale entry is a notification.
    @Test func suppressionsFingerprintsAndFollowOnResults() throws {
        let run = try run(ValidationSamples.sortedOut)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["schema.parse", "population-claim", "schema.ref", "schema.minimum"])
        let fingerprints = results.map { ($0["partialFingerprints"] as? [String: String])?["samverkan/v1"] }
        #expect(fingerprints == [ValidationSamples.unread, ValidationSamples.claim, ValidationSamples.refToUnread,
                                 ValidationSamples.minimum].map(\.fingerprint))
        #expect(results[2]["kind"] as? String == "open")
        #expect(results[2]["level"] as? String == "none")
        let related = (results[2]["relatedLocations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((related?["region"] as? [String: Any])?["startLine"] as? Int == 62)
        let suppressions = try #require(results[3]["suppressions"] as? [[String: Any]])
        #expect(suppressions.count == 1)
        #expect(suppressions[0]["kind"] as? String == "external")
        #expect(suppressions[0]["justification"] as? String == "area under review")
        #expect(results[0]["suppressions"] == nil)
        let invocation = try #require((run["invocations"] as? [[String: Any]])?.first)
        let notes = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notes.map { ($0["descriptor"] as? [String: Any])?["id"] as? String } == ["baseline.stale"])
    }

    @Test func theSchemaCheckRejectsAnInvalidLog() throws {
        let broken = sarif(ValidationSamples.findings).replacingOccurrences(of: "\"level\": \"warning\"", with: "\"level\": \"fatal\"")
        let violations = try ValidationSARIFSchemaCheck.violations(in: broken)
        #expect(violations.contains { $0.contains("'fatal' is not one of") })
    }

    @Test func logHeaderAndDriver() throws {
        let log = try object(ValidationSamples.findings)
        #expect(log["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect(log["version"] as? String == "2.1.0")
        let driver = try #require((try run(ValidationSamples.findings)["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "samverkan")
        #expect(driver["version"] as? String == "0.1.0")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ValidationSamples.rules.map(\.id))
        #expect((rules[7]["shortDescription"] as? [String: Any])?["text"] as? String == "Region populations add up")
        #expect((rules[7]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "warning")
    }

    @Test func resultsPointAtTheirRulesAndLocations() throws {
        let results = try #require(try run(ValidationSamples.findings)["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["coverage", "schema.minimum", "population-claim"])
        #expect(results.map { $0["ruleIndex"] as? Int } == [8, 3, 7])
        #expect(results.map { $0["level"] as? String } == ["error", "error", "warning"])
        #expect(results[0]["locations"] == nil)
        #expect((results[1]["message"] as? [String: Any])?["text"] as? String
            == "population -5 is below the minimum 0 (municipalities[1214])")
        let physical = try #require(((results[1]["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
        #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "data/municipalities.csv")
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 14 && region["startColumn"] as? Int == 23)
        #expect(results[1]["properties"] as? [String: String]
            == ["collection": "municipalities", "key": "1214", "field": "population"])
    }

    @Test func crashedRulesAreExecutionNotifications() throws {
        let invocation = try #require((try run(ValidationSamples.crashed)["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        let notification = try #require((invocation["toolExecutionNotifications"] as? [[String: Any]])?.first)
        #expect(notification["level"] as? String == "error")
        #expect((notification["associatedRule"] as? [String: Any])?["id"] as? String == "broken")
        #expect((notification["associatedRule"] as? [String: Any])?["index"] as? Int == 9)
        let text = try #require((notification["message"] as? [String: Any])?["text"] as? String)
        #expect(text == "the rule failed: \(ValidationSamples.crash.message)\n\(ValidationSamples.crash.traceback ?? "")")
        let clean = try #require((try run(ValidationSamples.clean)["invocations"] as? [[String: Any]])?.first)
        #expect(clean["executionSuccessful"] as? Bool == true)
        #expect(clean["toolExecutionNotifications"] == nil)
    }

    @Test func aLocationWithoutALineHasNoRegion() throws {
        let report = ValidationReport(diagnostics: [
            Diagnostic(.error, rule: "x", "whole file", at: SourceLocation(file: "data/a.csv", line: 0, column: 0)),
            Diagnostic(.error, rule: "x", "whole line", at: SourceLocation(file: "data/a.csv", line: 4, column: 0)),
        ])
        let results = try #require(try run(report)["results"] as? [[String: Any]])
        let physical = results.compactMap { ($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any] }
        #expect(physical.count == 2)
        #expect(physical[0]["region"] == nil)
        #expect(physical[1]["region"] as? [String: Int] == ["startLine": 4])
    }

    @Test(arguments: [
        ("data/municipalities.csv", "data/municipalities.csv"),
        ("data/my file.csv", "data/my%20file.csv"),
        ("data/my file, v2:x å.csv", "data/my%20file%2C%20v2%3Ax%20%C3%A5.csv"),
        ("a%b#c?d[e]", "a%25b%23c%3Fd%5Be%5D"),
        ("/abs/path_-.~", "/abs/path_-.~"),
    ])
    func uriEncoding(_ path: String, _ uri: String) {
        #expect(ValidationURI.encode(path) == uri)
    }
}
