import ArgumentParser
import SamverkanCore
import SamverkanLua

/// `samverkan types` — LuaLS annotations for `kb`, from the schema (SPEC §7.1).
struct TypesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "types",
        abstract: "Write Lua language server (LuaLS) annotations for kb, from the schema.",
        discussion: """
            Save them in a folder your editor's Lua language server reads (named in \
            workspace.library of .luarc.json) to get completion and checks for \
            kb.<collection>, record fields and relations, fmt, text, out and findings:
              mkdir -p types && samverkan types -o types/samverkan.lua
              echo '{ "workspace.library": ["types"] }' > .luarc.json
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customShort("o"), help: ArgumentHelp("Write to FILE (atomically) instead of stdout.", valueName: "FILE"))
    var output: String?

    func run() throws {
        // Only the schema matters: errors in data files do not change the annotations.
        let kb = try global.loadKnowledgeBase(strict: false)
        let schemaErrors = kb.diagnostics.filter { $0.severity == .error && $0.location?.file == kb.schema.file }
        guard schemaErrors.isEmpty else {
            let console = global.console
            let noun = schemaErrors.count == 1 ? "error" : "errors"
            throw CLIFailure(.invalidData, schemaErrors.map(console.format)
                + ["\(console.errorPrefix())\(kb.schema.file) has \(schemaErrors.count) \(noun); fix the schema first"])
        }
        let text = LuaAnnotations.render(kb.schema)
        if let output { try AtomicFile.write(text, to: output) } else { global.console.out(text) }
    }
}
