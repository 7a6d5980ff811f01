import Yams

/// Repeated keys in a YAML file's block mappings, reported one by one while the rest of the
/// file is still read.
///
/// Yams refuses a whole document at the first mapping that repeats a key, so one slip in a
/// hand-edited file would hide every other problem in it. To read on, the repeat is blanked
/// out (its line and the lines of its value become empty, so every other line keeps its
/// number) and the text is composed again; the key's first value counts. Only block mappings
/// (a key per line, how these files are written) are handled this way; a repeat in a flow
/// mapping (`{a: 1, a: 2}`) still stops the file, as before.
enum YAMLDuplicateKeys {
    /// Repeats reported per file before the file is given up (each costs a parse).
    static let limit = 20

    /// A repeat that was blanked out: the key, where the repeat stood, and the first's line.
    struct Repeat: Equatable {
        var key: String
        var position: Position
        var firstLine: Int

        var message: String {
            "duplicate key '\(key)' (first on line \(firstLine)); each key may appear once, so this one is ignored"
        }
    }

    /// Composes the YAML file `file`, reading past repeated keys in block mappings: the root,
    /// and a `schema.parse` error at each repeat. Throws what stops the file.
    static func compose(_ text: String, file: String) throws -> (root: Node?, diagnostics: [Diagnostic]) {
        let (root, repeats) = try compose(text)
        return (root, repeats.map { Diagnostic(.error, rule: "schema.parse", $0.message, at: SourceLocation(file: file, $0.position)) })
    }

    /// `compose(_:file:)` with what stops the file as a diagnostic too: `read` is false then
    /// (and `root` nil), and `diagnostics` ends with that one located error.
    static func composeLocated(_ text: String, file: String) -> (root: Node?, diagnostics: [Diagnostic], read: Bool) {
        do {
            let composed = try compose(text, file: file)
            return (composed.root, composed.diagnostics, true)
        } catch {
            return (nil, [yamlDiagnostic(error, file: file)], false)
        }
    }

    /// Composes `text`, reading past repeated keys in block mappings; throws what stops it.
    static func compose(_ text: String) throws -> (root: Node?, repeats: [Repeat]) {
        var source = text
        var repeats: [Repeat] = []
        while true {
            do {
                let root = try composeYAML(source)
                return (root, repeats.sorted { ($0.position.line, $0.position.column) < ($1.position.line, $1.position.column) })
            } catch let error as YamlError {
                guard case let .duplicatedKeysInMapping(keys, context) = error, repeats.count < limit,
                      let key = keys.first, let (blanked, found) = blank(key, after: context.mark, in: source) else {
                    throw error
                }
                source = blanked
                repeats.append(found)
            }
        }
    }

    /// `text` with the next occurrence of `key` after its first (at `mark`, in a block
    /// mapping) blanked out, or nil when there is none to be found that way.
    static func blank(_ key: String, after mark: Mark, in text: String) -> (String, Repeat)? {
        // "\r\n" is one Character in Swift: split on each of the line breaks libyaml knows.
        var lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        let indent = mark.column - 1
        guard mark.line >= 1, indent >= 0 else { return nil }
        var index = mark.line      // the line after the first occurrence (lines[] counts from 0)
        while index < lines.count {
            let (depth, rest) = indentation(of: lines[index])
            if rest.isEmpty || rest.hasPrefix("#") { index += 1; continue }
            if depth < indent { return nil }         // the mapping ended
            if depth == indent && startsWithKey(rest, key) {
                var end = index + 1
                while end < lines.count {
                    let (next, nextRest) = indentation(of: lines[end])
                    guard nextRest.isEmpty || next > indent else { break }
                    end += 1
                }
                for blankLine in index..<end { lines[blankLine] = "" }
                let found = Repeat(key: key, position: Position(line: index + 1, column: indent + 1), firstLine: mark.line)
                return (lines.joined(separator: "\n"), found)
            }
            index += 1
        }
        return nil
    }

    /// The indentation (spaces) of a line and the rest.
    private static func indentation(of line: Substring) -> (Int, Substring) {
        let rest = line.drop { $0 == " " }
        return (line.count - rest.count, rest)
    }

    /// `rest` starts with `key:` (plain, or in quotes) followed by a space or the line's end.
    private static func startsWithKey(_ rest: Substring, _ key: String) -> Bool {
        for written in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(written + ":") {
            let after = rest.dropFirst(written.count + 1)
            if after.isEmpty || after.first == " " || after.first == "\t" { return true }
        }
        return false
    }
}
