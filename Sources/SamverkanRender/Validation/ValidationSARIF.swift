import SamverkanCore

/// `--format sarif`: one SARIF 2.1.0 log with one run (OASIS SARIF v2.1.0, errata 01).
///
/// - `tool.driver.rules` lists every rule that ran; each result's `ruleIndex` points there.
/// - A result has `locations` only when its finding has a location; `region` only when
///   the line is 1 or more, `startColumn` only when the column is too. The `uri` is the
///   file as given, percent-encoded (RFC 3986), so it stays relative to the working folder.
/// - The finding's sheet (in a workbook, where line is the row and column the column
///   number), collection, key, field and origin, when known, are the result's `properties`.
/// - Crashed rules are `toolExecutionNotifications` of the one invocation, whose
///   `executionSuccessful` is false when any rule crashed; so are the baseline's notes
///   (stale and expired entries, level `note`) and the count `--max-findings` left out.
/// - Every result has `partialFingerprints` (`samverkan/v1`: the finding's fingerprint,
///   which does not depend on line numbers), so code scanning keeps one alert per finding.
/// - A finding the baseline accepts has `suppressions` (kind `external`, status
///   `accepted`, the entry's reason as `justification`).
/// - A follow-on finding is a result of kind `open` (the tool cannot decide it until its
///   cause is fixed) and level `none`, with its cause as a `relatedLocation`.
struct ValidationSARIFRenderer {
    let report: ValidationReport

    func render() -> String {
        let rules = report.effectiveRules
        var index: [String: Int] = [:]
        for (i, rule) in rules.enumerated() { index[rule.id] = i }
        let run = JSONValue.object([
            ("tool", .object([("driver", driver(rules))])),
            ("results", .array(results(index))),
            ("invocations", .array([invocation(index)])),
        ])
        let log = JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array([run])),
        ])
        return log.pretty() + "\n"
    }

    private func driver(_ rules: [RuleInfo]) -> JSONValue {
        var members: [(String, JSONValue)] = [("name", .string("samverkan"))]
        if let version = report.toolVersion { members.append(("version", .string(version))) }
        members.append(("rules", .array(rules.map(descriptor))))
        return .object(members)
    }

    private func descriptor(_ rule: RuleInfo) -> JSONValue {
        var members: [(String, JSONValue)] = [("id", .string(rule.id))]
        if !rule.description.isEmpty {
            members.append(("shortDescription", .object([("text", .string(rule.description))])))
        }
        members.append(("defaultConfiguration", .object([("level", .string(rule.defaultSeverity.rawValue))])))
        if let file = rule.file { members.append(("properties", .object([("file", .string(file))]))) }
        return .object(members)
    }

    /// The findings that count (as many as are shown), then the follow-on and the suppressed ones.
    private func results(_ index: [String: Int]) -> [JSONValue] {
        report.shownDiagnostics.map { result($0, ruleIndex: index[$0.rule]) }
            + report.followOn.sortedByLocation().map { result($0, ruleIndex: index[$0.rule], followOn: true) }
            + report.sortedSuppressed.map { result($0.finding, ruleIndex: index[$0.finding.rule], suppressedBy: $0.entry) }
    }

    private func result(_ diagnostic: Diagnostic, ruleIndex: Int?, followOn: Bool = false,
                        suppressedBy entry: BaselineEntry? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [("ruleId", .string(diagnostic.rule))]
        if let ruleIndex { members.append(("ruleIndex", .integer(ruleIndex))) }
        if followOn { members.append(("kind", .string("open"))) }
        members.append(("level", .string(followOn ? "none" : diagnostic.severity.rawValue)))
        members.append(("message", .object([("text", .string(diagnostic.messageWithNotes))])))
        if let location = diagnostic.location { members.append(("locations", .array([self.location(location)]))) }
        if followOn, let cause = diagnostic.followsFrom {
            var related = self.location(cause)
            if case .object(var parts) = related {
                parts.append(("message", .object([("text", .string("the row that could not be read"))])))
                related = .object(parts)
            }
            members.append(("relatedLocations", .array([related])))
        }
        members.append(("partialFingerprints", .object([("samverkan/v1", .string(diagnostic.fingerprint))])))
        if let entry {
            var suppression: [(String, JSONValue)] = [("kind", .string("external")), ("status", .string("accepted"))]
            if !entry.reason.isEmpty { suppression.append(("justification", .string(entry.reason))) }
            if let at = entry.location { suppression.append(("location", self.location(at))) }
            members.append(("suppressions", .array([.object(suppression)])))
        }
        let notes: [(String, String?)] = [
            ("sheet", diagnostic.location?.sheet), ("collection", diagnostic.collection), ("key", diagnostic.key),
            ("field", diagnostic.field), ("origin", diagnostic.origin),
        ]
        let properties = notes.compactMap { name, value in value.map { (name, JSONValue.string($0)) } }
        if !properties.isEmpty { members.append(("properties", .object(properties))) }
        return .object(members)
    }

    private func location(_ location: SourceLocation) -> JSONValue {
        var physical: [(String, JSONValue)] = [
            ("artifactLocation", .object([("uri", .string(ValidationURI.encode(location.file)))])),
        ]
        if location.line >= 1 {
            var region: [(String, JSONValue)] = [("startLine", .integer(location.line))]
            if location.column >= 1 { region.append(("startColumn", .integer(location.column))) }
            physical.append(("region", .object(region)))
        }
        return .object([("physicalLocation", .object(physical))])
    }

    private func invocation(_ index: [String: Int]) -> JSONValue {
        var members: [(String, JSONValue)] = [("executionSuccessful", .bool(report.failedRules.isEmpty))]
        let notifications = report.failedRules.map { notification($0, index) } + report.baselineNotes.map(notification)
            + (report.notShownCount > 0 ? [notShown] : [])
        if !notifications.isEmpty { members.append(("toolExecutionNotifications", .array(notifications))) }
        return .object(members)
    }

    private func notification(_ note: BaselineNote) -> JSONValue {
        var members: [(String, JSONValue)] = []
        if let at = note.entry.location { members.append(("locations", .array([location(at)]))) }
        members += [
            ("level", .string("note")),
            ("message", .object([("text", .string(note.message))])),
            ("descriptor", .object([("id", .string(note.kind.rawValue))])),
        ]
        return .object(members)
    }

    private var notShown: JSONValue {
        .object([
            ("level", .string("note")),
            ("message", .object([("text", .string("\(report.notShownCount) more findings not shown (--max-findings \(report.show.maxFindings ?? 0))"))])),
        ])
    }

    private func notification(_ failed: FailedRule, _ index: [String: Int]) -> JSONValue {
        var text = "the rule failed: \(failed.message)"
        if let traceback = failed.traceback, !traceback.isEmpty { text += "\n" + traceback }
        var rule: [(String, JSONValue)] = [("id", .string(failed.id))]
        if let i = index[failed.id] { rule.append(("index", .integer(i))) }
        return .object([
            ("level", .string("error")),
            ("message", .object([("text", .string(text))])),
            ("associatedRule", .object(rule)),
        ])
    }
}
