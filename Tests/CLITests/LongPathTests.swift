import Foundation
import Testing

/// Lua cuts a chunk name longer than 59 bytes to `...` and its last 56; every installed
/// plugin's path is that long. Whatever samverkan reports names the whole path.
@Suite struct LongPathTests {
    /// Plugins in a folder whose paths are far past Lua's limit. The folder ends in 20 ö
    /// (2 bytes each), so Lua's cut falls inside a character for the paths 17 or 23 bytes
    /// after it (`/reports/boom.lua`, `/lib/longutil.lua`, `/validations/crashy.lua`).
    static func folder() throws -> (folder: String, scripts: String) {
        let folder = CLI.emptyFolder()
        let scripts = folder + "/plugins-" + String(repeating: "ö", count: 20)
        let files = [
            "reports/boom.lua": "return { kind = 'report', description = 'boom', run = function(kb, params, out)\n  local x = nil\n  return x.y\nend }\n",
            "reports/syntax.lua": "return { kind = 'report',\n  run = function( end }\n",
            "validations/warny.lua": "return { kind = 'validation', description = 'warny', collection = 'regions', severity = 'warning',\n"
                + "  check = function(r, findings) if r.code == '12' then findings:add(r, 'hello') end end }\n",
            "validations/crashy.lua": "local u = require('longutil')\nreturn { kind = 'validation', description = 'crashy', run = function(kb, findings) u.boom() end }\n",
            "lib/longutil.lua": "return { boom = function() error('exploded') end }\n",
        ]
        try CLI.write(files, under: scripts)
        return (folder, scripts)
    }

    @Test func aScriptErrorAndItsTracebackNameTheWholePath() throws {
        let (folder, scripts) = try Self.folder()
        let result = try CLI.run(["report", "boom", "--data", CLI.fixture("kb"), "--scripts", scripts], in: folder)
        #expect(result.status == 4)
        #expect(result.stderr == """
            error: \(scripts)/reports/boom.lua:3: attempt to index a nil value (local 'x')
            stack traceback:
            \t\(scripts)/reports/boom.lua:3: in field 'run'

            """)
    }

    @Test func aSyntaxErrorNamesTheWholePath() throws {
        let (folder, scripts) = try Self.folder()
        let result = try CLI.run(["info", "syntax", "--data", CLI.fixture("kb"), "--scripts", scripts], in: folder)
        #expect(result.stderr.contains("error: invalid plugin: \(scripts)/reports/syntax.lua:2: <name> or '...' expected near 'end'"))
    }

    @Test func findingsAndFailedRulesNameTheWholePath() throws {
        let (folder, scripts) = try Self.folder()
        let result = try CLI.run(["validate", "warny", "crashy", "--data", CLI.fixture("kb"), "--scripts", scripts], in: folder)
        #expect(result.status == 4)
        #expect(result.stdout.contains("warning[warny]: hello (regions[12], \(scripts)/validations/warny.lua:2)\n"))
        #expect(result.stdout.contains("error[crashy]: the rule failed: \(scripts)/lib/longutil.lua:1: exploded\n"))
        #expect(result.stdout.contains("\t\(scripts)/validations/crashy.lua:2: in field 'run'\n"))
        #expect(!result.stdout.contains("..."))
    }
}
