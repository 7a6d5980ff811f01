import Foundation
import SamverkanCore
import SamverkanLua

/// Reads the value a test file returns into cases. Every mistake is named, with the case
/// and the fix; a case with one fails without running, the others still run.
struct PluginTestParser {
    let file: String
    let lines: [Substring]
    let ownPlugin: String
    let besideFile: PluginFile?

    init(file: String, source: String, besideFile: PluginFile?) {
        self.file = file
        lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        ownPlugin = String((file as NSString).lastPathComponent.dropLast(PluginFiles.testSuffix.count))
        self.besideFile = besideFile
    }

    /// The cases, or why the file as a whole cannot be read.
    func cases(from value: LuaData) -> Result<[PluginTestCase], TestProblem> {
        guard case .table(let list) = value, list.fields.isEmpty, list.otherKeys == 0 else {
            return .failure(TestProblem("a test file returns a list of cases, { { name = …, expect = { … } }, … }; it returned \(value.typeName)"))
        }
        guard !list.items.isEmpty else { return .failure(TestProblem("the list of cases is empty; add a case or remove the file")) }
        var seen = Set<String>()
        var searchFrom = (line: 0, column: 0)
        return .success(list.items.enumerated().map { index, item in
            var testCase = parse(item, index: index + 1, searchFrom: &searchFrom)
            if !seen.insert(testCase.name).inserted {
                testCase.problems.append("another case has the name '\(testCase.name)'; give each case a name of its own")
            }
            return testCase
        })
    }

    private func parse(_ item: LuaData, index: Int, searchFrom: inout (line: Int, column: Int)) -> PluginTestCase {
        var problems: [String] = []
        let fallbackName = "case \(index)"
        guard case .table(let t) = item else {
            return PluginTestCase(name: fallbackName, plugin: ownPlugin, besideFile: besideFile, data: .inUse, assignments: [],
                                  expect: Expectation(), location: location(of: nil, from: &searchFrom),
                                  problems: ["case \(index) is \(item.typeName), not a table { name = …, expect = { … } }"])
        }
        problems += unknownKeys(t, allowed: PluginTestKeys.testCase, in: "a case")
        var name = fallbackName
        switch t.fields["name"] {
        case .string(let s)?: name = s
        case nil: problems.append("case \(index) has no name; add name = \"what it checks\"")
        case let other?: problems.append("'name' is \(other.typeName); write it as a string")
        }
        var plugin = ownPlugin
        var beside = besideFile
        switch t.fields["plugin"] {
        case .string(let s)?: plugin = s; beside = s == ownPlugin ? besideFile : nil
        case nil: if besideFile == nil {
            problems.append("no plugin '\(ownPlugin).lua' stands beside the test; name the plugin: plugin = \"…\"")
        }
        case let other?: problems.append("'plugin' is \(other.typeName); write the plugin's name as a string")
        }
        let data = parseData(t.fields["data"], problems: &problems)
        let assignments = parseParams(t.fields["params"], problems: &problems)
        var locale = OutputLocale.sv
        switch t.fields["locale"] {
        case nil: break
        case .string(let s)? where OutputLocale(rawValue: s) != nil: locale = OutputLocale(rawValue: s) ?? .sv
        case let other?:
            let names = OutputLocale.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
            problems.append("'locale' is \(other.scalarText.map { "'\($0)'" } ?? other.typeName); write \(names)")
        }
        var expect = Expectation()
        switch t.fields["expect"] {
        case .table(let e)?: expect = parseExpect(e, problems: &problems)
        case nil: problems.append("the case has no 'expect'; say what it should give, e.g. expect = { count = 3 }")
        case let other?: problems.append("'expect' is \(other.typeName); write a table, e.g. expect = { count = 3 }")
        }
        return PluginTestCase(name: name, plugin: plugin, besideFile: beside, data: data, assignments: assignments,
                              locale: locale, expect: expect, location: location(of: name == fallbackName ? nil : name, from: &searchFrom),
                              problems: problems)
    }

    private func parseData(_ value: LuaData?, problems: inout [String]) -> TestData {
        switch value {
        case nil: return .inUse
        case .string(let folder)?:
            let base = (file as NSString).deletingLastPathComponent
            return .folder(folder.hasPrefix("/") ? folder : (base as NSString).appendingPathComponent(folder))
        case .table(let t)?:
            if !t.items.isEmpty || t.otherKeys > 0 {
                problems.append("'data' maps collection names to their records: data = { municipalities = { { … } } }")
            }
            return .inline(t.fields)
        case let other?:
            problems.append("'data' is \(other.typeName); give a data folder (a string) or records (a table)")
            return .inUse
        }
    }

    private func parseParams(_ value: LuaData?, problems: inout [String]) -> [String] {
        guard let value else { return [] }
        guard case .table(let t) = value, t.items.isEmpty, t.otherKeys == 0 else {
            problems.append("'params' maps parameter names to values: params = { min = 50000 }")
            return []
        }
        return t.fields.keys.sorted().compactMap { key in
            guard let text = t.fields[key]?.scalarText else {
                problems.append("parameter '\(key)' is \(t.fields[key]?.typeName ?? "nil"); give a string, number or boolean")
                return nil
            }
            return key + "=" + text
        }
    }

