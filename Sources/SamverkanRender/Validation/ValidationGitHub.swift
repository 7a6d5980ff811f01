import SamverkanCore

/// `--format github`: GitHub Actions workflow commands, which show up as annotations.
///
///     ::error file=data/m.csv,line=14,col=23,title=schema.minimum::population -5 is below the minimum 0 (municipalities[1214])
///     ::warning title=population-claim::…
///     ::error title=population-claim::the rule failed: …%0Astack traceback: …
///     2 errors, 1 warning in 1 014 records (9 rules); 1 rule failed
///
/// One command per finding that counts, sorted (`::warning` for warnings; `file`, `line`
/// and `col` only when the finding has a location; at most `--max-findings`), one
/// `::error` per crashed rule with its traceback, one `::notice` per baseline note, then
/// the plain `ValidationSummary` line, which counts the folded and suppressed findings.
/// A finding with follow-on findings says how many follow from it.
struct ValidationGitHubRenderer {
    let report: ValidationReport
    let options: RenderOptions

    func render() -> String {
        var lines: [String] = []
        let followOn = report.followOnByCause
        for diagnostic in report.shownDiagnostics {
            var message = diagnostic.messageWithNotes
            // The annotation's line is a workbook's row: the message names the cell.
            if let cell = diagnostic.location?.cellReference { message = cell + ": " + message }
            if let location = diagnostic.location, let folded = followOn[location] {
                message += "\n… and \(folded.count) follow-on \(folded.count == 1 ? "finding" : "findings") "
                    + "(samverkan validate --show-follow-on)"
            }
            lines.append(command(diagnostic.severity.rawValue, properties(diagnostic.location, title: diagnostic.rule), message))
        }
        for failed in report.failedRules {
            var message = "the rule failed: \(failed.message)"
            if let traceback = failed.traceback, !traceback.isEmpty { message += "\n" + traceback }
            lines.append(command("error", [("title", failed.id)], message))
        }
        for note in report.baselineNotes {
            lines.append(command("notice", properties(note.entry.location, title: note.kind.rawValue), note.message))
        }
        lines.append(ValidationSummary(report: report, locale: options.locale).line)
        return lines.joined(separator: "\n") + "\n"
    }

    private func properties(_ location: SourceLocation?, title: String) -> [(String, String)] {
        var properties: [(String, String)] = []
        if let location {
            properties += [("file", location.file), ("line", String(location.line)), ("col", String(location.column))]
        }
        properties.append(("title", title))
        return properties
    }

    private func command(_ name: String, _ properties: [(String, String)], _ message: String) -> String {
        let list = properties.map { "\($0.0)=\(ValidationGitHubEscaping.property($0.1))" }.joined(separator: ",")
        return "::\(name) \(list)::\(ValidationGitHubEscaping.data(message))"
    }
}

/// Escaping for workflow commands, as the GitHub Actions runner unescapes them.
enum ValidationGitHubEscaping {
    /// The message: `%` → `%25`, CR → `%0D`, LF → `%0A`.
    static func data(_ value: String) -> String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A property value: as `data`, and also `:` → `%3A` and `,` → `%2C`.
    static func property(_ value: String) -> String {
        data(value).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
