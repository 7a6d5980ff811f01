import SamverkanCore
import SamverkanLua

/// The text of `samverkan info`.
enum PluginInfoText {
    static func render(_ info: PluginInfo, shadowed: [PluginFile]) -> String {
        var out = "\(info.name) (\(info.kind.rawValue))\n"
        if !info.description.isEmpty {
            out += info.description.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        out += "\n  file:        \(info.file)\n"
        if !info.tags.isEmpty { out += "  tags:        \(info.tags.joined(separator: ", "))\n" }
        if let collection = info.collection { out += "  collection:  \(collection)\n" }
        if let columns = info.columns { out += "  columns:     \(columns.joined(separator: ", "))\n" }
        if let sort = info.sort { out += "  sort:        \(sort)\n" }
        if info.kind == .validation { out += "  severity:    \(info.severity.rawValue)\n" }
        if info.params.isEmpty {
            out += "  parameters:  none\n"
        } else {
            out += "  parameters:\n"
            for param in info.params { out += "    -p \(param.summary)\n" }
        }
        for file in shadowed { out += "  shadows:     \(file.path)\n" }
        return out
    }
}

/// Plugin descriptions as JSON values.
enum PluginInfoJSON {
    static func param(_ spec: ParamSpec) -> JSONValue {
        .object([
            ("name", .string(spec.name)), ("type", .string(spec.type.rawValue)),
            ("default", spec.defaultValue.map(value) ?? .null), ("required", .bool(spec.required)),
            ("enum", spec.enumValues.map { .array($0.map(JSONValue.string)) } ?? .null),
            ("description", spec.description.map(JSONValue.string) ?? .null),
        ])
    }

    static func value(_ value: ParamValue) -> JSONValue {
        switch value {
        case .string(let s), .date(let s): .string(s)
        case .integer(let i): .integer(i)
        case .number(let d): .number(d)
        case .boolean(let b): .bool(b)
        }
    }
}
