import SamverkanCore

/// Registry references the bridge makes once per state.
struct BridgeRefs {
    var newEnvironment: Int32 = 0
    /// The plugin drivers table (describe, report, filter, validation, compile_where).
    var drivers: Int32 = 0
    var recordMetatable: Int32 = 0
    var collectionMetatable: Int32 = 0
    var kbMetatable: Int32 = 0
    /// The table of collection methods (Swift and prelude Lua functions).
    var collectionMethods: Int32 = 0
    /// Metatable identities, to recognise our userdata without string look-ups.
    var recordMetatablePointer: UnsafeRawPointer?
    var collectionMetatablePointer: UnsafeRawPointer?
}

/// What a key on a record means.
enum Slot: Sendable {
    case field(Int)
    case relation(Int)
    /// A record method, by its registry reference.
    case method(Int32)
}

/// The slots of one collection, found by the address of the interned Lua key string
/// (short strings are interned, so equal keys share one address) or, failing that, by name.
struct FieldSlots {
    var byAddress: [UnsafeRawPointer: Slot] = [:]
    var byName: [String: Slot] = [:]
}

/// A record as Lua holds it: full userdata of two integers.
struct RecordHandle {
    var collection: Int32
    var row: Int32
}

/// The header of a collection view; `count` row indexes follow it unless `all` is set.
struct ViewHeader {
    var collection: Int32
    var count: Int32
    /// 1 when the view is the whole collection in source order (no rows stored).
    var all: Int32
    var reserved: Int32
}
