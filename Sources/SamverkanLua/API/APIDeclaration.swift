import SamverkanCore

/// The shapes the one declaration of the Lua API (``LuaAPI``) is written in. Everything
/// scripts see is an ``APIFunction`` of an ``APIClass`` (a global table, a class of objects
/// such as collections, or the globals themselves), with typed ``APIParameter``s; the
/// tables plugins return are ``PluginKey``s. The runtime installs and checks from it, and
/// `samverkan types`, `samverkan help api` and `docs/lua-api.md` are written from it.

/// What an argument must be, as the argument check tests it and its message names it.
public enum APIValue: String, Sendable, CaseIterable {
    case string
    /// A string, or a number taken as its text (as Lua's own string functions take it).
    case text
    /// Text, or text per language `{ sv = …, en = … }` that the run's locale picks.
    case localized
    case integer
    case number
    case boolean
    case function
    case table
    /// A field path of the collection, or a function of a record.
    case fieldOrFunction = "field|function"
    /// A key value (string or number) or the record itself.
    case key
    case record
    /// Anything (no check).
    case any

    /// The words of `bad argument #1 to 'sum' (field name or function expected, got nil)`.
    public var expected: String {
        switch self {
        case .fieldOrFunction: "field name or function"
        case .key: "key or record"
        case .text: "string"
        case .localized: "string or { sv = …, en = … }"
        default: rawValue
        }
    }
}

/// One parameter of a function.
public struct APIParameter: Sendable {
    public let name: String
    public let value: APIValue
    public let optional: Bool
    /// Its type as the Lua language server reads it; `$R`, `$C` and `$K` stand for the
    /// record class, the collection class and the key type of the collection at hand.
    public let luaType: String

    public init(_ name: String, _ value: APIValue, _ luaType: String? = nil, optional: Bool = false) {
        self.name = name
        self.value = value
        self.optional = optional
        self.luaType = luaType ?? (value == .any ? "any" : value == .text ? "string|number"
            : value == .localized ? "string|number|samverkan.localized" : value.rawValue)
    }

    /// `n number` or `decimals? integer`, as LuaLS annotations write it.
    var annotation: String { "\(name)\(optional ? "?" : "") \(luaType)" }
}

/// A global table or a class of objects whose functions scripts call.
public struct APIClass: Sendable {
    /// The name in messages and docs: `collection`, `fmt`, `out`.
    public let name: String
    /// True when its functions are methods, called with a colon on an object of the class.
    public let methods: Bool
    /// How a call is written in messages and docs: `fmt.` gives `fmt.number`, `out:` gives
    /// `out:title`, "" gives the bare name (`sum`, as Lua's own messages name methods).
    public let prefix: String
    /// What its objects are called in messages and examples: `c` in `c:sum(…)`.
    public let variable: String
    public let summary: String
    public let functions: [APIFunction]
    /// Plain fields of its objects (`c.name`), for the reference and the annotations.
    public let fields: [APIField]

    public init(_ name: String, methods: Bool, prefix: String, variable: String? = nil, summary: String,
                fields: [APIField] = [], _ functions: [APIFunction]) {
        self.name = name
        self.methods = methods
        self.prefix = prefix
        self.variable = variable ?? name
        self.summary = summary
        self.fields = fields
        self.functions = functions
    }

    /// The function named `name`.
    public func function(_ name: String) -> APIFunction? { functions.first { $0.name == name } }
}

/// A field of an object: `c.name`.
public struct APIField: Sendable {
    public let name: String
    public let luaType: String
    public let summary: String

    public init(_ name: String, _ luaType: String, _ summary: String) {
        self.name = name
        self.luaType = luaType
        self.summary = summary
    }
}

/// One function or method.
public struct APIFunction: Sendable {
    public let name: String
    public let parameters: [APIParameter]
    /// Extra arguments are allowed (`print(…)`); otherwise one too many is an error.
    public let variadic: Bool
    /// The LuaLS return type (templated like ``APIParameter/luaType``); nil returns nothing.
    public let returns: String?
    public let summary: String
    public let example: String

    public init(_ name: String, _ parameters: [APIParameter] = [], variadic: Bool = false, returns: String? = nil,
                _ summary: String, example: String) {
        self.name = name
        self.parameters = parameters
        self.variadic = variadic
        self.returns = returns
        self.summary = summary
        self.example = example
    }
}

/// A key of a plugin table or of a parameter spec.
public struct PluginKey: Sendable {
    public let name: String
    /// The kinds whose tables may have it (all three for the common keys).
    public let kinds: [PluginKind]
    public let value: APIValue
    /// Its type in docs and annotations: `"error"|"warning"`, `string[]`.
    public let luaType: String
    public let summary: String

    public init(_ name: String, _ kinds: [PluginKind], _ value: APIValue, _ luaType: String, _ summary: String) {
        self.name = name
        self.kinds = kinds
        self.value = value
        self.luaType = luaType
        self.summary = summary
    }
}
