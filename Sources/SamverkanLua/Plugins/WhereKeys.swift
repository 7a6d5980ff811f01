import SamverkanCore

/// Keys compare as keys in `--where`: a ref compared with a value compares its key
/// (`region == "12"`, `region == 12`), and a number compared with a text field compares
/// the text it writes (`code == 1280`), as `get` and `where{…}` do. Lua's `==` is never true
/// for a record and a string, or for a string and a number, so the expression is rewritten
/// before it is compiled: `region == 12` becomes `__sv_key(region) == "12"`.
///
/// Only a field path (`region`, `municipality.region`) compared with a literal, where
/// nothing binds tighter on either side, is rewritten; `region.name == "Region Skåne"`
/// compares a string field and stays as it is.
enum WhereKeys {
    /// The name of the environment's key function (where.lua).
    static let keyFunction = "__sv_key"

    private static let openers: Set<String> = ["(", "and", "or", ","]
    private static let closers: Set<String> = [")", "and", "or", ","]

    static func rewrite(_ expression: String, tokens: [WhereToken], type: (String) -> FieldType?) -> String {
        var edits: [(Range<String.Index>, String)] = []
        for (k, op) in tokens.enumerated() where op.kind == .symbol && (op.text == "==" || op.text == "~=") {
            if let path = pathBefore(k, tokens), let literal = literal(at: k + 1, tokens), bound(path.lowerBound - 1, literal + 1, tokens) {
                edits += edit(path, literal, tokens, expression, type)
            } else if let literal = literalBefore(k, tokens), let path = pathAfter(k, tokens),
                      bound(literal.lowerBound - 1, path.upperBound + 1, tokens) {
                edits += edit(path, literal.upperBound - 1, tokens, expression, type)
            }
        }
        var result = expression
        for (range, text) in edits.sorted(by: { $0.0.lowerBound > $1.0.lowerBound }) {
            result.replaceSubrange(range, with: text)
        }
        return result
    }

    /// The edits for a path (token range) compared with the literal at `l`.
    private static func edit(_ path: Range<Int>, _ l: Int, _ tokens: [WhereToken], _ expression: String,
                             _ type: (String) -> FieldType?) -> [(Range<String.Index>, String)] {
        let pathText = tokens[path].map(\.text).joined()
        guard let fieldType = type(pathText) else { return [] }
        let start = tokens[path.lowerBound].range.lowerBound, end = tokens[path.upperBound - 1].range.upperBound
        let literal = tokens[l]
        switch fieldType {
        case .ref:
            var edits = [(start..<end, "\(keyFunction)(\(expression[start..<end]))")]
            if literal.kind == .number, let text = numberText(literal) { edits.append((literal.range, text)) }
            return edits
        case .string:
            if literal.kind == .number, let text = numberText(literal) { return [(literal.range, text)] }
        case .integer, .number:
            if literal.kind == .string, let number = stringNumber(literal) { return [(literal.range, number)] }
        default:
            break
        }
        return []
    }

    /// `12` as the Lua string `"12"` (the key text a number writes), when it is a plain number.
    private static func numberText(_ token: WhereToken) -> String? {
        guard let value = Double(token.text), value.isFinite else { return nil }
        return "\"\(formatPlain(value))\""
    }

    /// `"2024"` as the number `2024`, when the quoted text is a plain number.
    private static func stringNumber(_ token: WhereToken) -> String? {
        let inner = token.text.dropFirst().dropLast()
        guard token.text.count >= 2, "\"'".contains(token.text.first ?? " "),
              let value = Double(inner), value.isFinite, !inner.contains(where: { $0.isWhitespace }) else { return nil }
        return String(inner)
    }

    /// The field path ending just before token `k`: `name(.name)*`, not itself a field of
    /// something else (`x.region`) or a method call.
    private static func pathBefore(_ k: Int, _ tokens: [WhereToken]) -> Range<Int>? {
        var s = k - 1
        guard s >= 0, tokens[s].kind == .name else { return nil }
        while s >= 2, tokens[s - 1].text == ".", tokens[s - 2].kind == .name { s -= 2 }
        if s > 0, [".", ":"].contains(tokens[s - 1].text) { return nil }
        return s..<k
    }

    /// The field path starting just after token `k`, not followed by a call or an index.
    private static func pathAfter(_ k: Int, _ tokens: [WhereToken]) -> Range<Int>? {
        var e = k + 1
        guard e < tokens.count, tokens[e].kind == .name else { return nil }
        while e + 2 < tokens.count, tokens[e + 1].text == ".", tokens[e + 2].kind == .name { e += 2 }
        if e + 1 < tokens.count, [".", ":", "(", "[", "{"].contains(tokens[e + 1].text) || e + 1 < tokens.count && tokens[e + 1].kind == .string {
            return nil
        }
        return k + 1..<e + 1
    }

    /// The index of a literal (string or number) at `i`.
    private static func literal(at i: Int, _ tokens: [WhereToken]) -> Int? {
        guard i < tokens.count, tokens[i].kind == .string || tokens[i].kind == .number else { return nil }
        return i
    }

    /// The literal just before token `k`, as a range of one token.
    private static func literalBefore(_ k: Int, _ tokens: [WhereToken]) -> Range<Int>? {
        guard k > 0, tokens[k - 1].kind == .string || tokens[k - 1].kind == .number else { return nil }
        return k - 1..<k
    }

    /// True when nothing that binds tighter than `==` stands at `before` or `after`.
    private static func bound(_ before: Int, _ after: Int, _ tokens: [WhereToken]) -> Bool {
        (before < 0 || openers.contains(tokens[before].text)) && (after >= tokens.count || closers.contains(tokens[after].text))
    }
}
