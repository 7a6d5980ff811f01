internal import CLua
import SamverkanCore

/// Why a `--where` expression failed.
public enum WhereError: Error, Sendable {
    /// The user's mistake (exit 2): the message, and the character offset in the expression
    /// to put a caret under, when there is one place to point at. It does not compile, uses
    /// `=` for `==`, names no field, gives a number instead of true or false, compares a
    /// missing value, ….
    case invalid(String, column: Int?)
    /// It ran out of time or memory (exit 4, as for any script).
    case limit(ScriptError)

    /// The message (without the caret).
    public var message: String {
        switch self {
        case .invalid(let message, _): message
        case .limit(let error): error.message
        }
    }
}

extension LuaRuntime {
    /// The rows of `collection` (or of `rows`, in their order) for which the Lua expression
    /// is true, with the record's fields and relations as plain names. Compiled once.
    public func whereRows(_ expression: String, in collection: CollectionStore, rows: [Int]? = nil) throws(WhereError) -> [Int] {
        naming("the --where expression")
        defer { naming(nil) }
        let tokens = WhereTokens.tokens(of: expression)
        if let (message, column) = WhereLint.mistake(in: tokens) { throw .invalid(message, column: column) }
        // The user's own text must compile (Lua's messages point into it); the rewritten
        // one, keys compared as keys (WhereKeys), is what runs.
        let top = stack.top
        defer { stack.setTop(top) }
        _ = try compileWhere(expression, in: collection)
        stack.setTop(top)
        let rewritten = WhereKeys.rewrite(expression, tokens: tokens) { path in
            guard case .success(let compiled) = FieldPath.compile(path, from: collection, in: kb) else { return nil }
            return compiled.type
        }
        try compileWhere(rewritten, in: collection)
        if let rows {
            pushView(collection: collection.id, rows: rows.map { Int32($0) })
        } else {
            pushCollection(collection.id)
        }
        do { try call(arguments: 1, results: 2) } catch {
            let relations = collection.schema.relations.map(\.name)
            if case .runtime = error, let name = tokens.first(where: { $0.kind == .name && relations.contains($0.text) }),
               error.message.contains("samverkan collection") {
                // `population > 5` where population is a relation: a collection, not a value.
                throw .invalid("'\(name.text)' is a relation of \(collection.name), a collection of records, not a value; "
                    + "'#\(name.text)' counts them", column: name.column)
            }
            throw Self.failure(error, expression: expression, tokens: tokens)
        }
        if stack.type(-2) == LUA_TNIL, stack.type(-1) == LUA_TTABLE {
            throw whyNot(at: stack.top, collection: collection, tokens: tokens)
        }
        return view(at: -2)?.allRows.map(Int.init) ?? []
    }

    /// [+1] The scan function of `expression` (where.lua's compile_where), or its syntax error.
    @discardableResult
    private func compileWhere(_ expression: String, in collection: CollectionStore) throws(WhereError) -> Int32 {
        pushDriver("compile_where")
        stack.push(expression)
        stack.newTable(fields: collection.schema.fields.count + collection.schema.relations.count)
        for name in collection.schema.fields.map(\.name) + collection.schema.relations.map(\.name) {
            stack.push(true)
            stack.setField(-2, name)
        }
        do { try call(arguments: 2, results: 2) } catch { throw .limit(error) }
        guard stack.type(-2) == LUA_TFUNCTION else {
            throw Self.syntaxError(LuaMessage(stack.string(at: -1) ?? "syntax error", chunks: ["--where"]),
                                   expression: expression)
        }
        stack.pop()
        return stack.top
    }

    /// The reason where.lua gave for stopping (the table at `index`): a name that is not a
    /// field, or a result that is not true, false or nil.
    private func whyNot(at index: Int32, collection: CollectionStore, tokens: [WhereToken]) -> WhereError {
        if let name = stack.rawString(index, "unknown_name") {
            let fields = Set(collection.schema.fields.map(\.name) + collection.schema.relations.map(\.name))
            if let (i, token) = WhereLint.comparedWord(name, in: tokens, fields: fields) {
                return .invalid("'\(name)' is not a field of \(collection.name); quote text: \(WhereLint.quoted(tokens, i))",
                                column: token.column)
            }
            let names = collection.schema.fields.map(\.name) + collection.schema.relations.map(\.name)
            let hint = didYouMean(name, in: names) ?? ""
            return .invalid("\(collection.name) has no field '\(name)'\(hint); "
                + "the expression may use its fields, relations, kb, fmt, text, string and math",
                            column: WhereLint.column(of: name, in: tokens))
        }
        let value = stack.rawString(index, "not_boolean") ?? "a value"
        let record = stack.rawString(index, "record") ?? collection.name
        return .invalid("the expression gives \(value) for \(record), not true or false; "
            + "compare it, e.g. land_area_km2 > 100", column: nil)
    }

    /// A runtime error on a record (where.lua raises `record \u{1} message \u{1} missing fields`):
    /// a missing field compared or computed with is named, with the caret under it.
    static func failure(_ error: ScriptError, expression: String, tokens: [WhereToken]) -> WhereError {
        guard case .runtime(let message, _) = error else { return .limit(error) }
        let parts = message.full.split(separator: "\u{1}", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return .invalid(message.full, column: nil) }
        let record = parts[0], missing = parts[2].split(separator: ",").map(String.init)
        var text = LuaMessage(parts[1], chunks: ["--where"]).text
        if text.hasPrefix("--where cannot") { return .invalid("\(text) (\(record))", column: nil) }
        // `attempt to compare nil with number`: the nil is a field the record lacks.
        if text.contains("nil"), let field = missing.first(where: { text.contains("'\($0)'") }) ?? missing.first {
            text = "\(field) is missing (nil) in \(record), so it cannot be compared or computed with; "
                + "test it first: \(field) ~= nil and …"
            return .invalid(text, column: WhereLint.column(of: field, in: tokens))
        }
        if text.hasSuffix("compare string with number") || text.hasSuffix("compare number with string") {
            let quoted = tokens.first { $0.kind == .string && Double($0.text.dropFirst().dropLast()) != nil }
            return .invalid("\(text) (\(record)): a number is written without quotes"
                + (quoted.map { ", \($0.text.dropFirst().dropLast()) not \($0.text)" } ?? ""), column: quoted?.column)
        }
        return .invalid("\(text) (\(record))", column: nil)
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
        if lines > 1 && !atEnd { return .invalid("line \(line): \(message.text)", column: nil) }
        return .invalid(message.text, column: column)
    }
}
