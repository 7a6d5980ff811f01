/// The values of one field for every row of a collection, stored by the field's type
/// (ENGINEERING §4): integers, numbers and booleans in typed arrays; strings, dates and
/// ref keys as UTF-8 bytes in one buffer with an end offset per row; lists as ``Value``s.
/// Missing values are bits in a set that stays empty while nothing is missing.
///
/// Reading `column[row]` gives the same ``Value`` the store always gave; code on a hot path
/// (the Lua bridge) reads the typed storage directly through ``kind`` and the accessors.
/// A column is immutable once loaded; it is a class so that handing it around costs one
/// reference count, not one per array inside.
public final class FieldColumn: RandomAccessCollection, Sendable {
    /// How the values are stored; follows from the field's type.
    public enum Kind: Sendable, Equatable {
        case integer, number, boolean
        /// `string` fields.
        case text
        /// `date` fields (`YYYY-MM-DD` text).
        case date
        /// `ref` fields: the key as text and the row it resolves to.
        case ref
        /// `list` fields (and any column whose text outgrew 4 GB): plain values.
        case values
    }

    let data: ColumnData

    init(_ data: ColumnData) { self.data = data }

    public var kind: Kind { data.kind }
    public var count: Int { data.count }
    public var startIndex: Int { 0 }
    public var endIndex: Int { data.count }
    public typealias Element = Value
    public typealias Index = Int
    public typealias Indices = Range<Int>

    /// The value of a row, as ``Value``.
    public subscript(row: Int) -> Value { data[row] }

    /// True when the row has no value.
    public func isMissing(_ row: Int) -> Bool { data.isMissing(row) }

    /// True when some row has no value.
    public var hasMissing: Bool { data.hasMissing }

    /// The integer of a row of an `integer` column (0 when missing).
    public func integer(_ row: Int) -> Int { data.integer(row) }

    /// The number of a row of a `number` column (0 when missing).
    public func number(_ row: Int) -> Double { data.number(row) }

    /// The boolean of a row of a `boolean` column (false when missing).
    public func boolean(_ row: Int) -> Bool { data.boolean(row) }

    /// The row a `ref` column's value resolves to (-1 when broken or missing).
    public func refRow(_ row: Int) -> Int32 { data.refRow(row) }

    /// The stored value of a row of a `values` column.
    public func storedValue(_ row: Int) -> Value { data.storedValue(row) }

    /// Calls `body` with the UTF-8 bytes of a row of a `text`, `date` or `ref` column.
    public func withUTF8<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try data.withUTF8(row, body)
    }

    /// Where the typed values lie in memory, for readers outside Swift (the Lua bridge's C
    /// fast path): `values` holds integers of `integerSize` bytes (`integer`), Doubles
    /// (`number`), one byte per boolean (`boolean`) or the UTF-8 text (`text`, `date`,
    /// `ref`) with `ends`; bit r of `missing` is set when row r is missing. A loaded column
    /// never changes, so the memory stays where it is while the column lives.
    /// Not part of the public API: only the Lua bridge reads it (`@_spi(LuaBridge) import`).
    @_spi(LuaBridge) public struct Storage {
        public let values: UnsafeRawPointer?
        /// 4 (Int32) or 8 (Int64), for `integer` columns.
        public let integerSize: Int
        public let ends: UnsafePointer<UInt32>?
        public let missing: UnsafePointer<UInt64>?
        public let missingWords: Int
    }

    @_spi(LuaBridge) public var storage: Storage { data.storage }
}

/// The storage of a ``FieldColumn``, appended to while a file is read.
struct ColumnData: Sendable {
    typealias Kind = FieldColumn.Kind

    private(set) var kind: Kind
    private(set) var count = 0
    /// Integers as Int32 while every one fits (half the memory), else as Int.
    private(set) var narrowIntegers: [Int32] = []
    private(set) var integers: [Int] = []
    private(set) var wideIntegers = false
    private(set) var reservedRows = 0
    private(set) var numbers: [Double] = []
    private(set) var booleans: [Bool] = []
    /// Text of row r: `bytes[ends[r-1]..<ends[r]]` (from 0 for row 0).
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [UInt32] = []
    private(set) var refRows: [Int32] = []
    private(set) var values: [Value] = []
    /// Bit r set: row r is missing. Words are added only when a bit is set.
    private(set) var missing: [UInt64] = []

    static func kind(of type: FieldType) -> Kind {
        switch type {
        case .integer: .integer
        case .number: .number
        case .boolean: .boolean
        case .string: .text
        case .date: .date
        case .ref: .ref
        case .list: .values
        }
    }

