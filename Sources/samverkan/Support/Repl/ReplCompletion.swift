import SamverkanCore
import SamverkanLua

/// Tab completion in `samverkan repl`, from the API's declaration and the schema: globals,
/// collection names after `kb.`, methods after `:`, a record's fields and relations after
/// `.`, following refs (`kb.municipalities[1].region.na` → `name`). Nothing is evaluated:
/// the type of what is before the dot is worked out from the text, so completing runs no code.
struct ReplCompletion {
    let session: ReplSession

    private var kb: KnowledgeBase { session.runtime.kb }

    /// What a path before a `.` or `:` is.
    private enum Shape {
        case kb
        case collection(String)
        case record(String)
        case table(String)
        case unknown
    }

    /// The word being completed (the path that ends at the cursor) and its completions,
    /// sorted, each a whole replacement for the word.
    func complete(_ line: String) -> (prefix: String, candidates: [String]) {
        let word = Self.trailingPath(of: line)
        let partialStart = word.lastIndex { !Self.isIdentifier($0) }.map(word.index(after:)) ?? word.startIndex
        let partial = String(word[partialStart...])
        guard partialStart > word.startIndex else {
            let names = Set(session.globalNames()).union(LuaLiteral.keywords)
            return (word, names.filter { $0.hasPrefix(partial) }.sorted())
        }
        let separator = word[word.index(before: partialStart)]
        guard separator == "." || separator == ":" else { return (word, []) }
        let base = String(word[..<word.index(before: partialStart)])
        let names = members(of: shape(of: base), method: separator == ":")
        let head = String(word[..<partialStart])
        return (word, names.filter { $0.hasPrefix(partial) }.sorted().map { head + $0 })
    }

    private func members(of shape: Shape, method: Bool) -> [String] {
        switch shape {
        case .kb:
            return method ? LuaAPI.class("kb")?.functions.map(\.name) ?? [] : kb.collections.map(\.name)
        case .collection:
            let declared = LuaAPI.class("collection")
            return method ? declared?.functions.map(\.name) ?? [] : declared?.fields.map(\.name) ?? []
        case .record(let name):
            if method { return LuaAPI.class("record")?.functions.map(\.name) ?? [] }
            guard let schema = kb.collection(name)?.schema else { return [] }
            return schema.fields.map(\.name) + schema.relations.map(\.name)
        case .table(let name):
            return method ? [] : session.fields(ofGlobal: name) ?? []
        case .unknown:
            return []
        }
    }

    /// The shape of `kb`, `kb.municipalities`, `kb.municipalities[1].region`,
    /// `kb.population:where{ year = 2024 }:first()`, `m` (a global holding a record), `string`.
    private func shape(of path: String) -> Shape {
        var rest = Substring(path)
        let root = String(rest.prefix { Self.isIdentifier($0) })
        rest = rest.dropFirst(root.count)
        var shape: Shape
        if root == "kb" {
            shape = .kb
        } else if let held = session.collection(ofGlobal: root) {
            shape = held.isRecord ? .record(held.collection) : .collection(held.collection)
        } else if session.fields(ofGlobal: root) != nil {
            shape = .table(root)
        } else {
            return .unknown
        }
        while let first = rest.first {
            switch first {
            case ".", ":":
                rest = rest.dropFirst()
                let name = String(rest.prefix { Self.isIdentifier($0) })
                rest = rest.dropFirst(name.count)
                if first == ":" {
                    // The call's arguments: `(…)`, `{…}` or a string.
                    guard let next = rest.first, "({\"'".contains(next) else { return .unknown }
                    rest = Self.droppingGroup(rest)
                    shape = called(name, on: shape)
                } else {
                    shape = field(name, of: shape)
                }
            case "[":
                rest = Self.droppingGroup(rest)
                if case .collection(let name) = shape { shape = .record(name) } else { return .unknown }
            default:
                return .unknown
            }
        }
        return shape
    }

    private func field(_ name: String, of shape: Shape) -> Shape {
        switch shape {
        case .kb:
            return kb.collection(name) == nil ? .unknown : .collection(name)
        case .record(let collection):
            guard let schema = kb.collection(collection)?.schema else { return .unknown }
            if let relation = schema.relations.first(where: { $0.name == name }) { return .collection(relation.collection) }
            if let field = schema.fields.first(where: { $0.name == name }), case .ref(let target) = field.type {
                return .record(target)
            }
            return .unknown
        default:
            return .unknown
        }
    }

    /// What a declared method gives: a collection of the same kind (`filter`, `sort_by`) or
    /// one of its records (`get`, `first`), as the declaration's return type says.
    private func called(_ method: String, on shape: Shape) -> Shape {
        guard case .collection(let name) = shape,
              let returns = LuaAPI.class("collection")?.functions.first(where: { $0.name == method })?.returns else {
            return .unknown
        }
        if returns.hasPrefix("$C") { return .collection(name) }
        if returns.hasPrefix("$R") { return .record(name) }
        return .unknown
    }

    /// The path that ends the text: identifiers, `.`, `:` and bracketed groups.
    static func trailingPath(of line: String) -> String {
        let characters = Array(line)
        var i = characters.count
        while i > 0 {
            let c = characters[i - 1]
            if isIdentifier(c) || c == "." || c == ":" {
                i -= 1
            } else if let opener = ["]": "[", ")": "(", "}": "{"][c] {
                // Back to the bracket that opens this group.
                var depth = 0
                var j = i - 1
                while j >= 0 {
                    if characters[j] == c { depth += 1 } else if String(characters[j]) == opener { depth -= 1 }
                    if depth == 0 { break }
                    j -= 1
                }
                guard j >= 0 else { break }
                i = j
            } else if c == "\"" || c == "'" {
                // A string argument: `:get"1280"`.
                guard let start = characters[..<(i - 1)].lastIndex(of: c) else { break }
                i = start
            } else {
                break
            }
        }
        return String(characters[i...])
    }

    /// The text after the bracketed group (or string) that `text` starts with.
    private static func droppingGroup(_ text: Substring) -> Substring {
        guard let open = text.first else { return text }
        let close: Character = switch open {
        case "(": ")"
        case "[": "]"
        case "{": "}"
        default: open
        }
        var depth = 0
        var index = text.startIndex
        while index < text.endIndex {
            let c = text[index]
            if c == close, depth > 0 || open == close, index != text.startIndex {
                depth -= 1
                if depth <= 0 { return text[text.index(after: index)...] }
            } else if c == open {
                depth += 1
            }
            index = text.index(after: index)
        }
        return text[text.endIndex...]
    }

    static func isIdentifier(_ c: Character) -> Bool {
        c == "_" || (c.isASCII && (c.isLetter || c.isNumber))
    }

    /// The longest prefix all the strings share.
    static func commonPrefix(_ strings: [String]) -> String {
        guard var prefix = strings.first.map(Array.init) else { return "" }
        for s in strings.dropFirst() {
            let chars = Array(s)
            var n = 0
            while n < prefix.count, n < chars.count, prefix[n] == chars[n] { n += 1 }
            prefix = Array(prefix.prefix(n))
        }
        return String(prefix)
    }
}
