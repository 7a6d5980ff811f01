import ArgumentParser
import Foundation
import SamverkanCore
import SamverkanLua

/// The options every command accepts after its name (SPEC §7.1).
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The data folder (holds schema.yaml).", valueName: "DIR"))
    var data: String?

    @Option(name: .long, help: ArgumentHelp("A plugin folder searched before the others (repeatable).", valueName: "DIR"))
    var scripts: [String] = []

    /// The largest `--timeout` (a day) and `--memory-limit` (1 TiB) taken.
    static let maximumTimeout: Double = 86_400
    static let maximumMemoryLimit = 1 << 20

    @Option(name: .long, help: ArgumentHelp("Seconds a script may run.", valueName: "SECONDS"))
    var timeout: Double = 30

    @Option(name: .customLong("memory-limit"), help: ArgumentHelp("Megabytes a script may use.", valueName: "MB"))
    var memoryLimit: Int = 1024

    @Option(name: .long, help: "Number and date conventions: sv or en.")
    var locale: OutputLocale = .sv

    @Flag(name: .customLong("no-color"), help: "Never colour the output (also NO_COLOR).")
    var noColor = false

    @Flag(name: [.short, .long], help: "Print less: no summaries or progress.")
    var quiet = false

    @Flag(name: .customLong("allow-invalid"), help: "Run even when the data breaks its schema.")
    var allowInvalid = false

    @Flag(name: .customLong("no-cache"), help: "Load the data afresh and keep no snapshot of it (also SAMVERKAN_NO_CACHE=1).")
    var noCache = false

    // --version is not declared here: the root command's `version` gives every subcommand
    // one already, and a second flag listed it twice in each --help.

    mutating func validate() throws {
        // Bounded above too: a watchdog's deadline and the allocator's byte count must fit.
        guard timeout > 0, timeout <= Self.maximumTimeout else {
            throw ValidationError("--timeout must be a number of seconds above 0 and at most \(Int(Self.maximumTimeout)) (a day)")
        }
        guard memoryLimit > 0, memoryLimit <= Self.maximumMemoryLimit else {
            throw ValidationError("--memory-limit must be a number of megabytes above 0 and at most \(Self.maximumMemoryLimit) (1 TiB)")
        }
    }

    var console: Console { Console(noColor: noColor, quiet: quiet) }

    /// The data folder: --data, $SAMVERKAN_DATA, ./data with a schema.yaml, else the shipped data.
    /// A folder named by --data or SAMVERKAN_DATA must exist: a typo is a usage error, not
    /// "the data has 1 error" (a missing schema.yaml in a folder that does exist still is).
    func dataDirectory() throws(CLIFailure) -> String {
        if let data { return try Self.existingFolder(data, named: "--data") }
        if let environment = ProcessInfo.processInfo.environment["SAMVERKAN_DATA"], !environment.isEmpty {
            return try Self.existingFolder(environment, named: "SAMVERKAN_DATA")
        }
        if FileManager.default.fileExists(atPath: "data/schema.yaml") { return "data" }
        if let shipped = ShippedFiles.data { return shipped }
        throw CLIFailure.usage("no data found: give --data DIR or set SAMVERKAN_DATA (a folder with a schema.yaml)")
    }

    private static func existingFolder(_ path: String, named source: String) throws(CLIFailure) -> String {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIFailure.usage("\(source): no such folder '\(path)'")
        }
        guard isDirectory.boolValue else {
            throw CLIFailure.usage("\(source): '\(path)' is a file, not a folder (give the folder that holds schema.yaml)")
        }
        return path
    }

    /// The plugin folders in order: each --scripts, $SAMVERKAN_PATH, ./scripts, the shipped scripts.
    var pluginFolders: [String] {
        var folders = scripts
        if let path = ProcessInfo.processInfo.environment["SAMVERKAN_PATH"] {
            folders += path.split(separator: ":").map(String.init).filter { !$0.isEmpty }
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: "scripts", isDirectory: &isDirectory), isDirectory.boolValue {
            folders.append("scripts")
        }
        if let shipped = ShippedFiles.scripts { folders.append(shipped) }
        var seen = Set<String>()
        return folders.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
    }

    var runtimeOptions: RuntimeOptions {
        var options = RuntimeOptions()
        options.timeout = timeout
        options.memoryLimitMB = memoryLimit
        options.locale = locale
        options.pluginFolders = pluginFolders
        return options
    }

    /// Where the snapshot of the loaded data is kept (docs/data.md, "The cache"); nil with
    /// --no-cache or SAMVERKAN_NO_CACHE=1. SAMVERKAN_CACHE_LOG=1 says on stderr what it did.
    var cacheSettings: CacheSettings? {
        let environment = ProcessInfo.processInfo.environment
        guard !noCache, environment["SAMVERKAN_NO_CACHE"].map({ $0.isEmpty || $0 == "0" }) ?? true,
              let folder = CacheSettings.standardFolder(environment) else { return nil }
        let log: (@Sendable (String) -> Void)? = environment["SAMVERKAN_CACHE_LOG"] == "1"
            ? { @Sendable line in FileHandle.standardError.write(Data((line + "\n").utf8)) } : nil
        return CacheSettings(folder: folder, host: Samverkan.buildIdentity, log: log)
    }

    /// Loads the knowledge base; with `strict`, errors in the data end the command (exit 3)
    /// unless --allow-invalid.
    func loadKnowledgeBase(strict: Bool = true) throws(CLIFailure) -> KnowledgeBase {
        let directory = try dataDirectory()
        let kb = KnowledgeBaseLoader.load(directory: directory, cache: cacheSettings)
        guard strict, !allowInvalid, kb.diagnostics.hasErrors else { return kb }
        throw DataFailure.failure(kb.diagnostics, console: console)
    }
}

extension OutputLocale: ExpressibleByArgument {}

/// The exit-3 report of data that breaks its schema.
enum DataFailure {
    static let shown = 50

    /// The errors, those that only follow from a row that could not be read folded under
    /// it (`… and 72 follow-on errors`), as `validate` shows them; all of them counted.
    static func failure(_ diagnostics: [Diagnostic], console: Console) -> CLIFailure {
        let errors = diagnostics.filter { $0.severity == .error }
        let causes = Set(errors.compactMap { $0.followsFrom == nil ? $0.location : nil })
        let followOn = Dictionary(grouping: errors.filter { $0.followsFrom.map(causes.contains) ?? false }) { $0.followsFrom }
        let standing = errors.filter { !($0.followsFrom.map(causes.contains) ?? false) }
        var lines: [String] = []
        for error in standing.prefix(shown) {
            lines.append(console.format(error))
            if let location = error.location, let folded = followOn[location] {
                lines.append("    … and \(folded.count) follow-on \(folded.count == 1 ? "error" : "errors") "
                    + "(samverkan validate --show-follow-on)")
            }
        }
        if standing.count > shown { lines.append("… and \(standing.count - shown) more errors") }
        let noun = errors.count == 1 ? "error" : "errors"
        lines.append("\(console.errorPrefix())the data has \(errors.count) \(noun); fix them "
            + "(samverkan validate lists every finding) or run with --allow-invalid")
        return CLIFailure(.invalidData, lines)
    }
}
