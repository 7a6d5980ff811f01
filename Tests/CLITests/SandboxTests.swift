import Testing

/// Each forbidden thing of SPEC §6 fails with a clear message and exit 4, never a crash.
@Suite struct SandboxTests {
    static let forbidden: [(script: String, message: String)] = [
        ("io.open('/etc/passwd')", "script.lua:1: 'io' is not available in samverkan scripts: scripts cannot read or write files"),
        ("os.execute('ls')", "script.lua:1: os.execute is not available in samverkan scripts (only os.time, os.date and os.clock are)"),
        ("os.exit(0)", "script.lua:1: os.exit is not available in samverkan scripts (only os.time, os.date and os.clock are)"),
        ("require('os').remove('x')", "script.lua:1: os.remove is not available in samverkan scripts (only os.time, os.date and os.clock are)"),
        ("require('io')", "script.lua:1: require: 'io' is not available in samverkan scripts: scripts cannot read or write files"),
        ("require('debug')", "script.lua:1: require: 'debug' is not available in samverkan scripts"),
        ("package.loadlib('libc.so.6', 'system')", "script.lua:1: 'package' is not available in samverkan scripts; use require(\"name\") for scripts/lib/name.lua"),
        ("_ENV.package.loadlib('x', 'y')", "script.lua:1: 'package' is not available in samverkan scripts; use require(\"name\") for scripts/lib/name.lua"),
        ("debug.getinfo(1)", "script.lua:1: 'debug' is not available in samverkan scripts"),
        ("dofile('/etc/passwd')", "script.lua:1: 'dofile' is not available in samverkan scripts: scripts cannot read files; use require for scripts/lib modules"),
        ("loadfile('/etc/passwd')", "script.lua:1: 'loadfile' is not available in samverkan scripts: scripts cannot read files; use require for scripts/lib modules"),
        ("load(string.dump(print))", "script.lua:1: string.dump is not available in samverkan scripts (binary chunks are not allowed)"),
        ("getmetatable('').__index.dump(print)", "script.lua:1: string.dump is not available in samverkan scripts (binary chunks are not allowed)"),
        ("load('\\27Lua', 'x', 'b')", "script.lua:1: load: only text chunks are allowed (mode \"t\"); binary chunks are not available"),
        ("assert(load('\\27LuaT\\0'))", "script.lua:1: load: binary (precompiled) chunks are not allowed"),
        ("require('../../etc/passwd')", "script.lua:1: require: '../../etc/passwd' is not a module name; modules are files in scripts/lib, named without folders or '..' (require(\"util\") loads lib/util.lua)"),
        ("require('/etc/passwd')", "script.lua:1: require: '/etc/passwd' is not a module name; modules are files in scripts/lib, named without folders or '..' (require(\"util\") loads lib/util.lua)"),
        ("collectgarbage()", "script.lua:1: 'collectgarbage' is not available in samverkan scripts"),
        ("print(populaton)", "script.lua:1: undefined global 'populaton'"),
    ]

