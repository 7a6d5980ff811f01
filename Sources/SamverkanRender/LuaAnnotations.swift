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
        out += "kb = {}\n\n"
        out += "---The collection names, in schema order.\n---@return string[]\nfunction kb:collections() end\n"
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
        out += "local \(variable) = {}\n\n"
        out += "---The primary key (\(collection.key ?? "none: a single record")).\n"
        out += "---@return \(keyType)\nfunction \(variable):key() end\n\n"
        out += "---Where the record stands in its data file.\n"
        out += "---@return { file: string, line: integer, column: integer }\nfunction \(variable):location() end\n\n"
        out += "---The raw field values (refs as keys).\n"
        out += "---@return table<string, any>\nfunction \(variable):fields() end\n"
        return out
    }

    private static func collectionClass(_ collection: CollectionSchema, in schema: Schema) -> String {
        let r = recordClass(collection.name), c = collectionClass(collection.name)
        let variable = "collection_" + identifier(collection.name)
        let keyType = collection.keyIndex.map { luaType(collection.fields[$0].type) } ?? "any"
        let field = "string|fun(r: \(r)): any"
        let predicate = "fun(r: \(r)): boolean"
        var out = "---@class \(c)\n---@field [integer] \(r)\n---@field name string\n"
        out += "---@field schema { key: string?, fields: table<string, { type: string }> }\n"
        out += "local \(variable) = {}\n"
        let methods: [(doc: String, params: [String], returns: String, name: String)] = [
            ("Iterates over the records: `for r in c:each() do … end`.", [], "fun(): \(r)?", "each"),
            ("The record with this primary key, or nil.", ["key \(keyType)"], "\(r)?", "get"),
            ("The records for which `fn` is true.", ["fn \(predicate)"], c, "filter"),
            ("The records whose fields equal the given values (a ref matches its key or its record).",
             ["conditions table<string, any>"], c, "where"),
            ("The records sorted by a field or key function (stable; strings in Swedish order).",
             ["by \(field)", "direction? \"asc\"|\"desc\""], c, "sort_by"),
            ("The first `n` records.", ["n integer"], c, "limit"),
            ("`fn` of every record, as a plain array.", ["fn fun(r: \(r)): any"], "any[]", "map"),
            ("The records as a plain array.", [], "\(r)[]", "list"),
            ("The number of records (for which `fn` is true).", ["fn? \(predicate)"], "integer", "count"),
            ("The first record (for which `fn` is true), or nil.", ["fn? \(predicate)"], "\(r)?", "first"),
            ("Whether `fn` is true for some record.", ["fn \(predicate)"], "boolean", "any"),
            ("Whether `fn` is true for every record.", ["fn \(predicate)"], "boolean", "all"),
            ("The sum of a field or function.", ["f \(field)"], "number", "sum"),
            ("The smallest value of a field or function; nil when empty.", ["f \(field)"], "any", "min"),
            ("The largest value of a field or function; nil when empty.", ["f \(field)"], "any", "max"),
            ("The mean of a field or function; nil when empty.", ["f \(field)"], "number?", "avg"),
            ("Groups in order of first appearance.", ["f \(field)"], "{ key: any, items: \(c) }[]", "group_by"),
        ]
        for method in methods {
            out += "\n---\(method.doc)\n"
            for param in method.params { out += "---@param \(param)\n" }
            out += "---@return \(method.returns)\n"
            let names = method.params.map { $0.prefix { $0 != " " && $0 != "?" } }.joined(separator: ", ")
            out += "function \(variable):\(method.name)(\(names)) end\n"
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
    static func fieldName(_ name: String) -> String {
        let bare = !name.isEmpty && identifier(name) == name && !(name.first?.isNumber ?? false)
            && !luaKeywords.contains(name)
        return bare ? name : "[\"" + name.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"") + "\"]"
    }

    private static func comment(_ description: String?) -> String {
        description.map { " " + oneLine($0) } ?? ""
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }

    private static let luaKeywords: Set<String> = [
        "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto", "if", "in",
        "local", "nil", "not", "or", "repeat", "return", "then", "true", "until", "while",
    ]

    /// The globals and plugin arguments that do not depend on the schema (SPEC §5.4–5.6).
    private static let fixed = """
        ---Numbers, percentages and dates in the chosen locale (--locale sv|en).
        fmt = {}

        ---`1 421 781` (sv) or `1,421,781` (en).
        ---@param n number
        ---@param decimals? integer
        ---@return string
        function fmt.number(n, decimals) end

        ---A fraction as a percentage: `26,0 %` (sv) or `26.0%` (en).
        ---@param x number
        ---@param decimals? integer
        ---@return string
        function fmt.percent(x, decimals) end

        ---A date (`YYYY-MM-DD`) in the locale's way.
        ---@param d string
        ---@return string
        function fmt.date(d) end

        ---UTF-8 aware text helpers with Swedish collation.
        text = {}

        ---@param s string
        ---@return string
        function text.lower(s) end

        ---@param s string
        ---@return string
        function text.upper(s) end

        ---Whether `a` sorts before `b` in Swedish order.
        ---@param a string
        ---@param b string
        ---@return boolean
        function text.less(a, b) end

        ---The number of characters.
        ---@param s string
        ---@return integer
        function text.len(s) end

        ---Rejects the value of the plugin's parameter `name`; the command stops with a usage
        ---error (exit 2): `parameter 'name' message (plugin 'p')`. Does not return.
        ---@param name string
        ---@param message string
        function param_error(name, message) end

        ---A column of `out:table`: a title, or a title and a format.
        ---@alias samverkan.column string|{ title: string, format?: "text"|"number"|"percent"|"date", decimals?: integer }

        ---A table of a report; add rows with `t:row{ … }`.
        ---@class samverkan.table
        local report_table = {}

        ---@param cells any[]
        ---@return samverkan.table
        function report_table:row(cells) end

        ---The report document that a report's `run(kb, params, out)` builds.
        ---@class samverkan.out
        local out = {}

        ---@param s string
        function out:title(s) end

        ---@param s string
        function out:heading(s) end

        ---@param s string
        function out:paragraph(s) end

        ---@param items string[]
        function out:list(items) end

        ---@param facts { [1]: string, [2]: any }[]
        function out:facts(facts) end

        ---@param spec { columns: samverkan.column[], rows?: any[][], title?: string }
        ---@return samverkan.table
        function out:table(spec) end

        ---@param spec { kind?: "bar", title?: string, labels: string[], values: number[], format?: "number"|"percent", decimals?: integer }
        function out:chart(spec) end

        ---@param spec { level?: "regions"|"municipalities", title?: string, values: table<string|table, number>, format?: "number"|"percent", decimals?: integer }
        function out:map(spec) end

        ---Where a validation reports what it finds.
        ---@class samverkan.findings
        local findings = {}

        ---@param record table?
        ---@param message string
        ---@param opts? { field?: string }
        function findings:error(record, message, opts) end

        ---@param record table?
        ---@param message string
        ---@param opts? { field?: string }
        function findings:warning(record, message, opts) end

        ---With the plugin's default severity.
        ---@param record table?
        ---@param message string
        ---@param opts? { field?: string }
        function findings:add(record, message, opts) end

        """
}
