import SamverkanCore
import SamverkanLua

/// The usage error for a `--tag` that none of the plugins in question has: a mistyped tag
/// must not look like "nothing found" (`list`) or a green run of the schema rules alone
/// (`validate`).
enum UnknownTag {
    /// `no validation has the tag 'x' (did you mean 'y'?); the validations' tags are: a, b`.
    /// `kind` names the plugins in question (nil: all of them).
    static func failure(_ tag: String, kind: PluginKind?, plugins: [Plugin]) -> CLIFailure {
        let tags = Set(plugins.flatMap(\.info.tags)).sorted()
        let noun = kind?.rawValue ?? "plugin"
        let hint = didYouMean(tag, in: tags) ?? ""
        let known = tags.isEmpty ? "no \(noun) has any tag" : "the \(noun)s' tags are: " + tags.joined(separator: ", ")
        return .usage("no \(noun) has the tag '\(tag)'\(hint); \(known)")
    }

    /// Whether any of `plugins` has `tag`.
    static func isUsed(_ tag: String, by plugins: [Plugin]) -> Bool {
        plugins.contains { $0.info.tags.contains(tag) }
    }
}
