import SamverkanCore
import SamverkanLua

/// The text of `samverkan list`: one aligned line per plugin, then the shadowed files.
enum PluginListText {
    static func render(_ plugins: [Plugin], shadowed: [PluginFile], catalog: PluginCatalog) -> String {
        guard !plugins.isEmpty else { return "No plugins found on the plugin path.\n" }
        let nameWidth = max(4, plugins.map(\.info.name.count).max() ?? 0)
        let tagTexts = plugins.map { $0.info.tags.joined(separator: ",") }
        let tagWidth = max(4, tagTexts.map(\.count).max() ?? 0)
        var out = SchemaText.pad("NAME", nameWidth) + "  " + SchemaText.pad("KIND", 10) + "  "
            + SchemaText.pad("TAGS", tagWidth) + "  DESCRIPTION\n"
        for (plugin, tags) in zip(plugins, tagTexts) {
            out += SchemaText.pad(plugin.info.name, nameWidth) + "  " + SchemaText.pad(plugin.info.kind.rawValue, 10)
                + "  " + SchemaText.pad(tags, tagWidth) + "  " + firstLine(plugin.info.description)
            out = out.trimmingTrailingSpaces() + "\n"
        }
        if !shadowed.isEmpty {
            out += "\nShadowed (an earlier folder on the plugin path has the same name):\n"
            for file in shadowed {
                let winner = catalog.file(named: file.name)?.path ?? "?"
                out += "  \(file.path) (hidden by \(winner))\n"
            }
        }
        return out
    }

    static func firstLine(_ text: String) -> String {
        String(text.split(separator: "\n", omittingEmptySubsequences: true).first ?? "")
    }
}

/// The JSON of `samverkan list`.
enum PluginListJSON {
    static func render(_ plugins: [Plugin], problems: [PluginProblem], shadowed: [PluginFile], catalog: PluginCatalog) -> String {
        var items: [JSONValue] = plugins.map { plugin in
            .object([
                ("name", .string(plugin.info.name)), ("kind", .string(plugin.info.kind.rawValue)),
                ("description", .string(plugin.info.description)), ("tags", .array(plugin.info.tags.map(JSONValue.string))),
                ("file", .string(plugin.info.file)), ("params", .array(plugin.info.params.map(PluginInfoJSON.param))),
                ("shadows", .array(shadowed.filter { $0.name == plugin.info.name }.map { .string($0.path) })),
            ])
        }
        items = items.isEmpty ? [] : items
        let document = JSONValue.object([
            ("plugins", .array(items)),
            ("problems", .array(problems.map { problem in
                .object([("name", .string(problem.name)), ("file", .string(problem.file)),
                         ("line", problem.line.map { .integer($0) } ?? .null), ("message", .string(problem.message))])
            })),
        ])
        return document.pretty() + "\n"
    }
}
