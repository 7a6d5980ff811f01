import Foundation

/// `samverkan` on a pseudo-terminal, driven as a person at a keyboard would: keys in,
/// the screen's text out (escape sequences left out), waiting for what should appear.
final class PseudoTerminal {
    private let master: Int32
    private let process = Process()
    private(set) var screen = ""

    init(_ arguments: [String], in directory: String? = nil) throws {
        master = Self.openpt(O_RDWR | O_NOCTTY)
        guard master >= 0, Self.grantpt(master) == 0, Self.unlockpt(master) == 0, let name = Self.ptsname(master) else {
            throw CocoaError(.fileReadUnknown)
        }
        let slave = open(String(cString: name), O_RDWR | O_NOCTTY)
        guard slave >= 0 else { throw CocoaError(.fileReadUnknown) }
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: true)
        process.executableURL = URL(fileURLWithPath: CLI.binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory ?? CLI.emptyFolder())
        var environment = ProcessInfo.processInfo.environment
        for name in ["SAMVERKAN_DATA", "SAMVERKAN_PATH", "NO_COLOR", "COLUMNS"] { environment.removeValue(forKey: name) }
        environment["TERM"] = "xterm"
        environment["LC_ALL"] = "C.UTF-8"
        process.environment = environment
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
    }

    // The C library's pseudo-terminal functions: Swift's Glibc module leaves them out (they
    // need _XOPEN_SOURCE), so they are looked up by name.
    private typealias IntFunction = @convention(c) (Int32) -> Int32
    private typealias NameFunction = @convention(c) (Int32) -> UnsafeMutablePointer<CChar>?
    private static func function<T>(_ name: String, as type: T.Type) -> T {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), name) else { fatalError("no \(name) in libc") }
        return unsafeBitCast(symbol, to: type)
    }
    private static let openpt = function("posix_openpt", as: IntFunction.self)
    private static let grantpt = function("grantpt", as: IntFunction.self)
    private static let unlockpt = function("unlockpt", as: IntFunction.self)
    private static let ptsname = function("ptsname", as: NameFunction.self)

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    /// Types `keys` (`\r` is Enter, `\t` Tab, `\u{04}` Ctrl-D).
    func type(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    /// Waits until the screen's text since `mark` contains `text`; false after `seconds`.
    @discardableResult
    func waitFor(_ text: String, after mark: String.Index? = nil, seconds: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            read()
            if screen[(mark ?? screen.startIndex)...].contains(text) { return true }
            usleep(20_000)
        }
        return false
    }

    /// Where the screen ends now, to wait for what comes after it.
    var mark: String.Index {
        read()
        return screen.endIndex
    }

    /// Waits for the process to end; its exit status, or nil if it is still running after `seconds`.
    func exitStatus(within seconds: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { read(); usleep(20_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    private var pending: [UInt8] = []

    private func read() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(master, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            pending += buffer[0..<n]
        }
        screen += Self.plainText(String(decoding: pending, as: UTF8.self))
        pending.removeAll()
    }

    /// The text without ANSI escape sequences and carriage returns.
    static func plainText(_ s: String) -> String {
        var out = ""
        var iterator = s.unicodeScalars.makeIterator()
        while let c = iterator.next() {
            if c == "\u{1B}" {
                guard let next = iterator.next() else { break }
                if next == "[" {
                    while let f = iterator.next(), !(0x40...0x7E).contains(f.value) {}
                }
            } else if c != "\r" && c != "\u{07}" {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
