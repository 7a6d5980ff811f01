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
