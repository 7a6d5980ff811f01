import Foundation

/// Where snapshots of loaded knowledge bases are kept, and who is told what happened to them.
public struct CacheSettings: Sendable {
    /// The cache folder (`$XDG_CACHE_HOME/samverkan`, else `~/.cache/samverkan`).
    public var folder: String
    /// The program and its build, as a snapshot records it (`samverkan 0.1.0 …`).
    public var host: String
    /// Told, in one line, whether a snapshot was used or why it was (re)built.
    public var log: (@Sendable (String) -> Void)?
    /// How many snapshots the folder keeps; the least recently used go first.
    public var keep = 16

    public init(folder: String, host: String, log: (@Sendable (String) -> Void)? = nil) {
        self.folder = folder
        self.host = host
        self.log = log
    }

    /// The standard cache folder for this environment, nil when it has none
    /// (neither `XDG_CACHE_HOME` nor `HOME`).
    public static func standardFolder(_ environment: [String: String]) -> String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return (xdg as NSString).appendingPathComponent("samverkan") }
        guard let home = environment["HOME"], !home.isEmpty else { return nil }
        return (home as NSString).appendingPathComponent(".cache/samverkan")
    }
}

/// A snapshot of a loaded, checked knowledge base (columns, positions and diagnostics) in
/// one file per data folder, mapped and copied back on the next run instead of reading and
/// checking every data file again. It is used only when its ``CacheKey`` is this run's and
/// its bytes are whole; anything else (another version, a changed file, a cut or altered
/// snapshot) is rebuilt from the data, never trusted.
enum KnowledgeBaseCache {
    private static let magic = Array("samverkan knowledge base\n".utf8)

    /// The snapshot file of a data folder.
    static func path(for directory: String, display: DisplayPath, in settings: CacheSettings) -> String {
        let name = CacheKey.absolute(directory) + "\u{0}" + display.path(for: "")
        return (settings.folder as NSString).appendingPathComponent("kb-\(CacheKey.hex(FNV1a.hash(name.utf8))).bin")
    }

    /// The knowledge base the snapshot at `path` holds, when it was made under `key`; else
    /// nil and why not.
    static func read(_ path: String, key: CacheKey, schema: Schema, directory: String)
        -> (kb: KnowledgeBase?, why: String) {
        guard let file = MappedFile(path: path) else { return (nil, "there is no snapshot yet") }
        do throws(CacheCorrupt) {
            var reader = CacheReader(file.bytes)
            for byte in magic where try reader.u8() != byte { throw CacheCorrupt("it is not a samverkan snapshot") }
            let stored = CacheKey(text: try reader.string())
            guard stored == key else { return (nil, key.change(from: stored)) }
            let length = try reader.count(each: 1)
            let checksum = try reader.u64()
            let start = reader.offset
            guard start + length == file.bytes.count else { throw CacheCorrupt("it is not as long as it says") }
            let payload = UnsafeRawBufferPointer(rebasing: file.bytes[start...])
            guard ContentHash.hash(payload) == checksum else { throw CacheCorrupt("its checksum does not match") }
            var body = CacheReader(payload)
            let kb = try KnowledgeBaseSnapshot.decode(&body, schema: schema, directory: directory) { file.release(upTo: start + $0) }
            guard body.atEnd else { throw CacheCorrupt("it has bytes past its end") }
            // Touched on use, so that the least recently used snapshots are the ones let go.
            utimes(path, nil)
            return (kb, "")
        } catch {
            return (nil, "it is damaged (\(error.reason))")
        }
    }

    /// Writes the snapshot of `kb` under `key`, atomically (a temporary file renamed), and
    /// lets the least recently used snapshots beyond `settings.keep` go. Returns why it could
    /// not, if it could not: the cache only saves time, so a failure changes no answer.
    static func write(_ kb: KnowledgeBase, key: CacheKey, to path: String, settings: CacheSettings) -> String? {
        var body = CacheWriter(capacity: KnowledgeBaseSnapshot.estimatedSize(kb))
        KnowledgeBaseSnapshot.encode(kb, into: &body)
        var header = CacheWriter()
        for byte in magic { header.u8(byte) }
        header.string(key.text)
        header.int(body.bytes.count)
        header.u64(body.bytes.withUnsafeBytes { ContentHash.hash($0) })
        let folder = settings.folder
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            return "cannot make the cache folder \(folder): \(error.localizedDescription)"
        }
        let temporary = path + ".\(getpid()).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return "cannot write \(temporary): \(String(cString: strerror(errno)))" }
        let written = writeAll(fd, header.bytes) && writeAll(fd, body.bytes)
        close(fd)
        guard written, rename(temporary, path) == 0 else {
            let why = String(cString: strerror(errno))
            unlink(temporary)
            return "cannot write \(path): \(why)"
        }
        prune(folder, keep: settings.keep)
        return nil
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                guard let base = buffer.baseAddress else { return false }
                let n = Foundation.write(fd, base + done, buffer.count - done)
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
    }

    /// Removes all but the `keep` most recently used snapshots (and temporary files left
    /// behind by a run that was killed while writing, once they are an hour old).
    private static func prune(_ folder: String, keep: Int) {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch { return }
        var snapshots: [(path: String, used: Int)] = []
        let now = Int(Date().timeIntervalSince1970)
        for name in names where name.hasPrefix("kb-") {
            let path = (folder as NSString).appendingPathComponent(name)
            var status = stat()
            guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
            if name.hasSuffix(".tmp") {
                if now - status.st_mtim.tv_sec > 3600 { unlink(path) }
            } else if name.hasSuffix(".bin") {
                snapshots.append((path, status.st_mtim.tv_sec))
            }
        }
        for old in snapshots.sorted(by: { $0.used > $1.used }).dropFirst(keep) { unlink(old.path) }
    }
}
