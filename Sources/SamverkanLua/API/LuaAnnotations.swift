import Foundation
import SamverkanCore

/// `samverkan types`: Lua language server (LuaLS) annotations, a `---@meta` file, that
/// describe `kb` from the schema, so that an editor completes `kb.municipalities[1].region.name`
/// and flags `m.populaton`; plus the fixed globals (`fmt`, `text`) and what plugin functions
/// receive (`out`, `findings`).
///
/// Each collection gets two classes: `samverkan.<name>` for its records (fields, relations,
/// `key`/`location`/`fields`) and `samverkan.<name>.collection` for the collection and every
/// view of it (`filter`, `sort_by`, … return that class again). Fields that are not required
/// are optional (`T?`), since a record may lack them.
public enum LuaAnnotations {
    public static func render(_ schema: Schema) -> String {
        var out = """
            ---@meta samverkan
            -- Lua language server (LuaLS) annotations for the knowledge base of \(schema.file),
            -- written by `samverkan types`; run it again after changing the schema.


            """
        out += knowledgeBase(schema)
        for collection in schema.collections {
            out += "\n" + record(collection, in: schema)
            // A single collection is its record: `kb.organisation` is never a collection.
            if !collection.single { out += "\n" + collectionClass(collection, in: schema) }
        }
        out += "\n" + fixed
        return out
    }

    /// The class name of a collection's records.
    static func recordClass(_ name: String) -> String { "samverkan." + identifier(name) }

    /// The class name of a collection and its views.
    static func collectionClass(_ name: String) -> String { "samverkan." + identifier(name) + ".collection" }

    private static func knowledgeBase(_ schema: Schema) -> String {
        var out = "---The knowledge base: one field per collection of the schema (read-only).\n"
        out += "---@class samverkan.kb\n"
        for collection in schema.collections {
            let type = collection.single ? recordClass(collection.name) : collectionClass(collection.name)
            out += "---@field \(fieldName(collection.name)) \(type)\(comment(collection.description))\n"
        }
        out += "kb = {}\n"
        for function in LuaAPI.kb.functions { out += "\n" + Self.function(function, owner: "kb:") }
        return out
    }

    private static func record(_ collection: CollectionSchema, in schema: Schema) -> String {
        let type = recordClass(collection.name)
        var out = ""
        if let description = collection.description { out += "---\(oneLine(description))\n" }
        out += "---@class \(type)\n"
        for field in collection.fields {
            let optional = field.required || field.name == collection.key ? "" : "?"
            out += "---@field \(fieldName(field.name)) \(luaType(field.type))\(optional)\(comment(field.description))\n"
        }
        for relation in collection.relations {
            out += "---@field \(fieldName(relation.name)) \(collectionClass(relation.collection))"
                + " The \(relation.collection) whose \(relation.field) is this record\n"
        }
        let variable = "record_" + identifier(collection.name)
        let keyType = collection.keyIndex.map { luaType(collection.fields[$0].type) } ?? "nil"
        out += "local \(variable) = {}\n"
        for function in LuaAPI.record.functions {
            out += "\n" + Self.function(function, owner: variable + ":", substitute: { $0.replacingOccurrences(of: "$K", with: keyType) })
        }
        return out
    }

    private static func collectionClass(_ collection: CollectionSchema, in schema: Schema) -> String {
        let r = recordClass(collection.name), c = collectionClass(collection.name)
        let variable = "collection_" + identifier(collection.name)
        let keyType = collection.keyIndex.map { luaType(collection.fields[$0].type) } ?? "any"
        var out = "---@class \(c)\n---@field [integer] \(r)\n"
        for field in LuaAPI.collection.fields { out += "---@field \(field.name) \(field.luaType) \(field.summary)\n" }
        out += "local \(variable) = {}\n"
        for function in LuaAPI.collection.functions {
            out += "\n" + Self.function(function, owner: variable + ":", substitute: { $0
                .replacingOccurrences(of: "$R", with: r).replacingOccurrences(of: "$C", with: c)
                .replacingOccurrences(of: "$K", with: keyType) })
        }
        return out
    }

    static func luaType(_ type: FieldType) -> String {
        switch type {
        case .string, .date: "string"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .ref(let target): recordClass(target)
        case .list(let item): luaType(item) + "[]"
        }
    }

    /// A class name part: letters, digits and `_` (what LuaLS reads in a name without quotes).
    static func identifier(_ name: String) -> String {
        String(name.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") ? $0 : "_" })
    }

    /// A field name as LuaLS reads it: bare when an identifier, else `["…"]`.
    static func fieldName(_ name: String) -> String { LuaLiteral.key(name) }

    private static func comment(_ description: String?) -> String {
        description.map { " " + oneLine($0) } ?? ""
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    /// One function's annotation: its summary, `@param`s, `@return` and a stub.
    static func function(_ function: APIFunction, owner: String, substitute: (String) -> String = { $0 }) -> String {
        var out = "---\(function.summary)\n"
        for parameter in function.parameters { out += "---@param \(substitute(parameter.annotation))\n" }
        if let returns = function.returns { out += "---@return \(substitute(returns))\n" }
        let names = function.parameters.map(\.name).joined(separator: ", ")
        return out + "function \(owner)\(function.name)(\(names)) end\n"
    }

    /// The globals, the libraries and what plugin functions receive, from the declaration;
    /// none depends on the schema.
    private static var fixed: String {
        var out = ""
        for function in LuaAPI.globals.functions { out += Self.function(function, owner: "") + "\n" }
        for library in [LuaAPI.fmt, LuaAPI.text] {
            out += "---\(library.summary)\n\(library.name) = {}\n"
            for function in library.functions { out += "\n" + Self.function(function, owner: library.prefix) }
            out += "\n"
        }
        out += """
            ---How a column or value is formatted.
            ---@alias samverkan.format "text"|"number"|"percent"|"date"

            ---Text per language: the run's `--locale` picks one.
            ---@alias samverkan.localized { sv: string, en: string }

            ---A column of `out:table`: a title, or a title and a format.
            ---@alias samverkan.column string|samverkan.localized|{ title: string|samverkan.localized, format?: samverkan.format, decimals?: integer }


            """
        for (apiClass, type, variable) in [(LuaAPI.table, "samverkan.table", "report_table"),
                                           (LuaAPI.out, "samverkan.out", "out"), (LuaAPI.findings, "samverkan.findings", "findings")] {
            out += "---\(apiClass.summary)\n---@class \(type)\nlocal \(variable) = {}\n"
            for function in apiClass.functions { out += "\n" + Self.function(function, owner: variable + ":") }
            out += "\n"
        }
        out += "---A parameter spec: `params = { NAME = { type = …, default = … } }`.\n---@class samverkan.param\n"
        for key in LuaAPI.paramKeys { out += "---@field \(key.name)\(key.name == "type" ? "" : "?") \(key.luaType) \(key.summary)\n" }
        for kind in PluginKind.allCases {
            out += "\n---The table a \(kind.rawValue) plugin returns.\n---@class samverkan.plugin.\(kind.rawValue)\n"
            for key in LuaAPI.keys(of: kind) { out += "---@field \(key.name)\(key.name == "kind" ? "" : "?") \(key.luaType) \(key.summary)\n" }
        }
        return out
    }
}
