import Foundation
import SamverkanLua

/// With `SAMVERKAN_DEBUG_HEAP` set, prints the bytes still allocated at exit (after every
/// Lua state is closed) to stderr: the leak tests compare it between small and large runs.
enum HeapReport {
    static func printIfAsked() {
        guard ProcessInfo.processInfo.environment["SAMVERKAN_DEBUG_HEAP"] != nil else { return }
        FileHandle.standardError.write(Data("heap: \(heapInUse())\n".utf8))
    }
}
