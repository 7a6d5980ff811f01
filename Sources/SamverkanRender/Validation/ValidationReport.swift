import SamverkanCore

/// Everything one `samverkan validate` run found, ready to render in any `ValidationFormat`.
///
/// The report is a value: the CLI fills it from the schema checks and the validation
/// plugins, then hands it to `renderValidation(_:as:options:)` and `exitStatus(for:failOn:)`.
public struct ValidationReport: Sendable, Equatable {
    /// The findings, in any order; renderers sort them by file, line and column.
    public var diagnostics: [Diagnostic]
    /// How many records the knowledge base holds (the summary's `in N records`).
    public var recordCount: Int
    /// Every rule that ran: the built-in `schema.*` rules and the plugins, by id.
    public var rules: [RuleInfo]
    /// The plugins that crashed (Lua error, timeout, memory limit) instead of finishing.
    public var failedRules: [FailedRule]
    /// The program's version, for the `sarif` driver; omitted there when nil.
    public var toolVersion: String?
    /// The findings that follow only from another (`followsFrom`, a row that could not be
    /// read): folded under it, counted, listed with `show.followOn`. They count for the exit code.
    public var followOn: [Diagnostic]
    /// The findings a baseline accepts: counted, listed with `show.suppressed`, never failing.
    public var suppressed: [SuppressedFinding]
    /// The baseline file applied, if any, and what it says about its own entries.
    public var baselineFile: String?
    public var baselineNotes: [BaselineNote]
    /// What to show beyond the findings that count.
    public var show: ValidationShow
    /// What the page of `--format html` says about the run (`html` only).
    public var context: ValidationContext

    /// A report; `rules` should list every rule that ran, passing or not.
    public init(
        diagnostics: [Diagnostic] = [], recordCount: Int = 0,
        rules: [RuleInfo] = [], failedRules: [FailedRule] = [], toolVersion: String? = nil,
        followOn: [Diagnostic] = [], suppressed: [SuppressedFinding] = [],
        baselineFile: String? = nil, baselineNotes: [BaselineNote] = [],
        show: ValidationShow = ValidationShow(), context: ValidationContext = ValidationContext()
    ) {
        self.diagnostics = diagnostics
        self.recordCount = recordCount
        self.rules = rules
        self.failedRules = failedRules
        self.toolVersion = toolVersion
        self.followOn = followOn
        self.suppressed = suppressed
        self.baselineFile = baselineFile
        self.baselineNotes = baselineNotes
        self.show = show
        self.context = context
    }
}

/// What `validate` shows beyond the findings that count (`--show-suppressed`,
/// `--show-follow-on`, `--max-findings`).
public struct ValidationShow: Sendable, Equatable {
    /// List the suppressed findings (else they are only counted).
    public var suppressed: Bool
    /// List the follow-on findings under their cause (else they are only counted there).
    public var followOn: Bool
    /// Show at most this many of the findings that count; the rest are counted as not shown.
    public var maxFindings: Int?

    public init(suppressed: Bool = false, followOn: Bool = false, maxFindings: Int? = nil) {
        self.suppressed = suppressed
        self.followOn = followOn
        self.maxFindings = maxFindings
    }
}

/// What the data-quality page says about the run besides its findings.
public struct ValidationContext: Sendable, Equatable {
    /// When the run was made, as the page prints it (`2026-12-02 05:41 UTC`).
    public var time: String?
    /// The data folder and each collection's file and record count.
    public var dataFolder: String?
    public var collections: [CollectionSize]
    /// Source lines around each finding, by file and line (the finding's line and one each side).
    public var excerpts: [String: [Int: String]]

    public init(time: String? = nil, dataFolder: String? = nil, collections: [CollectionSize] = [],
                excerpts: [String: [Int: String]] = [:]) {
        self.time = time
        self.dataFolder = dataFolder
        self.collections = collections
        self.excerpts = excerpts
    }
}

/// A collection of the data set, for the page's overview.
public struct CollectionSize: Sendable, Equatable {
    public var name: String
    public var file: String
    public var records: Int

    public init(name: String, file: String, records: Int) {
        self.name = name
        self.file = file
        self.records = records
    }
}

