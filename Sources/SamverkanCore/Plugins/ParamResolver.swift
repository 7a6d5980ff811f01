/// Turns `-p name=value` options into a plugin's typed parameters, before any script runs.
public enum ParamResolver {
    /// The parameters with defaults filled in, or a usage error naming the plugin and the parameter.
    public static func resolve(_ assignments: [String], specs: [ParamSpec], plugin: String)
        -> Result<[String: ParamValue], ParamError> {
        var values: [String: ParamValue] = [:]
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                return .failure(ParamError("-p expects name=value, got '\(assignment)' (plugin '\(plugin)')"))
            }
            let name = String(assignment[..<equals])
            let text = String(assignment[assignment.index(after: equals)...])
            guard let spec = specs.first(where: { $0.name == name }) else {
                return .failure(unknown(name, specs: specs, plugin: plugin))
            }
            // Two values for one name is a slip (an edited command line): neither is a guess.
            guard values[name] == nil else {
                return .failure(ParamError("parameter '\(name)' is given twice; give it once (plugin '\(plugin)')"))
            }
            switch spec.convert(text) {
            case .success(let value): values[name] = value
            case .failure(let error): return .failure(ParamError("\(error.message) (plugin '\(plugin)')"))
            }
        }
        for spec in specs where values[spec.name] == nil {
            if let value = spec.defaultValue {
                values[spec.name] = value
            } else if spec.required {
                return .failure(ParamError("plugin '\(plugin)' needs -p \(spec.name)=… (\(spec.summary))"))
            }
        }
        return .success(values)
    }

    private static func unknown(_ name: String, specs: [ParamSpec], plugin: String) -> ParamError {
        guard !specs.isEmpty else {
            return ParamError("unknown parameter '\(name)': plugin '\(plugin)' takes no parameters")
        }
        let hint = didYouMean(name, in: specs.map(\.name)) ?? ""
        let list = specs.map { "  " + $0.summary }.joined(separator: "\n")
        return ParamError("unknown parameter '\(name)' for plugin '\(plugin)'\(hint); its parameters are:\n\(list)")
    }
}
