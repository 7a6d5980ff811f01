import Foundation
import Yams

/// Reads a baseline file (docs/validate.md, "Baselines"). Every problem is a located
/// diagnostic (rule `baseline`): an unknown key (with did-you-mean), a value of the wrong
/// kind, a fingerprint that is not 16 hex digits, an `expires` that is not `YYYY-MM-DD`.
/// The file is only read.
public enum BaselineReader {
    static let entryKeys = ["fingerprint", "rule", "collection", "key", "field", "message", "reason", "expires"]
    static let topKeys = ["version", "entries"]

    /// The baseline in the file at `path` (shown as `file`), or the problems that stop it.
    public static func read(path: String, file: String) -> (baseline: Baseline?, problems: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else {
            return (nil, [Diagnostic(.error, rule: "baseline",
                "cannot read the baseline '\(file)'; write one with samverkan validate --write-baseline \(file)")])
        }
        guard let text = String(data: data, encoding: .utf8) else { return (nil, [notUTF8Diagnostic(data, file: file).asBaselineProblem]) }
        return read(text: text, file: file)
    }

    public static func read(text: String, file: String) -> (baseline: Baseline?, problems: [Diagnostic]) {
        var reader = Reader(file: file)
        let (root, problems, read) = YAMLDuplicateKeys.composeLocated(text, file: file)
        reader.problems += problems
        guard read else { return (nil, reader.problems.map(\.asBaselineProblem)) }
        let entries = reader.baseline(root)
        guard reader.problems.isEmpty else { return (nil, reader.problems.map(\.asBaselineProblem)) }
        return (Baseline(file: file, entries: entries), [])
    }

    private struct Reader {
        let file: String
        var problems: [Diagnostic] = []

        mutating func problem(_ message: String, at node: Node?) {
            problems.append(Diagnostic(.error, rule: "baseline", message,
                                       at: SourceLocation(file: file, node?.position ?? Position(line: 1, column: 1))))
        }

        mutating func baseline(_ root: Node?) -> [BaselineEntry] {
            guard let root, case .mapping(let top) = root else {
                problem("a baseline is a mapping with 'version: 1' and 'entries:'; "
                            + "write one with samverkan validate --write-baseline FILE", at: root)
                return []
            }
            var entries: [BaselineEntry] = []
            var sawVersion = false
            for (keyNode, value) in top {
                let key = keyNode.scalarText ?? ""
                switch key {
                case "version":
                    sawVersion = true
                    if value.scalarText != "1" { problem("version must be 1 (the only baseline format there is)", at: value) }
                case "entries":
                    if case .scalar(let s) = value, s.string.isEmpty || s.string == "null" || s.string == "~" { continue }
                    guard case .sequence(let list) = value else {
                        problem("entries must be a list of entries, not \(value.kindName)", at: value)
                        continue
                    }
                    for item in list { if let entry = entry(item) { entries.append(entry) } }
                default:
                    unknown(key, at: keyNode, among: BaselineReader.topKeys, in: "a baseline")
                }
            }
            if !sawVersion { problem("the baseline has no 'version: 1'; add it at the top", at: root) }
            return entries
        }

        mutating func unknown(_ key: String, at node: Node, among known: [String], in place: String) {
            let hint = didYouMean(key, in: known) ?? "; the keys are \(known.joined(separator: ", "))"
            problem("'\(key)' is not a key of \(place)\(hint)", at: node)
        }

        mutating func entry(_ node: Node) -> BaselineEntry? {
            guard case .mapping(let mapping) = node else {
                problem("an entry is a mapping (fingerprint:, rule:, …), not \(node.kindName)", at: node)
                return nil
            }
            var values: [String: String] = [:]
            var nulls = Set<String>()
            let before = problems.count
            for (keyNode, value) in mapping {
                let key = keyNode.scalarText ?? ""
                guard BaselineReader.entryKeys.contains(key) else {
                    unknown(key, at: keyNode, among: BaselineReader.entryKeys, in: "a baseline entry")
                    continue
                }
                guard case .scalar(let scalar) = value else {
                    problem("\(key) must be a single value, not \(value.kindName)", at: value)
                    continue
                }
                if scalar.style == .plain && ["", "~", "null"].contains(scalar.string) { nulls.insert(key) } else { values[key] = scalar.string }
            }
            guard let fingerprint = values["fingerprint"] else {
                problem("the entry has no fingerprint; copy the entry from samverkan validate --write-baseline", at: node)
                return nil
            }
            if fingerprint.count != 16 || !fingerprint.allSatisfy(\.isHexDigit) {
                problem("fingerprint '\(fingerprint)' is not 16 hex digits as samverkan writes them", at: value(of: "fingerprint", in: mapping))
            }
            if values["expires"] == "" { values["expires"] = nil }
            if let expires = values["expires"], !CalendarDate.isValid(expires) {
                problem("expires '\(expires)' is not a date; write YYYY-MM-DD (the last day the finding is accepted), "
                            + "or leave it empty for no end", at: value(of: "expires", in: mapping))
            }
            guard problems.count == before else { return nil }
            return BaselineEntry(fingerprint: fingerprint.lowercased(), rule: values["rule"] ?? "", collection: values["collection"],
                                 key: values["key"], field: values["field"], message: values["message"] ?? "",
                                 reason: values["reason"] ?? "", expires: values["expires"],
                                 location: SourceLocation(file: file, node.position))
        }

        private func value(of key: String, in mapping: Node.Mapping) -> Node? {
            mapping.first { $0.key.scalarText == key }?.value
        }
    }
}

extension Diagnostic {
    /// A YAML problem of the baseline file is a baseline problem, not one of the data.
    fileprivate var asBaselineProblem: Diagnostic {
        var copy = self
        copy.rule = "baseline"
        return copy
    }
}
