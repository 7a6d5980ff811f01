import SamverkanCore

/// The closing line of `text` and `github` output (SPEC §7.4).
///
/// Grammar, exactly (N is a count written with `NumberFormat` for the locale, so
/// `1 014` in sv and `1,014` in en; a noun is singular when its count is 1, else plural):
///
///     summary  = errors ", " warnings " in " records " (" rules ")" [ "; " failed ]
///     errors   = N " error"   | N " errors"
///     warnings = N " warning" | N " warnings"
///     records  = N " record"  | N " records"
///     rules    = N " rule"    | N " rules"
///     failed   = N " rule failed" | N " rules failed"      (only when N > 0)
///
/// then, each only when its N > 0, in this order:
///
///     "; " N " suppressed by the baseline"
///     "; " N " follow-on finding folded" | N " follow-on findings folded"
///     "; " N " more not shown (--max-findings)"
///     "; " N " stale baseline entry" | N " stale baseline entries"
///
/// Both counts are always printed, zeros too, so the line reads the same in every run:
/// `0 errors, 0 warnings in 5 777 records (12 rules)`,
/// `2 errors, 1 warning in 1 014 records (9 rules); 1 rule failed`.
/// `rules` counts every rule that ran, the crashed ones included. The words stay
/// English in both locales, like the rule ids and severities before them.
struct ValidationSummary {
    let report: ValidationReport
    let locale: OutputLocale

    /// The summary line, without a line break.
    var line: String {
        var text = "\(count(report.errorCount, "error")), \(count(report.warningCount, "warning"))"
        text += " in \(count(report.recordCount, "record")) (\(count(report.effectiveRules.count, "rule")))"
        if !report.failedRules.isEmpty {
            text += "; \(count(report.failedRules.count, "rule")) failed"
        }
        if !report.suppressed.isEmpty { text += "; \(number(report.suppressed.count)) suppressed by the baseline" }
        if !report.followOn.isEmpty { text += "; \(count(report.followOn.count, "follow-on finding")) folded" }
        if report.notShownCount > 0 { text += "; \(number(report.notShownCount)) more not shown (--max-findings)" }
        if report.staleCount > 0 {
            text += "; \(number(report.staleCount)) stale baseline \(report.staleCount == 1 ? "entry" : "entries")"
        }
        return text
    }

    /// `1 error`, `2 errors`, `1 014 records`.
    private func count(_ n: Int, _ noun: String) -> String {
        "\(number(n)) \(noun)\(n == 1 ? "" : "s")"
    }

    private func number(_ n: Int) -> String { NumberFormat(locale: locale).number(Double(n)) }
}
