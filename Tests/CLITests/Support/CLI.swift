import Foundation

/// What one run of the built `samverkan` binary did.
struct CLIResult {
    let stdout: String
    let stderr: String
    let status: Int32
    /// True when the run was killed for taking longer than `run(…, killAfter:)` allowed.
    var killed = false
    /// The signal that ended the process, if one did.
    var signal: Int32?
}

/// A run of the binary in progress: both pipes are read while it runs, so a large output
/// cannot block it.
final class RunningCLI: @unchecked Sendable {
    private let process: Process
    private let outBox = DataBox(), errBox = DataBox()
    private let done = DispatchSemaphore(value: 0)

    init(_ process: Process, stdin: String? = nil) throws {
        self.process = process
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        // Tests run on worker threads that block most signals, and a child starts with its
        // parent thread's mask: unblock the signals the tests send, for the child's sake.
        var unblock = sigset_t(), previous = sigset_t()
        sigemptyset(&unblock)
        for signal in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblock, signal) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try process.run()
        if let stdin {
            let writer = input.fileHandleForWriting
            Thread {
                writer.write(Data(stdin.utf8))
                try? writer.close()
            }.start()
        }
        for (handle, box) in [(out.fileHandleForReading, outBox), (err.fileHandleForReading, errBox)] {
            Thread { [done] in
                box.data = handle.readDataToEndOfFile()
                done.signal()
            }.start()
        }
    }

    var pid: Int32 { process.processIdentifier }

    /// Sends `signal` to the process.
    func send(_ signal: Int32) { kill(process.processIdentifier, signal) }

    /// Waits for the process to end and both pipes to close.
    func wait() -> CLIResult {
        process.waitUntilExit()
        done.wait()
        done.wait()
        let signalled = process.terminationReason == .uncaughtSignal
        return CLIResult(stdout: String(decoding: outBox.data, as: UTF8.self),
                         stderr: String(decoding: errBox.data, as: UTF8.self),
                         status: process.terminationStatus, signal: signalled ? process.terminationStatus : nil)
    }
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
        let running = try start(arguments, in: directory, environment: environment, stdin: stdin)
        let killer = killAfter.map { seconds in KillTimer(pid: running.pid, after: seconds) }
        defer { killer?.cancel() }
        var result = running.wait()
        killer?.cancel()
        result.killed = killer?.fired ?? false
        return result
    }

    /// Starts `samverkan ARGS`; the caller may signal it, then waits for its result.
    static func start(_ arguments: [String], in directory: String? = nil,
                      environment: [String: String] = [:], stdin: String? = nil) throws -> RunningCLI {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? emptyFolder())
        var env = ProcessInfo.processInfo.environment
        for name in ["SAMVERKAN_DATA", "SAMVERKAN_PATH", "NO_COLOR"] { env.removeValue(forKey: name) }
        // One cache folder for the whole suite: every test after the first on a data folder
        // runs on its snapshot (so the suite checks the warm path too), and nothing is left in ~/.cache.
        env["XDG_CACHE_HOME"] = cacheFolder
        env.removeValue(forKey: "SAMVERKAN_NO_CACHE")
        env.merge(environment) { _, new in new }
        process.environment = env
        return try RunningCLI(process, stdin: stdin)
    }

    /// Writes a script to a temporary file and runs it with `samverkan run` on `data`.
    static func runScript(_ source: String, data: String = fixture("kb"), options: [String] = [],
                          arguments: [String] = []) throws -> CLIResult {
        let folder = emptyFolder()
        let path = (folder as NSString).appendingPathComponent("script.lua")
        try source.write(toFile: path, atomically: true, encoding: .utf8)
        return try run(["run", "--data", data] + options + ["script.lua"] + arguments, in: folder)
    }

    /// The suite's cache folder (`XDG_CACHE_HOME` of every run).
    static let cacheFolder = FileManager.default.temporaryDirectory.appendingPathComponent("samverkan-test-cache-\(getpid())").path

    /// A new empty temporary folder.
    static func emptyFolder() -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("samverkan-test-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// Writes `files` (path relative to `root` → text) under `root`, making their folders.
    static func write(_ files: [String: String], under root: String) throws {
        for (path, text) in files {
            let target = (root as NSString).appendingPathComponent(path)
            try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                    withIntermediateDirectories: true)
            try text.write(toFile: target, atomically: true, encoding: .utf8)
        }
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

extension CLI {
    /// Runs `python3 -c code args…` and returns its stdout without the final newline.
    static func python(_ code: String, arguments: [String] = []) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", code] + arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var text = String(decoding: data, as: UTF8.self)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
