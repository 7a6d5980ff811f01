// Temporary until the renderers land from their branch; removed at merge.
import SamverkanCore

public enum QueryFormat: String, CaseIterable, Sendable { case text, csv, json, markdown }
public enum ReportFormat: String, CaseIterable, Sendable { case text, markdown, html, json, csv }

public func renderTable(_ table: Table, as format: QueryFormat, options: RenderOptions) -> String {
    table.rows.map { row in row.map { "\($0)" }.joined(separator: "\t") }.joined(separator: "\n") + "\n"
}

public protocol GeometryProvider: Sendable {}

public func render(_ document: ReportDocument, as format: ReportFormat, options: RenderOptions, geometry: GeometryProvider?) -> String {
    "\(document)\n"
}

public struct RuleInfo: Sendable {
    public var id: String; public var description: String; public var file: String?; public var severity: Severity
    public init(id: String, description: String, file: String?, severity: Severity) { self.id = id; self.description = description; self.file = file; self.severity = severity }
}
public struct FailedRule: Sendable {
    public var id: String; public var message: String; public var traceback: String?
    public init(id: String, message: String, traceback: String?) { self.id = id; self.message = message; self.traceback = traceback }
}
public struct ValidationReport: Sendable {
    public var diagnostics: [Diagnostic]; public var recordCount: Int; public var rules: [RuleInfo]; public var failedRules: [FailedRule]
    public init(diagnostics: [Diagnostic], recordCount: Int, rules: [RuleInfo], failedRules: [FailedRule]) {
        self.diagnostics = diagnostics; self.recordCount = recordCount; self.rules = rules; self.failedRules = failedRules
    }
}
public enum ValidationFormat: String, CaseIterable, Sendable { case text, json, junit, sarif, github }
public enum FailOn: String, CaseIterable, Sendable { case error, warning, never }
public func renderValidation(_ report: ValidationReport, as format: ValidationFormat, options: RenderOptions) -> String {
    report.diagnostics.sortedByLocation().map(\.formatted).joined(separator: "\n") + "\n"
        + report.failedRules.map { "error[\($0.id)]: the rule failed: \($0.message)" }.joined(separator: "\n")
        + "\(report.diagnostics.count) findings in \(report.recordCount) records (\(report.rules.count) rules)\n"
}
public func exitStatus(for report: ValidationReport, failOn: FailOn) -> Int32 {
    let threshold: Severity? = failOn == .never ? nil : (failOn == .warning ? .warning : .error)
    if let threshold, report.diagnostics.contains(where: { $0.severity >= threshold }) { return 1 }
    return report.failedRules.isEmpty ? 0 : 4
}
