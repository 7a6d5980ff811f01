import Foundation
import Testing

/// `-o FILE` replaces FILE only with a complete output: a failing run, or SIGINT/SIGTERM in
/// the middle of one, leaves the old FILE as it was and no temporary file beside it.
@Suite struct AtomicOutputTests {
    static let old = "the old, good report\n"

    /// A folder with FILE holding the old text and a scripts folder of report plugins.
    static func workspace() throws -> String {
        let folder = CLI.emptyFolder()
        try old.write(toFile: folder + "/out.txt", atomically: true, encoding: .utf8)
        let reports = folder + "/plugins/reports"
        try FileManager.default.createDirectory(atPath: reports, withIntermediateDirectories: true)
        try """
            return { kind = "report", description = "Half a report, then no end",
              run = function(kb, params, out)
                out:title("Half a report")
                print("working")
                while true do end
              end }
            """.write(toFile: reports + "/forever.lua", atomically: true, encoding: .utf8)
        try """
            return { kind = "report", description = "Half a report, then an error",
              run = function(kb, params, out)
                out:title("Half a report")
                error("gave up")
              end }
            """.write(toFile: reports + "/fails.lua", atomically: true, encoding: .utf8)
        return folder
    }

    static func contents(_ folder: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0 != "plugins" }.sorted()
    }

    static func oldFileIsIntact(_ folder: String) throws {
        #expect(try String(contentsOfFile: folder + "/out.txt", encoding: .utf8) == old)
        #expect(try contents(folder) == ["out.txt"], "a temporary file was left behind")
    }

    static let kb = CLI.fixture("kb")

    @Test func aCompleteRunReplacesTheFile() throws {
        let folder = try Self.workspace()
        let shown = try CLI.run(["query", "municipalities", "--data", Self.kb, "-q"], in: folder)
        let written = try CLI.run(["query", "municipalities", "--data", Self.kb, "-q", "-o", "out.txt"], in: folder)
        #expect(written.status == 0)
        #expect(written.stdout == "")
        #expect(try String(contentsOfFile: folder + "/out.txt", encoding: .utf8) == shown.stdout)
        #expect(try Self.contents(folder) == ["out.txt"])
    }

    @Test func theReplacementKeepsTheFilesPermissions() throws {
        let folder = try Self.workspace()
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: folder + "/out.txt")
        let result = try CLI.run(["query", "municipalities", "--data", Self.kb, "-o", "out.txt"], in: folder)
        #expect(result.status == 0)
        let permissions = try FileManager.default.attributesOfItem(atPath: folder + "/out.txt")[.posixPermissions] as? Int
        #expect(permissions == 0o600)
    }

    @Test(arguments: [
        (["query", "municipalities", "--where", "error('no')"], Int32(2)),
        (["query", "municipalities", "--where", "population >"], Int32(2)),
        (["query", "municipalities", "--where", "string.rep('x', 2^40)"], Int32(4)),
        (["query", "municipalities", "--where", "populaton > 1"], Int32(2)),
        (["report", "fails", "--scripts", "plugins"], Int32(4)),
        (["report", "fails", "--scripts", "plugins", "--format", "text"], Int32(4)),
        // A format the file's extension contradicts is a usage error, and nothing is written.
        (["report", "fails", "--scripts", "plugins", "--format", "html"], Int32(2)),
        (["validate", "no-such-rule"], Int32(2)),
    ])
    func aFailingRunLeavesTheOldFile(arguments: [String], status: Int32) throws {
        let folder = try Self.workspace()
        let result = try CLI.run(arguments + ["--data", Self.kb, "-o", "out.txt"], in: folder)
        #expect(result.status == status, "\(result.stderr)")
        try Self.oldFileIsIntact(folder)
    }

    @Test(arguments: [SIGINT, SIGTERM], [
        ["report", "forever", "--scripts", "plugins"],
        ["query", "municipalities", "--where", "(function() while true do end end)()"],
    ])
    func aSignalMidRunLeavesTheOldFile(signal: Int32, arguments: [String]) throws {
        let folder = try Self.workspace()
        let running = try CLI.start(arguments + ["--data", Self.kb, "--timeout", "30", "-o", "out.txt"], in: folder)
        Thread.sleep(forTimeInterval: 0.5)
        running.send(signal)
        let result = running.wait()
        #expect(result.signal == signal, "status \(result.status): \(result.stderr)")
        try Self.oldFileIsIntact(folder)
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aSignalMidRunOfAScriptEndsIt(signal: Int32) throws {
        let folder = CLI.emptyFolder()
        try "print('working')\nwhile true do end".write(toFile: folder + "/long.lua", atomically: true, encoding: .utf8)
        let running = try CLI.start(["run", "--data", Self.kb, "--timeout", "30", "long.lua"], in: folder)
        Thread.sleep(forTimeInterval: 0.5)
        let sent = Date()
        running.send(signal)
        let result = running.wait()
        #expect(result.signal == signal)
        #expect(Date().timeIntervalSince(sent) < 5)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["long.lua"])
    }

    /// The narrow window between writing the temporary file and renaming it, widened for the
    /// test: the signal handler removes the temporary file before the process ends.
    @Test(arguments: [SIGINT, SIGTERM, SIGHUP])
    func aSignalWhileWritingRemovesTheTemporaryFile(signal: Int32) throws {
        let folder = try Self.workspace()
        let running = try CLI.start(["query", "municipalities", "--data", Self.kb, "-o", "out.txt"], in: folder,
                                    environment: ["SAMVERKAN_DEBUG_WRITE_DELAY": "10"])
        var temporary: [String] = []
        for _ in 0..<100 where temporary.isEmpty {
            Thread.sleep(forTimeInterval: 0.1)
            temporary = try Self.contents(folder).filter { $0.hasPrefix(".out.txt.") && $0.hasSuffix(".tmp") }
        }
        #expect(temporary == [".out.txt.\(running.pid).tmp"])
        running.send(signal)
        let result = running.wait()
        #expect(result.signal == signal)
        try Self.oldFileIsIntact(folder)
    }
}