    /// A column as a snapshot kept it (``KnowledgeBaseCache``): the arrays as they were.
    init(restoring kind: Kind, count: Int, narrowIntegers: [Int32], integers: [Int], wideIntegers: Bool, numbers: [Double],
         booleans: [Bool], bytes: [UInt8], ends: [UInt32], refRows: [Int32], values: [Value], missing: [UInt64]) {
        self.kind = kind
        self.count = count
        self.narrowIntegers = narrowIntegers
        self.integers = integers
        self.wideIntegers = wideIntegers
        self.numbers = numbers
        self.booleans = booleans
        self.bytes = bytes
        self.ends = ends
        self.refRows = refRows
        self.values = values
        self.missing = missing
    }

    init(type: FieldType, capacity: Int) {
        kind = Self.kind(of: type)
        switch kind {
        case .integer: narrowIntegers.reserveCapacity(capacity); reservedRows = capacity
        case .number: numbers.reserveCapacity(capacity)
        case .boolean: booleans.reserveCapacity(capacity)
        case .text, .date: ends.reserveCapacity(capacity)
        case .ref: ends.reserveCapacity(capacity); refRows.reserveCapacity(capacity)
        case .values: values.reserveCapacity(capacity)
        }
    }

    // MARK: - Reading

    /// The value of a row, as ``Value``.
    subscript(row: Int) -> Value {
        if isMissing(row) { return .missing }
        switch kind {
        case .integer: return .integer(integer(row))
        case .number: return .number(numbers[row])
        case .boolean: return .boolean(booleans[row])
        case .text: return .string(string(row))
        case .date: return .date(string(row))
        case .ref: return .ref(key: string(row), row: refRows[row])
        case .values: return values[row]
        }
    }

    /// True when the row has no value.
    @inline(__always)
    func isMissing(_ row: Int) -> Bool {
        let word = row >> 6
        return word < missing.count && missing[word] & (1 << UInt64(row & 63)) != 0
    }

    /// True when some row has no value.
    var hasMissing: Bool { !missing.isEmpty }

    /// The integer of a row of an `integer` column (0 when missing).
    @inline(__always)
    func integer(_ row: Int) -> Int { wideIntegers ? integers[row] : Int(narrowIntegers[row]) }

    /// The number of a row of a `number` column (0 when missing).
    @inline(__always)
    func number(_ row: Int) -> Double { numbers[row] }

    /// The boolean of a row of a `boolean` column (false when missing).
    @inline(__always)
    func boolean(_ row: Int) -> Bool { booleans[row] }

    /// The row a `ref` column's value resolves to (-1 when broken or missing).
    @inline(__always)
    func refRow(_ row: Int) -> Int32 { refRows[row] }

    /// The stored value of a row of a `values` column.
    @inline(__always)
    func storedValue(_ row: Int) -> Value { values[row] }

