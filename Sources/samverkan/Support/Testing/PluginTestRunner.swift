import Foundation
import SamverkanCore
import SamverkanLua
import SamverkanRender

/// What one case came to: passed, or failed with the lines that say why (a diff).
enum TestOutcome {
    case passed
    case failed([String])
}

/// What the plugin gave when a case ran it.
private enum Actual {
    case rows(CollectionStore, [Int])
    case findings([Diagnostic])
    case text(String)
    case error(ExpectedError.Kind, String)
}

/// Runs the cases of `samverkan test`: each in a Lua state of its own, on its data, with
/// its parameters checked as `-p` would check them, under the command's limits.
struct PluginTestRunner {
    let global: GlobalOptions
    let data: PluginTestData

    func run(_ testCase: PluginTestCase, pluginRoot: String?) -> TestOutcome {
        guard testCase.problems.isEmpty else { return .failed(testCase.problems) }
        var folders = global.pluginFolders
        if let pluginRoot { folders.insert(pluginRoot, at: 0) }
        let catalog = PluginCatalog(folders: folders)
        guard let file = testCase.besideFile ?? catalog.file(named: testCase.plugin) else {
            return .failed(["no plugin '\(testCase.plugin)' on the plugin path\(catalog.suggestion(for: testCase.plugin) ?? "")"])
        }
        let kb: KnowledgeBase
        // A ref to nothing in a validation's test data may be what the rule is to find.
        switch data.knowledgeBase(for: testCase, refsMustResolve: file.folderKind != .validation) {
        case .success(let loaded): kb = loaded
        case .failure(let problem): return .failed(problem.message.split(separator: "\n").map(String.init))
        }
        var options = global.runtimeOptions
        options.pluginFolders = folders
        options.printToStderr = true
        options.locale = testCase.locale
        let runtime: LuaRuntime
        do { runtime = try LuaRuntime(kb: kb, options: options) } catch { return .failed([error.message]) }
        let actual: Actual
        switch runtime.loadPlugin(file) {
        case .failure(let problem):
            actual = .error(.invalidPlugin, "invalid plugin: " + problem.formatted)
        case .success(let plugin):
            if let wrong = misplacedExpectation(testCase.expect, kind: plugin.info.kind) { return .failed([wrong]) }
            actual = Self.run(plugin, testCase, runtime: runtime, kb: kb)
        }
        do {
            let lines = try Comparison(runtime: runtime, kb: kb).compare(testCase.expect, actual)
            return lines.isEmpty ? .passed : .failed(lines)
        } catch {
            return .failed(["cannot compare the messages: \(error.message)"])
        }
    }

    /// An expectation the plugin's kind cannot meet (`keys` for a report).
    private func misplacedExpectation(_ expect: Expectation, kind: PluginKind) -> String? {
        for (key, kinds) in PluginTestKeys.expect where expect.given.contains(key) {
            guard let kinds, !kinds.contains(kind) else { continue }
            let fitting = PluginTestKeys.expect.filter { $0.kinds?.contains(kind) ?? false }.map { "'\($0.key)'" }
            return "'\(key)' is for \(kinds.map { $0.rawValue + "s" }.sorted().joined(separator: " and ")); "
                + "'\(kind.rawValue)' plugins are checked with \(fitting.joined(separator: ", ")) or 'error'"
        }
        return nil
    }

