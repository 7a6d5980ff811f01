/// A 64-bit hash of a file's bytes, to tell whether a data file or a cache file is still
/// the one a snapshot was made from. It reads eight bytes at a time in four independent
/// lanes, so hashing a 32 MB CSV costs a few milliseconds (FNV-1a, a byte at a time, would
/// cost more than reading the snapshot). It detects change, not tampering: the cache
/// holds nothing a user could not compute, and is rebuilt whenever in doubt.
enum ContentHash {
    private static let prime1: UInt64 = 0x9E37_79B1_85EB_CA87
    private static let prime2: UInt64 = 0xC2B2_AE3D_27D4_EB4F

    @inline(__always)
    private static func round(_ lane: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (lane ^ word) &* prime1
        return (mixed << 31 | mixed >> 33) &* prime2
    }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        guard let base = bytes.baseAddress else { return round(0, 0) }
        let count = bytes.count
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (1, 2, 3, 4)
        var offset = 0
        while offset + 32 <= count {
            lanes.0 = round(lanes.0, base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            lanes.1 = round(lanes.1, base.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            lanes.2 = round(lanes.2, base.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            lanes.3 = round(lanes.3, base.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
            offset += 32
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        var h = round(round(round(round(UInt64(count), lanes.0), lanes.1), lanes.2), lanes.3)
        while offset < count {
            tail |= UInt64(base.load(fromByteOffset: offset, as: UInt8.self)) << shift
            shift += 8
            offset += 1
            if shift == 64 {
                h = round(h, tail)
                tail = 0
                shift = 0
            }
        }
        h = round(h, tail)
        return h ^ (h >> 29)
    }
}
