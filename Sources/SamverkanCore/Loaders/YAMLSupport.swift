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
    let (problem, mark): (String, Mark?) = {
        switch error as? YamlError {
        case let .scanner(context, problem, mark, _),
            let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            let prefix = context.map { "\($0.text) " } ?? ""
            // "found unexpected end of stream" is where the file ends; where the unclosed
            // thing began is what the user needs to see.
            if problem.contains("end of stream"), let start = context?.mark {
                return ("YAML syntax error: \(prefix)that starts here, the file ends before it is closed", start)
            }
            return ("YAML syntax error: \(prefix)\(problem)", mark)
        case let .reader(problem, _, _, _):
            return ("the file cannot be read as UTF-8 text: \(problem)", nil)
        case let .duplicatedKeysInMapping(duplicates, context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ("duplicate key \(keys) in a mapping; each key may appear once", context.mark)
        case .dataCouldNotBeDecoded:
            return ("the file is not UTF-8 text", nil)
        default:
            return ("YAML error: \(error)", nil)
        }
    }()
    let location = SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
    return Diagnostic(.error, rule: "schema.parse", problem, at: location)
}
