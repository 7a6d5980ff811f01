import Foundation

/// What one run of the built `samverkan` binary did.
struct CLIResult {
    let stdout: String
    let stderr: String
    let status: Int32
    /// True when the run was killed for taking longer than `run(…, killAfter:)` allowed.
    var killed = false
}

/// Runs the built executable end to end, as a user would.
enum CLI {
    /// The package root (this file is Tests/CLITests/Support/CLI.swift).
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// A fixture path under Tests/Fixtures.
    static func fixture(_ name: String) -> String {
        root.appendingPathComponent("Tests/Fixtures").appendingPathComponent(name).path
    }

    /// The binary beside the test bundle (so sanitizer builds test their own), else .build/debug.
    static let binary: String = {
        if let path = ProcessInfo.processInfo.environment["SAMVERKAN_BIN"] { return path }
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for folder in [beside, beside.deletingLastPathComponent()] {
            let candidate = folder.appendingPathComponent("samverkan").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return root.appendingPathComponent(".build/debug/samverkan").path
    }()

    /// Runs `samverkan ARGS` in `directory` (default: a fresh empty folder, so no ./data or ./scripts).
    /// With `killAfter`, a run that takes longer is killed (SIGKILL) and comes back `killed`,
    /// so a hang fails the test instead of blocking the suite.
    static func run(_ arguments: [String], in directory: String? = nil, environment: [String: String] = [:],
                    stdin: String? = nil, killAfter: Double? = nil) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? emptyFolder())
        var env = ProcessInfo.processInfo.environment
        for name in ["SAMVERKAN_DATA", "SAMVERKAN_PATH", "NO_COLOR"] { env.removeValue(forKey: name) }
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let killer = killAfter.map { seconds in KillTimer(pid: process.processIdentifier, after: seconds) }
        defer { killer?.cancel() }
        // Read both pipes while the process runs, so a large output cannot block it.
        let errBox = DataBox()
        let done = DispatchSemaphore(value: 0)
        let errHandle = err.fileHandleForReading
        Thread {
            errBox.data = errHandle.readDataToEndOfFile()
            done.signal()
        }.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        done.wait()
        killer?.cancel()
        return CLIResult(stdout: String(decoding: outData, as: UTF8.self),
                         stderr: String(decoding: errBox.data, as: UTF8.self),
                         status: process.terminationStatus, killed: killer?.fired ?? false)
    }

    /// Writes a script to a temporary file and runs it with `samverkan run` on `data`.
    static func runScript(_ source: String, data: String = fixture("kb"), options: [String] = [],
                          arguments: [String] = []) throws -> CLIResult {
        let folder = emptyFolder()
        let path = (folder as NSString).appendingPathComponent("script.lua")
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        return try run(["run", "--data", data] + options + ["script.lua"] + arguments, in: folder)
    }

    /// A new empty temporary folder.
    static func emptyFolder() -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("samverkan-test-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// A copy of a fixture folder that a test may change.
    static func copyOfFixture(_ name: String) throws -> String {
        let target = (emptyFolder() as NSString).appendingPathComponent(name)
        try FileManager.default.copyItem(atPath: fixture(name), toPath: target)
        return target
    }
}

/// Holds what the stderr reader thread read; the semaphore orders the access.
private final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// Kills a process with SIGKILL unless cancelled first (the process has ended).
private final class KillTimer: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false
    private(set) var fired = false

    init(pid: Int32, after seconds: Double) {
        DispatchQueue.global().asyncAfter(deadline: .now() + seconds) { [self] in
            lock.lock()
            defer { lock.unlock() }
            guard !cancelled else { return }
            fired = true
            kill(pid, SIGKILL)
        }
    }

    /// Called once the process has been waited for, so its pid is never killed after reuse.
    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }
}
