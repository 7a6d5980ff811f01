import SamverkanCore

/// The plugins along the plugin path: the first file with a name wins, later ones are
/// shadowed; broken files are problems, and the others still work.
public struct PluginCatalog {
    /// Every plugin file, in path order.
    public let files: [PluginFile]

    public init(folders: [String]) {
        files = PluginFiles.discover(in: folders)
    }

    /// The file that wins for each name, in discovery order.
    public var winners: [PluginFile] {
        var seen = Set<String>()
        return files.filter { seen.insert($0.name).inserted }
    }

    /// Files hidden by an earlier file of the same name.
    public var shadowed: [PluginFile] {
        var seen = Set<String>()
        return files.filter { !seen.insert($0.name).inserted }
    }

    /// The winning file for a name.
    public func file(named name: String) -> PluginFile? {
        files.first { $0.name == name }
    }

    /// ` (did you mean 'x'?)` with the closest plugin name, if one is close.
    public func suggestion(for name: String) -> String? {
        didYouMean(name, in: winners.map(\.name))
    }

    /// Loads every winning plugin, each into a state of its own from `makeRuntime`: one
    /// plugin's top-level code (a replaced `string.sub`, the string metatable, a global)
    /// cannot change what another plugin sees, nor its garbage run in another's load.
    public func loadEach(_ makeRuntime: () throws(ScriptError) -> LuaRuntime) throws(ScriptError)
        -> (plugins: [LoadedPlugin], problems: [PluginProblem]) {
        var plugins: [LoadedPlugin] = []
        var problems: [PluginProblem] = []
        for file in winners {
            let runtime = try makeRuntime()
            switch runtime.loadPlugin(file) {
            case .success(let plugin): plugins.append(LoadedPlugin(plugin: plugin, runtime: runtime))
            case .failure(let problem): problems.append(problem)
            }
        }
        return (plugins, problems)
    }
}

/// A plugin and the state it was loaded into, which is where it runs.
public struct LoadedPlugin {
    public let plugin: Plugin
    public let runtime: LuaRuntime

    public var info: PluginInfo { plugin.info }

    public init(plugin: Plugin, runtime: LuaRuntime) {
        self.plugin = plugin
        self.runtime = runtime
    }
}
