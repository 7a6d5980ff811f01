/// The rows ref keys resolve to, looked up by their UTF-8 bytes.
///
/// A ref column of a million rows names a hundred regions: each distinct key is resolved
/// once through the target's ``KeyIndex`` (which takes a `String`), and every other row finds
/// it here by the FNV-1a hash of its bytes and a byte compare, with no `String` made. Written
/// by hand because the standard dictionaries hash values, and a `String` or `[UInt8]` per
/// lookup was most of the cost of linking.
struct RefKeyMemo {
    private struct Slot { var hash: UInt64; var start: Int; var length: Int; var row: Int32 }
    private var slots: [Slot?] = Array(repeating: nil, count: 64)
    private var arena: [UInt8] = []
    private var used = 0

    /// The row remembered for `key` (-1: it resolves to nothing), or nil when not seen yet.
    func row(for key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = FNV1a.hash(key)
        var i = Int(truncatingIfNeeded: hash) & (slots.count - 1)
        while let slot = slots[i] {
            if slot.hash == hash && slot.length == key.count && equal(slot, key) { return slot.row }
            i = (i + 1) & (slots.count - 1)
        }
        return nil
    }

    /// Remembers that `key` resolves to `row` (-1 for none).
    mutating func insert(_ key: UnsafeBufferPointer<UInt8>, row: Int32) {
        if (used + 1) * 2 > slots.count { grow() }
        let slot = Slot(hash: FNV1a.hash(key), start: arena.count, length: key.count, row: row)
        arena.append(contentsOf: key)
        place(slot)
        used += 1
    }

    private mutating func place(_ slot: Slot) {
        var i = Int(truncatingIfNeeded: slot.hash) & (slots.count - 1)
        while slots[i] != nil { i = (i + 1) & (slots.count - 1) }
        slots[i] = slot
    }

    private mutating func grow() {
        let old = slots
        slots = Array(repeating: nil, count: old.count * 2)
        for case let slot? in old { place(slot) }
    }

    private func equal(_ slot: Slot, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        arena.withUnsafeBufferPointer { all in
            for k in 0..<slot.length where all[slot.start + k] != key[k] { return false }
            return true
        }
    }
}