    private static func run(_ plugin: Plugin, _ testCase: PluginTestCase, runtime: LuaRuntime, kb: KnowledgeBase) -> Actual {
        let info = plugin.info
        if let missing = ([info.collection].compactMap { $0 } + info.requires).first(where: { kb.collection($0) == nil }) {
            return .error(.usage, "'\(info.name)' works on the collection '\(missing)', which this data set does not have")
        }
        let params: [String: ParamValue]
        switch ParamResolver.resolve(testCase.assignments, specs: info.params, plugin: info.name) {
        case .success(let values): params = values
        case .failure(let error): return .error(.usage, error.message)
        }
        do {
            switch info.kind {
            case .filter:
                guard let store = info.collection.flatMap(kb.collection) else { return .error(.usage, "filter '\(info.name)' names no collection") }
                // The rows in the order `samverkan query` shows them (the plugin's `sort`).
                let plan: QueryPlan
                do {
                    try QueryCommand.checkDefaults(of: info, in: store, kb: kb, console: Console(noColor: true, quiet: true))
                    plan = try QueryPlan(kb: kb, collection: store, columns: [], sort: QueryPlan.split(info.sort), limit: nil)
                } catch {
                    return .error(.invalidPlugin, error.lines.joined(separator: "\n"))
                }
                let result = try runtime.runFilter(plugin, params: params)
                return .rows(store, plan.ordered(result.rows))
            case .validation:
                return .findings(try runtime.runValidation(plugin, params: params).sortedByLocation())
            case .report:
                let document = try runtime.runReport(plugin, params: params)
                let options = RenderOptions(locale: testCase.locale, color: false, width: nil)
                return .text(render(document, as: .text, options: options,
                                    geometry: ReportGeometry.provider(dataDirectory: kb.directory)))
            }
        } catch {
            if case .parameter = error { return .error(.usage, error.message) }
            return .error(.script, error.message)
        }
    }
}

/// An expectation against what the plugin gave: nothing when they agree, else the lines of
/// the failure, a diff where there is something to line up.
private struct Comparison {
    let runtime: LuaRuntime
    let kb: KnowledgeBase

    /// The most lines of a diff shown: past them, a count of the rest.
    static let shownLines = 40

    func compare(_ expect: Expectation, _ actual: Actual) throws(ScriptError) -> [String] {
        let lines = try lines(expect, actual)
        guard lines.count > Self.shownLines else { return lines }
        return lines.prefix(Self.shownLines) + ["… and \(lines.count - Self.shownLines) more lines"]
    }

    private func lines(_ expect: Expectation, _ actual: Actual) throws(ScriptError) -> [String] {
        if let error = expect.error {
            guard case .error(let kind, let message) = actual else {
                return ["expected \(Self.article(error.kind)) error, but the plugin ran: \(Self.summary(actual))"]
            }
            if kind != error.kind {
                return ["expected \(Self.article(error.kind)) error, got \(Self.article(kind)) error:", "  " + message]
            }
            if let pattern = error.message, !(try runtime.matches(message, pattern: pattern)) {
                return ["the error message does not match the pattern \(TestValues.quoted(pattern)):", "  " + message]
            }
            return []
        }
        switch actual {
        case .error(let kind, let message):
            return ["the plugin failed (\(Self.article(kind)) error):"] + message.split(separator: "\n").map { "  " + $0 }
        case .rows(let store, let rows):
            return try compareRows(expect, store, rows)
        case .findings(let findings):
            return try compareFindings(expect, findings)
        case .text(let text):
            return compareText(expect, text)
        }
    }

    private func compareRows(_ expect: Expectation, _ store: CollectionStore, _ rows: [Int]) throws(ScriptError) -> [String] {
        var lines: [String] = []
        if let count = expect.count, count != rows.count {
            lines.append("expected \(count) \(count == 1 ? "row" : "rows"), got \(rows.count)")
        }
        if let keys = expect.keys {
            let got = rows.map { store.key(of: $0) ?? store.label(of: $0) }
            if got != keys {
                lines.append("the keys differ (- expected, + got):")
                lines += TestDiff.lines(expected: keys, got: got, matches: ==, expectedText: TestValues.quoted, gotText: TestValues.quoted)
                    .map { "  " + $0 }
            }
        }
        if let expected = expect.rows {
            var paths: [String: FieldPath] = [:]
            for name in Set(expected.flatMap(\.keys)).sorted() {
                switch FieldPath.compile(name, from: store, in: kb) {
                case .success(let path): paths[name] = path
                case .failure(let error): return ["'rows' names '\(name)': \(error.message)"]
                }
            }
            let columns = expected.first.map { $0.keys.sorted() } ?? []
            let matches = { (e: [String: LuaData], row: Int) in
                e.allSatisfy { name, value in
                    paths[name].map { TestValues.equal(value, $0.resolve(row: row, in: store, kb: kb)) } ?? false
                }
            }
            if expected.count != rows.count || !zip(expected, rows).allSatisfy(matches) {
                let show = { (names: [String], row: Int) in
                    TestValues.row(names.map { name in
                        (name, paths[name].map { TestValues.text($0.resolve(row: row, in: store, kb: kb)) } ?? "nil")
                    })
                }
                lines.append("the rows differ (- expected, + got):")
                lines += TestDiff.lines(expected: expected, got: rows, matches: matches,
                                        expectedText: { e in TestValues.row(e.keys.sorted().map { ($0, TestValues.text(e[$0] ?? .other("nil"))) }) },
                                        gotText: { show(columns, $0) }).map { "  " + $0 }
            }
        }
        return lines
    }

