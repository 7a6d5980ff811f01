import Foundation
import SamverkanCore
import SamverkanLua

/// The fixture knowledge base (Tests/Fixtures/kb), loaded once.
let kb = KnowledgeBaseLoader.load(directory: URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Tests/Fixtures/kb").path)

/// Small limits; no last resort (a grace of a day): libFuzzer's own -timeout reports a hang
/// that no hook can stop, where samverkan would end the process with exit 4.
let options: RuntimeOptions = {
    var options = RuntimeOptions()
    options.timeout = 0.5
    options.memoryLimitMB = 32
    options.gracePeriod = 86_400
    return options
}()

/// An arbitrary --where expression compiled and run over municipalities, in a fresh state
/// each time (so one input cannot change what the next one meets): it may fail with any
/// WhereError, never crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWhere(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let expression = data.map { String(decoding: UnsafeBufferPointer(start: $0, count: size), as: UTF8.self) } ?? ""
    guard let store = kb.collection("municipalities"), let runtime = try? LuaRuntime(kb: kb, options: options) else {
        return 0
    }
    _ = try? runtime.whereRows(expression, in: store)
    return 0
}
