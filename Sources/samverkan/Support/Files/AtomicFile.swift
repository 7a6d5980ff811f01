import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes output files so that a partial file never replaces a good one: the text goes to a
/// temporary file beside the target (`.NAME.PID.tmp`), is flushed to disk, and is then
/// renamed over the target (keeping the target's permissions).
///
/// A SIGINT, SIGTERM or SIGHUP while the temporary file exists removes it, then ends the
/// process by that signal as before (see ``PendingTemporary``). Until the rename, the old
/// file is untouched; SIGKILL cannot be caught, so it alone may leave a temporary file behind.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws(CLIFailure) {
        try write(bytes: Array(text.utf8), to: path)
    }

    static func write(bytes: [UInt8], to path: String) throws(CLIFailure) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        PendingTemporary.begin(temporary)
        defer { PendingTemporary.end() }
        if let problem = writeAndRename(bytes, temporary: temporary, target: url.path) {
            unlink(temporary)
            throw CLIFailure.usage("cannot write '\(path)': \(problem)")
        }
    }

    /// Writes `bytes` to a new `temporary`, flushes it and renames it to `target`; the problem, if any.
    private static func writeAndRename(_ bytes: [UInt8], temporary: String, target: String) -> String? {
        var existing = stat()
        let mode = stat(target, &existing) == 0 ? existing.st_mode & 0o7777 : 0o666
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { return String(cString: strerror(errno)) }
        if mode != 0o666 { fchmod(fd, mode) }   // the target's own mode, whatever the umask
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                buffer.baseAddress.map { systemWrite(fd, $0 + written, buffer.count - written) } ?? 0
            }
            if n < 0 {
                if errno == EINTR { continue }
                let problem = String(cString: strerror(errno))
                close(fd)
                return problem
            }
            written += n
        }
        let synced = fsync(fd) == 0
        let problem = synced ? nil : String(cString: strerror(errno))
        close(fd)
        if let problem { return problem }
        if let delay = ProcessInfo.processInfo.environment["SAMVERKAN_DEBUG_WRITE_DELAY"].flatMap(Double.init) {
            Thread.sleep(forTimeInterval: delay)   // for the tests: a window to send a signal in
        }
        guard rename(temporary, target) == 0 else { return String(cString: strerror(errno)) }
        return nil
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif

/// The temporary file being written, for the signal handler, in storage it can read without
/// allocating: byte 0 is 1 while the path after it is valid. The handler only calls unlink,
/// signal and raise, which are async-signal-safe.
enum PendingTemporary {
    private static let capacity = Int(PATH_MAX) + 2
    nonisolated(unsafe) private static let storage: UnsafeMutablePointer<CChar> = {
        let buffer = UnsafeMutablePointer<CChar>.allocate(capacity: capacity)
        buffer.initialize(repeating: 0, count: capacity)
        return buffer
    }()
    private static let signals = [SIGINT, SIGTERM, SIGHUP]
    nonisolated(unsafe) private static var previous: [Int32: sigaction] = [:]

    /// Records `path` and, for each signal whose action is the default, installs the handler.
    static func begin(_ path: String) {
        let buffer = storage
        buffer[0] = 0
        let bytes = Array(path.utf8.prefix(capacity - 2))
        for (i, byte) in bytes.enumerated() { buffer[i + 1] = CChar(bitPattern: byte) }
        buffer[bytes.count + 1] = 0
        buffer[0] = 1
        for signo in signals {
            var old = sigaction()
            guard sigaction(signo, nil, &old) == 0, handler(of: old) == nil else { continue }   // nil: SIG_DFL
            var action = sigaction()
            setHandler(&action, removeAndReraise)
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            if sigaction(signo, &action, nil) == 0 { previous[signo] = old }
        }
    }

    /// Forgets the path and puts back the actions `begin` replaced.
    static func end() {
        storage[0] = 0
        for (signo, old) in previous {
            var action = old
            sigaction(signo, &action, nil)
        }
        previous = [:]
    }

    #if canImport(Glibc)
    private static func handler(of action: sigaction) -> (@convention(c) (Int32) -> Void)? { action.__sigaction_handler.sa_handler }
    private static func setHandler(_ action: inout sigaction, _ handler: @escaping @convention(c) (Int32) -> Void) {
        action.__sigaction_handler.sa_handler = handler
    }
    #else
    private static func handler(of action: sigaction) -> (@convention(c) (Int32) -> Void)? { action.__sigaction_u.__sa_handler }
    private static func setHandler(_ action: inout sigaction, _ handler: @escaping @convention(c) (Int32) -> Void) {
        action.__sigaction_u.__sa_handler = handler
    }
    #endif

    private static let removeAndReraise: @convention(c) (Int32) -> Void = { signo in
        let buffer = PendingTemporary.storage
        if buffer[0] != 0 { unlink(buffer + 1) }
        signal(signo, SIG_DFL)
        raise(signo)
    }
}
