import Testing

/// --timeout and --memory-limit stop every kind of runaway script with exit 4.
@Suite struct LimitsTests {
    static let timeoutMessage = "error: timeout: the script ran longer than 1 s (raise it with --timeout SECONDS)"
    static let memoryMessage = "error: memory limit: the script used more than 64 MB (raise it with --memory-limit MB)"

    @Test(arguments: [
        "while true do end",
        "while true do pcall(function() while true do end end) end",
        "local ok = pcall(function() while true do end end); while true do end",
        "local co = coroutine.create(function() while true do end end); coroutine.resume(co)",
        "coroutine.wrap(function() while true do end end)()",
        "local co = coroutine.wrap(function() while true do coroutine.yield() end end); while true do co() end",
        "setmetatable({}, { __gc = function() while true do end end }); local t = {}; for i = 1, 1e8 do t[i % 1000] = {} end",
        "string.find(string.rep('a', 1e5), string.rep('a*', 30) .. 'b')",
        "kb.municipalities:sort_by(function(m) while true do end end)",
        "xpcall(function() while true do end end, function() while true do end end)",
    ])
    func runawayScriptsStopAtTheTimeout(script: String) throws {
        let result = try CLI.runScript(script, options: ["--timeout", "1"])
        #expect(result.status == 4)
        // What no hook stops (a finalizer, one long C call, a looping message handler) ends
        // at the last resort, whose message also names the script.
        let first = result.stderr.split(separator: "\n").first.map(String.init)
        #expect(first == Self.timeoutMessage
            || first == Self.timeoutMessage + " (script.lua: a finalizer or one long call that no hook stops)")
    }

    @Test(arguments: [
        "local s = string.rep('x', 2^40)",
        "local s = string.rep('x', 1e8)",
        "local t = {}; for i = 1, 1e9 do t[i] = i end",
        "local t = {}; for i = 1, 1e9 do t[#t + 1] = tostring(i) .. 'padding to make it bigger' end",
        "local s = 'x'; for i = 1, 40 do s = s .. s end",
        "local parts = {}; for i = 1, 1e7 do parts[i] = 'abcdefghij' end; local s = table.concat(parts)",
    ])
    func memoryBombsStopAtTheMemoryLimit(script: String) throws {
        let result = try CLI.runScript(script, options: ["--memory-limit", "64"])
        #expect(result.status == 4)
        #expect(result.stderr.split(separator: "\n").first.map(String.init) == Self.memoryMessage)
    }

    @Test func whatWasPrintedBeforeATimeoutIsKept() throws {
        let result = try CLI.runScript("print('before'); while true do end", options: ["--timeout", "1"])
        #expect(result.stdout == "before\n")
        #expect(result.status == 4)
    }

    @Test func deepRecursionIsAnErrorNotACrash() throws {
        let result = try CLI.runScript("local function f(n) return f(n + 1) + 1 end; f(1)")
        #expect(result.status == 4)
        #expect(result.stderr.hasPrefix("error: script.lua:1: stack overflow"))
        let meta = try CLI.runScript("local t = setmetatable({}, {}); getmetatable(t).__index = function(s, k) return s[k] end; print(t.x)")
        #expect(meta.status == 4)
        #expect(meta.stderr.contains("stack overflow"))
    }

    @Test func pcallCatchesAnAllocationThatWouldPassTheLimit() throws {
        let result = try CLI.runScript("""
            print(pcall(error, 'caught'))
            print(pcall(function() return string.rep('x', 2^40) end))
            """, options: ["--memory-limit", "64"])
        #expect(result.status == 0)
        #expect(result.stdout == "false\tcaught\nfalse\tnot enough memory\n")
    }
}

/// Options out of range are usage errors, never a trap (a timeout of 1e300 seconds once
/// trapped converting it to Int for its message).
@Suite struct OptionRangeTests {
    @Test(arguments: [
        (["--timeout", "1e300"], "Error: --timeout must be a number of seconds above 0 and at most 86400 (a day)"),
        (["--timeout", "1e10"], "Error: --timeout must be a number of seconds above 0 and at most 86400 (a day)"),
        (["--timeout", "1e19"], "Error: --timeout must be a number of seconds above 0 and at most 86400 (a day)"),
        (["--timeout", "nan"], "Error: --timeout must be a number of seconds above 0 and at most 86400 (a day)"),
        (["--timeout", "0"], "Error: --timeout must be a number of seconds above 0 and at most 86400 (a day)"),
        (["--memory-limit", "99999999999"], "Error: --memory-limit must be a number of megabytes above 0 and at most 1048576 (1 TiB)"),
    ])
    func outOfRangeOptionsAreUsageErrors(options: [String], message: String) throws {
        let result = try CLI.runScript("print(1)", options: options)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix(message + "\n"))
        #expect(result.signal == nil)
    }

    @Test func theLongestTimeoutStillRuns() throws {
        let result = try CLI.runScript("print(1)", options: ["--timeout", "86400"])
        #expect(result.status == 0)
        #expect(result.stdout == "1\n")
    }
}
