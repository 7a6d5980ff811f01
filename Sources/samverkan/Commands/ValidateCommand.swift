import ArgumentParser
import Foundation
import SamverkanCore
import SamverkanLua
import SamverkanRender

/// `samverkan validate` — the schema rules, then the validation plugins; every finding located.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the data against its schema and the validation plugins.",
        discussion: "Exit 0 when nothing is at or above --fail-on, 1 when something is, 4 when a rule crashed.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Validation plugins to run (default: all).")
    var names: [String] = []

    @Option(help: "Only validation plugins with this tag.")
    var tag: String?

    @Option(help: "Output format: text, json, junit, sarif or github.")
    var format: ValidationFormat = .text

    @Option(name: .customLong("fail-on"), help: "Exit 1 on findings of this severity or worse: error, warning or never.")
    var failOn: FailOn = .error

    @Option(name: .customShort("p"), help: ArgumentHelp("A parameter for the named validation (name=value).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(name: .customShort("o"), help: ArgumentHelp("Write to FILE (atomically) instead of stdout.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let session = try PluginSession(global: global, strict: false)
        if !parameters.isEmpty && names.count != 1 {
            throw CLIFailure.usage("-p needs exactly one validation named, e.g. samverkan validate population-series -p max_change=0.5")
        }
        var run = ValidationRun(kb: session.kb)
        // A rule over a file that could not be read would only repeat that file's error.
        // Each plugin in a state of its own: one cannot silence another (string.sub replaced).
        let plugins = try selectedPlugins(session, run: &run).filter { loaded in
            let plugin = loaded.plugin
            guard let reason = session.unreadableData(of: plugin) else { return true }
            if !global.quiet { global.console.error("note: skipped '\(plugin.info.name)': \(reason)") }
            return false
        }
        let progress = Progress(console: global.console, total: plugins.count)
        for loaded in plugins {
            let plugin = loaded.plugin
            progress.step(plugin.info.name)
            let params = try session.parameters(for: plugin, names.count == 1 ? parameters : [])
            let result = Result { () throws(ScriptError) in try loaded.runtime.runValidation(plugin, params: params) }
            // A rejected parameter value is the user's to fix (exit 2), not a rule that crashed.
            if case .failure(let error) = result, case .parameter = error {
                progress.finish()
                throw ScriptRunner.failure(error, console: global.console, plugin: plugin.info.name)
            }
            run.add(plugin, result: result)
        }
        progress.finish()
        let report = run.report
        let options = RenderOptions(locale: global.locale, color: output == nil && global.console.color && Terminal.stdoutIsTerminal,
                                    width: Terminal.width(toFile: output != nil), summary: !global.quiet)
        let text = renderValidation(report, as: format, options: options)
        if let output { try AtomicFile.write(text, to: output) } else { global.console.out(text) }
        let status = exitStatus(for: report, failOn: failOn)
        if status != 0 { throw ExitCode(status) }
    }

    /// The named plugins (usage error for unknown or non-validation names), or all validations
    /// with the tag. A broken plugin file becomes a failed rule, not the end of the run.
    private func selectedPlugins(_ session: PluginSession, run: inout ValidationRun) throws(CLIFailure) -> [LoadedPlugin] {
        if !names.isEmpty {
            var plugins: [LoadedPlugin] = []
            for name in names {
                let runtime = try session.newRuntime()
                plugins.append(LoadedPlugin(plugin: try session.plugin(named: name, kind: .validation, into: runtime), runtime: runtime))
            }
            return plugins
        }
        let (all, problems) = try session.loadEach()
        for problem in problems where problem.file.contains("/validations/") {
            run.add(problem)
        }
        let validations = all.filter { $0.info.kind == .validation }
        if let tag, !UnknownTag.isUsed(tag, by: validations.map(\.plugin)) {
            throw UnknownTag.failure(tag, kind: .validation, plugins: validations.map(\.plugin))
        }
        let selected = validations.filter { tag == nil || $0.info.tags.contains(tag ?? "") }
            .sorted { $0.info.name < $1.info.name }
        for loaded in selected {
            if let missing = session.missingCollection(of: loaded.plugin), !global.quiet {
                global.console.error("note: skipped '\(loaded.info.name)': this data set has no collection '\(missing)'")
            }
        }
        return selected.filter { session.missingCollection(of: $0.plugin) == nil }
    }
}

extension ValidationFormat: ExpressibleByArgument {}
extension FailOn: ExpressibleByArgument {}
