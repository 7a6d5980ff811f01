import Foundation
import Yams

extension Node {
    /// The position of this node's first character (1-based).
    var position: Position {
        guard let mark else { return Position(line: 1, column: 1) }
        return Position(line: mark.line, column: mark.column)
    }

    /// The text of a scalar node, nil for mappings, sequences and aliases.
    var scalarText: String? {
        if case .scalar(let scalar) = self { return scalar.string }
        return nil
    }

    /// A short name of this node's kind, for messages.
    var kindName: String {
        switch self {
        case .scalar: "a value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

/// Turns a Yams error into one located `schema.parse` diagnostic.
func yamlDiagnostic(_ error: Error, file: String) -> Diagnostic {
    if let refused = error as? YAMLGuardError {
        return Diagnostic(.error, rule: "schema.parse", refused.message, at: SourceLocation(file: file, refused.position))
    }
    func position(_ mark: Mark?) -> Position? { mark.map { Position(line: $0.line, column: $0.column) } }
    let (problem, where_): (String, Position?) = {
        switch error as? YamlError {
        case let .scanner(context, problem, mark, yaml),
            let .parser(context, problem, mark, yaml),
            let .composer(context, problem, mark, yaml):
            let prefix = context.map { "\($0.text) " } ?? ""
            // "found unexpected end of stream", or any problem found where the file ends: where
            // the unclosed thing began is what the user needs to see.
            if problem.contains("end of stream") || isAtEnd(mark, of: yaml), let start = context?.mark,
               !isAtEnd(start, of: yaml) {
                return ("YAML syntax error: \(prefix)that starts here, the file ends before it is closed", position(start))
            }
            // libyaml's own words name its API; say what it means.
            if problem.hasPrefix("Maximum nesting level") {
                return ("YAML nesting deeper than 1000 levels; flatten the data", position(mark))
            }
            return ("YAML syntax error: \(prefix)\(problem)", position(mark))
        case let .reader(problem, offset, _, yaml):
            // A NUL or other control character: libyaml gives its offset in characters.
            return ("the file cannot be read as YAML text: \(problem); save it as UTF-8 text",
                    offset.map { yamlPosition(ofCharacter: $0, in: yaml) })
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ("duplicate key \(keys) in a mapping; each key may appear once", position(context.mark))
        case .dataCouldNotBeDecoded:
            return ("the file is not UTF-8 text", nil)
        default:
            return ("YAML error: \(error)", nil)
        }
    }()
    let location = SourceLocation(file: file, where_ ?? Position(line: 1, column: 1))
    return Diagnostic(.error, rule: "schema.parse", problem, at: location)
}

/// True when a mark is at or past the end of the text (libyaml may put it on a line after the last).
private func isAtEnd(_ mark: Mark, of text: String) -> Bool {
    var line = 1, column = 1
    for scalar in text.unicodeScalars {
        if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
    }
    return mark.line > line || (mark.line == line && mark.column >= column)
}

/// The line and column (counting Unicode scalars) of the character at `offset`.
func yamlPosition(ofCharacter offset: Int, in text: String) -> Position {
    var line = 1, column = 1
    for scalar in text.prefix(offset).unicodeScalars {
        if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
    }
    return Position(line: line, column: column)
}

/// Where and why bytes are not UTF-8 text (for YAML; the CSV and JSON readers find it themselves).
func notUTF8Diagnostic(_ data: Data, file: String) -> Diagnostic {
    let bytes = [UInt8](data)
    let (message, position) = bytes.withUnsafeBufferPointer { buffer -> (String, Position) in
        guard let p = buffer.baseAddress else { return ("the file is not UTF-8 text", Position(line: 1, column: 1)) }
        if ReaderBytes.hasUTF16BOM(p, count: buffer.count) { return (ReaderBytes.utf16Message, Position(line: 1, column: 1)) }
        guard let offset = ReaderBytes.firstInvalidUTF8(p, from: 0, to: buffer.count) else {
            return ("the file is not UTF-8 text; save it as UTF-8", Position(line: 1, column: 1))
        }
        return (ReaderBytes.invalidUTF8Message(p[offset]), ReaderBytes.position(p, of: offset, line: 1, lineStart: 0))
    }
    return Diagnostic(.error, rule: "schema.parse", message, at: SourceLocation(file: file, position))
}

/// `Yams.compose`, after refusing what Yams cannot survive (see ``YAMLKeyGuard``).
func composeYAML(_ text: String) throws -> Node? {
    if let position = YAMLKeyGuard.complexKeyWithAliases(in: text) {
        throw YAMLGuardError(message: YAMLKeyGuard.message, position: position)
    }
    return try Yams.compose(yaml: text)
}

/// A YAML file refused before parsing, with where and why.
struct YAMLGuardError: Error {
    let message: String
    let position: Position
}

/// Yams checks every mapping for duplicate keys by hashing its keys, and hashing walks a
/// key's whole expansion: a key that is an alias of nested aliases (`? *lol9`, "billion
/// laughs") hashes 9^9 nodes and never returns. samverkan files need plain keys only, so a
/// file that defines anchors and uses aliases may not have keys that are aliases, lists or
/// mappings. The scan is textual, linear, and errs on the side of refusing: quotes and
/// comments are not skipped, so text that only looks like such a key, in a file that also
/// has anchors and aliases, is refused too (the message says where).
enum YAMLKeyGuard {
    static let message = "a mapping key here is an alias, a list or a mapping; in a file with anchors "
        + "and aliases only plain keys are read (such a key can expand to billions of values)"

    /// The position of the first key that is not plain text, when the text also has anchors and aliases.
    static func complexKeyWithAliases(in text: String) -> Position? {
        var copy = text
        return copy.withUTF8 { buffer -> Position? in
            guard let p = buffer.baseAddress else { return nil }
            let n = buffer.count
            // Without both '&' and '*' there are no anchors and aliases: skip the scan (memchr is fast).
            guard memchr(p, 0x26, n) != nil, memchr(p, 0x2A, n) != nil else { return nil }
            var anchors = false, aliases = false
            var firstKey: Int?
            var openers: [Int] = []
            var nodeStart = true   // where a node may begin: line start, after "- ", "? ", ": ", "[", "{", ","
            var i = 0
            func isBlankOrEnd(_ k: Int) -> Bool {
                k >= n || p[k] == 0x20 || p[k] == 0x09 || p[k] == 0x0A || p[k] == 0x0D
            }
            func isAnchorCharacter(_ c: UInt8) -> Bool {
                (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c == 0x2D
            }
            func colonFollows(_ k: Int) -> Bool {
                var m = k
                while m < n, p[m] == 0x20 || p[m] == 0x09 { m += 1 }
                return m < n && p[m] == UInt8(ascii: ":")
            }
            while i < n {
                let b = p[i]
                switch b {
                case 0x20, 0x09, 0x0D:
                    i += 1
                    continue
                case 0x0A:
                    nodeStart = true
                case UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"):
                    // libyaml's anchor names are [0-9A-Za-z_-]; a tag runs to a blank.
                    var k = i + 1
                    if b == UInt8(ascii: "!") {
                        while !isBlankOrEnd(k), !",[]{}".utf8.contains(p[k]) { k += 1 }
                    } else {
                        while k < n, isAnchorCharacter(p[k]) { k += 1 }
                    }
                    if nodeStart, k > i + 1 {
                        if b == UInt8(ascii: "*") {
                            aliases = true
                            if colonFollows(k) { firstKey = firstKey ?? i }
                            nodeStart = false
                        } else if b == UInt8(ascii: "&") {
                            anchors = true   // a node follows its anchor (or tag): nodeStart stays
                        }
                    } else {
                        nodeStart = false
                    }
                    i = k
                    continue
                case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                    let indicator = isBlankOrEnd(i + 1)
                    if b == UInt8(ascii: "?"), indicator, nodeStart { firstKey = firstKey ?? i }
                    nodeStart = indicator && (nodeStart || b == UInt8(ascii: ":"))
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    openers.append(i)
                    nodeStart = true
                case UInt8(ascii: ","):
                    nodeStart = true
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    let opener = openers.popLast() ?? i
                    if colonFollows(i + 1) { firstKey = firstKey ?? opener }
                    nodeStart = false
                default:
                    nodeStart = false
                }
                i += 1
            }
            guard anchors, aliases, let key = firstKey else { return nil }
            return ReaderBytes.position(p, of: key, line: 1, lineStart: 0)
        }
    }
}
