import Foundation
internal import CLua
import SamverkanCore

/// One sandboxed Lua 5.4 state with the knowledge base bound into it.
///
/// Every script run goes through ``run(source:chunkName:arguments:)`` or
/// ``runFile(_:arguments:)``: it is loaded as text only, gets its own globals, runs under
/// `pcall` with a traceback handler, a watchdog for `--timeout` and the allocator's
/// `--memory-limit`, and its failure comes back as a ``ScriptError``.
public final class LuaRuntime {
    /// The main thread: every run starts on it.
    let main: OpaquePointer
    /// The thread Swift talks to: the main thread, except inside a callback, where it is the
    /// thread that called it -- a coroutine's when Lua code in a coroutine did. Bridge code
    /// reaches the stack through it, so it must never be the main thread while a coroutine's
    /// callback runs (its arguments and results are on the coroutine's stack). Unchecked
    /// exclusivity: every per-record callback sets it, and one state is only ever used from one
    /// thread at a time, so the dynamic check would only cost time.
    @exclusivity(unchecked) private(set) var L: OpaquePointer
    public let kb: KnowledgeBase
    public let options: RuntimeOptions
    /// The files loaded as chunks, to give Lua's cut names back their whole path.
    var chunkNames = ChunkNames()
    /// Registry references and record access tables of the bridge, set up once. Kept behind
    /// a pointer: every record access reads them, and a stored `var` of a class would cost a
    /// dynamic exclusivity check (swift_beginAccess) on each read.
    let bridge: UnsafeMutablePointer<BridgeState>

    var refs: BridgeRefs {
        get { bridge.pointee.refs }
        set { bridge.pointee.refs = newValue }
    }

    /// Starts a state for `kb` with the given limits.
    public init(kb: KnowledgeBase, options: RuntimeOptions) throws(ScriptError) {
        let limit = options.memoryLimitMB > 0 ? size_t(options.memoryLimitMB) << 20 : 0
        guard let state = sv_newstate(limit) else { throw .unavailable("cannot start Lua: out of memory") }
        main = state
        L = state
        bridge = .allocate(capacity: 1)
        bridge.initialize(to: BridgeState())
        self.kb = kb
        self.options = options
        sv_set_host(L, Unmanaged.passUnretained(self).toOpaque())
        sv_set_timeout_message(L, ScriptError.timeout(seconds: options.timeout).message)
        sv_crash_install()
        try Sandbox.install(in: self)
    }

    /// Closing runs the finalizers (`__gc`) of every object still alive, with hooks off: only
    /// the watchdog's last resort can stop one that loops.
    deinit {
        let watchdog = Watchdog(state: nil, timeout: options.gracePeriod, grace: 0,
                                lastWords: ScriptError.finalizerMessage(seconds: options.gracePeriod, script: lastScript))
        watchdog.start()
        sv_close(main)
        watchdog.stop()
        bridge.pointee.free()
        bridge.deinitialize(count: 1)
        bridge.deallocate()
    }

    /// Names what runs from now on in the crash handler's message (shim_crash.h); nil when
    /// nothing does.
    func naming(_ script: String?) {
        sv_crash_set_script(script ?? "")
        if let script { lastScript = script }
    }

    /// What the state ran last (a script, a plugin's file), for the messages of what may
    /// still run after it: its finalizers when the state closes.
    private(set) var lastScript: String?

    /// `sv_pcall_traced` on the main thread; afterwards Swift talks to the main thread again.
    func pcall(arguments: Int32, results: Int32) -> Int32 {
        L = main
        defer { L = main }
        return sv_pcall_traced(main, arguments, results)
    }

    /// The runtime that owns a state, lent to `body` without reference counting (for the
    /// callbacks that run once per record), talking to the calling thread like ``from(_:)``.
    @inline(__always)
    static func with<R>(_ L: OpaquePointer, _ body: (LuaRuntime) throws -> R) rethrows -> R {
        try Unmanaged<LuaRuntime>.fromOpaque(sv_host(L))._withUnsafeGuaranteedRef { runtime in
            runtime.L = L
            return try body(runtime)
        }
    }

