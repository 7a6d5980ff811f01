import Foundation
internal import CLua
@_spi(LuaBridge) import SamverkanCore

/// Binds the knowledge base into a state: `kb`, records, collections and their methods.
enum Bridge {
    static func install(in runtime: LuaRuntime, base: Int32, primitives: Int32) throws(ScriptError) {
        let lua = runtime.stack
        // Records.
        // `__index` is the C fast path (shim.h), which hands all but plain fields to RecordBridge.index.
        runtime.refs.recordMetatable = makeMetatable(lua, name: "samverkan record", lock: "records are read-only", [
            "__newindex": RecordBridge.newIndex, "__eq": RecordBridge.equal, "__tostring": RecordBridge.toString,
        ], pointer: &runtime.refs.recordMetatablePointer, index: sv_push_record_index)
        var methods: [String: Int32] = [:]
        let recordMethods = [("key", RecordBridge.key), ("location", RecordBridge.location), ("fields", RecordBridge.fields)]
        try runtime.installAPI("record", recordMethods)
        for (name, _) in recordMethods {
            lua.getField(-1, name)
            methods[name] = lua.ref()
        }
        lua.pop()
        try runtime.installAPI("kb", [("collections", KnowledgeBaseBridge.collections)])
        lua.getField(-1, "collections")
        runtime.refs.kbCollections = lua.ref()
        lua.pop()
        let records = UnsafeMutableBufferPointer<RecordAccess>.allocate(capacity: runtime.kb.collections.count)
        for (c, collection) in runtime.kb.collections.enumerated() {
            (records.baseAddress! + c).initialize(to: makeAccess(lua, collection: collection, methods: methods, kb: runtime.kb))
        }
        runtime.bridge.pointee.records = records
        // Collections.
        // `__index` is the C fast path for `c[i]`; names go on to CollectionBridge.index.
        runtime.refs.collectionMetatable = makeMetatable(lua, name: "samverkan collection",
            lock: "collections are read-only", [
            "__newindex": CollectionBridge.newIndex,
            "__len": CollectionBridge.length, "__tostring": CollectionBridge.toString,
        ], pointer: &runtime.refs.collectionMetatablePointer, index: sv_push_collection_index)
        let fast = makeFastPaths(lua, kb: runtime.kb)
        runtime.bridge.pointee.fast = fast
        sv_set_fast_paths(runtime.L, fast.baseAddress, Int32(fast.count), runtime.refs.recordMetatable,
                          RecordBridge.index, CollectionBridge.index)
        lua.newTable()
        lua.pushValue(-1)
        runtime.refs.collectionMethods = lua.ref()
        let methodsIndex = lua.top
        try Sandbox.runPrelude(runtime, LuaSource.named("collections"), base: base) {
            lua.pushValue(methodsIndex)
            lua.pushValue(primitives)
            lua.pushRef(runtime.refs.api)
            return 3
        }
        lua.pop(2)
        // kb.
        runtime.refs.kbMetatable = makeMetatable(lua, name: "samverkan kb", lock: "kb is read-only", [
            "__index": KnowledgeBaseBridge.index, "__newindex": KnowledgeBaseBridge.newIndex,
            "__tostring": KnowledgeBaseBridge.toString,
        ], pointer: nil)
        _ = sv_newuserdata(runtime.L, 1)
        lua.pushRef(runtime.refs.kbMetatable)
        lua_setmetatable(runtime.L, -2)
        lua.setField(base, "kb")
    }

    /// Makes a metatable of Swift callbacks, locked against getmetatable; returns its registry ref.
    private static func makeMetatable(_ lua: LuaStack, name: String, lock: String,
                                      _ callbacks: [String: SwiftCallback],
                                      pointer: UnsafeMutablePointer<UnsafeRawPointer?>?,
                                      index: ((OpaquePointer) -> Void)? = nil) -> Int32 {
        lua.newTable(fields: callbacks.count + 3)
        for (event, callback) in callbacks {
            lua.push(callback)
            lua.setField(-2, event)
        }
        if let index {
            index(lua.L)
            lua.setField(-2, "__index")
        }
        lua.push(name)
        lua.setField(-2, "__name")
        lua.push(lock)
        lua.setField(-2, "__metatable")
        pointer?.pointee = lua_topointer(lua.L, -1)
        return lua.ref()
    }