    private func parseExpect(_ e: LuaTable, problems: inout [String]) -> Expectation {
        problems += unknownKeys(e, allowed: PluginTestKeys.expect.map(\.key), in: "'expect'")
        var expect = Expectation()
        expect.given = Set(e.fields.keys)
        if let keys = e.fields["keys"] {
            expect.keys = list(keys, of: "keys", problems: &problems).compactMap { item in
                guard let text = item.scalarText, !(item == .boolean(true) || item == .boolean(false)) else {
                    problems.append("a key in 'keys' is \(item.typeName); write keys as strings (\"1280\")")
                    return nil
                }
                return text
            }
        }
        if let rows = e.fields["rows"] {
            expect.rows = list(rows, of: "rows", problems: &problems).compactMap { item in
                guard case .table(let row) = item, row.items.isEmpty, !row.fields.isEmpty else {
                    problems.append("a row in 'rows' maps field paths to values: { name = \"Malmö\", [\"region.name\"] = \"Region Skåne\" }")
                    return nil
                }
                return row.fields
            }
        }
        switch e.fields["count"] {
        case nil: break
        case .integer(let n)? where n >= 0: expect.count = n
        case let other?: problems.append("'count' is \(other.scalarText ?? other.typeName); write a whole number, 0 or more")
        }
        if let findings = e.fields["findings"] {
            expect.findings = list(findings, of: "findings", problems: &problems).compactMap { item in
                guard case .table(let f) = item, f.items.isEmpty else {
                    problems.append("a finding in 'findings' is a table: { key = \"1280\", field = \"code\", message = \"…\" }")
                    return nil
                }
                problems += unknownKeys(f, allowed: PluginTestKeys.finding, in: "a finding")
                var attributes: [String: String] = [:]
                for (key, value) in f.fields {
                    guard let text = value.scalarText else {
                        problems.append("'\(key)' of a finding is \(value.typeName); write a string")
                        continue
                    }
                    attributes[key] = text
                }
                if let severity = attributes["severity"], Severity(rawValue: severity) == nil {
                    problems.append("severity '\(severity)' is neither 'error' nor 'warning'")
                }
                return ExpectedFinding(attributes: attributes)
            }
        }
        expect.text = string(e.fields["text"], named: "text", problems: &problems)
        expect.contains = strings(e.fields["contains"], of: "contains", problems: &problems)
        expect.excludes = strings(e.fields["excludes"], of: "excludes", problems: &problems)
        let message = string(e.fields["message"], named: "message", problems: &problems)
        if let kind = string(e.fields["error"], named: "error", problems: &problems) {
            if let known = ExpectedError.Kind(rawValue: kind) {
                expect.error = ExpectedError(kind: known, message: message)
            } else {
                let kinds = ExpectedError.Kind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                problems.append("error '\(kind)' is not a kind of error; write one of \(kinds)"
                    + (didYouMean(kind, in: ExpectedError.Kind.allCases.map(\.rawValue)) ?? ""))
            }
        } else if message != nil {
            problems.append("'message' goes with 'error': expect = { error = \"usage\", message = \"…\" }")
        }
        let given = PluginTestKeys.expect.map(\.key).filter { e.fields[$0] != nil && $0 != "message" }
        if given.isEmpty, problems.isEmpty {
            problems.append("'expect' is empty; say what the plugin should give, e.g. expect = { count = 3 }")
        }
        if expect.error != nil, given.count > 1 {
            problems.append("a case that expects an error expects nothing else; make the other expectations a case of their own")
        }
        return expect
    }

    private func list(_ value: LuaData, of key: String, problems: inout [String]) -> [LuaData] {
        guard case .table(let t) = value, t.fields.isEmpty, t.otherKeys == 0 else {
            problems.append("'\(key)' is \(value.typeName); write a list, \(key) = { … }")
            return []
        }
        return t.items
    }

    /// A list of texts (`contains`, `excludes`).
    private func strings(_ value: LuaData?, of key: String, problems: inout [String]) -> [String]? {
        guard let value else { return nil }
        return list(value, of: key, problems: &problems).compactMap { item in
            if case .string(let s) = item { return s }
            problems.append("an entry of '\(key)' is \(item.typeName); write the text as a string")
            return nil
        }
    }

    private func string(_ value: LuaData?, named key: String, problems: inout [String]) -> String? {
        switch value {
        case nil: return nil
        case .string(let s)?: return s
        case let other?:
            problems.append("'\(key)' is \(other.typeName); write a string")
            return nil
        }
    }

    private func unknownKeys(_ t: LuaTable, allowed: [String], in what: String) -> [String] {
        var problems = t.fields.keys.sorted().filter { !allowed.contains($0) }.map { key in
            "unknown key '\(key)' in \(what)\(didYouMean(key, in: allowed) ?? ""); it may have "
                + allowed.map { "'\($0)'" }.joined(separator: ", ")
        }
        if t.otherKeys > 0 || (!t.items.isEmpty && !t.fields.isEmpty) {
            problems.append("\(what) has entries without a name; write each as key = value")
        }
        return problems
    }

    /// The line that writes the case's name (`name = "default threshold"`), searched from
    /// `cursor` on (just past the name of the case before it), else the first line that returns.
    private func location(of name: String?, from cursor: inout (line: Int, column: Int)) -> SourceLocation {
        if let name {
            for quoted in ["\"\(name)\"", "'\(name)'", "[[\(name)]]"] {
                for i in cursor.line..<max(cursor.line, lines.count) {
                    let line = lines[i]
                    let skip = i == cursor.line ? min(cursor.column, line.count) : 0
                    let rest = line[line.index(line.startIndex, offsetBy: skip)...]
                    if let range = rest.range(of: quoted) {
                        let column = line.distance(from: line.startIndex, to: range.lowerBound)
                        cursor = (i, column + quoted.count)
                        return SourceLocation(file: file, line: i + 1, column: column + 1)
                    }
                }
            }
        }
        let line = lines.firstIndex { $0.hasPrefix("return") }.map { $0 + 1 } ?? 1
        return SourceLocation(file: file, line: line, column: 1)
    }
}
