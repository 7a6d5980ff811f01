import Foundation
import Testing
@testable import SamverkanLua

/// The Lua API is declared once (LuaAPI.swift); what is written from it must follow it.
@Suite struct LuaAPITests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test func theCommittedReferenceIsTheDeclarations() throws {
        let committed = try String(contentsOf: Self.root.appendingPathComponent("docs/lua-api.md"), encoding: .utf8)
        #expect(committed == APIReference.markdown(), "docs/lua-api.md is stale: run `make docs`")
    }

    /// Every declared function is in the reference and the annotations with its summary, so
    /// changing a description in the declaration changes both.
    @Test func everyFunctionIsDocumentedAndAnnotatedWithItsSummary() throws {
        let runtime = try RuntimeTests.runtime()
        let markdown = APIReference.markdown()
        let annotations = LuaAnnotations.render(runtime.kb.schema)
        for apiClass in LuaAPI.classes {
            for function in apiClass.functions {
                #expect(markdown.contains("### `\(APIReference.signature(apiClass, function))`"), "\(function.name)")
                #expect(markdown.contains(function.summary))
                #expect(annotations.contains("---\(function.summary)\n"), "\(apiClass.name).\(function.name)")
            }
        }
        for key in LuaAPI.pluginKeys + LuaAPI.paramKeys { #expect(annotations.contains(key.summary)) }
    }

    /// The runtime starts only when every declared function is implemented and every
    /// implementation declared (api.lua's check_complete): a runtime starting is the proof.
    @Test func everyDeclaredFunctionIsInstalledAndChecked() throws {
        let runtime = try RuntimeTests.runtime()
        for (source, message) in [
            ("return kb.municipalities:sum()", "bad argument #1 to 'sum' (field name or function expected, got no value)"),
            ("return kb.municipalities:sum(nil)", "bad argument #1 to 'sum' (field name or function expected, got nil)"),
            ("return fmt.number('x')", "bad argument #1 to 'fmt.number' (number expected, got string)"),
            ("return text.len({})", "bad argument #1 to 'text.len' (string expected, got table)"),
            ("return kb.municipalities:limit(1, 2)", "too many arguments to 'limit' (2 given; it takes 1 argument, n)"),
            ("return kb.municipalities[1].key()", "'key' is a method: call it with a colon, r:key(…), not r.key(…)"),
            ("return kb.collections()", "'kb:collections' is a method: call it with a colon, kb:collections(…), not kb.collections(…)"),
            ("return require(1)", "bad argument #1 to 'require' (string expected, got number)"),
        ] {
            #expect(throws: ScriptError.self) { _ = try runtime.evaluate(source, chunkName: "=t") }
            do { _ = try runtime.evaluate(source, chunkName: "=t") } catch {
                #expect(error.lua?.text == message, "\(source)")
            }
        }
    }
}
