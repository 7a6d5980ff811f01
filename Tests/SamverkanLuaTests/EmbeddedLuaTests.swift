import Foundation
import Testing
@testable import SamverkanLua

/// The Lua the binary carries is the Lua in `Sources/SamverkanLua/Lua/`: every file there is
/// embedded (listed in `lua_files.h`), byte for byte as it is now. (A build does not notice an
/// edited .lua file by itself; `make build` and `make test` touch `embed.S` when one is newer.)
@Suite struct EmbeddedLuaTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Sources/SamverkanLua/Lua")

    @Test func everyLuaFileOfTheHostIsEmbedded() throws {
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".lua") }.map { String($0.dropLast(4)) }.sorted()
        #expect(LuaSource.all.map(\.name).sorted() == onDisk)
    }

    @Test func theEmbeddedCopyIsTheFileAsItIsNow() throws {
        for source in LuaSource.all {
            let file = Self.folder.appendingPathComponent(source.name + ".lua")
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(source.text == text, "\(source.name).lua changed since the build: touch Sources/SamverkanLuaCode/embed.S (make build does)")
        }
    }
}
