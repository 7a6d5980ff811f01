internal import CLua
import SamverkanCore

/// Registry references the bridge makes once per state.
struct BridgeRefs {
    var newEnvironment: Int32 = 0
    /// api.lua's table: install, fail, truth, instances (the Lua API's checks).
    var api: Int32 = 0
    /// `kb:collections`, wrapped in its checks.
    var kbCollections: Int32 = 0
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

/// What the bridge keeps per state, read on every record access (see ``LuaRuntime/bridge``).
/// Plain memory, so the hot path reads it without reference counting.
struct BridgeState {
    var refs = BridgeRefs()
    /// Per collection (by id): how its records answer `r.name`.
    var records = UnsafeMutableBufferPointer<RecordAccess>(start: nil, count: 0)
    /// The C side (shim_record.h): per collection, every field's interned name and memory.
    var fast = UnsafeMutableBufferPointer<sv_collection>(start: nil, count: 0)
    /// The collections (by id) whose records or views Lua was given since the last reset:
    /// what a validation read, to tell which of its findings may follow from an unread row.
    /// A bit each for the first 64 (a record pushed through a ref costs one OR), then a set.
    var readMask: UInt64 = 0
    var readBeyondMask: Set<Int> = []

    @inline(__always)
    mutating func noteRead(_ collection: Int) {
        if collection < 64 { readMask |= 1 << UInt64(collection) } else { readBeyondMask.insert(collection) }
    }

    /// The collections read since `readMask` and `readBeyondMask` were last cleared.
    func collectionsRead(of count: Int) -> [Int] {
        (0..<count).filter { $0 < 64 ? readMask & (1 << UInt64($0)) != 0 : readBeyondMask.contains($0) }
    }

    /// Frees the record access tables (after the state is closed).
    mutating func free() {
        for access in records {
            access.entries.deallocate()
            access.targets.deallocate()
        }
        records.deinitialize()
        records.deallocate()
        records = UnsafeMutableBufferPointer(start: nil, count: 0)
        for collection in fast { UnsafeMutablePointer(mutating: collection.columns)?.deallocate() }
        fast.deallocate()
        fast = UnsafeMutableBufferPointer(start: nil, count: 0)
    }
}

/// What a key on a record means.
enum Slot: Sendable {
    case field(Int)
    case relation(Int)
    /// A record method, by its registry reference.
    case method(Int32)
}

/// How the records of one collection answer `r.name` when the name is not a field (fields
/// are found by the C table, ``BridgeState/fast``): entries found by the address of the
/// interned Lua key string (short strings are interned, so equal keys share one address;
/// a handful of names is faster to scan than to hash) or, failing that, by name.
struct RecordAccess {
    /// Relations and methods.
    var entries: UnsafeMutableBufferPointer<SlotEntry>
    /// Per field: the collection id its refs point into, -1 for none.
    var targets: UnsafeMutableBufferPointer<Int32>
    /// Every name, fields included (for names Lua does not intern).
    var byName: [String: Slot]

    /// The entry of an interned key string.
    @inline(__always)
    func entry(at address: UnsafeRawPointer) -> UnsafeMutablePointer<SlotEntry>? {
        guard var e = entries.baseAddress else { return nil }
        let end = e + entries.count
        while e < end {
            if e.pointee.address == address { return e }
            e += 1
        }
        return nil
    }
}

/// One name a record answers to.
struct SlotEntry {
    /// The address of the interned key string (anchored in the registry).
    let address: UnsafeRawPointer
    let slot: Slot
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
