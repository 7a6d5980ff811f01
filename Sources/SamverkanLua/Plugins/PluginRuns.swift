internal import CLua
import SamverkanCore

extension LuaRuntime {
    /// Runs a report plugin and returns the document it built.
    public func runReport(_ plugin: Plugin, params: [String: ParamValue]) throws(ScriptError) -> ReportDocument {
        naming(plugin.info.file)
        defer { naming(nil) }
        let top = stack.top
        defer { stack.setTop(top) }
        pushDriver("report")
        stack.pushRef(plugin.tableRef)
        pushParams(params)
        try call(arguments: 2, results: 1)
        return readDocument(at: stack.top)
    }

    /// Runs a filter plugin's `match` over its collection; returns the rows it kept, and
    /// whether `match` returned nil for every record (it may lack a `return`).
    public func runFilter(_ plugin: Plugin, params: [String: ParamValue]) throws(ScriptError) -> FilterResult {
        naming(plugin.info.file)
        defer { naming(nil) }
        guard let store = plugin.info.collection.flatMap(kb.collection) else { return FilterResult(rows: [], alwaysNil: false) }
        let top = stack.top
        defer { stack.setTop(top) }
        pushDriver("filter")
        stack.pushRef(plugin.tableRef)
        pushCollection(store.id)
        pushParams(params)
        stack.push(plugin.info.name)
        try call(arguments: 4, results: 2)
        return FilterResult(rows: view(at: -2)?.allRows.map(Int.init) ?? [], alwaysNil: lua_toboolean(L, -1) != 0)
    }

    /// Runs a validation plugin; its findings become diagnostics whose rule is the plugin's name.
    /// Afterwards `collectionsRead` names the collections it read.
    public func runValidation(_ plugin: Plugin, params: [String: ParamValue]) throws(ScriptError) -> [Diagnostic] {
        naming(plugin.info.file)
        defer { naming(nil) }
        bridge.pointee.readMask = 0
        bridge.pointee.readBeyondMask = []
        let top = stack.top
        defer { stack.setTop(top) }
        pushDriver("validation")
        stack.pushRef(plugin.tableRef)
        if let store = plugin.info.collection.flatMap(kb.collection) { pushCollection(store.id) } else { stack.pushNil() }
        pushParams(params)
        try call(arguments: 3, results: 1)
        return readFindings(at: stack.top, rule: plugin.info.name)
    }

    /// The collections whose records the last `runValidation` was given, in schema order.
    public var collectionsRead: [String] {
        bridge.pointee.collectionsRead(of: kb.collections.count).map { kb.collections[$0].name }
    }

    /// Whether `text` matches the Lua pattern `pattern`; a malformed pattern is an error.
    /// Under the limits: a pattern can take long on a long text.
    public func matches(_ text: String, pattern: String) throws(ScriptError) -> Bool {
        let top = stack.top
        defer { stack.setTop(top) }
        pushDriver("matches")
        stack.push(text)
        stack.push(pattern)
        try call(arguments: 2, results: 1)
        return lua_toboolean(L, -1) != 0
    }

    /// [+1] A driver function of the plugin prelude.
    func pushDriver(_ name: String) {
        stack.pushRef(refs.drivers)
        stack.getField(-1, name)
        stack.remove(-2)
    }

    /// [+1] The parameters as a Lua table.
    func pushParams(_ params: [String: ParamValue]) {
        stack.newTable(fields: params.count)
        for (name, value) in params {
            switch value {
            case .string(let s), .date(let s): stack.push(s)
            case .integer(let i): stack.push(i)
            case .number(let d): stack.push(d)
            case .boolean(let b): stack.push(b)
            }
            stack.setField(-2, name)
        }
    }
}

/// What a filter's `match` kept.
public struct FilterResult: Sendable {
    public let rows: [Int]
    /// `match` returned nil for every record of a non-empty collection.
    public let alwaysNil: Bool
}

extension LuaStack {
    /// [-1] Removes the value at `index`.
    func remove(_ index: Int32) { sv_remove(L, index) }
}
