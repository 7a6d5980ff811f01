/// Writes a baseline file: every finding given as an accepted entry, in the order given
/// (the order `validate` prints them), one entry per fingerprint. The YAML is written by
/// hand, every string double-quoted, so that the file reads the same from run to run and
/// any message (quotes, colons, line breaks) comes back as it was.
public enum BaselineWriter {
    /// The file's text. `previous` entries keep their `reason` and `expires` when their
    /// finding is written again, so rewriting a baseline loses nobody's notes.
    public static func text(for findings: [Diagnostic], previous: [BaselineEntry] = []) -> String {
        var kept: [String: BaselineEntry] = [:]
        for entry in previous where kept[entry.fingerprint] == nil { kept[entry.fingerprint] = entry }
        var lines = [
            "# samverkan validate baseline: findings accepted for now.",
            "# A finding whose fingerprint is here does not fail the run; it is counted and listed as",
            "# suppressed (samverkan validate --show-suppressed). Say in reason why it is accepted, and",
            "# in expires (YYYY-MM-DD) the last day it is: after that day it fails again. An entry that",
            "# matches no finding any more is reported as stale: remove it. The other keys are for",
            "# people to read; only the fingerprint is matched. See docs/validate.md.",
            "version: 1",
        ]
        var seen = Set<String>()
        var entries: [String] = []
        for finding in findings {
            let fingerprint = finding.fingerprint
            guard seen.insert(fingerprint).inserted else { continue }
            let old = kept[fingerprint]
            var entry = ["  - fingerprint: \(quoted(fingerprint))", "    rule: \(quoted(finding.rule))"]
            if let collection = finding.collection { entry.append("    collection: \(quoted(collection))") }
            if let key = finding.key { entry.append("    key: \(quoted(key))") }
            if let field = finding.field { entry.append("    field: \(quoted(field))") }
            entry.append("    message: \(quoted(finding.message))")
            entry.append("    reason: \(quoted(old?.reason ?? ""))")
            entry.append("    expires: \(old?.expires.map(quoted) ?? "null")")
            entries.append(entry.joined(separator: "\n"))
        }
        lines.append(entries.isEmpty ? "entries: []" : "entries:")
        return (lines + entries).joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted scalar. A JSON string is one (YAML 1.2 took JSON's escapes);
    /// on top, the characters YAML does not allow in a file even inside quotes (DEL, the C1
    /// controls, the line and paragraph separators, a byte order mark) are escaped too.
    static func quoted(_ text: String) -> String {
        var out = ""
        for scalar in JSONValue.quote(text).unicodeScalars {
            let v = scalar.value
            if v == 0x7F || (0x80..<0xA0).contains(v) || v == 0x2028 || v == 0x2029 || v == 0xFEFF {
                let hex = String(v, radix: 16, uppercase: true)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
