import Foundation
internal import CLua

/// Enforces `--timeout` on a script run from a second thread.
///
/// It sleeps until the deadline and only then arms the Lua hook (a permanent count hook
/// would slow every loop). For what no hook can stop (a finalizer loop, one long C call),
/// it reports the timeout and ends the process after a grace period (exit 4): a CLI runs
/// one job per process, so nothing is lost. Without a state (closing one, whose finalizers
/// no hook reaches) the deadline goes straight to the last resort.
final class Watchdog: @unchecked Sendable {
    private let condition = NSCondition()
    private var finished = false
    private var threadDone = false
    private let state: OpaquePointer?
    private let timeout: Double
    private let grace: Double
    private let lastWords: String

    init(state: OpaquePointer?, timeout: Double, grace: Double, lastWords: String) {
        self.state = state
        self.timeout = timeout
        self.grace = grace
        self.lastWords = lastWords
    }

    func start() {
        let thread = Thread { [self] in watch() }
        thread.stackSize = 1 << 16
        thread.start()
    }

    /// Ends the watch and waits until the thread no longer touches the Lua state.
    func stop() {
        condition.lock()
        finished = true
        condition.broadcast()
        while !threadDone { condition.wait() }
        condition.unlock()
    }

    private func watch() {
        condition.lock()
        defer {
            threadDone = true
            condition.broadcast()
            condition.unlock()
        }
        guard !sleep(until: Date(timeIntervalSinceNow: timeout)) else { return }
        if let state {
            sv_trigger_timeout(state)
            guard !sleep(until: Date(timeIntervalSinceNow: grace)) else { return }
        }
        fflush(nil)   // all streams: what the script printed so far is kept
        FileHandle.standardError.write(Data(("error: " + lastWords + "\n").utf8))
        _exit(4)
    }

    /// Waits (lock held) until `finished` or the deadline; true when finished.
    private func sleep(until deadline: Date) -> Bool {
        while !finished {
            if !condition.wait(until: deadline) { return finished }
        }
        return true
    }
}
