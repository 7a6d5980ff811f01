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

    /// Loads every winning plugin into `runtime`.
    public func loadAll(into runtime: LuaRuntime) -> (plugins: [Plugin], problems: [PluginProblem]) {
        var plugins: [Plugin] = []
        var problems: [PluginProblem] = []
        for file in winners {
            switch runtime.loadPlugin(file) {
            case .success(let plugin): plugins.append(plugin)
            case .failure(let problem): problems.append(problem)
            }
        }
        return (plugins, problems)
    }
}
