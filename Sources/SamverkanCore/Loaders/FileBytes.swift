import Foundation

/// A data file's bytes in private anonymous memory, whose pages are given back as a
/// reader passes them (``release(upTo:)``), so a large file does not stay resident while
/// its columns are built. Nil when the file cannot be read this way (not a regular file,
/// empty, unreadable); callers then read it as `Data`.
final class FileBytes {
    let bytes: UnsafeRawBufferPointer
    private let mapped: UnsafeMutableRawPointer
    private let mappedCount: Int
    private var released = 0

    init?(path: String) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var status = stat()
        guard fstat(fd, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0 else { return nil }
        let size = Int(status.st_size)
        guard let memory = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
              memory != MAP_FAILED else { return nil }
        var done = 0
        while done < size {
            let n = read(fd, memory + done, size - done)
            if n < 0 && errno == EINTR { continue }
            if n < 0 {
                munmap(memory, size)
                return nil
            }
            if n == 0 { break }
            done += n
        }
        mapped = memory
        mappedCount = size
        bytes = UnsafeRawBufferPointer(start: memory, count: done)
    }

    deinit { munmap(mapped, mappedCount) }

    /// Gives back the whole pages before `offset`: nothing before it is read again.
    func release(upTo offset: Int) {
        let page = Int(getpagesize())
        let end = min(offset, mappedCount) / page * page
        guard end > released else { return }
        madvise(mapped + released, end - released, MADV_DONTNEED)
        released = end
    }
}
