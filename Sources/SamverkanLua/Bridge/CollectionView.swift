internal import CLua
import SamverkanCore

/// A collection or a filtered/sorted view of one, as Lua holds it: userdata with a
/// header and the row indexes (none for a whole collection in source order).
struct CollectionView {
    let collection: Int
    let count: Int
    private let rows: UnsafePointer<Int32>?

    /// The row of the i-th record (0-based).
    func row(_ i: Int) -> Int { rows.map { Int($0[i]) } ?? i }

    /// All rows, in view order.
    var allRows: [Int32] {
        guard let rows else { return (0..<Int32(count)).map { $0 } }
        return Array(UnsafeBufferPointer(start: rows, count: count))
    }

    fileprivate init(header: UnsafeMutableRawPointer) {
        let h = header.load(as: ViewHeader.self)
        collection = Int(h.collection)
        count = Int(h.count)
        rows = h.all != 0 ? nil : UnsafePointer((header + MemoryLayout<ViewHeader>.stride).assumingMemoryBound(to: Int32.self))
    }
}

extension LuaRuntime {
    /// [+1] Pushes the whole collection in source order.
    func pushCollection(_ collection: Int) {
        pushViewHeader(ViewHeader(collection: Int32(collection), count: Int32(kb.collections[collection].count),
                                  all: 1, reserved: 0), rows: [])
    }

    /// [+1] Pushes a view of the given rows.
    func pushView(collection: Int, rows: [Int32]) {
        pushViewHeader(ViewHeader(collection: Int32(collection), count: Int32(rows.count), all: 0, reserved: 0),
                       rows: rows)
    }

    private func pushViewHeader(_ header: ViewHeader, rows: [Int32]) {
        bridge.pointee.noteRead(Int(header.collection))
        let size = MemoryLayout<ViewHeader>.stride + rows.count * MemoryLayout<Int32>.stride
        if let memory = sv_newuserdata(L, size) {
            memory.storeBytes(of: header, as: ViewHeader.self)
            rows.withUnsafeBytes { bytes in
                if let base = bytes.baseAddress {
                    (memory + MemoryLayout<ViewHeader>.stride).copyMemory(from: base, byteCount: bytes.count)
                }
            }
        }
        stack.pushRef(refs.collectionMetatable)
        lua_setmetatable(L, -2)
    }

    /// The view at `index`, if the value there is one of our collections.
    func view(at index: Int32) -> CollectionView? {
        guard lua_type(L, index) == LUA_TUSERDATA, lua_getmetatable(L, index) != 0 else { return nil }
        let isView = lua_topointer(L, -1) == refs.collectionMetatablePointer
        stack.pop()
        guard isView, let memory = lua_touserdata(L, index) else { return nil }
        return CollectionView(header: memory)
    }
}