/// A rule that ran: a built-in `schema.*` check or a validation plugin.
public struct RuleInfo: Sendable, Equatable {
    /// `schema.minimum`, …, or the plugin's name.
    public var id: String
    /// One line on what the rule checks (the plugin's description).
    public var description: String
    /// The plugin's file, as `scripts/validations/x.lua`; nil for built-in rules.
    public var file: String?
    /// The severity of `findings:add`, the plugin's default (`error` for built-in rules).
    public var defaultSeverity: Severity

    /// A rule description.
    public init(id: String, description: String = "", file: String? = nil, defaultSeverity: Severity = .error) {
        self.id = id
        self.description = description
        self.file = file
        self.defaultSeverity = defaultSeverity
    }
}

/// A validation plugin that crashed: not a finding about the data, so it has no location.
public struct FailedRule: Sendable, Equatable {
    /// The plugin's rule id (its name).
    public var id: String
    /// The Lua error message, with `file:line` when Lua gave one.
    public var message: String
    /// The Lua traceback, one frame a line, when there is one.
    public var traceback: String?

    /// A crashed rule.
    public init(id: String, message: String, traceback: String? = nil) {
        self.id = id
        self.message = message
        self.traceback = traceback
    }
}

extension ValidationReport {
    /// The findings in the order every format prints them: by file, line and column,
    /// findings without a location first, ties in the order they were reported.
    var sortedDiagnostics: [Diagnostic] { diagnostics.sortedByLocation() }

    /// The findings that count that the output shows: all of them, or the first
    /// `show.maxFindings`.
    var shownDiagnostics: [Diagnostic] {
        let sorted = sortedDiagnostics
        guard let limit = show.maxFindings, limit < sorted.count else { return sorted }
        return Array(sorted.prefix(max(0, limit)))
    }

    /// How many findings that count `show.maxFindings` leaves out.
    var notShownCount: Int {
        guard let limit = show.maxFindings else { return 0 }
        return max(0, diagnostics.count - max(0, limit))
    }

    /// The follow-on findings by the location of the finding they follow from, sorted.
    var followOnByCause: [SourceLocation: [Diagnostic]] {
        var groups: [SourceLocation: [Diagnostic]] = [:]
        for finding in followOn.sortedByLocation() {
            if let cause = finding.followsFrom { groups[cause, default: []].append(finding) }
        }
        return groups
    }

    /// The suppressed findings, sorted as the others are.
    var sortedSuppressed: [SuppressedFinding] { suppressed.sorted(byLocation: \.finding.location) }

    /// The stale baseline entries.
    var staleCount: Int { baselineNotes.count(where: { $0.kind == .stale }) }

    /// How many findings are errors.
    var errorCount: Int { diagnostics.count(where: { $0.severity == .error }) }

    /// How many findings are warnings.
    var warningCount: Int { diagnostics.count(where: { $0.severity == .warning }) }

    /// The rules every format lists: `rules` (first of each id wins), then any rule id that
    /// only a finding or a crash names, in the order first seen, so nothing is left out.
    var effectiveRules: [RuleInfo] {
        var seen = Set<String>()
        var result: [RuleInfo] = []
        for rule in rules where seen.insert(rule.id).inserted { result.append(rule) }
        for diagnostic in diagnostics + followOn + suppressed.map(\.finding) where seen.insert(diagnostic.rule).inserted {
            result.append(RuleInfo(id: diagnostic.rule, defaultSeverity: diagnostic.severity))
        }
        for failed in failedRules where seen.insert(failed.id).inserted {
            result.append(RuleInfo(id: failed.id))
        }
        return result
    }
}

extension Diagnostic {
    /// `severity[rule]`, the label `formatted` prints after the location.
    var severityAndRule: String { "\(severity.rawValue)[\(rule)]" }

    /// The message with its notes, `message (subject, origin)`: what `formatted` prints
    /// after `file:line:col: severity[rule]: `, for formats that give location and rule apart.
    var messageWithNotes: String {
        // Compared scalar by scalar: a message that starts with a combining mark would
        // merge with the space before it into one Character.
        let prefix = ((location.map { "\($0): " } ?? "") + severityAndRule + ": ").unicodeScalars
        let line = formatted.unicodeScalars
        guard line.starts(with: prefix) else { return message }
        return String(String.UnicodeScalarView(line.dropFirst(prefix.count)))
    }
}