    @Test(arguments: forbidden)
    func forbiddenThingsFailClearly(script: String, message: String) throws {
        let result = try CLI.runScript(script)
        #expect(result.status == 4)
        let firstLine = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine == "error: " + message)
    }

    @Test func scriptsMayDefineGlobalsAndUseTheAllowedLibraries() throws {
        let result = try CLI.runScript("""
            counter = 1
            counter = counter + 1
            local t = { 3, 1, 2 }
            table.sort(t)
            print(counter, table.concat(t, ","), math.max(1, 5), utf8.len("åäö"), string.format("%05.1f", 2.25))
            print(select("#", pcall(error, "x")), type(os.time()), coroutine.wrap(function() coroutine.yield(7) end)())
            print(load("return 1 + 1")(), _G == _ENV, rawequal(kb, kb))
            """)
        #expect(result.stderr == "")
        #expect(result.stdout == "2\t1,2,3\t5\t3\t002.2\n2\tnumber\t7\n2\ttrue\ttrue\n")
    }

    @Test func recordsAndKbAreReadOnly() throws {
        let record = try CLI.runScript("local m = kb.municipalities:get('1280'); m.population = 0")
        #expect(record.status == 4)
        #expect(record.stderr.hasPrefix("error: script.lua:1: records are read-only (municipalities[1280].population)\n"))
        let kbWrite = try CLI.runScript("kb.municipalities = nil")
        #expect(kbWrite.stderr.hasPrefix("error: script.lua:1: kb is read-only (kb.municipalities)\n"))
        let collection = try CLI.runScript("kb.municipalities[1] = 5")
        #expect(collection.stderr.hasPrefix("error: script.lua:1: collections are read-only (municipalities)\n"))
        let meta = try CLI.runScript("print(getmetatable(kb.municipalities[1])); setmetatable(kb.municipalities[1], {})")
        #expect(meta.stdout == "records are read-only\n")
        #expect(meta.stderr.hasPrefix("error: script.lua:1: bad argument #1 to 'setmetatable' (table expected, got samverkan record)\n"))
        let raw = try CLI.runScript("rawset(kb, 'x', 1)")
        #expect(raw.stderr.hasPrefix("error: script.lua:1: bad argument #1 to 'rawset' (table expected, got samverkan kb)\n"))
    }

    @Test func unknownFieldsAreErrorsNotNil() throws {
        let result = try CLI.runScript("local m = kb.municipalities[1]\nprint(m.populaton)")
        #expect(result.status == 4)
        #expect(result.stderr.hasPrefix("error: script.lua:2: municipalities has no field 'populaton' (did you mean 'population'?)\n"))
        let collection = try CLI.runScript("print(kb.municipalitys)")
        #expect(collection.stderr.hasPrefix("error: script.lua:1: kb has no collection 'municipalitys' (did you mean 'municipalities'?)\n"))
    }

    @Test func errorsKeepTheirLocationAndTraceback() throws {
        let result = try CLI.runScript("local function f()\n  error('went wrong')\nend\nf()")
        #expect(result.status == 4)
        #expect(result.stderr == """
            error: script.lua:2: went wrong
            stack traceback:
            \t[C]: in function 'error'
            \tscript.lua:2: in local 'f'
            \tscript.lua:4: in main chunk

            """)
    }

    @Test func errorsWithTableValuesAreReported() throws {
        let plain = try CLI.runScript("error({ code = 1 })")
        #expect(plain.status == 4)
        #expect(plain.stderr.hasPrefix("error: (error object is a table value)\n"))
        let named = try CLI.runScript("error(setmetatable({}, { __tostring = function() return 'a custom error' end }))")
        #expect(named.stderr.hasPrefix("error: a custom error\n"))
    }

    @Test(arguments: [
        ("kb.municipalities:filter(function(m) return m.nope end)", "error: script.lua:1: municipalities has no field 'nope'"),
        ("kb.municipalities:sort_by(function(m) error('bad key') end)", "error: script.lua:1: bad key"),
        ("kb.municipalities:map(function(m) return m + 1 end)", "error: script.lua:1: attempt to perform arithmetic on a samverkan record value (local 'm')"),
        ("kb.municipalities:sort_by('populaton')", "error: script.lua:1: sort_by: municipalities has no field 'populaton' (did you mean 'population'?)"),
        ("kb.municipalities.filter(5)", "error: script.lua:1: 'filter' is a method: call it with a colon, c:filter(…), not c.filter(…)"),
        ("kb.municipalities:sum('name')", "error: script.lua:1: sum: the values are not all numbers"),
        ("kb.municipalities:sort_by(function(a, b) return a.population > b.population end)",
         "error: script.lua:1: sort_by: give a key function of one record, like function(m) return m.population end, "
            + "not a comparator of two as for table.sort (\"desc\" sorts descending)"),
    ])
    func errorsInsideCallbacksNameTheScriptLine(script: String, expected: String) throws {
        let result = try CLI.runScript(script)
        #expect(result.status == 4)
        #expect(result.stderr.split(separator: "\n").first.map(String.init) == expected)
    }
}
