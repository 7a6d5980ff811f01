import Foundation
internal import CLua
import SamverkanCore

/// Binds the knowledge base into a state: `kb`, records, collections and their methods.
enum Bridge {
    static func install(in runtime: LuaRuntime, base: Int32) throws(ScriptError) {
        let lua = runtime.stack
        // Records.
        runtime.refs.recordMetatable = makeMetatable(lua, name: "samverkan record", lock: "records are read-only", [
            "__index": RecordBridge.index, "__newindex": RecordBridge.newIndex,
            "__eq": RecordBridge.equal, "__tostring": RecordBridge.toString,
        ], pointer: &runtime.refs.recordMetatablePointer)
        var methods: [String: Int32] = [:]
        for (name, callback) in [("key", RecordBridge.key), ("location", RecordBridge.location),
                                 ("fields", RecordBridge.fields)] {
            lua.push(callback)
            methods[name] = lua.ref()
        }
        runtime.slots = runtime.kb.collections.map { makeSlots(lua, collection: $0, methods: methods) }
        // Collections.
        runtime.refs.collectionMetatable = makeMetatable(lua, name: "samverkan collection",
            lock: "collections are read-only", [
            "__index": CollectionBridge.index, "__newindex": CollectionBridge.newIndex,
            "__len": CollectionBridge.length, "__tostring": CollectionBridge.toString,
        ], pointer: &runtime.refs.collectionMetatablePointer)
        lua.newTable()
        lua.pushValue(-1)
        runtime.refs.collectionMethods = lua.ref()
        let methodsIndex = lua.top
        try Sandbox.runPrelude(runtime, source: collectionPrelude, name: "=[samverkan collections]", base: base) {
            lua.pushValue(methodsIndex)
            CollectionPrimitives.pushTable(lua)
            return 2
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
                                      pointer: UnsafeMutablePointer<UnsafeRawPointer?>?) -> Int32 {
        lua.newTable(fields: callbacks.count + 2)
        for (event, callback) in callbacks {
            lua.push(callback)
            lua.setField(-2, event)
        }
        lua.push(name)
        lua.setField(-2, "__name")
        lua.push(lock)
        lua.setField(-2, "__metatable")
        pointer?.pointee = lua_topointer(lua.L, -1)
        return lua.ref()
    }

    /// Interns the field, relation and method names of a collection and maps their addresses to slots.
    private static func makeSlots(_ lua: LuaStack, collection: CollectionStore, methods: [String: Int32]) -> FieldSlots {
        var slots = FieldSlots()
        var entries: [(String, Slot)] = methods.map { ($0.key, .method($0.value)) }
        entries += collection.schema.fields.enumerated().map { ($1.name, .field($0)) }
        entries += collection.schema.relations.enumerated().map { ($1.name, .relation($0)) }
        for (name, slot) in entries {
            slots.byName[name] = slot
            lua.push(name)
            if let address = lua_tolstring(lua.L, -1, nil) {
                slots.byAddress[UnsafeRawPointer(address)] = slot
            }
            _ = lua.ref()   // anchored in the registry for the life of the state, so the address stays
        }
        return slots
    }
}
