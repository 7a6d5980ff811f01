/// 64-bit FNV-1a: stable across runs, machines and Swift versions (Swift's `Hasher` is
/// seeded per process), cheap over bytes. Finding fingerprints and ref key lookups use it.
enum FNV1a {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// `hash` with `byte` mixed in.
    @inline(__always)
    static func mix(_ hash: UInt64, _ byte: UInt8) -> UInt64 { (hash ^ UInt64(byte)) &* prime }

    static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 { bytes.reduce(offset, mix) }
}