    private func compareFindings(_ expect: Expectation, _ findings: [Diagnostic]) throws(ScriptError) -> [String] {
        var lines: [String] = []
        if let count = expect.count, count != findings.count {
            lines.append("expected \(count) \(count == 1 ? "finding" : "findings"), got \(findings.count)")
            if expect.findings == nil {
                lines += findings.prefix(20).map { "  + " + TestValues.finding($0) }
                if findings.count > 20 { lines.append("  … and \(findings.count - 20) more") }
            }
        }
        guard let expected = expect.findings else { return lines }
        // Every pair is matched once, before the alignment (a pattern may fail to compile).
        var match = [[Bool]](repeating: [Bool](repeating: false, count: findings.count), count: expected.count)
        for (i, e) in expected.enumerated() {
            for (j, f) in findings.enumerated() { match[i][j] = try matches(e, f) }
        }
        if expected.count != findings.count || !(0..<expected.count).allSatisfy({ match[$0][$0] }) {
            lines.append("the findings differ (- expected, + got):")
            lines += TestDiff.lines(expected: Array(expected.indices), got: Array(findings.indices),
                                    matches: { match[$0][$1] },
                                    expectedText: { i in TestValues.row(PluginTestKeys.finding.compactMap { key in
                                        expected[i].attributes[key].map { (key, TestValues.quoted($0)) } }) },
                                    gotText: { TestValues.finding(findings[$0]) }).map { "  " + $0 }
        }
        return lines
    }

    private func matches(_ e: ExpectedFinding, _ f: Diagnostic) throws(ScriptError) -> Bool {
        for (key, value) in e.attributes {
            let got: String? = switch key {
            case "rule": f.rule
            case "severity": f.severity.rawValue
            case "collection": f.collection
            case "key": f.key
            case "field": f.field
            default: nil
            }
            if key == "message" {
                if !(try runtime.matches(f.message, pattern: value)) { return false }
            } else if got != value {
                return false
            }
        }
        return true
    }

    private func compareText(_ expect: Expectation, _ text: String) -> [String] {
        var lines: [String] = []
        if let expected = expect.text, Self.trimmed(expected) != Self.trimmed(text) {
            lines.append("the text differs (- expected, + got):")
            lines += TestDiff.text(expected: Self.trimmed(expected), got: Self.trimmed(text)).map { "  " + $0 }
        }
        let missing = (expect.contains ?? []).filter { !text.contains($0) }.map { "the text does not contain \(TestValues.quoted($0))" }
        let present = (expect.excludes ?? []).filter { text.contains($0) }.map { "the text contains \(TestValues.quoted($0))" }
        if !missing.isEmpty || !present.isEmpty {
            lines += missing + present
            let shown = text.split(separator: "\n", omittingEmptySubsequences: false)
            lines.append("the text is:")
            lines += shown.prefix(30).map { "  | " + $0 }
            if shown.count > 30 { lines.append("  | … (\(shown.count - 30) more lines)") }
        }
        return lines
    }

    private static func trimmed(_ text: String) -> String {
        var t = Substring(text)
        while t.hasSuffix("\n") { t = t.dropLast() }
        return String(t)
    }

    private static func article(_ kind: ExpectedError.Kind) -> String {
        kind == .invalidPlugin ? "an invalid plugin" : "a " + kind.rawValue
    }

    private static func summary(_ actual: Actual) -> String {
        switch actual {
        case .rows(_, let rows): "it kept \(rows.count) \(rows.count == 1 ? "row" : "rows")"
        case .findings(let f): "it found \(f.count) \(f.count == 1 ? "finding" : "findings")"
        case .text: "it wrote its report"
        case .error(_, let message): message
        }
    }
}
