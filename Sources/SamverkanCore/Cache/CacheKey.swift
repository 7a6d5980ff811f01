import Foundation

/// What a snapshot of a knowledge base was made from, one line per thing that could change
/// its content: the program, the working folder (diagnostics name files relative to it), the
/// schema, and each data file by size, modification time and content hash. A snapshot is
/// used only when every line is the same now; else the first line that differs says why
/// it was rebuilt.
struct CacheKey: Equatable {
    /// Bumped whenever what a snapshot holds, or how, changes.
    static let format = 1

    let lines: [String]

    var text: String { lines.joined(separator: "\n") }

    init(lines: [String]) { self.lines = lines }

    init(text: String) { lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }

    /// The key of loading `schema` from `directory` now. Hashing reads every data file once.
    init(directory: String, display: DisplayPath, schemaBytes: Data, schema: Schema, host: String) {
        var lines = ["format \(Self.format)", "program \(host)", "folder \(Self.absolute(directory))",
                     "shown as '\(display.path(for: ""))'"]
        lines.append("schema.yaml \(schemaBytes.count) \(Self.hex(schemaBytes.withUnsafeBytes { ContentHash.hash($0) }))")
        for collection in schema.collections {
            let path = collection.format.refused ? nil : DataFolder.resolvedPath(of: collection.file, in: directory)
            lines.append("\(display.path(for: collection.file)) \(path.map(Self.fileLine) ?? "not read")")
        }
        self.lines = lines
    }

    /// Why a snapshot with key `old` is not this one's: the first thing that differs.
    func change(from old: CacheKey) -> String {
        guard old.lines.count == lines.count else { return "the schema changed" }
        for (was, now) in zip(old.lines, lines) where was != now {
            let what = now.split(separator: " ", maxSplits: 1).first.map(String.init) ?? now
            switch what {
            case "format", "program": return "it was written by another version of samverkan"
            case "folder", "shown": return "it was made for another folder"
            default: return "\(what) changed"
            }
        }
        return "it is the same"
    }

    /// `size mtime hash` of a data file, or why it has none.
    private static func fileLine(_ path: String) -> String {
        var status = stat()
        guard stat(path, &status) == 0 else { return "missing" }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return "not a file" }
        let modified = "\(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        // Read into memory, not mapped: a file cut short while mapped would end the process.
        guard status.st_size > 0, let contents = FileBytes(path: path) else { return "\(status.st_size) \(modified) -" }
        return "\(contents.bytes.count) \(modified) \(hex(ContentHash.hash(contents.bytes)))"
    }

    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 16 - digits.count)) + digits
    }

    static func absolute(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