    /// The C fast path's view of each collection: per field, in schema order, its interned
    /// name and its column's memory. The one map from a key to a field (shim_record.h).
    private static func makeFastPaths(_ lua: LuaStack, kb: KnowledgeBase) -> UnsafeMutableBufferPointer<sv_collection> {
        let fast = UnsafeMutableBufferPointer<sv_collection>.allocate(capacity: kb.collections.count)
        for (c, collection) in kb.collections.enumerated() {
            let fields = collection.schema.fields
            let columns = UnsafeMutablePointer<sv_column>.allocate(capacity: max(fields.count, 1))
            for (f, field) in fields.enumerated() {
                let column = collection.columns[f]
                let storage = column.storage
                let kind: Int
                switch column.kind {
                case .integer: kind = storage.integerSize == 4 ? SV_COLUMN_INTEGER32 : SV_COLUMN_INTEGER
                case .number: kind = SV_COLUMN_NUMBER
                case .boolean: kind = SV_COLUMN_BOOLEAN
                case .text, .date: kind = SV_COLUMN_TEXT
                case .ref, .values: kind = SV_COLUMN_OTHER
                }
                (columns + f).initialize(to: sv_column(
                    key: intern(lua, field.name), kind: Int32(kind), values: storage.values, ends: storage.ends,
                    missing: storage.missing, missing_words: storage.missingWords))
            }
            (fast.baseAddress! + c).initialize(to: sv_collection(columns: columns, count: Int32(fields.count)))
        }
        return fast
    }

    /// The address of `name` as an interned Lua string, anchored in the registry for the life
    /// of the state so that the address stays. (Names longer than Lua's short strings are not
    /// interned: their look-ups miss the address and go by name.)
    private static func intern(_ lua: LuaStack, _ name: String) -> UnsafeRawPointer? {
        lua.push(name)
        let address = lua_tolstring(lua.L, -1, nil).map { UnsafeRawPointer($0) }
        _ = lua.ref()
        return address
    }

    /// How a collection's records answer names that are not fields: relations and methods by
    /// the address of the interned name, and every name by its text.
    private static func makeAccess(_ lua: LuaStack, collection: CollectionStore, methods: [String: Int32],
                                   kb: KnowledgeBase) -> RecordAccess {
        var byName: [String: Slot] = [:]
        var entries: [SlotEntry] = []
        let fields: [(String, Slot)] = collection.schema.fields.enumerated().map { ($1.name, .field($0)) }
        let relations: [(String, Slot)] = collection.schema.relations.enumerated().map { ($1.name, .relation($0)) }
        let methodSlots: [(String, Slot)] = methods.sorted { $0.key < $1.key }.map { ($0.key, .method($0.value)) }
        // Of one name, a relation beats a field beats a method (the schema keeps them apart).
        for (name, slot) in methodSlots + fields + relations {
            byName[name] = slot
        }
        for (name, _) in relations + methodSlots {
            guard let slot = byName[name], let address = intern(lua, name),
                  !entries.contains(where: { $0.address == address }) else { continue }
            entries.append(SlotEntry(address: address, slot: slot))
        }
        let buffer = UnsafeMutableBufferPointer<SlotEntry>.allocate(capacity: entries.count)
        _ = buffer.initialize(from: entries)
        let targets = UnsafeMutableBufferPointer<Int32>.allocate(capacity: max(collection.schema.fields.count, 1))
        for (f, field) in collection.schema.fields.enumerated() {
            targets[f] = Int32(field.type.referencedCollection.flatMap { kb.collection($0)?.id } ?? -1)
        }
        return RecordAccess(entries: buffer, targets: targets, byName: byName)
    }
}
