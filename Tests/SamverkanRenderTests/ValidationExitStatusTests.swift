import SamverkanCore
import Testing
import SamverkanRender

/// What a run found, for the exit-status table.
enum ValidationOutcome: String, Sendable, CaseIterable {
    case nothing, warnings, errors, crashOnly, warningsAndCrash, errorsAndCrash

    var report: ValidationReport {
        let warning = Diagnostic(.warning, rule: "w", "a warning")
        let error = Diagnostic(.error, rule: "e", "an error")
        let crash = [FailedRule(id: "c", message: "boom")]
        switch self {
        case .nothing: return ValidationReport()
        case .warnings: return ValidationReport(diagnostics: [warning])
        case .errors: return ValidationReport(diagnostics: [warning, error])
        case .crashOnly: return ValidationReport(failedRules: crash)
        case .warningsAndCrash: return ValidationReport(diagnostics: [warning], failedRules: crash)
        case .errorsAndCrash: return ValidationReport(diagnostics: [error], failedRules: crash)
        }
    }
}

/// SPEC §7.2: 1 when a finding at or above --fail-on exists, else 4 when a rule crashed, else 0.
@Test(arguments: [
    // outcome                 error warning never
    (ValidationOutcome.nothing, [Int32(0), 0, 0]),
    (.warnings, [0, 1, 0]),
    (.errors, [1, 1, 0]),
    (.crashOnly, [4, 4, 4]),
    (.warningsAndCrash, [4, 1, 4]),
    (.errorsAndCrash, [1, 1, 4]),
])
func exitStatusTable(_ outcome: ValidationOutcome, _ expected: [Int32]) {
    let actual = [FailOn.error, .warning, .never].map { exitStatus(for: outcome.report, failOn: $0) }
    #expect(actual == expected)
}

@Test func failOnNamesAreTheCommandLineValues() {
    #expect(FailOn.allCases.map(\.rawValue) == ["error", "warning", "never"])
    #expect(ValidationFormat.allCases.map(\.rawValue) == ["text", "json", "junit", "sarif", "github", "html"])
}
