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
        let followOn = report.followOnByCause
        for diagnostic in report.shownDiagnostics {
            lines.append(line(diagnostic))
            guard let location = diagnostic.location, let folded = followOn[location] else { continue }
            if report.show.followOn {
                lines += folded.map { "    ↳ " + line($0) }
            } else {
                let noun = folded.count == 1 ? "follow-on finding" : "follow-on findings"
                lines.append("    … and \(number(folded.count)) \(noun) (samverkan validate --show-follow-on)")
            }
        }
        if report.notShownCount > 0 {
            lines.append("… and \(number(report.notShownCount)) more not shown (--max-findings \(report.show.maxFindings ?? 0))")
        }
        for failed in report.failedRules {
            let label = paint(VisibleText.visible("error[\(failed.id)]"), .error)
            lines.append(indented("\(label): the rule failed: \(VisibleText.visible(failed.message))"))
            if let traceback = failed.traceback, !traceback.isEmpty {
                lines.append(indented("    " + VisibleText.visible(traceback)))
            }
        }
        for note in report.baselineNotes {
            let location = note.entry.location.map { "\($0): " } ?? ""
            lines.append(VisibleText.visible("\(location)note[\(note.kind.rawValue)]: \(note.message)"))
        }
        if report.show.suppressed && !report.suppressed.isEmpty {
            lines.append("suppressed by the baseline \(VisibleText.visible(report.baselineFile ?? "")):")
            for suppressed in report.sortedSuppressed {
                lines.append("    " + line(suppressed.finding))
                lines.append("        " + VisibleText.visible(Self.acceptance(suppressed.entry)))
            }
        }
        if options.summary { lines.append(ValidationSummary(report: report, locale: options.locale).line) }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }

    /// `accepted: area under review (until 2027-06-30)`, what a suppressed finding's entry says.
    static func acceptance(_ entry: BaselineEntry) -> String {
        let reason = entry.reason.isEmpty ? "no reason given" : entry.reason
        return "accepted: \(reason)" + (entry.expires.map { " (until \($0))" } ?? "")
    }

    /// One finding: `file:line:col: severity[rule]: message (notes)`, made visible.
    private func line(_ diagnostic: Diagnostic) -> String {
        // What comes from the data or a script is made visible (VisibleText): no escape
        // sequence in a value reaches the terminal; the colours are the renderer's own.
        // Line breaks of every kind break (`indented`); the rest is made visible.
        let v = { (text: String) in
            guard text.utf8.contains(13) else { return VisibleText.visible(text) }
            return VisibleText.visible(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
        }
        let prefix = diagnostic.location.map { v("\($0): ") } ?? ""
        return indented(prefix + paint(v(diagnostic.severityAndRule), diagnostic.severity) + ": "
                            + v(Self.withShortMessage(diagnostic).messageWithNotes))
    }

    private func number(_ n: Int) -> String { NumberFormat(locale: options.locale).number(Double(n)) }

    /// The `severity[rule]` label in bold red (errors) or bold yellow (warnings), with colour on.
    private func paint(_ label: String, _ severity: Severity) -> String {
        guard options.color else { return label }
        let code = severity == .error ? "1;31" : "1;33"
        return "\u{1B}[\(code)m\(label)\u{1B}[0m"
    }

    /// The most characters of a message the text format shows: a terminal or a log is read
    /// by people, and 3 000 findings of 100 KB each would be 300 MB of it.
    static let maximumMessage = 4_000

    /// The diagnostic with its message (not its notes) cut to ``maximumMessage``.
    static func withShortMessage(_ diagnostic: Diagnostic) -> Diagnostic {
        var copy = diagnostic
        copy.message = shortened(diagnostic.message)
        return copy
    }

    /// `message`, cut after ``maximumMessage`` characters with a note of how long it is.
    static func shortened(_ message: String) -> String {
        guard message.utf8.count > maximumMessage, message.count > maximumMessage else { return message }
        return String(message.prefix(maximumMessage))
            + " … (cut: \(message.count) characters in all; --format json has the whole message)"
    }

    /// Indents every line after the first by four spaces (`\r\n`, `\r` and `\n` all break).
    private func indented(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 10 || $0 == 13 }) else { return text }
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        return parts.joined(separator: "\n    ")
    }
}
