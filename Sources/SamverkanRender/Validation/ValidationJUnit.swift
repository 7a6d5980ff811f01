import SamverkanCore

/// `--format junit`: JUnit XML, one test case per rule that ran.
///
///     <?xml version="1.0" encoding="UTF-8"?>
///     <testsuites name="samverkan validate" tests="9" failures="2" errors="1">
///       <testsuite name="samverkan" tests="9" failures="2" errors="1" skipped="0">
///         <testcase classname="samverkan.validate" name="schema.minimum">
///           <failure message="2 findings" type="error">data/…: error[schema.minimum]: …
///     data/…: error[schema.minimum]: …</failure>
///         </testcase>
///         <testcase classname="samverkan.validate" name="schema.type"/>
///         <testcase classname="samverkan.validate" name="population-claim">
///           <error message="the rule failed: …" type="crash">stack traceback: …</error>
///         </testcase>
///       </testsuite>
///     </testsuites>
///
/// A rule with findings fails (`type` is its worst severity; the text is the findings'
/// formatted lines, sorted); a crashed rule is an error, its traceback (else its message) the text; a rule
/// that did both has both elements. `failures` and `errors` count test cases.
///
/// A rule's follow-on findings (they follow from a row that could not be read) also fail
/// it, each line marked `follow-on of FILE:LINE:COL:`; its suppressed findings do not,
/// and are listed in the test case's `<system-out>`, each with `suppressed (reason):`.
/// The baseline's notes and the count `--max-findings` left out are the suite's `<system-out>`.
struct ValidationJUnitRenderer {
    let report: ValidationReport

    func render() -> String {
        let findings = Dictionary(grouping: report.shownDiagnostics + report.followOn.sortedByLocation(), by: \.rule)
        let suppressed = Dictionary(grouping: report.sortedSuppressed, by: \.finding.rule)
        let crashes = Dictionary(grouping: report.failedRules, by: \.id)
        let rules = report.effectiveRules
        let failures = rules.count(where: { findings[$0.id] != nil })
        let errors = rules.count(where: { crashes[$0.id] != nil })
        let counts = "tests=\"\(rules.count)\" failures=\"\(failures)\" errors=\"\(errors)\""
        var lines = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<testsuites name=\"samverkan validate\" \(counts)>",
            "  <testsuite name=\"samverkan\" \(counts) skipped=\"0\">",
        ]
        for rule in rules {
            let open = "    <testcase classname=\"samverkan.validate\" name=\"\(attr(rule.id))\""
            let ruleFindings = findings[rule.id] ?? []
            let ruleCrashes = crashes[rule.id] ?? []
            let ruleSuppressed = suppressed[rule.id] ?? []
            if ruleFindings.isEmpty && ruleCrashes.isEmpty && ruleSuppressed.isEmpty {
                lines.append(open + "/>")
                continue
            }
            lines.append(open + ">")
            if !ruleFindings.isEmpty { lines.append(failure(ruleFindings)) }
            for crash in ruleCrashes { lines.append(error(crash)) }
            if !ruleSuppressed.isEmpty {
                let text = ruleSuppressed.map { "suppressed (\(ValidationTextRenderer.acceptance($0.entry))): \($0.finding.formatted)" }
                lines.append("      <system-out>\(ValidationXMLEscaping.text(text.joined(separator: "\n")))</system-out>")
            }
            lines.append("    </testcase>")
        }
        var notes = report.baselineNotes.map { note in
            (note.entry.location.map { "\($0): " } ?? "") + "note[\(note.kind.rawValue)]: \(note.message)"
        }
        if report.notShownCount > 0 { notes.append("\(report.notShownCount) more findings not shown (--max-findings)") }
        if !notes.isEmpty {
            lines.append("    <system-out>\(ValidationXMLEscaping.text(notes.joined(separator: "\n")))</system-out>")
        }
        lines += ["  </testsuite>", "</testsuites>"]
        return lines.joined(separator: "\n") + "\n"
    }

    private func failure(_ findings: [Diagnostic]) -> String {
        let worst = findings.map(\.severity).max() ?? .error
        let message = findings.count == 1 ? "1 finding" : "\(findings.count) findings"
        let text = findings.map { d in d.followsFrom.map { "follow-on of \($0): \(d.formatted)" } ?? d.formatted }
        let body = ValidationXMLEscaping.text(text.joined(separator: "\n"))
        return "      <failure message=\"\(message)\" type=\"\(worst.rawValue)\">\(body)</failure>"
    }

    private func error(_ crash: FailedRule) -> String {
        let body = ValidationXMLEscaping.text(crash.traceback ?? crash.message)
        let message = attr("the rule failed: \(crash.message)")
        return "      <error message=\"\(message)\" type=\"crash\">\(body)</error>"
    }

    private func attr(_ value: String) -> String { ValidationXMLEscaping.attribute(value) }
}
