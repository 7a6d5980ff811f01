import Foundation
internal import CLua
import SamverkanCore

extension LuaRuntime {
    /// Loads a plugin file: runs it in its own globals and checks the table it returns.
    /// A broken plugin is a ``PluginProblem`` naming its file and line; it never stops the others.
    public func loadPlugin(_ file: PluginFile) -> Result<Plugin, PluginProblem> {
        naming(file.path)
        defer { naming(nil) }
        func problem(_ message: String, line: Int? = nil) -> Result<Plugin, PluginProblem> {
            .failure(PluginProblem(name: file.name, file: file.path, line: line, message: message))
        }
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return problem("cannot read the file")
        }
        let top = stack.top
        defer { stack.setTop(top) }
        do {
            try load(data, chunkName: file.path)
            Sandbox.pushEnvironment(in: self, arguments: [])
            lua_setupvalue(L, -2, 1)
            try call(arguments: 0, results: 1)
        } catch {
            guard let lua = error.lua, lua.chunk == file.path else { return problem(error.message) }
            return problem(lua.text, line: lua.line)
        }
        let table = stack.top
        stack.pushRef(refs.drivers)
        stack.getField(-1, "describe")
        stack.pushValue(table)
        // Under the limits like any call into Lua (describe runs none of the plugin's code,
        // but a huge table still takes time and memory to read).
        do { try call(arguments: 1, results: 3) } catch {
            return problem("cannot read the plugin table: \(error.message)")
        }
        guard stack.type(-3) == LUA_TTABLE else {
            let message = stack.string(at: -2) ?? "not a valid plugin"
            let field = stack.string(at: -1)
            return problem(message, line: Self.line(of: field, in: data))
        }
        let description = stack.absolute(-3)
        // A collection this data set lacks is checked where the plugin is used, not here:
        // shipped plugins are on every plugin path, whatever the data.
        var info = readInfo(description, file: file)
        info.params.sort { $0.name < $1.name }
        stack.pushValue(table)
        return .success(Plugin(info: info, tableRef: stack.ref()))
    }

    private func readInfo(_ d: Int32, file: PluginFile) -> PluginInfo {
        var params: [ParamSpec] = []
        if stack.getField(d, "params") == LUA_TTABLE {
            let list = stack.top
            for i in 0..<stack.rawLength(list) {
                stack.rawIndex(list, i + 1)
                let p = stack.top
                let type = ParamSpec.ParamType(rawValue: stack.rawString(p, "type") ?? "") ?? .string
                params.append(ParamSpec(
                    name: stack.rawString(p, "name") ?? "?", type: type, defaultValue: paramValue(p, "default", type),
                    required: stack.rawBool(p, "required"), enumValues: stack.rawStrings(p, "enum"),
                    description: stack.rawString(p, "description")))
                stack.pop()
            }
        }
        stack.pop()
        return PluginInfo(
            name: file.name, kind: PluginKind(rawValue: stack.rawString(d, "kind") ?? "") ?? file.folderKind,
            description: stack.rawString(d, "description") ?? "", tags: stack.rawStrings(d, "tags") ?? [],
            params: params, file: file.path, collection: stack.rawString(d, "collection"),
            requires: stack.rawStrings(d, "requires") ?? [], requiresAll: stack.rawBool(d, "requires_all"),
            columns: stack.rawStrings(d, "columns"), sort: stack.rawString(d, "sort"),
            severity: stack.rawString(d, "severity") == "warning" ? .warning : .error)
    }

    private func paramValue(_ table: Int32, _ name: String, _ type: ParamSpec.ParamType) -> ParamValue? {
        stack.getField(table, name)
        defer { stack.pop() }
        switch (type, stack.type(-1)) {
        case (.string, LUA_TSTRING): return stack.string(at: -1).map(ParamValue.string)
        case (.date, LUA_TSTRING): return stack.string(at: -1).map(ParamValue.date)
        case (.integer, LUA_TNUMBER): return stack.integer(at: -1).map(ParamValue.integer)
        case (.number, LUA_TNUMBER): return stack.number(at: -1).map(ParamValue.number)
        case (.boolean, LUA_TBOOLEAN): return .boolean(lua_toboolean(L, -1) != 0)
        default: return nil
        }
    }

    /// The line where `field = ` is set in the plugin's source, else the line of its last `return`.
    static func line(of field: String?, in data: Data) -> Int? {
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        if let field {
            for (i, line) in lines.enumerated() {
                let trimmed = line.drop { $0 == " " || $0 == "\t" }
                if trimmed.hasPrefix(field), trimmed.dropFirst(field.count).drop(while: { $0 == " " }).hasPrefix("=") {
                    return i + 1
                }
            }
            // A key inside a nested table on one line: `min = { type = "number", defualt = 3 }`.
            for (i, line) in lines.enumerated() {
                var rest = line[...]
                while let range = rest.range(of: field) {
                    let before = line[..<range.lowerBound].last
                    let after = line[range.upperBound...].drop { $0 == " " }
                    if before.map({ !($0.isLetter || $0.isNumber || $0 == "_") }) ?? true, after.hasPrefix("="), !after.hasPrefix("==") {
                        return i + 1
                    }
                    rest = line[range.upperBound...]
                }
            }
        }
        return lines.lastIndex { $0.hasPrefix("return") }.map { $0 + 1 }
    }
}

extension PluginInfo {
    /// A mistake in the plugin's own table found where it is used (a `columns` entry that
    /// names no field of the data at hand), located at the line that sets `key`.
    public func problem(_ message: String, key: String) -> PluginProblem {
        let line = FileManager.default.contents(atPath: file).flatMap { LuaRuntime.line(of: key, in: $0) }
        return PluginProblem(name: name, file: file, line: line, message: message)
    }
}

