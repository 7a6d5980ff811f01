internal import CLua
import SamverkanCore

/// Why a `--where` expression failed.
public enum WhereError: Error, Sendable {
    /// The expression does not compile: the Lua message without the chunk prefix (with
    /// `line N: ` instead when the expression has several lines), and whether Lua stopped
    /// at its end (at the parenthesis the host closes it with, or at `<eof>`).
    case syntax(String, atEnd: Bool)
    /// It names something that is neither a field nor an allowed global.
    case unknownName(String)
    /// It failed on a record (the message names it), or hit a limit.
    case failed(ScriptError)
}

extension LuaRuntime {
    /// The rows of `collection` (or of `rows`, in their order) for which the Lua expression
    /// is true, with the record's fields and relations as plain names. Compiled once.
    public func whereRows(_ expression: String, in collection: CollectionStore, rows: [Int]? = nil) throws(WhereError) -> [Int] {
        let top = stack.top
        defer { stack.setTop(top) }
        pushDriver("compile_where")
        stack.push(expression)
        stack.newTable(fields: collection.schema.fields.count + collection.schema.relations.count)
        for name in collection.schema.fields.map(\.name) + collection.schema.relations.map(\.name) {
            stack.push(true)
            stack.setField(-2, name)
        }
        stack.push(collection.name)
        do { try call(arguments: 3, results: 2) } catch { throw .failed(error) }
        guard stack.type(-2) == LUA_TFUNCTION else {
            throw Self.syntaxError(stack.string(at: -1) ?? "syntax error", expression: expression)
        }
        stack.pop()
        if let rows {
            pushView(collection: collection.id, rows: rows.map { Int32($0) })
        } else {
            pushCollection(collection.id)
        }
        do { try call(arguments: 1, results: 2) } catch { throw .failed(error) }
        if stack.type(-2) == LUA_TNIL, let name = stack.string(at: -1) { throw .unknownName(name) }
        return view(at: -2)?.allRows.map(Int.init) ?? []
    }

    /// `--where:N: message` of the chunk `return (EXPR\n)`, as the user's expression sees it.
    static func syntaxError(_ message: String, expression: String) -> WhereError {
        let lines = expression.split(separator: "\n", omittingEmptySubsequences: false).count
        let prefix = "--where:"
        guard message.hasPrefix(prefix) else { return .syntax(message, atEnd: false) }
        let rest = message.dropFirst(prefix.count)
        let digits = rest.prefix { $0.isNumber }
        guard let line = Int(digits), rest.dropFirst(digits.count).hasPrefix(": ") else { return .syntax(message, atEnd: false) }
        let text = String(rest.dropFirst(digits.count + 2))
        let atEnd = line > lines || text.hasSuffix("near <eof>")
        return .syntax(lines > 1 && !atEnd ? "line \(line): \(text)" : text, atEnd: atEnd)
    }
}
