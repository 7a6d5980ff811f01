import SamverkanCore
import Testing
@testable import SamverkanRender

/// The validation runs the format tests render.
enum ValidationSamples {
    /// Nine rules: seven built-in checks and two plugins.
    static let rules: [RuleInfo] = [
        "schema.type", "schema.required", "schema.unique", "schema.minimum", "schema.maximum",
        "schema.pattern", "schema.ref",
    ].map { RuleInfo(id: $0, description: "Built-in check \($0)") } + [
        RuleInfo(id: "population-claim", description: "Region populations add up",
                 file: "scripts/validations/population-claim.lua", defaultSeverity: .warning),
        RuleInfo(id: "coverage", description: "Every year has a priority", file: "scripts/validations/coverage.lua"),
    ]

    static let minimum = Diagnostic(
        .error, rule: "schema.minimum", "population -5 is below the minimum 0",
        at: SourceLocation(file: "data/municipalities.csv", line: 14, column: 23),
        collection: "municipalities", key: "1214", field: "population")

    static let claim = Diagnostic(
        .warning, rule: "population-claim", "Skåne has 1 421 781 inhabitants, not 1 400 000",
        at: SourceLocation(file: "data/regions.yaml", line: 31, column: 5),
        collection: "regions", key: "12", origin: "scripts/validations/population-claim.lua:12")

    static let coverage = Diagnostic(
        .error, rule: "coverage", "no priority for 2025",
        collection: "priorities", origin: "scripts/validations/coverage.lua:8")

    /// 2 errors and 1 warning in 1 014 records, given out of order.
    static let findings = ValidationReport(
        diagnostics: [claim, minimum, coverage], recordCount: 1014, rules: rules, toolVersion: "0.1.0")

    static let crash = FailedRule(
        id: "broken", message: "scripts/validations/broken.lua:3: attempt to index a nil value (local 'r')",
        traceback: "stack traceback:\n\tscripts/validations/broken.lua:3: in main chunk")

    /// `findings` plus a tenth rule that crashed.
    static let crashed: ValidationReport = {
        var report = findings
        report.rules.append(RuleInfo(id: "broken", file: "scripts/validations/broken.lua"))
        report.failedRules = [crash]
        return report
    }()

    /// Nothing found in 5 777 records by 12 rules.
    static let clean = ValidationReport(
        recordCount: 5777, rules: (1...12).map { RuleInfo(id: "rule-\($0)") })

    /// A row that could not be read, a ref that follows from it, a finding the baseline
    /// accepts and a stale baseline entry: what `validate` sorts out before rendering.
    static let unread = Diagnostic(
        .error, rule: "schema.parse",
        "land_area_km2 427,07 looks like a decimal comma, which splits the row into 11 cells for the header's 10; write 427.07",
        at: SourceLocation(file: "data/municipalities.csv", line: 62, column: 27), collection: "municipalities", key: "1281")

    static let refToUnread: Diagnostic = {
        var d = Diagnostic(.error, rule: "schema.ref", "municipality '1281' does not exist in municipalities: its row could not be read",
                           at: SourceLocation(file: "data/population.csv", line: 4322, column: 11),
                           collection: "population", key: "1281-1950", field: "municipality")
        d.followsFrom = unread.location
        return d
    }()

    static let accepted = BaselineEntry(minimum)
    static let stale = BaselineEntry(fingerprint: "0123456789abcdef", rule: "schema.ref", collection: "municipalities",
                                     key: "0999", message: "gone", location: SourceLocation(file: "baseline.yaml", line: 20, column: 5))

    static let sortedOut: ValidationReport = {
        var entry = accepted
        entry.reason = "area under review"
        entry.expires = "2027-06-30"
        entry.location = SourceLocation(file: "baseline.yaml", line: 9, column: 5)
        return ValidationReport(
            diagnostics: [unread, claim], recordCount: 5776, rules: rules,
            followOn: [refToUnread], suppressed: [SuppressedFinding(finding: minimum, entry: entry)],
            baselineFile: "baseline.yaml",
            baselineNotes: [BaselineNote(kind: .stale, message: "the entry for schema.ref on municipalities[0999] matches no finding any more; remove it", entry: stale)])
    }()

    /// A finding whose text holds everything that needs escaping somewhere.
    static let awkward = Diagnostic(
        .warning, rule: "odd,rule:x", "line one\nline two\r\n100% <sure> & \"quoted\" 'single', a:b, på Å\u{01}\u{0B}end",
        at: SourceLocation(file: "data/my file, v2:x å.csv", line: 3, column: 7),
        collection: "areas", key: "a&b", field: "name")
}

@Test func findingsAreSortedByFileLineAndColumnWithUnlocatedFirst() {
    #expect(ValidationSamples.findings.sortedDiagnostics.map(\.rule) == ["coverage", "schema.minimum", "population-claim"])
}

@Test func everyRuleNamedByAFindingOrACrashIsListed() {
    let report = ValidationReport(
        diagnostics: [Diagnostic(.warning, rule: "unlisted", "x")], rules: [RuleInfo(id: "a"), RuleInfo(id: "a")],
        failedRules: [FailedRule(id: "crashed", message: "boom")])
    #expect(report.effectiveRules.map(\.id) == ["a", "unlisted", "crashed"])
    #expect(report.effectiveRules[1].defaultSeverity == .warning)
}

@Test func messageWithNotesIsFormattedWithoutLocationAndLabel() {
    #expect(ValidationSamples.minimum.messageWithNotes == "population -5 is below the minimum 0 (municipalities[1214])")
    #expect(ValidationSamples.coverage.messageWithNotes
        == "no priority for 2025 (priorities, scripts/validations/coverage.lua:8)")
}

@Test func aMessageStartingWithACombiningMarkKeepsItsNotes() {
    let diagnostic = Diagnostic(.error, rule: "r", "\u{301}odd", collection: "c", key: "k")
    #expect(diagnostic.messageWithNotes == "\u{301}odd (c[k])")
}
