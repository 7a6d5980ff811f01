import SamverkanCore

/// `--format text`: the compiler-style lines of SPEC §7.4, then the summary.
///
///     data/municipalities.csv:14:23: error[schema.minimum]: population -5 is below the minimum 0 (municipalities[1214])
///     error[population-claim]: the rule failed: scripts/validations/population-claim.lua:7: attempt to index a nil value
///         stack traceback:
///         …
///     2 errors, 1 warning in 1 014 records (9 rules); 1 rule failed
///
/// One line per finding (`Diagnostic.formatted`), sorted; then one line per crashed rule
/// with its traceback indented by four spaces; then `ValidationSummary`. A message that
/// holds line breaks keeps them, its later lines indented by four spaces, so every line
/// that starts in column 1 is a finding, a crash or the summary. With `-q` (no summary)
/// nothing found prints nothing.
struct ValidationTextRenderer {
    let report: ValidationReport
    let options: RenderOptions

    func render() -> String {
        var lines: [String] = []
        for diagnostic in report.sortedDiagnostics {
            // What comes from the data or a script is made visible (VisibleText): no escape
            // sequence in a value reaches the terminal; the colours are the renderer's own.
            // Line breaks of every kind break (`indented`); the rest is made visible.
            let v = { (text: String) in
                VisibleText.visible(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
            }
            let prefix = diagnostic.location.map { v("\($0): ") } ?? ""
            let line = prefix + paint(v(diagnostic.severityAndRule), diagnostic.severity) + ": " + v(diagnostic.messageWithNotes)
            lines.append(indented(line))
        }
        for failed in report.failedRules {
            let label = paint(VisibleText.visible("error[\(failed.id)]"), .error)
            lines.append(indented("\(label): the rule failed: \(VisibleText.visible(failed.message))"))
            if let traceback = failed.traceback, !traceback.isEmpty {
                lines.append(indented("    " + VisibleText.visible(traceback)))
            }
        }
        if options.summary { lines.append(ValidationSummary(report: report, locale: options.locale).line) }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// The `severity[rule]` label in bold red (errors) or bold yellow (warnings), with colour on.
    private func paint(_ label: String, _ severity: Severity) -> String {
        guard options.color else { return label }
        let code = severity == .error ? "1;31" : "1;33"
        return "\u{1B}[\(code)m\(label)\u{1B}[0m"
    }

    /// Indents every line after the first by four spaces (`\r\n`, `\r` and `\n` all break).
    private func indented(_ text: String) -> String {
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        return parts.joined(separator: "\n    ")
    }
}