    /// Calls `body` with the UTF-8 bytes of a row of a `text`, `date` or `ref` column.
    @inline(__always)
    func withUTF8<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = row == 0 ? 0 : Int(ends[row - 1])
        let end = Int(ends[row])
        return try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[start..<end]))
        }
    }

    /// See ``FieldColumn/Storage``. (The arrays are not changed after loading, so their
    /// buffers do not move.)
    var storage: FieldColumn.Storage {
        func address<T>(_ array: [T]) -> UnsafeRawPointer? {
            array.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
        }
        let values: UnsafeRawPointer?
        switch kind {
        case .integer: values = wideIntegers ? address(integers) : address(narrowIntegers)
        case .number: values = address(numbers)
        case .boolean: values = address(booleans)
        case .text, .date, .ref: values = address(bytes)
        case .values: values = nil
        }
        return FieldColumn.Storage(values: values, integerSize: wideIntegers ? 8 : 4,
                                   ends: address(ends)?.assumingMemoryBound(to: UInt32.self),
                                   missing: address(missing)?.assumingMemoryBound(to: UInt64.self),
                                   missingWords: missing.count)
    }

    /// The text of a row of a `text`, `date` or `ref` column.
    func string(_ row: Int) -> String {
        withUTF8(row) { String(decoding: $0, as: UTF8.self) }
    }

    /// True for an `integer` column with nothing missing whose integers strictly increase
    /// (so a key index can search it instead of hashing it).
    var strictlyIncreasing: Bool {
        guard kind == .integer, missing.isEmpty else { return false }
        func increasing<T: Comparable>(_ values: [T]) -> Bool {
            values.withUnsafeBufferPointer { p -> Bool in
                var k = 1
                while k < p.count {
                    if p[k - 1] >= p[k] { return false }
                    k &+= 1
                }
                return true
            }
        }
        return wideIntegers ? increasing(integers) : increasing(narrowIntegers)
    }

    // MARK: - Building

    private mutating func markMissing(_ row: Int) {
        let word = row >> 6
        while missing.count <= word { missing.append(0) }
        missing[word] |= 1 << UInt64(row & 63)
    }

    /// Appends a missing value.
    mutating func appendMissing() {
        markMissing(count)
        switch kind {
        case .integer: if wideIntegers { integers.append(0) } else { narrowIntegers.append(0) }
        case .number: numbers.append(0)
        case .boolean: booleans.append(false)
        case .text, .date: ends.append(UInt32(truncatingIfNeeded: bytes.count))
        case .ref: ends.append(UInt32(truncatingIfNeeded: bytes.count)); refRows.append(-1)
        case .values: values.append(.missing)
        }
        count += 1
    }

    /// Appends a value of the column's type (any other value turns the column into plain values).
    mutating func append(_ value: Value) {
        switch (kind, value) {
        case (_, .missing): appendMissing(); return
        case (.integer, .integer(let i)): appendInteger(i); return
        case (.number, .number(let d)): numbers.append(d)
        case (.boolean, .boolean(let b)): booleans.append(b)
        case (.text, .string(let s)), (.date, .date(let s)):
            var text = s
            if !text.withUTF8({ appendTextBytes($0) }) { degradeToValues(); values.append(value) }
        case (.ref, .ref(let key, let row)):
            var text = key
            if text.withUTF8({ appendTextBytes($0) }) { refRows.append(row) } else { degradeToValues(); values.append(value) }
        case (.values, _): values.append(value)
        default:
            degradeToValues()
            values.append(value)
        }
        count += 1
    }

    @inline(__always) mutating func appendInteger(_ value: Int) {
        if !wideIntegers, let narrow = Int32(exactly: value) {
            narrowIntegers.append(narrow)
        } else {
            if !wideIntegers { widenIntegers() }
            integers.append(value)
        }
        count += 1
    }

    /// Moves the integers to Int storage: one did not fit in Int32.
    private mutating func widenIntegers() {
        integers.reserveCapacity(max(reservedRows, narrowIntegers.count + 1))
        integers.append(contentsOf: narrowIntegers.lazy.map(Int.init))
        narrowIntegers = []
        wideIntegers = true
    }
    @inline(__always) mutating func appendNumber(_ value: Double) { numbers.append(value); count += 1 }
    @inline(__always) mutating func appendBoolean(_ value: Bool) { booleans.append(value); count += 1 }

    /// Appends text (to a `text` or `date` column) from UTF-8 bytes; `doubledQuotes` undoes CSV's `""`.
    mutating func appendText(_ p: UnsafeBufferPointer<UInt8>, doubledQuotes: Bool = false) -> Bool {
        guard appendTextBytes(p, doubledQuotes: doubledQuotes) else { return false }
        count += 1
        return true
    }

    /// Appends a ref key from UTF-8 bytes; it resolves later (``setRefRow(_:_:)``).
    mutating func appendRef(_ p: UnsafeBufferPointer<UInt8>, doubledQuotes: Bool = false) -> Bool {
        guard appendTextBytes(p, doubledQuotes: doubledQuotes) else { return false }
        refRows.append(-1)
        count += 1
        return true
    }

    /// Adds bytes and their end offset; false (nothing added) when the offsets would pass 4 GB.
    private mutating func appendTextBytes(_ p: UnsafeBufferPointer<UInt8>, doubledQuotes: Bool = false) -> Bool {
        guard bytes.count + p.count <= Int(UInt32.max) else { return false }
        if doubledQuotes {
            var k = 0
            while k < p.count {
                let c = p[k]
                bytes.append(c)
                k += c == ReaderBytes.quote ? 2 : 1
            }
        } else {
            bytes.append(contentsOf: p)
        }
        ends.append(UInt32(bytes.count))
        return true
    }

    /// Reserves text room for `scale` times the text so far, at most `limit` bytes (after a
    /// sample of rows), so a large column does not grow by copying itself. Room not used is
    /// not touched, so it costs address space, not memory.
    mutating func reserveText(scale: Double, limit: Int) {
        guard kind == .text || kind == .date || kind == .ref else { return }
        let estimate = min(Double(bytes.count) * scale, Double(limit), Double(UInt32.max))
        if estimate > Double(bytes.capacity) { bytes.reserveCapacity(Int(estimate)) }
    }

    /// Sets the row a ref resolves to (`ref` columns).
    mutating func setRefRow(_ row: Int, _ target: Int32) { refRows[row] = target }

    /// Replaces a stored value (`values` columns; the value stays present).
    mutating func setStoredValue(_ row: Int, _ value: Value) { values[row] = value }

    /// Keeps every value as a ``Value`` from now on (text past 4 GB, or a value of another type).
    private mutating func degradeToValues() {
        guard kind != .values else { return }
        let old = self
        values = (0..<count).map { old[$0] }
        integers = []; narrowIntegers = []; numbers = []; booleans = []; bytes = []; ends = []; refRows = []
        kind = .values
    }
}
