import Foundation
import SamverkanCore
import SamverkanLua

/// The knowledge bases the cases run on: the data in use and each fixture folder loaded
/// once, records written in a test loaded per case. Data with errors still loads (a
/// validation's test needs data that breaks its rule).
final class PluginTestData {
    private let dataInUse: String
    private var loaded: [String: KnowledgeBase] = [:]

    init(dataInUse: String) {
        self.dataInUse = dataInUse
    }

    /// The rules whose findings in records written in a test mean the test is wrong, not
    /// the data under test: a misspelt field, a value of the wrong type, and (unless the
    /// test is a validation's) a ref to nothing.
    static func authoringRules(refs: Bool) -> Set<String> {
        Set(["schema.parse", "schema.unknown-field", "schema.type"] + (refs ? ["schema.ref"] : []))
    }

    func knowledgeBase(for testCase: PluginTestCase, refsMustResolve: Bool) -> Result<KnowledgeBase, TestProblem> {
        switch testCase.data {
        case .inUse: return .success(folder(dataInUse))
        case .folder(let path):
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: (path as NSString).appendingPathComponent("schema.yaml"),
                                                 isDirectory: &isDirectory), !isDirectory.boolValue else {
                return .failure(TestProblem("data folder '\(path)' has no schema.yaml; give a data folder, relative to the test file"))
            }
            return .success(folder(path))
        case .inline(let collections):
            return inline(collections, in: folder(dataInUse), file: testCase.location, rules: Self.authoringRules(refs: refsMustResolve))
        }
    }

    private func folder(_ path: String) -> KnowledgeBase {
        if let kb = loaded[path] { return kb }
        let kb = KnowledgeBaseLoader.load(directory: path)
        loaded[path] = kb
        return kb
    }

    /// The data in use with the named collections' records replaced by the test's.
    private func inline(_ collections: [String: LuaData], in base: KnowledgeBase,
                        file location: SourceLocation, rules: Set<String>) -> Result<KnowledgeBase, TestProblem> {
        var replacing: [String: (table: RawTable, file: String)] = [:]
        var problems: [String] = []
        let at = Position(line: location.line, column: location.column)
        for name in collections.keys.sorted() {
            guard let schema = base.schema.collection(name) else {
                let hint = didYouMean(name, in: base.schema.collections.map(\.name)) ?? ""
                problems.append("'data' names the collection '\(name)', which the data in use does not have\(hint)")
                continue
            }
            let records: [LuaData]
            switch collections[name] {
            case .table(let t)? where schema.single && t.items.isEmpty: records = [.table(t)]
            case .table(let t)? where t.fields.isEmpty: records = t.items
            default:
                problems.append("'data.\(name)' is a list of records: \(name) = { { … }, { … } }")
                continue
            }
            var table = RawTable()
            for (i, record) in records.enumerated() {
                guard case .table(let fields) = record, fields.items.isEmpty else {
                    problems.append("record \(i + 1) of '\(name)' is \(record.typeName), not a table of fields")
                    continue
                }
                var raw = RawRecord(position: at, fields: [])
                for field in fields.fields.keys.sorted() {
                    guard let value = fields.fields[field], let content = Self.content(value) else {
                        problems.append("field '\(field)' of record \(i + 1) of '\(name)' is "
                            + "\(fields.fields[field]?.typeName ?? "nil"); write a string, number, boolean or list")
                        continue
                    }
                    raw.fields.append((name: field, value: RawValue(content, at: at)))
                }
                table.records.append(raw)
            }
            replacing[name] = (table, location.file)
        }
        guard problems.isEmpty else { return .failure(TestProblem(problems.joined(separator: "\n"))) }
        let kb = KnowledgeBaseLoader.load(directory: base.directory, replacing: replacing)
        let wrong = kb.diagnostics.filter {
            $0.location?.file == location.file && $0.severity == .error && rules.contains($0.rule)
        }
        guard wrong.isEmpty else {
            return .failure(TestProblem(wrong.map { d in
                "the test's data: " + d.message + (d.key != nil ? d.subject.map { " (\($0))" } ?? "" : "")
            }
                .joined(separator: "\n")))
        }
        return .success(kb)
    }

    private static func content(_ value: LuaData) -> RawContent? {
        switch value {
        case .string(let s): return .string(s)
        case .integer, .number: return value.scalarText.map(RawContent.number)
        case .boolean(let b): return .boolean(b)
        case .table(let t) where t.fields.isEmpty && t.otherKeys == 0:
            var items: [RawValue] = []
            for item in t.items {
                guard let content = content(item) else { return nil }
                items.append(RawValue(content, at: Position(line: 0, column: 0)))
            }
            return .list(items)
        case .table, .other: return nil
        }
    }
}
