import Foundation
import Testing

/// The bugs lua.org lists for Lua 5.4.4 (fixed in 5.4.5–5.4.8) that a script can reach, one
/// test each, named after the bug: what a script that triggers it gets from samverkan on
/// Debian 12's liblua5.4 (docs/security.md has the table, with the bugs no script reaches).
@Suite struct LuaBugTests {
    /// "stack overflow with nesting of coroutine.close": a chain of coroutines each closing
    /// the previous one from a __close handler. Bounded in the shim at 200, as 5.4.5 does.
    @Test func stackOverflowWithNestingOfCoroutineClose() throws {
        let result = try CLI.runScript("""
            local coro, count = false, 0
            for i = 1, 100000 do
              local previous = coro
              coro = coroutine.create(function()
                local cc <close> = setmetatable({}, { __close = function()
                  count = count + 1
                  if previous then assert(coroutine.close(previous)) end
                end })
                coroutine.yield()
              end)
              assert(coroutine.resume(coro))
            end
            local ok, message = coroutine.close(coro)
            print(ok, count, message:match("C stack overflow %(coroutine.close nested more than 200 deep%)"))
            """, options: ["--timeout", "60"])
        #expect(result.signal == nil)
        #expect(result.status == 0)
        #expect(result.stdout == "false\t200\tC stack overflow (coroutine.close nested more than 200 deep)\n")
    }

    /// The same chain at the top of a validation plugin: `validate` reports the failed rule.
    @Test func nestedCoroutineCloseInAValidationDoesNotKillValidate() throws {
        let root = CLI.emptyFolder()
        try CLI.write(["s/validations/closing.lua": """
            local coro = false
            for i = 1, 20000 do
              local previous = coro
              coro = coroutine.create(function()
                local cc <close> = setmetatable({}, { __close = function()
                  if previous then assert(coroutine.close(previous)) end
                end })
                coroutine.yield()
              end)
              coroutine.resume(coro)
            end
            assert(coroutine.close(coro))
            return { kind = "validation", description = "closes", collection = "regions", check = function() end }
            """], under: root)
        let result = try CLI.run(["validate", "--data", CLI.fixture("kb"), "--scripts", "s", "closing"], in: root)
        #expect(result.signal == nil)
        #expect(result.status == 4)
        #expect(result.stderr.hasPrefix("error: invalid plugin: s/validations/closing.lua:12: "))
        #expect(result.stderr.hasSuffix("C stack overflow (coroutine.close nested more than 200 deep)\n"))
    }