    var stack: LuaStack { LuaStack(L) }

    /// Runs a script file with `arg` set to `arguments`; what it prints goes to stdout.
    public func runFile(_ path: String, arguments: [String] = []) throws(ScriptError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unavailable("cannot read '\(path)': no such file or not readable")
        }
        try run(source: data, chunkName: path, arguments: arguments)
    }

    /// Runs Lua source as a chunk named `chunkName` (shown in messages as `chunkName:LINE:`).
    public func run(source: Data, chunkName: String, arguments: [String] = []) throws(ScriptError) {
        naming(chunkName)
        defer { naming(nil) }
        let top = stack.top
        defer { stack.setTop(top) }
        try load(source, chunkName: chunkName)              // [+1 chunk]
        Sandbox.pushEnvironment(in: self, arguments: arguments) // [+1 env]
        guard lua_setupvalue(L, -2, 1) != nil else {            // chunk._ENV = env [-1]
            throw .unavailable("cannot set the environment of '\(chunkName)'")
        }
        try call(arguments: 0, results: 0)
    }

    /// Runs `source` as a chunk and returns its results as text (strings, numbers, booleans
    /// and nil as Lua writes them; other values by their type name). For tests and `--where`.
    public func evaluate(_ source: String, chunkName: String = "=(expression)") throws(ScriptError) -> [String] {
        naming(chunkName)
        defer { naming(nil) }
        let top = stack.top
        defer { stack.setTop(top) }
        try load(Data(source.utf8), chunkName: chunkName, literalName: chunkName.hasPrefix("="))
        Sandbox.pushEnvironment(in: self, arguments: [])
        lua_setupvalue(L, -2, 1)
        try call(arguments: 0, results: LUA_MULTRET)
        return (top + 1 ..< stack.top + 1).map { index in
            switch lua_type(L, index) {
            case LUA_TNIL: "nil"
            case LUA_TBOOLEAN: lua_toboolean(L, index) != 0 ? "true" : "false"
            case LUA_TNUMBER:
                lua_isinteger(L, index) != 0 ? String(stack.integer(at: index) ?? 0) : luaNumberText(stack.number(at: index) ?? 0)
            case LUA_TSTRING: stack.string(at: index) ?? ""
            default: stack.typeName(at: index)
            }
        }
    }

    /// The largest chunk loaded (a script, a plugin, a module, a `load`ed string): 4 MB.
    /// Lua 5.4.4 recurses in C per field of a chain when it words an error, so the size of a
    /// chunk bounds the C stack an error can take (see LargeStack in the CLI).
    public static let chunkLimit = 4 << 20

    /// [-0, +1] Loads text as a function, or throws its syntax error.
    func load(_ source: Data, chunkName: String, literalName: Bool = false) throws(ScriptError) {
        if source.count > Self.chunkLimit {
            throw .syntax(LuaMessage(chunk: nil, line: nil,
                text: "\(chunkName): \(source.count >> 20) MB of Lua is more than samverkan loads (4 MB); split it into modules (require)"))
        }
        if let problem = LuaChunkCheck.problem(in: [UInt8](source)) {
            throw .syntax(LuaMessage(chunk: chunkName.hasPrefix("=") ? String(chunkName.dropFirst()) : chunkName,
                                     line: problem.line, text: problem.message))
        }
        let name = literalName ? chunkName : "@" + chunkName
        if !literalName { chunkNames.note(chunkName) }
        let status = source.withUnsafeBytes { buffer in
            sv_loadtext(L, buffer.baseAddress?.assumingMemoryBound(to: CChar.self), buffer.count, name)
        }
        guard status == LUA_OK else {
            let message = stack.string(at: -1) ?? "cannot load '\(chunkName)'"
            stack.pop()
            if message.contains("attempt to load a binary chunk") {
                throw .syntax(LuaMessage(chunk: nil, line: nil,
                                         text: "\(chunkName): binary (precompiled) chunks are not allowed; give the Lua source"))
            }
            throw .syntax(chunkNames.message(message))
        }
    }

    /// Calls the function below `arguments` values under the limits and the traceback handler.
    /// [-(arguments+1), +results]
    func call(arguments: Int32, results: Int32) throws(ScriptError) {
        let watchdog = Watchdog(state: main, timeout: options.timeout, grace: options.gracePeriod,
                                lastWords: ScriptError.timeout(seconds: options.timeout).message
                                    + (lastScript.map { " (\($0): a finalizer or one long call that no hook stops)" } ?? ""))
        watchdog.start()
        let status = pcall(arguments: arguments, results: results)
        watchdog.stop()
        guard status != LUA_OK else {
            // The deadline passed just as the run finished: it finished, so forget the timeout.
            if sv_timed_out(L) != 0 { resetLimits() }
            return
        }
        if sv_is_param_error(L, -1) != 0, sv_timed_out(L) == 0 {
            let error = ScriptError.parameter(name: stack.rawString(-1, "parameter") ?? "?",
                                              message: stack.rawString(-1, "message") ?? "")
            stack.pop()
            resetLimits()
            throw error
        }
        let message = stack.string(at: -1) ?? "(error object is not a string)"
        stack.pop()
        throw classify(status: status, message: message)
    }

    private func classify(status: Int32, message: String) -> ScriptError {
        defer { resetLimits() }
        if sv_timed_out(L) != 0 { return .timeout(seconds: options.timeout) }
        if status == LUA_ERRMEM || (sv_limit_hit(L) != 0 && message.contains("not enough memory")) {
            return .memory(megabytes: options.memoryLimitMB)
        }
        let (head, traceback) = Self.split(message)
        return .runtime(chunkNames.message(head), traceback: chunkNames.restore(traceback))
    }

    /// Clears the timeout hook and flags so the state can run the next script. (The failed
    /// run's garbage was collected in `sv_pcall_traced`, while the watchdog still watched.)
    private func resetLimits() {
        sv_reset_limits(L)
    }

    /// Splits a handler's message into the error and its "stack traceback:" part.
    static func split(_ message: String) -> (String, String) {
        guard let range = message.range(of: "\nstack traceback:") else { return (message, "") }
        let lines = message[range.lowerBound...].dropFirst().split(separator: "\n", omittingEmptySubsequences: false)
        return (String(message[..<range.lowerBound]), userTraceback(lines.map(String.init)).joined(separator: "\n"))
    }

    /// The frames of a traceback the user can act on: every frame of their code and, before
    /// each run of them, the one function their code called (`[samverkan]: in method 'sum'`,
    /// `[C]: in function 'error'`). What that function called in turn (the host's own Lua,
    /// the primitives it uses, tail calls) says nothing to the user and is left out.
    static func userTraceback(_ lines: [String]) -> [String] {
        var kept: [String] = []
        var called: String?          // the outermost non-user frame of the current run
        for line in lines {
            let trimmed = line.drop { $0 == "\t" }
            if trimmed.hasPrefix("(...tail calls...)") {
                continue
            } else if trimmed.hasPrefix("[C]:") {
                called = line
            } else if trimmed.hasPrefix("[samverkan ") {
                // `[samverkan api]:93: in method 'sum'` → `[samverkan]: in method 'sum'`.
                var what = trimmed.range(of: ": in ").map { String(trimmed[$0.lowerBound...]) } ?? ""
                // Called in a tail call (`return c:count(…)`), the function has no name to show.
                if what.hasPrefix(": in function <") { what = ": in a function of samverkan's (a tail call hides its name)" }
                called = "\t[samverkan]" + what
            } else {
                if let frame = called { kept.append(frame) }
                called = nil
                kept.append(line)
            }
        }
        return kept
    }
}

/// Bytes the process's C heap holds now (for leak checks; see `SAMVERKAN_DEBUG_HEAP`).
public func heapInUse() -> Int { Int(sv_heap_in_use()) }
