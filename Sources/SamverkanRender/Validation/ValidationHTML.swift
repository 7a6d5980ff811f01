import SamverkanCore

/// `--format html`: one self-contained data-quality page (inline CSS, no scripts, nothing
/// fetched) a publisher can attach to a memo or keep as a CI artefact.
///
/// In order: the run (time, data set, baseline) and the summary line; counts by collection
/// and rule; every finding that counts, with its data line shown between its neighbours and
/// the cell marked; the follow-on findings under their cause; the suppressed findings with
/// their reasons; notes on the baseline's entries; the rules that crashed; the rules that
/// ran, with their descriptions; the collections with their files and record counts.
/// Every piece of text is escaped.
struct ValidationHTMLRenderer {
    let report: ValidationReport
    let options: RenderOptions

    func render() -> String {
        let context = report.context
        let title = "Data quality" + (context.dataFolder.map { ": \($0)" } ?? "")
        var html = [
            "<!doctype html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(e(title))</title>",
            "<style>",
            HTMLStyle.css,
            Self.css,
            "</style>",
            "</head>",
            "<body>",
            "<main>",
            "<h1>\(e(title))</h1>",
        ]
        html += overview()
        html += countsTable()
        html += findingsSection()
        html += followOnSection()
        html += suppressedSection()
        html += notesSection()
        html += crashesSection()
        html += rulesSection()
        html += dataSection()
        html += ["</main>", "</body>", "</html>"]
        return html.joined(separator: "\n") + "\n"
    }

    static let css = """
    .status { font-size: 1.1rem; font-weight: 600; padding: .6rem 1rem; border-radius: 6px; margin: 0 0 1rem; }
    .status.fails { background: #ffebe9; color: #82071e; }
    .status.passes { background: #dafbe1; color: #116329; }
    .finding { border: 1px solid var(--rule); border-radius: 6px; padding: .6rem .9rem; margin: 0 0 .9rem; break-inside: avoid; }
    .finding header { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85rem; color: var(--muted); }
    .finding p { margin: .3rem 0; }
    .badge { display: inline-block; font-weight: 700; border-radius: 4px; padding: 0 .35rem; color: #fff; }
    .badge.error { background: #cf222e; }
    .badge.warning { background: #9a6700; }
    pre.excerpt { background: #f6f8fa; border-radius: 4px; padding: .4rem .6rem; overflow-x: auto; margin: .4rem 0 0;
      font: .85rem/1.45 ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
    pre.excerpt .ln { color: var(--muted); user-select: none; }
    pre.excerpt .here { background: #fff8c5; display: inline-block; min-width: 100%; }
    pre.excerpt mark { background: #ffd8b5; outline: 1px solid #cf222e; border-radius: 2px; }
    .folded { color: var(--muted); font-size: .9rem; }
    td.zero { color: var(--muted); }
    """

    // MARK: - Sections

    private func overview() -> [String] {
        let errors = report.errorCount, warnings = report.warningCount
        let followOn = report.followOn.isEmpty ? "" : " (and \(number(report.followOn.count)) follow-on findings under them)"
        let status: String
        if errors > 0 || report.followOn.contains(where: { $0.severity == .error }) {
            status = "<p class=\"status fails\">Not ready to publish: \(count(errors, "error")) and \(count(warnings, "warning"))\(followOn).</p>"
        } else if !report.failedRules.isEmpty {
            status = "<p class=\"status fails\">\(count(report.failedRules.count, "rule")) could not run; the data is not fully checked.</p>"
        } else {
            status = "<p class=\"status passes\">No errors\(warnings > 0 ? "; \(count(warnings, "warning")) to look at" : "").</p>"
        }
        var facts: [(String, String)] = []
        if let time = report.context.time { facts.append(("Run", time)) }
        let collections = report.context.collections
        facts.append(("Data", "\(count(report.recordCount, "record"))"
            + (collections.isEmpty ? "" : " in \(count(collections.count, "collection"))")
            + (report.context.dataFolder.map { " (\($0))" } ?? "")))
        facts.append(("Rules", "\(report.effectiveRules.count)"))
        facts.append(("Baseline", report.baselineFile.map { "\($0): \(count(report.suppressed.count, "finding")) suppressed" } ?? "none"))
        if let version = report.toolVersion { facts.append(("Tool", "samverkan \(version)")) }
        var lines = [status, "<dl class=\"facts\">"]
        lines += facts.map { "<dt>\(e($0.0))</dt><dd>\(e($0.1))</dd>" }
        lines.append("</dl>")
        lines.append("<p>\(e(ValidationSummary(report: report, locale: options.locale).line))</p>")
        return lines
    }

