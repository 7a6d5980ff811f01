internal import CLua
import SamverkanCore

/// Why a `--where` expression failed.
public enum WhereError: Error, Sendable {
    /// The expression does not compile: the Lua message without the chunk prefix (with
    /// `line N: ` instead when the expression has several lines), and the character offset
    /// in the expression where Lua stopped, when it is on a line of its own.
    case syntax(String, column: Int?)
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
        do { try call(arguments: 2, results: 2) } catch { throw .failed(error) }
        guard stack.type(-2) == LUA_TFUNCTION else {
            throw Self.syntaxError(LuaMessage(stack.string(at: -1) ?? "syntax error", chunks: ["--where"]),
                                   expression: expression)
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

    /// Lua's complaint about the chunk `return (EXPR\n)`, as the user's expression sees it: the
    /// closing parenthesis the host adds, and the line after the expression, are its end.
    static func syntaxError(_ message: LuaMessage, expression: String) -> WhereError {
        let lines = expression.split(separator: "\n", omittingEmptySubsequences: false).count
        let line = message.line ?? 1
        var atEnd = line > lines
        var column: Int?
        switch message.near {
        case .end: atEnd = true
        case .token(let token):
            if let range = expression.range(of: token) {
                column = expression.distance(from: expression.startIndex, to: range.lowerBound)
            } else if token == ")" {
                atEnd = true
            }
        case nil: break
        }
        if atEnd { column = expression.count }
        // A token's column is only shown for an expression on one line.
        if lines > 1 && !atEnd { return .syntax("line \(line): \(message.text)", column: nil) }
        return .syntax(message.text, column: column)
    }
}
