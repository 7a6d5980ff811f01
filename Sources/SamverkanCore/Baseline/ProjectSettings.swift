import Foundation
import Yams

/// `samverkan.yaml`, beside the data folder: the project's settings for CI, so that a
/// workflow needs no flags. It holds one key so far:
///
///     baseline: samverkan-baseline.yaml   # relative to samverkan.yaml
///
/// Flags win over the environment (`SAMVERKAN_BASELINE`), which wins over this file.
/// An unknown key or a value of the wrong kind is a located error, never passed over.
public struct ProjectSettings: Sendable, Equatable {
    public static let fileName = "samverkan.yaml"
    static let keys = ["baseline"]

    /// The baseline file, as written in samverkan.yaml, and resolved against its folder.
    public var baseline: String?
    public var baselinePath: String?

    /// The settings in `path` (shown as `file`); nil settings and no problems when there is
    /// no such file.
    public static func read(path: String, file: String) -> (settings: ProjectSettings?, problems: [Diagnostic]) {
        guard let data = FileManager.default.contents(atPath: path) else { return (nil, []) }
        guard let text = String(data: data, encoding: .utf8) else { return (nil, [notUTF8Diagnostic(data, file: file)]) }
        let (root, composeProblems, read) = YAMLDuplicateKeys.composeLocated(text, file: file)
        var problems = composeProblems
        guard read else { return (nil, problems) }
        func problem(_ message: String, _ node: Node?) {
            problems.append(Diagnostic(.error, rule: "settings", message,
                                       at: SourceLocation(file: file, node?.position ?? Position(line: 1, column: 1))))
        }
        var settings = ProjectSettings()
        guard let root else { return (settings, problems) }
        guard case .mapping(let mapping) = root else {
            problem("\(fileName) is a mapping of settings (baseline: FILE), not \(root.kindName)", root)
            return (nil, problems)
        }
        for (keyNode, value) in mapping {
            let key = keyNode.scalarText ?? ""
            guard key == "baseline" else {
                let hint = didYouMean(key, in: keys) ?? "; the settings are \(keys.joined(separator: ", "))"
                problem("'\(key)' is not a setting of \(fileName)\(hint)", keyNode)
                continue
            }
            guard let text = value.scalarText, !text.isEmpty else {
                problem("baseline must name a file, e.g. baseline: samverkan-baseline.yaml", value)
                continue
            }
            settings.baseline = text
            let folder = (path as NSString).deletingLastPathComponent
            settings.baselinePath = text.hasPrefix("/") ? text : (folder.isEmpty ? text : (folder as NSString).appendingPathComponent(text))
        }
        return problems.isEmpty ? (settings, []) : (nil, problems)
    }
}
