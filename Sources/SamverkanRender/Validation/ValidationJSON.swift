import SamverkanCore

/// `--format json`: the findings, the crashed rules and a summary, in a fixed key order.
///
///     {
///       "findings": [ { "file", "line", "column", "sheet", "severity", "rule", "message",
///                       "collection", "key", "field", "origin", "fingerprint" } … ],
///       "follow_on": [ { …, "follows_from": { "file", "line", "column" } } … ],
///       "suppressed": [ { …, "reason", "expires" } … ],
///       "baseline": null | { "file", "notes": [ { "kind", "message", "file", "line", "column",
///                                                  "fingerprint" } … ] },
///       "failed_rules": [ { "rule", "message", "traceback" } … ],
///       "summary": { "errors", "warnings", "records", "rules", "failed_rules",
///                    "suppressed", "follow_on", "not_shown", "stale" }
///     }
///
/// `findings` are those that count (`errors` and `warnings` count them), at most
/// `--max-findings` of them (`not_shown` counts the rest); `follow_on` are those folded
/// under a row that could not be read (they count for the exit code); `suppressed` are
/// those the baseline accepts. Absent values are `null`; numbers are raw integers;
/// two-space indents; a final line break. docs/validate.md documents each field.
struct ValidationJSONRenderer {
    let report: ValidationReport

    func render() -> String {
        let document = JSONValue.object([
            ("findings", .array(report.shownDiagnostics.map { .object(finding($0)) })),
            ("follow_on", .array(report.followOn.sortedByLocation().map { d in
                .object(finding(d) + [("follows_from", d.followsFrom.map(location) ?? .null)])
            })),
            ("suppressed", .array(report.sortedSuppressed.map { s in
                .object(finding(s.finding) + [("reason", .string(s.entry.reason)), ("expires", .optional(s.entry.expires))])
            })),
            ("baseline", baseline),
            ("failed_rules", .array(report.failedRules.map(failedRule))),
            ("summary", summary),
        ])
        return document.pretty() + "\n"
    }

    private func finding(_ diagnostic: Diagnostic) -> [(String, JSONValue)] {
        [
            ("file", .optional(diagnostic.location?.file)),
            ("line", .optional(diagnostic.location?.line)),
            ("column", .optional(diagnostic.location?.column)),
            ("sheet", .optional(diagnostic.location?.sheet)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("rule", .string(diagnostic.rule)),
            ("message", .string(diagnostic.message)),
            ("collection", .optional(diagnostic.collection)),
            ("key", .optional(diagnostic.key)),
            ("field", .optional(diagnostic.field)),
            ("origin", .optional(diagnostic.origin)),
            ("fingerprint", .string(diagnostic.fingerprint)),
        ]
    }

    private func location(_ location: SourceLocation) -> JSONValue {
        .object([("file", .string(location.file)), ("line", .integer(location.line)), ("column", .integer(location.column))])
    }

    private var baseline: JSONValue {
        guard let file = report.baselineFile else { return .null }
        return .object([
            ("file", .string(file)),
            ("notes", .array(report.baselineNotes.map { note in
                .object([
                    ("kind", .string(note.kind.rawValue)),
                    ("message", .string(note.message)),
                    ("file", .optional(note.entry.location?.file)),
                    ("line", .optional(note.entry.location?.line)),
                    ("column", .optional(note.entry.location?.column)),
                    ("fingerprint", .string(note.entry.fingerprint)),
                ])
            })),
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
            ("suppressed", .integer(report.suppressed.count)),
            ("follow_on", .integer(report.followOn.count)),
            ("not_shown", .integer(report.notShownCount)),
            ("stale", .integer(report.staleCount)),
        ])
    }
}
