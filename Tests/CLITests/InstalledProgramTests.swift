import Foundation
import Testing

/// An installed program (`make install`: `<prefix>/bin/samverkan` and
/// `<prefix>/share/samverkan/{data,scripts}`) finds what it ships with, also when it is
/// started by name from `PATH`, from any folder.
@Suite struct InstalledProgramTests {
    /// A prefix whose shipped data is the small fixture (3 collections), so the test can
    /// tell it from the clone's data (12), which a program built here also finds.
    static func install() throws -> String {
        let prefix = CLI.emptyFolder()
        let fm = FileManager.default
        try fm.createDirectory(atPath: prefix + "/bin", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: prefix + "/share/samverkan/scripts/reports", withIntermediateDirectories: true)
        try fm.copyItem(atPath: CLI.binary, toPath: prefix + "/bin/samverkan")
        try fm.copyItem(atPath: CLI.fixture("kb"), toPath: prefix + "/share/samverkan/data")
        try """
            return { kind = "report", description = "Installed", run = function(kb, params, out) out:title("installed " .. #kb.regions) end }
            """.write(toFile: prefix + "/share/samverkan/scripts/reports/installed.lua", atomically: true, encoding: .utf8)
        return prefix
    }

    @Test func startedByNameFromPathItUsesItsSharedDataAndScripts() throws {
        let prefix = try Self.install()
        let path = prefix + "/bin:" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["samverkan", "report", "installed"]
        process.currentDirectoryURL = URL(fileURLWithPath: CLI.emptyFolder())
        var environment = ProcessInfo.processInfo.environment
        for name in ["SAMVERKAN_DATA", "SAMVERKAN_PATH", "SAMVERKAN_HOME"] { environment.removeValue(forKey: name) }
        environment["PATH"] = path
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(String(decoding: data, as: UTF8.self) == "installed 3\n===========\n")
    }
}
