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
        discussion: """
            Exit 0 when nothing is at or above --fail-on, 1 when something is, 4 when a rule crashed.
            A baseline (--baseline, $SAMVERKAN_BASELINE, or baseline: in the samverkan.yaml beside the \
            data folder) suppresses the findings it accepts; docs/validate.md explains baselines, \
            follow-on findings and --file.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Validation plugins to run (default: all).")
    var names: [String] = []

    @Option(help: "Only validation plugins with this tag.")
    var tag: String?

    @Option(help: "Output format: text, json, junit, sarif, github or html.")
    var format: ValidationFormat?

    @Option(name: .customLong("fail-on"), help: "Exit 1 on findings of this severity or worse: error, warning or never.")
    var failOn: FailOn = .error

    @Option(name: .customShort("p"), help: ArgumentHelp("A parameter for the named validation (name=value).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(name: .customShort("o"), help: ArgumentHelp("Write to FILE (atomically) instead of stdout.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("Suppress the findings this baseline accepts.", valueName: "FILE"))
    var baseline: String?

    @Flag(name: .customLong("no-baseline"), help: "Apply no baseline, not even one that SAMVERKAN_BASELINE or samverkan.yaml names.")
    var noBaseline = false

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp("Write every current finding to FILE as an accepted entry.", valueName: "FILE"))
    var writeBaseline: String?

    @Flag(name: .customLong("show-suppressed"), help: "List the findings the baseline suppresses.")
    var showSuppressed = false

    @Flag(name: .customLong("show-follow-on"), help: "List the findings that follow from a row that could not be read.")
    var showFollowOn = false

    @Option(name: .customLong("max-findings"), help: ArgumentHelp("Show at most N findings (the rest are counted).", valueName: "N"))
    var maxFindings: Int?

    @Option(name: .customLong("file"), help: ArgumentHelp("Check a new data file before it is added (with --as).", valueName: "FILE"))
    var newFile: String?

    @Option(name: .customLong("as"), help: ArgumentHelp("The collection whose data --file holds.", valueName: "COLLECTION"))
    var newFileCollection: String?

    func validate() throws {
        if let maxFindings, maxFindings < 0 { throw ValidationError("--max-findings takes a count of 0 or more") }
        if writeBaseline != nil, format != nil || output != nil || showSuppressed || showFollowOn || maxFindings != nil {
            throw ValidationError("--write-baseline writes only the baseline; leave out --format, -o, --show-suppressed, "
                + "--show-follow-on and --max-findings, and run validate again for the report")
        }
    }

    func run() throws {
        let format = try OutputFile.format(format, output: output, extensions: ValidationFormat.byExtension, default: .text)
        let existing = try global.loadKnowledgeBase(strict: false)
        let check = try NewFileCheck.make(file: newFile, as: newFileCollection, schema: existing.schema)
        let kb = check.map { $0.knowledgeBase(directory: existing.directory) } ?? existing
        let session = try PluginSession(global: global, kb: kb)
        if !parameters.isEmpty && names.count != 1 {
            throw CLIFailure.usage("-p needs exactly one validation named, e.g. samverkan validate population-series -p max_change=0.5")
        }
        let choice = try BaselineChoice.resolve(flag: baseline, disabled: noBaseline, dataDirectory: kb.directory,
                                                console: global.console)
        let accepted = try choice?.read(console: global.console)
        var run = ValidationRun(kb: kb, diagnostics: check.map { $0.loadFindings(kb, existing: existing) })
        // A rule over a file that could not be read would only repeat that file's error.
        // Each plugin in a state of its own: one cannot silence another (string.sub replaced).
        let plugins = try selectedPlugins(session, run: &run).filter { loaded in
            let plugin = loaded.plugin
            if let check, names.isEmpty, plugin.info.collection != check.collection { return false }
            guard let reason = session.unreadableData(of: plugin) else { return true }
            if !global.quiet { global.console.error("note: skipped '\(plugin.info.name)': \(reason)") }
            return false
        }
        let progress = Progress(console: global.console, total: plugins.count)
        for loaded in plugins {
            let plugin = loaded.plugin
            progress.step(plugin.info.name)
            let params = try session.parameters(for: plugin, names.count == 1 ? parameters : [])
            var result = Result { () throws(ScriptError) in try loaded.runtime.runValidation(plugin, params: params) }
            // A rejected parameter value is the user's to fix (exit 2), not a rule that crashed.
            if case .failure(let error) = result, case .parameter = error {
                progress.finish()
                throw ScriptRunner.failure(error, console: global.console, plugin: plugin.info.name)
            }
            if let check { result = result.map { $0.filter(check.isInFile) } }
            run.add(plugin, result: result, read: loaded.runtime.collectionsRead)
        }
        progress.finish()
        if let writeBaseline {
            try write(baselineTo: writeBaseline, run.findings, previous: accepted, failed: run.failedCount)
            return
        }
        var report = run.report(baseline: accepted, today: BaselineChoice.today,
                                show: ValidationShow(suppressed: showSuppressed, followOn: showFollowOn, maxFindings: maxFindings))
        report.toolVersion = Samverkan.version
        if format == .html {
            report.context = ValidationPageContext.make(report: report, kb: kb, recordsOf: check?.collection)
        }
        if let check { report.recordCount = kb.collection(check.collection)?.count ?? 0 }
        let options = RenderOptions(locale: global.locale, color: output == nil && global.console.color && Terminal.stdoutIsTerminal,
                                    width: Terminal.width(toFile: output != nil), summary: !global.quiet)
        let text = renderValidation(report, as: format, options: options)
        if let output { try AtomicFile.write(text, to: output) } else { global.console.out(text) }
        let status = exitStatus(for: report, failOn: failOn)
        if status != 0 { throw ExitCode(status) }
    }

    /// `--write-baseline FILE`: every finding of the run as an accepted entry (keeping the
    /// reason and expires of entries the baseline in effect has for them); nothing else is
    /// printed but a note of what was written. Exit 0, or 4 when a rule crashed: its
    /// findings are not in the file.
    private func write(baselineTo file: String, _ findings: [Diagnostic], previous: Baseline?, failed: Int) throws {
        try AtomicFile.write(BaselineWriter.text(for: findings, previous: previous?.entries ?? []), to: file)
        let count = Set(findings.map(\.fingerprint)).count
        if !global.quiet {
            global.console.error("wrote \(count) \(count == 1 ? "entry" : "entries") to \(file); say in each entry's "
                + "reason why it is accepted and in expires until when, then run samverkan validate --baseline \(file)")
        }
        if failed > 0 {
            global.console.error("\(global.console.errorPrefix())\(failed) \(failed == 1 ? "rule" : "rules") failed, "
                + "so their findings are not in the baseline; fix them and write it again")
            throw ExitCode(4)
        }
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
