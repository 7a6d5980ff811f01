import Testing
@testable import SamverkanCore

/// The byte-keyed memo ref linking looks keys up in.
@Suite struct RefKeyMemoTests {
    static func row(_ memo: RefKeyMemo, _ key: String) -> Int32? {
        var key = key
        return key.withUTF8 { memo.row(for: $0) }
    }

    @Test func remembersEachKeyByItsBytesAcrossGrowth() {
        var memo = RefKeyMemo()
        for i in 0..<1000 {
            var key = "Region \(i) ö"
            key.withUTF8 { memo.insert($0, row: Int32(i % 7 == 0 ? -1 : i)) }
        }
        #expect(Self.row(memo, "Region 12 ö") == 12)
        #expect(Self.row(memo, "Region 14 ö") == -1, "a key that resolves to nothing is remembered too")
        #expect(Self.row(memo, "Region 12 o") == nil, "ö and o differ")
        #expect(Self.row(memo, "Region 1") == nil, "a prefix is another key")
        #expect(Self.row(memo, "") == nil)
        var empty = ""
        empty.withUTF8 { memo.insert($0, row: 3) }
        #expect(Self.row(memo, "") == 3)
    }
}
