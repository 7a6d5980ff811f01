import Foundation

/// A file mapped read-only into memory, with what `stat` says of it. Pages already read
/// can be given back (``release(upTo:)``) so that a snapshot being copied into columns
/// does not count twice in the process's memory.
final class MappedFile {
    let bytes: UnsafeRawBufferPointer
    let size: Int
    /// The modification time, in nanoseconds since 1970.
    let modified: Int64
    private let mapped: UnsafeMutableRawPointer?
    private var released = 0

    /// Nil when the path is no regular file that can be opened and mapped.
    init?(path: String) {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        size = Int(status.st_size)
        modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        guard size > 0 else {
            mapped = nil
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            return
        }
        guard let memory = mmap(nil, size, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0), memory != MAP_FAILED else { return nil }
        mapped = memory
        bytes = UnsafeRawBufferPointer(start: memory, count: size)
    }

    deinit {
        if let mapped { munmap(mapped, size) }
    }

    /// Gives back the whole pages before `offset`.
    func release(upTo offset: Int) {
        guard let mapped else { return }
        let page = Int(getpagesize())
        let end = min(offset, size) / page * page
        guard end > released else { return }
        madvise(mapped + released, end - released, MADV_DONTNEED)
        released = end
    }
}