    /// "Recursion in 'getobjname' can stack overflow": the message of an error at the end of
    /// a long field chain recursed once per field in C. The command runs on a 512 MB stack and
    /// chunks are at most 4 MB, which bounds the recursion.
    @Test func recursionInGetobjnameCanStackOverflow() throws {
        let result = try CLI.runScript("""
            local src = "local t = setmetatable({}, { __index = function(t) return t end }) return t"
              .. string.rep(".x", 100000) .. "()"
            print(pcall(load(src)))
            """, options: ["--timeout", "120"])
        #expect(result.signal == nil)
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("attempt to call a table value (field 'x')\n"))
    }

    /// The chunk limit that bounds it: 4 MB of Lua, from a file or `load`, is refused with a message.
    @Test func chunksOverFourMegabytesAreRefused() throws {
        let loaded = try CLI.runScript("""
            print(load(string.rep(" ", 5 * 1024 * 1024)))
            local n = 0
            print(load(function() n = n + 1; if n <= 5 then return string.rep(" ", 1024 * 1024) end end))
            """)
        #expect(loaded.stdout == """
            nil\tchunk is larger than samverkan loads (4 MB)
            nil\tchunk is larger than samverkan loads (4 MB)

            """)
        let folder = CLI.emptyFolder()
        try String(repeating: "-- padding\n", count: 500_000).write(toFile: folder + "/big.lua", atomically: true, encoding: .utf8)
        let file = try CLI.run(["run", "--data", CLI.fixture("kb"), "big.lua"], in: folder)
        #expect(file.status == 4)
        #expect(file.stderr == "error: big.lua: 5 MB of Lua is more than samverkan loads (4 MB); split it into modules (require)\n")
    }

    /// "'utf8.codes' accepts spurious continuation bytes": it now fails as utf8.len does.
    @Test func utf8CodesAcceptsSpuriousContinuationBytes() throws {
        let result = try CLI.runScript(#"""
            print((utf8.len("a\x80b")), pcall(utf8.codes, "a\x80b"))
            local n = 0
            for _, c in utf8.codes("Växjö") do n = n + 1 end
            assert(n == 5)
            """#)
        #expect(result.stdout == "nil\tfalse\tinvalid UTF-8 code\n")
        #expect(result.status == 0)
    }

    /// "read overflow in 'l_strcmp'": reachable only where strcoll calls different strings
    /// equal; samverkan never sets LC_COLLATE, so strings with zeros compare by bytes.
    @Test func readOverflowInLStrcmp() throws {
        let result = try CLI.runScript(#"print("a\0b" < "a\0c", "a\0" < "a\0\0", "a\0b" == "a\0b", "ä" < "ö")"#)
        #expect(result.stdout == "true\ttrue\ttrue\ttrue\n")
    }

    /// "Lua can generate wrong code when _ENV is <const>" (CVE-2022-28805): Debian's 5.4.4-2
    /// carries the fix; a script gets an ordinary error.
    @Test func luaCanGenerateWrongCodeWhenENVIsConst() throws {
        let result = try CLI.runScript("""
            print(pcall(load("local _ENV <const> = 11; X = 1")))
            """)
        #expect(result.signal == nil)
        #expect(result.stdout.hasPrefix("false\t"))
        #expect(result.stdout.contains("attempt to index a number value"))
    }

    /// "message handler can be overwritten" (fixed in 5.4.8): a __close handler's error while
    /// a coroutine closes comes back as "error in error handling"; wrong text, no crash.
    @Test func messageHandlerCanBeOverwritten() throws {
        let result = try CLI.runScript("""
            local c = coroutine.create(function()
              local clo <close> = setmetatable({}, { __close = function() local x = 134; error(x) end })
              xpcall(coroutine.yield, function() return "XXX" end)
            end)
            assert(coroutine.resume(c))
            print(coroutine.close(c))
            """)
        #expect(result.signal == nil)
        #expect(result.stdout == "false\terror in error handling\n")
    }

    /// "'break' may not properly close variable in a 'for' loop": the to-be-closed value of a
    /// generic `for` left by `break` is not closed. A script's own bookkeeping, not the host's.
    @Test func breakMayNotProperlyCloseVariableInAForLoop() throws {
        let result = try CLI.runScript("""
            local closed = false
            local o = setmetatable({}, { __close = function() closed = true end })
            for k in next, {}, nil, o do local function f() return k end break end
            print(closed)
            """)
        #expect(result.signal == nil)
        #expect(result.stdout == "false\n")
    }

    /// "Wrong code generation in bitwise operations": in a function with more than 256
    /// constants, `1 ~ (2 or 3)` computed 0. Such a chunk is refused before Lua compiles it
    /// (LuaChunkCheck), with the way to write it; written that way it computes right.
    @Test func wrongCodeGenerationInBitwiseOperations() throws {
        let result = try CLI.runScript("""
            local code = { "local x = {" }
            for i = 1, 257 do code[#code + 1] = i .. ".1," end
            code = table.concat(code) .. "}; "
            print(load(code .. "return (1 ~ (2 or 3)), (1 + (2 or 3))"))
            print(load(code .. "return ((2 or 3) ~ 1), (1 + (2 or 3))")())
            """)
        #expect(result.signal == nil)
        #expect(result.stdout == """
            nil	[string]:1: an integer on the left of a bitwise operator (1 ~ x) in a chunk of more than 255 constants is compiled wrongly by the system's Lua 5.4.4; write it on the right: x ~ 1
            3	3

            """)
    }

    /// "wrong code gen. for indices with comparisons": `t[1 < 2]` indexed the wrong
    /// register. Refused before Lua compiles it, in a file (an error at its line) and in
    /// `load`; a comparison in a local first, or inside and/or, compiles right.
    @Test func wrongCodeGenForIndicesWithComparisons() throws {
        let result = try CLI.runScript("""
            local t = { [true] = 10 }
            local k = 1 < 2
            print(t[k], t[1 < 2 and true or false], ({ [1 < 2] = "c" })[true])
            print(load("local t = {} return t[(1 < 2)]"))
            """)
        #expect(result.signal == nil)
        #expect(result.stdout == """
            10	10	c
            nil	[string]:1: a comparison written as an index (t[a < b]) is compiled wrongly by the system's Lua 5.4.4 (it indexes another variable); put it in a local first: local k = a < b; t[k]

            """)
        let file = try CLI.runScript("local t = {}\nlocal x = 5\nprint(t[x == 5])\n")
        #expect(file.status == 4)
        #expect(file.stderr == "error: script.lua:3: a comparison written as an index (t[a < b]) is compiled wrongly by the system's "
            + "Lua 5.4.4 (it indexes another variable); put it in a local first: local k = a < b; t[k]\n")
    }

    /// The last line of defence: a fatal signal while a script runs ends the process with
    /// exit 4 and a message naming the script, never a bare signal death.
    @Test func aFatalSignalWhileAScriptRunsIsExitFourWithAMessage() throws {
        let folder = CLI.emptyFolder()
        try "while true do end\n".write(toFile: folder + "/spin.lua", atomically: true, encoding: .utf8)
        for signal in [SIGSEGV, SIGBUS, SIGILL] {
            let running = try CLI.start(["run", "--data", CLI.fixture("kb"), "--timeout", "30", "spin.lua"], in: folder)
            Thread.sleep(forTimeInterval: 1.5)
            running.send(signal)
            let result = running.wait()
            #expect(result.signal == nil)
            #expect(result.status == 4)
            let name = [SIGSEGV: "SIGSEGV", SIGBUS: "SIGBUS", SIGILL: "SIGILL"][signal] ?? "?"
            #expect(result.stderr == "error: samverkan crashed (\(name)) while running spin.lua. This is a bug in samverkan "
                + "or in the system's Lua 5.4, not a mistake the script could fix: please report it with the script and the data it ran on.\n")
        }
    }
}
