import Foundation
import SamverkanCore
import SamverkanLua
import Testing

/// The runtime in-process: one state runs script after script, even after failures.
@Suite struct RuntimeTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/kb").path

    static func runtime(timeout: Double = 30, memory: Int = 256) throws -> LuaRuntime {
        var options = RuntimeOptions()
        options.timeout = timeout
        options.memoryLimitMB = memory
        options.gracePeriod = 30
        return try LuaRuntime(kb: KnowledgeBaseLoader.load(directory: fixture), options: options)
    }

    @Test func evaluateReturnsResultsAsText() throws {
        let runtime = try Self.runtime()
        #expect(try runtime.evaluate("return 1, 2.5, 'x', nil, true, kb.municipalities") ==
            ["1", "2.5", "x", "nil", "true", "userdata"])
    }

    @Test func theStateRunsTheNextScriptAfterATimeout() throws {
        let runtime = try Self.runtime(timeout: 0.5)
        #expect(throws: ScriptError.timeout(seconds: 0.5)) { try runtime.evaluate("while true do end") }
        #expect(try runtime.evaluate("return #kb.municipalities") == ["9"])
    }

    @Test func theStateRunsTheNextScriptAfterTheMemoryLimit() throws {
        let runtime = try Self.runtime(memory: 32)
        #expect(throws: ScriptError.memory(megabytes: 32)) {
            try runtime.evaluate("local t = {} for i = 1, 1e8 do t[i] = i end")
        }
        #expect(try runtime.evaluate("return kb.municipalities:get('1280').name") == ["Malmö"])
    }

    @Test func scriptsDoNotShareGlobals() throws {
        let runtime = try Self.runtime()
        _ = try runtime.evaluate("shared = 42")
        #expect(throws: ScriptError.self) { try runtime.evaluate("return shared") }
        #expect(try runtime.evaluate("return rawget(_G, 'shared')") == ["nil"])
    }

    @Test func syntaxErrorsAreTheirOwnKind() throws {
        let runtime = try Self.runtime()
        #expect(throws: ScriptError.syntax(LuaMessage("check:1: unexpected symbol near '+'", chunks: []))) {
            try runtime.evaluate("return + +", chunkName: "=check")
        }
    }

    @Test func whereRowsCompilesOnceAndNamesTheRecordOnError() throws {
        let runtime = try Self.runtime()
        let store = try #require(runtime.kb.collection("municipalities"))
        let rows = try runtime.whereRows("population > 100000 and region.code == '12'", in: store)
        #expect(rows.map { store.key(of: $0) } == ["1280", "1281"])
        #expect(throws: WhereError.self) { try runtime.whereRows("name ..", in: store) }
        do {
            _ = try runtime.whereRows("tags[1] == 'stad'", in: store)
            Issue.record("expected an error")
        } catch .invalid(let message, let column) {
            #expect(message == "tags is missing (nil) in municipalities[1257], so it cannot be compared or computed with; test it first: tags ~= nil and …")
            #expect(column == 0)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}

/// Lua's error text is taken apart once, into the fields every layer reads.
@Suite struct LuaMessageTests {
    @Test(arguments: [
        ("/a:b/x.lua:12: boom", ["/a:b/x.lua"], "/a:b/x.lua", 12, "boom", nil),
        ("chunk:3: unexpected symbol near '='", [], "chunk", 3, "unexpected symbol near '='", LuaMessage.Near.token("=")),
        ("--where:1: unexpected symbol near <eof>", ["--where"], "--where", 1, "unexpected symbol near <eof>", .end),
        ("municipalities[1280]: --where:1: attempt to compare", ["--where"], nil, nil,
         "municipalities[1280]: --where:1: attempt to compare", nil),
        ("went wrong", [], nil, nil, "went wrong", nil),
    ] as [(String, [String], String?, Int?, String, LuaMessage.Near?)])
    func aMessageIsTakenApartOnce(text: String, chunks: [String], chunk: String?, line: Int?, rest: String,
                                  near: LuaMessage.Near?) {
        let message = LuaMessage(text, chunks: chunks)
        #expect(message.chunk == chunk)
        #expect(message.line == line)
        #expect(message.text == rest)
        #expect(message.near == near)
        #expect(message.full == text)
    }
}
