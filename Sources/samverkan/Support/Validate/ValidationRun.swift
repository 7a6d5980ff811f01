import SamverkanCore
import SamverkanLua
import SamverkanRender

/// Collects what a validation run found: the schema's diagnostics first, then each plugin's.
struct ValidationRun {
    let kb: KnowledgeBase
    private var diagnostics: [Diagnostic]
    private var rules: [RuleInfo]
    private var failed: [FailedRule] = []

    /// The built-in rules, each described once.
    static let schemaRules: [(String, String)] = structuralRules
        + FieldConstraintKind.all.map { ($0.rule, $0.summary) }
        + [("schema.ref", "Refs point at records that exist.")]

    private static let structuralRules: [(String, String)] = [
        ("schema.parse", "Data files and schema.yaml can be read (syntax, encoding, CSV cell counts)."),
        ("schema.definition", "schema.yaml itself is valid: types, refs, relations, reserved names."),
        ("schema.unknown-field", "Every field in the data is declared in the schema."),
        ("schema.type", "Every value has its field's type (integer, number, boolean, date, list, …)."),
        ("schema.required", "Required fields have a value."),
        ("schema.unique", "Keys and unique fields are unique."),
    ]

    private let followOn: FollowOnFinder

    /// A run over `kb`, starting from the load's diagnostics (or those given instead).
    init(kb: KnowledgeBase, diagnostics: [Diagnostic]? = nil) {
        self.kb = kb
        self.diagnostics = diagnostics ?? kb.diagnostics
        followOn = FollowOnFinder(kb: kb)
        rules = Self.schemaRules.map { RuleInfo(id: $0.0, description: $0.1, file: nil, defaultSeverity: .error) }
    }

    /// A plugin's findings (or its crash); `read` names the collections it read, to tell which
    /// findings follow from a row that could not be read.
    mutating func add(_ plugin: Plugin, result: Result<[Diagnostic], ScriptError>, read: [String]) {
        rules.append(RuleInfo(id: plugin.info.name, description: plugin.info.description, file: plugin.info.file,
                              defaultSeverity: plugin.info.severity))
        switch result {
        case .success(let found): diagnostics += followOn.mark(found, read: Set(read))
        case .failure(let error):
            failed.append(FailedRule(id: plugin.info.name, message: error.message, traceback: error.traceback))
        }
    }

    /// A validation file that does not load: a failed rule, named by its file.
    mutating func add(_ problem: PluginProblem) {
        rules.append(RuleInfo(id: problem.name, description: "", file: problem.file, defaultSeverity: .error))
        failed.append(FailedRule(id: problem.name, message: "invalid plugin: " + problem.formatted, traceback: nil))
    }

    /// How many rules crashed.
    var failedCount: Int { failed.count }

    /// Every finding of the run, sorted, before the baseline and folding sort them out.
    var findings: [Diagnostic] { diagnostics.sortedByLocation() }

    /// The report: the baseline's entries suppress what they match; a finding that follows
    /// from one that still counts is folded under it (else it counts on its own).
    func report(baseline: Baseline?, today: String, show: ValidationShow) -> ValidationReport {
        var open = findings
        var suppressed: [SuppressedFinding] = []
        var notes: [BaselineNote] = []
        if let baseline { (open, suppressed, notes) = baseline.apply(to: open, today: today) }
        let causes = Set(open.compactMap { $0.followsFrom == nil ? $0.location : nil })
        let followOn = open.filter { $0.followsFrom.map(causes.contains) ?? false }
        open.removeAll { $0.followsFrom.map(causes.contains) ?? false }
        return ValidationReport(diagnostics: open, recordCount: kb.recordCount, rules: rules, failedRules: failed,
                                followOn: followOn, suppressed: suppressed, baselineFile: baseline?.file,
                                baselineNotes: notes, show: show)
    }
}

/// "validating …" on stderr, only on a terminal and only once the work takes more than a second.
final class Progress {
    private let console: Console
    private let total: Int
    private let start = ContinuousClock.now
    private var shown = false
    private var index = 0

    init(console: Console, total: Int) {
        self.console = console
        self.total = total
    }

    func step(_ name: String) {
        index += 1
        guard !console.quiet, isatty(2) == 1, ContinuousClock.now - start > .seconds(1) else { return }
        shown = true
        console.errorInline("\rvalidating \(index)/\(total): \(name)\u{1B}[K")
    }

    func finish() {
        if shown { console.errorInline("\r\u{1B}[K") }
    }
}

import Foundation
