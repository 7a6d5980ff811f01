import SamverkanCore

/// What a plugin declares, checked: everything `list` and `info` show.
public struct PluginInfo: Sendable {
    public var name: String
    public var kind: PluginKind
    public var description: String
    public var tags: [String]
    /// Parameters sorted by name.
    public var params: [ParamSpec]
    /// The plugin file as found on the plugin path.
    public var file: String
    public var collection: String?
    /// Collections the plugin needs besides `collection` (`requires = { … }`).
    public var requires: [String] = []
    /// The plugin reads across all collections (`requires_all = true`): `validate` skips it
    /// when any data file could not be read.
    public var requiresAll = false
    public var columns: [String]?
    /// Default order: comma-separated field paths, `-` for descending.
    public var sort: String?
    /// Default severity of `findings:add` (validations).
    public var severity: Severity
}

/// A plugin loaded into a runtime: its description and its table, kept in the registry.
public struct Plugin: Sendable {
    public let info: PluginInfo
    let tableRef: Int32
}

/// A plugin file that does not give a valid plugin, with where and why.
public struct PluginProblem: Sendable, Error, Equatable {
    public var name: String
    public var file: String
    public var line: Int?
    public var message: String

    /// `scripts/reports/x.lua:12: message`.
    public var formatted: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