    /// Counts by collection and rule: errors and warnings that count, follow-on, suppressed.
    private func countsTable() -> [String] {
        struct Counts { var errors = 0, warnings = 0, followOn = 0, suppressed = 0 }
        var counts: [String: Counts] = [:]
        var order: [String] = []
        func add(_ d: Diagnostic, _ update: (inout Counts) -> Void) {
            let group = "\(d.collection ?? "")\u{1F}\(d.rule)"
            if counts[group] == nil { order.append(group) }
            update(&counts[group, default: Counts()])
        }
        for d in report.diagnostics { add(d) { if d.severity == .error { $0.errors += 1 } else { $0.warnings += 1 } } }
        for d in report.followOn { add(d) { $0.followOn += 1 } }
        for s in report.suppressed { add(s.finding) { $0.suppressed += 1 } }
        var lines = ["<h2>Summary by collection and rule</h2>"]
        guard !order.isEmpty else { return lines + ["<p>Nothing found.</p>"] }
        lines.append("<table>")
        lines.append("<thead><tr><th>Collection</th><th>Rule</th><th class=\"num\">Errors</th><th class=\"num\">Warnings</th>"
            + "<th class=\"num\">Follow-on</th><th class=\"num\">Suppressed</th></tr></thead>")
        lines.append("<tbody>")
        for group in order.sorted() {
            let parts = group.split(separator: "\u{1F}", omittingEmptySubsequences: false)
            let c = counts[group] ?? Counts()
            let cells = [c.errors, c.warnings, c.followOn, c.suppressed].map { n in
                "<td class=\"num\(n == 0 ? " zero" : "")\">\(number(n))</td>"
            }.joined()
            let collection = parts[0].isEmpty ? "—" : String(parts[0])
            lines.append("<tr><td>\(e(collection))</td><td><code>\(e(String(parts[1])))</code></td>\(cells)</tr>")
        }
        lines += ["</tbody>", "</table>"]
        return lines
    }

    private func findingsSection() -> [String] {
        var lines = ["<h2>Findings (\(number(report.diagnostics.count)))</h2>"]
        if report.diagnostics.isEmpty { return lines + ["<p>No finding counts against the data.</p>"] }
        let folded = report.followOnByCause
        for d in report.shownDiagnostics {
            var extra: [String] = []
            if let location = d.location, let follows = folded[location] {
                extra.append("<p class=\"folded\">… and \(count(follows.count, "follow-on finding")) "
                    + "(listed under Follow-on findings below)</p>")
            }
            lines.append(finding(d, extra: extra))
        }
        if report.notShownCount > 0 {
            lines.append("<p class=\"note\">… and \(number(report.notShownCount)) more not shown (--max-findings "
                + "\(report.show.maxFindings ?? 0)).</p>")
        }
        return lines
    }

    private func followOnSection() -> [String] {
        guard !report.followOn.isEmpty else { return [] }
        var lines = ["<h2>Follow-on findings (\(number(report.followOn.count)))</h2>",
                     "<p>These follow only from a row that could not be read; fix that row first and validate again.</p>"]
        for (cause, follows) in report.followOnByCause.sorted(by: { $0.key < $1.key }) {
            lines.append("<h3>From \(e(cause.description)) (\(number(follows.count)))</h3>")
            lines += follows.map { finding($0, extra: []) }
        }
        return lines
    }

    private func suppressedSection() -> [String] {
        guard !report.suppressed.isEmpty else { return [] }
        var lines = ["<h2>Suppressed by the baseline (\(number(report.suppressed.count)))</h2>",
                     "<p>Accepted in \(e(report.baselineFile ?? "the baseline")); they do not fail the run.</p>"]
        for s in report.sortedSuppressed {
            lines.append(finding(s.finding, extra: ["<p class=\"folded\">\(e(ValidationTextRenderer.acceptance(s.entry)))</p>"]))
        }
        return lines
    }

    private func notesSection() -> [String] {
        guard !report.baselineNotes.isEmpty else { return [] }
        var lines = ["<h2>Baseline entries to look at (\(number(report.baselineNotes.count)))</h2>", "<ul>"]
        for note in report.baselineNotes {
            let location = note.entry.location.map { "<code>\(e($0.description))</code>: " } ?? ""
            lines.append("<li>\(location)<code>\(e(note.kind.rawValue))</code>: \(e(note.message))</li>")
        }
        lines.append("</ul>")
        return lines
    }

    private func crashesSection() -> [String] {
        guard !report.failedRules.isEmpty else { return [] }
        var lines = ["<h2>Rules that failed (\(number(report.failedRules.count)))</h2>"]
        for failed in report.failedRules {
            lines.append("<div class=\"finding\"><header><span class=\"badge error\">error</span> <code>\(e(failed.id))</code></header>")
            lines.append("<p>The rule failed: \(e(failed.message))</p>")
            if let traceback = failed.traceback, !traceback.isEmpty { lines.append("<pre class=\"excerpt\">\(e(traceback))</pre>") }
            lines.append("</div>")
        }
        return lines
    }

