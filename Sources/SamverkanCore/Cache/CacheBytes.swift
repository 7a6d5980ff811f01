import Foundation

/// Why a cache file was not used: it is rebuilt, never trusted.
struct CacheCorrupt: Error {
    let reason: String
    init(_ reason: String) { self.reason = reason }
}

/// The bytes of a cache file as they are written: little-endian fixed-width numbers,
/// strings and arrays as a count and their bytes. (A format of our own because the
/// snapshot is arrays of plain numbers, copied whole; Codable would visit every element.)
struct CacheWriter {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    mutating func u8(_ value: UInt8) { bytes.append(value) }
    mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
    mutating func u64(_ value: UInt64) { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    mutating func int(_ value: Int) { u64(UInt64(bitPattern: Int64(value))) }
    mutating func f64(_ value: Double) { u64(value.bitPattern) }

    mutating func string(_ value: String) {
        var text = value
        text.withUTF8 { utf8 in
            int(utf8.count)
            bytes.append(contentsOf: utf8)
        }
    }

    mutating func optional<T>(_ value: T?, _ write: (inout CacheWriter, T) -> Void) {
        guard let value else { return u8(0) }
        u8(1)
        write(&self, value)
    }

    /// An array of plain values (numbers; not `Bool`, whose other bit patterns are not
    /// values: write booleans as bytes), as its count and its memory.
    mutating func array<T: BitwiseCopyable>(_ values: [T]) {
        int(values.count)
        values.withUnsafeBytes { bytes.append(contentsOf: $0) }
    }

    mutating func list<T>(_ values: [T], _ write: (inout CacheWriter, T) -> Void) {
        int(values.count)
        for value in values { write(&self, value) }
    }
}

/// Reads what ``CacheWriter`` wrote; every read is checked against the end, so a
/// truncated or altered file is a ``CacheCorrupt``, never a crash.
struct CacheReader {
    private let base: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) { base = bytes }

    var atEnd: Bool { offset == base.count }

    private mutating func take(_ count: Int) throws(CacheCorrupt) -> UnsafeRawBufferPointer {
        guard count >= 0, count <= base.count - offset else { throw CacheCorrupt("it ends early") }
        defer { offset += count }
        return UnsafeRawBufferPointer(rebasing: base[offset..<offset + count])
    }

    mutating func u8() throws(CacheCorrupt) -> UInt8 { try take(1)[0] }

    mutating func bool() throws(CacheCorrupt) -> Bool {
        switch try u8() {
        case 0: return false
        case 1: return true
        default: throw CacheCorrupt("a flag is neither 0 nor 1")
        }
    }

    mutating func u64() throws(CacheCorrupt) -> UInt64 {
        UInt64(littleEndian: try take(8).loadUnaligned(as: UInt64.self))
    }

    mutating func int() throws(CacheCorrupt) -> Int {
        let value = Int64(bitPattern: try u64())
        guard let int = Int(exactly: value) else { throw CacheCorrupt("a number is out of range") }
        return int
    }

    /// A count of things, each at least `size` bytes: never more than the bytes left.
    mutating func count(each size: Int) throws(CacheCorrupt) -> Int {
        let count = try int()
        guard count >= 0, count <= (base.count - offset) / max(size, 1) else { throw CacheCorrupt("a count is past the end") }
        return count
    }

    mutating func f64() throws(CacheCorrupt) -> Double { Double(bitPattern: try u64()) }

    mutating func int32() throws(CacheCorrupt) -> Int32 {
        guard let value = Int32(exactly: try int()) else { throw CacheCorrupt("a position is out of range") }
        return value
    }

    mutating func string() throws(CacheCorrupt) -> String {
        let bytes = try take(try count(each: 1))
        guard let text = String(validating: bytes, as: UTF8.self) else { throw CacheCorrupt("a text is not UTF-8") }
        return text
    }

    mutating func optional<T>(_ read: (inout CacheReader) throws(CacheCorrupt) -> T) throws(CacheCorrupt) -> T? {
        try bool() ? try read(&self) : nil
    }

    mutating func array<T: BitwiseCopyable>(of type: T.Type) throws(CacheCorrupt) -> [T] {
        let count = try count(each: MemoryLayout<T>.stride)
        let source = try take(count * MemoryLayout<T>.stride)
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            if let target = buffer.baseAddress, let address = source.baseAddress {
                UnsafeMutableRawPointer(target).copyMemory(from: address, byteCount: source.count)
            }
            initialized = count
        }
    }

    mutating func list<T>(_ read: (inout CacheReader) throws(CacheCorrupt) -> T) throws(CacheCorrupt) -> [T] {
        let count = try count(each: 1)
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try read(&self)) }
        return values
    }
}
