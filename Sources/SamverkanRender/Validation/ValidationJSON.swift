import SamverkanCore

/// `--format json`: the findings, the crashed rules and a summary, in a fixed key order.
///
///     {
///       "findings": [ { "file", "line", "column", "severity", "rule", "message",
///                       "collection", "key", "field", "origin" } … ],
///       "failed_rules": [ { "rule", "message", "traceback" } … ],
///       "summary": { "errors", "warnings", "records", "rules", "failed_rules" }
///     }
///
/// Absent values are `null`; numbers are raw integers; two-space indents; a final line
/// break. docs/validate.md documents each field.
struct ValidationJSONRenderer {
    let report: ValidationReport

    func render() -> String {
        let document = JSONValue.object([
            ("findings", .array(report.sortedDiagnostics.map(finding))),
            ("failed_rules", .array(report.failedRules.map(failedRule))),
            ("summary", summary),
        ])
        return document.pretty() + "\n"
    }

    private func finding(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("file", .optional(diagnostic.location?.file)),
            ("line", .optional(diagnostic.location?.line)),
            ("column", .optional(diagnostic.location?.column)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("rule", .string(diagnostic.rule)),
            ("message", .string(diagnostic.message)),
            ("collection", .optional(diagnostic.collection)),
            ("key", .optional(diagnostic.key)),
            ("field", .optional(diagnostic.field)),
            ("origin", .optional(diagnostic.origin)),
        ])
    }

    private func failedRule(_ failed: FailedRule) -> JSONValue {
        .object([
            ("rule", .string(failed.id)),
            ("message", .string(failed.message)),
            ("traceback", .optional(failed.traceback)),
        ])
    }

    private var summary: JSONValue {
        .object([
            ("errors", .integer(report.errorCount)),
            ("warnings", .integer(report.warningCount)),
            ("records", .integer(report.recordCount)),
            ("rules", .integer(report.effectiveRules.count)),
            ("failed_rules", .integer(report.failedRules.count)),
        ])
    }
}
