/// Rows by key value: integers hashed as integers, everything else by its text.
///
/// Hashing a million integer keys as `String`s was most of the load time of a 1M-row
/// file; typed keys make the key index and the uniqueness checks several times faster.
/// Integer keys that strictly increase row by row (ids in file order) are not hashed at all:
/// row r holds the r-th key, so a look-up is a binary search over the key column itself.
public struct KeyIndex: Sendable {
    private var integers: [Int: Int32] = [:]
    private var texts: [String: Int32] = [:]
    /// Strictly increasing keys, one per row (shares the key column's storage).
    private var sorted: [Int] = []

    init(capacity: Int = 0) {
        integers.reserveCapacity(capacity)
    }

    /// The index of a key column whose integers strictly increase, with nothing missing.
    init(sortedIntegers: [Int]) {
        sorted = sortedIntegers
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
        if !sorted.isEmpty, let i = Int(key) { return Self.search(sorted, for: i) }
        return nil
    }

    private static func search(_ keys: [Int], for key: Int) -> Int32? {
        var low = 0, high = keys.count
        while low < high {
            let middle = (low + high) / 2
            if keys[middle] < key { low = middle + 1 } else { high = middle }
        }
        return low < keys.count && keys[low] == key ? Int32(low) : nil
    }

    /// The number of keys.
    public var count: Int { integers.count + texts.count + sorted.count }

    /// Some keys, for "did you mean …?" hints (only for small collections).
    public var sampleKeys: [String] {
        count > 2000 ? [] : texts.keys.map { $0 } + integers.keys.map { String($0) } + sorted.map { String($0) }
    }
}
