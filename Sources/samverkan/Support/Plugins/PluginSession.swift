import SamverkanCore
import SamverkanLua

/// The knowledge base, a runtime and the plugin catalog, as the plugin commands need them.
struct PluginSession {
    let kb: KnowledgeBase
    let runtime: LuaRuntime
    let catalog: PluginCatalog
    let global: GlobalOptions

    /// Loads the data (exit 3 on errors unless --allow-invalid, or always lenient when `strict`
    /// is false), starts a runtime and finds the plugins.
    init(global: GlobalOptions, strict: Bool = true) throws(CLIFailure) {
        try self.init(global: global, kb: global.loadKnowledgeBase(strict: strict))
    }

    /// A session over a knowledge base loaded already.
    init(global: GlobalOptions, kb: KnowledgeBase) throws(CLIFailure) {
        self.global = global
        self.kb = kb
        runtime = try ScriptRunner.makeRuntime(kb: kb, global: global)
        catalog = PluginCatalog(folders: global.pluginFolders)
    }

    /// Every plugin on the path, each loaded into a state of its own (PluginCatalog.loadEach).
    func loadEach() throws(CLIFailure) -> (plugins: [LoadedPlugin], problems: [PluginProblem]) {
        do {
            return try catalog.loadEach { () throws(ScriptError) in try LuaRuntime(kb: kb, options: runtime.options) }
        } catch {
            throw ScriptRunner.failure(error, console: global.console)
        }
    }

    /// A state of its own for one more plugin, with the session's options.
    func newRuntime() throws(CLIFailure) -> LuaRuntime {
        do { return try LuaRuntime(kb: kb, options: runtime.options) } catch {
            throw ScriptRunner.failure(error, console: global.console)
        }
    }

    /// The named plugin, loaded (into `into`, else the session's runtime); unknown names are
    /// usage errors with a suggestion, broken plugins exit 4 naming the file and line, and
    /// the kind must match.
    func plugin(named name: String, kind expected: PluginKind?, into target: LuaRuntime? = nil) throws(CLIFailure) -> Plugin {
        let runtime = target ?? self.runtime
        guard let file = catalog.file(named: name) else {
            let hint = catalog.suggestion(for: name) ?? ""
            throw CLIFailure.usage("unknown plugin '\(name)'\(hint); `samverkan list` shows them all")
        }
        let plugin: Plugin
        switch runtime.loadPlugin(file) {
        case .success(let loaded): plugin = loaded
        case .failure(let problem):
            throw CLIFailure(.scriptFailed, [global.console.errorPrefix() + "invalid plugin: " + problem.formatted])
        }
        if let missing = missingCollection(of: plugin) {
            let hint = didYouMean(missing, in: kb.collections.map(\.name)) ?? ""
            throw CLIFailure.usage("'\(name)' works on the collection '\(missing)', which this data set does not have\(hint)")
        }
        if let expected, plugin.info.kind != expected {
            let command = switch plugin.info.kind {
            case .report: "samverkan report \(name)"
            case .filter: "samverkan query \(name)"
            case .validation: "samverkan validate \(name)"
            }
            throw CLIFailure.usage("'\(name)' is a \(plugin.info.kind.rawValue), not a \(expected.rawValue); run it with `\(command)`")
        }
        return plugin
    }

    /// Why `validate` passes over a plugin whose data could not be read (a file with a
    /// syntax error, a missing file): its findings would be follow-ons of that one error.
    func unreadableData(of plugin: Plugin) -> String? {
        guard let name = declaredCollections(of: plugin).first(where: kb.unreadable.contains)
                ?? (plugin.info.requiresAll ? kb.unreadable.sorted().first : nil) else { return nil }
        return "the file of collection '\(name)' could not be read; fix the error reported for it first"
    }

    /// A collection a plugin names (`collection` or `requires`) that the loaded data lacks, if any.
    func missingCollection(of plugin: Plugin) -> String? {
        declaredCollections(of: plugin).first { kb.collection($0) == nil }
    }

    /// The collections a plugin says it reads: `collection`, then `requires`.
    private func declaredCollections(of plugin: Plugin) -> [String] {
        [plugin.info.collection].compactMap { $0 } + plugin.info.requires
    }

    /// The plugin's parameters from `-p name=value` options (exit 2 when one is wrong).
    func parameters(for plugin: Plugin, _ assignments: [String]) throws(CLIFailure) -> [String: ParamValue] {
        switch ParamResolver.resolve(assignments, specs: plugin.info.params, plugin: plugin.info.name) {
        case .success(let values): return values
        case .failure(let error): throw CLIFailure.usage(error.message)
        }
    }
}
