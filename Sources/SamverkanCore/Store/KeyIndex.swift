/// Rows by key value: integers hashed as integers, everything else by its text.
///
/// Hashing a million integer keys as `String`s was most of the load time of a 1M-row
/// file; typed keys make the key index and the uniqueness checks several times faster.
/// Integer keys that strictly increase row by row (ids in file order) are not hashed at all:
/// row r holds the r-th key, so a look-up is a binary search over the key column itself.
public struct KeyIndex: Sendable {
    private var integers: [Int: Int32] = [:]
    private var texts: [String: Int32] = [:]
    /// A key column whose integers strictly increase, one per row (shares its storage).
    private var sorted: ColumnData?

    init(capacity: Int = 0) {
        integers.reserveCapacity(capacity)
    }

    /// The index of a key column whose integers strictly increase, with nothing missing.
    init(sorted column: ColumnData) {
        sorted = column
    }

    /// Adds a value's row; returns the earlier row when the value is already there.
    mutating func insert(_ value: Value, row: Int32) -> Int32? {
        if case .integer(let i) = value {
            if let earlier = integers[i] { return earlier }
            integers[i] = row
        } else {
            let text = value.text
            if let earlier = texts[text] { return earlier }
            texts[text] = row
        }
        return nil
    }

    /// The row of a key written as text (`"1280"`, `"2024"`).
    public func row(for key: String) -> Int32? {
        if let row = texts[key] { return row }
        if !integers.isEmpty, let i = Int(key) { return integers[i] }
        if let sorted, sorted.count > 0, let i = Int(key) { return Self.search(sorted, for: i) }
        return nil
    }

    private static func search(_ keys: ColumnData, for key: Int) -> Int32? {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys.integer(middle) < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys.integer(low) == key ? Int32(low) : nil
    }

    /// The number of keys.
    public var count: Int { integers.count + texts.count + (sorted?.count ?? 0) }

    /// Some keys, for "did you mean …?" hints (only for small collections).
    public var sampleKeys: [String] {
        guard count <= 2000 else { return [] }
        let sortedKeys = sorted.map { column in (0..<column.count).map { String(column.integer($0)) } } ?? []
        return texts.keys.map { $0 } + integers.keys.map { String($0) } + sortedKeys
    }
}
