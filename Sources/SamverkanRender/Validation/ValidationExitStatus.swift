import SamverkanCore

/// The lowest severity that makes `samverkan validate` fail (`--fail-on`, default `error`).
public enum FailOn: String, Sendable, CaseIterable {
    /// Fail on errors only.
    case error
    /// Fail on warnings and errors.
    case warning
    /// Never fail because of findings (a crashed rule still gives 4).
    case never

    /// True when a finding of `severity` is at or above this threshold.
    public func fails(on severity: Severity) -> Bool {
        switch self {
        case .error: severity >= .error
        case .warning: severity >= .warning
        case .never: false
        }
    }
}

/// The exit status of `samverkan validate` for `report` (SPEC §7.2).
///
/// 1 when a finding at or above `failOn` exists; else 4 when a rule crashed; else 0.
/// Findings decide first: a run that found errors exits 1 even if a plugin also crashed,
/// since the data must be fixed either way, and the crash is still printed. Follow-on
/// findings count (folding only changes what is shown); suppressed ones do not.
public func exitStatus(for report: ValidationReport, failOn: FailOn) -> Int32 {
    if (report.diagnostics + report.followOn).contains(where: { failOn.fails(on: $0.severity) }) { return 1 }
    if !report.failedRules.isEmpty { return 4 }
    return 0
}
