import Foundation

/// Runs the command on a thread with a large stack: 512 MB, reserved, not used until touched.
///
/// Lua 5.4.4 recurses in C once per field when it names the culprit of an error
/// (`t.x.x…x()`: `getobjname`, fixed in 5.4.7), so a long enough chain overflows the main
/// thread's 8 MB. Chunks are at most `LuaRuntime.chunkLimit` (4 MB), which bounds that recursion
/// to a few hundred MB; this stack holds it with room to spare. Every Lua state lives and dies
/// on this thread.
enum LargeStack {
    static let size = 512 << 20

    /// `body`'s result, computed on the large-stack thread; on the calling thread when such a
    /// thread cannot be made (then the bug above can still end in the crash handler's exit 4).
    static func run(_ body: @escaping () -> Int32) -> Int32 {
        final class Job {
            let body: () -> Int32
            var result: Int32 = 0
            init(_ body: @escaping () -> Int32) { self.body = body }
        }
        let job = Job(body)
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        pthread_attr_setstacksize(&attributes, size)
        var thread = pthread_t()
        let context = Unmanaged.passRetained(job).toOpaque()
        let created = pthread_create(&thread, &attributes, { context in
            guard let context else { return nil }
            let job = Unmanaged<Job>.fromOpaque(context).takeUnretainedValue()
            job.result = job.body()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<Job>.fromOpaque(context).release()
            return body()
        }
        pthread_join(thread, nil)
        Unmanaged<Job>.fromOpaque(context).release()
        return job.result
    }
}
