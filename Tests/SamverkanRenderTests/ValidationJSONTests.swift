import Foundation
import SamverkanCore
import Testing
@testable import SamverkanRender

@Suite struct ValidationJSONTests {
    private let options = RenderOptions(locale: .sv)

    @Test func findingsInFixedKeyOrderWithNulls() {
        let json = renderValidation(ValidationSamples.findings, as: .json, options: options)
        let fingerprints = ValidationSamples.findings.diagnostics.sortedByLocation().map(\.fingerprint)
        #expect(json == """
            {
              "findings": [
                {
                  "file": null,
                  "line": null,
                  "column": null,
                  "sheet": null,
                  "severity": "error",
                  "rule": "coverage",
                  "message": "no priority for 2025",
                  "collection": "priorities",
                  "key": null,
                  "field": null,
                  "origin": "scripts/validations/coverage.lua:8",
                  "fingerprint": "\(fingerprints[0])"
                },
                {
                  "file": "data/municipalities.csv",
                  "line": 14,
                  "column": 23,
                  "sheet": null,
                  "severity": "error",
                  "rule": "schema.minimum",
                  "message": "population -5 is below the minimum 0",
                  "collection": "municipalities",
                  "key": "1214",
                  "field": "population",
                  "origin": null,
                  "fingerprint": "\(fingerprints[1])"
                },
                {
                  "file": "data/regions.yaml",
                  "line": 31,
                  "column": 5,
                  "sheet": null,
                  "severity": "warning",
                  "rule": "population-claim",
                  "message": "Skåne has 1 421 781 inhabitants, not 1 400 000",
                  "collection": "regions",
                  "key": "12",
                  "field": null,
                  "origin": "scripts/validations/population-claim.lua:12",
                  "fingerprint": "\(fingerprints[2])"
                }
              ],
              "follow_on": [],
              "suppressed": [],
              "baseline": null,
              "failed_rules": [],
              "summary": {
                "errors": 2,
                "warnings": 1,
                "records": 1014,
                "rules": 9,
                "failed_rules": 0,
                "suppressed": 0,
                "follow_on": 0,
                "not_shown": 0,
                "stale": 0
              }
            }

            """)
    }

    @Test func crashedRulesAndTheirTracebacks() {
        let json = renderValidation(ValidationSamples.crashed, as: .json, options: options)
        #expect(json.contains("""
              "failed_rules": [
                {
                  "rule": "broken",
                  "message": "scripts/validations/broken.lua:3: attempt to index a nil value (local 'r')",
                  "traceback": "stack traceback:\\n\\tscripts/validations/broken.lua:3: in main chunk"
                }
              ],
              "summary": {
                "errors": 2,
                "warnings": 1,
                "records": 1014,
                "rules": 10,
                "failed_rules": 1,
                "suppressed": 0,
                "follow_on": 0,
                "not_shown": 0,
                "stale": 0
              }
            }

            """))
    }

    @Test func cleanRunHasEmptyLists() {
        let json = renderValidation(ValidationSamples.clean, as: .json, options: options)
        #expect(json.hasPrefix("{\n  \"findings\": [],\n  \"follow_on\": [],\n  \"suppressed\": [],\n  \"baseline\": null,\n"
            + "  \"failed_rules\": [],\n  \"summary\": {\n    \"errors\": 0,"))
    }

    @Test func stringsAreEscapedAndReadBackUnchanged() throws {
        let report = ValidationReport(diagnostics: [ValidationSamples.awkward], recordCount: 1)
        let json = renderValidation(report, as: .json, options: options)
        #expect(json.contains(#""message": "line one\nline two\r\n100% <sure> & \"quoted\" 'single', a:b, på Å\u0001\u000bend","#))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let finding = try #require((object["findings"] as? [[String: Any]])?.first)
        #expect(finding["message"] as? String == ValidationSamples.awkward.message)
        #expect(finding["file"] as? String == "data/my file, v2:x å.csv")
        #expect(finding["key"] as? String == "a&b")
        #expect(finding["line"] as? Int == 3)
    }

    @Test func quotingCoversEveryControlCharacter() {
        #expect(JSONValue.quote("\u{00}\u{08}\u{09}\u{0C}\u{1F}\\/") == #""\u0000\b\t\f\u001f\\/""#)
    }
}