    private func rulesSection() -> [String] {
        var lines = ["<h2>Rules that ran (\(number(report.effectiveRules.count)))</h2>", "<table>",
                     "<thead><tr><th>Rule</th><th>Checks</th><th>Severity</th><th>File</th></tr></thead>", "<tbody>"]
        for rule in report.effectiveRules {
            lines.append("<tr><td><code>\(e(rule.id))</code></td><td>\(e(rule.description))</td>"
                + "<td>\(e(rule.defaultSeverity.rawValue))</td><td>\(rule.file.map { "<code>\(e($0))</code>" } ?? "built in")</td></tr>")
        }
        lines += ["</tbody>", "</table>"]
        return lines
    }

    private func dataSection() -> [String] {
        let collections = report.context.collections
        guard !collections.isEmpty else { return [] }
        var lines = ["<h2>Data set</h2>", "<table>",
                     "<thead><tr><th>Collection</th><th>File</th><th class=\"num\">Records</th></tr></thead>", "<tbody>"]
        for c in collections {
            lines.append("<tr><td>\(e(c.name))</td><td><code>\(e(c.file))</code></td><td class=\"num\">\(number(c.records))</td></tr>")
        }
        lines.append("<tr><th>All</th><th></th><th class=\"num\">\(number(report.recordCount))</th></tr>")
        lines += ["</tbody>", "</table>"]
        return lines
    }

    // MARK: - One finding

    private func finding(_ d: Diagnostic, extra: [String]) -> String {
        var header = "<span class=\"badge \(d.severity.rawValue)\">\(d.severity.rawValue)</span> <code>\(e(d.rule))</code>"
        if let location = d.location { header += " · <code>\(e(location.description))</code>" }
        if let subject = d.subject { header += " · \(e(subject))" }
        var parts = ["<div class=\"finding\">", "<header>\(header)</header>",
                     "<p>\(e(ValidationTextRenderer.shortened(d.message)))</p>"]
        if let origin = d.origin { parts.append("<p class=\"note\">reported by <code>\(e(origin))</code></p>") }
        if let excerpt = excerpt(d.location) { parts.append(excerpt) }
        parts += extra
        parts.append("</div>")
        return parts.joined(separator: "\n")
    }

    /// The finding's line between its neighbours, numbered, with the cell marked.
    private func excerpt(_ location: SourceLocation?) -> String? {
        guard let location, location.line > 0, let lines = report.context.excerpts[location.file],
              let text = lines[location.line] else { return nil }
        let isCSV = location.file.lowercased().hasSuffix(".csv")
        let width = String(location.line + 1).count
        var out: [String] = []
        for line in (location.line - 1)...(location.line + 1) {
            guard let content = line == location.line ? text : lines[line] else { continue }
            let number = String(repeating: " ", count: width - String(line).count) + String(line)
            let body = line == location.line ? Self.marked(content, column: location.column, csv: isCSV) : e(Self.clipped(content))
            let row = "<span class=\"ln\">\(number) </span>\(body)"
            out.append(line == location.line ? "<span class=\"here\">\(row)</span>" : row)
        }
        return "<pre class=\"excerpt\">" + out.joined(separator: "\n") + "</pre>"
    }

    /// The most characters of a source line the page shows.
    static let lineLimit = 300

    static func clipped(_ text: String) -> String {
        text.count > lineLimit ? String(text.prefix(lineLimit)) + " …" : text
    }

    /// The line with the cell at `column` (1-based, in characters) in `<mark>`: to the next
    /// unquoted comma in a CSV file, else to the end of the line.
    static func marked(_ line: String, column: Int, csv: Bool) -> String {
        let characters = Array(line)
        let start = min(max(column - 1, 0), characters.count)
        var end = characters.count
        if csv {
            var quoted = start < characters.count && characters[start] == "\""
            var k = start + (quoted ? 1 : 0)
            while k < characters.count {
                let c = characters[k]
                if quoted {
                    if c == "\"" { quoted = false }
                } else if c == "," {
                    break
                }
                k += 1
            }
            end = k
        }
        // A long line is shown around its cell.
        let from = max(0, min(start - 40, characters.count - lineLimit))
        let to = min(characters.count, max(end, from + lineLimit))
        let before = String(characters[from..<start]), cell = String(characters[start..<max(start, min(end, to))])
        let after = String(characters[min(max(start, end), to)..<to])
        let v = { (text: String) in HTMLEscaping.escape(VisibleText.visible(text)) }
        let cellHTML = cell.isEmpty ? "<mark> </mark>" : "<mark>\(v(cell))</mark>"
        return (from > 0 ? "… " : "") + v(before) + cellHTML + v(after) + (to < characters.count ? " …" : "")
    }

    // MARK: - Words

    private func e(_ text: String) -> String { HTMLEscaping.escape(VisibleText.visible(text)) }

    private func number(_ n: Int) -> String { NumberFormat(locale: options.locale).number(Double(n)) }

    private func count(_ n: Int, _ noun: String) -> String { "\(number(n)) \(noun)\(n == 1 ? "" : "s")" }
}
