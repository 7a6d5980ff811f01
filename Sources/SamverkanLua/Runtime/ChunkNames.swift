import Foundation

/// The paths of the files loaded as chunks, and how to undo Lua's cutting of them.
///
/// Lua names a file chunk in messages and tracebacks by its path, but cuts a path longer
/// than 59 bytes to `...` and its last 56 (LUA_IDSIZE of the system's liblua, fixed at 60):
/// `...er-long-folder-name/for-plugins/scripts/reports/boom.lua:3:`. Every installed plugin
/// (`/usr/local/share/samverkan/scripts/…`) is that long, so the host puts the whole path
/// back into what it reports. (What a script prints of its own errors keeps Lua's form.)
struct ChunkNames {
    private static let limit = 59, kept = 56
    /// Cut form → path, for the paths Lua cuts.
    private var cut: [String: String] = [:]
    /// Every path noted, longest first, so that a message is matched by the longest name
    /// it starts with (``LuaMessage``).
    private(set) var paths: [String] = []

    mutating func note(_ path: String) {
        if !paths.contains(path) {
            paths.append(path)
            paths.sort { $0.utf8.count > $1.utf8.count }
        }
        let bytes = Array(path.utf8)
        guard bytes.count > Self.limit else { return }
        // Decoded as Lua's message will be, also when the cut falls inside a character.
        cut["..." + String(decoding: bytes.suffix(Self.kept), as: UTF8.self)] = path
    }

    /// `text` with every cut name of a noted path replaced by the path.
    func restore(_ text: String) -> String {
        guard !cut.isEmpty, text.contains("...") else { return text }
        var result = text
        for (short, path) in cut where result.contains(short) {
            result = result.replacingOccurrences(of: short, with: path)
        }
        return result
    }

    /// A message of Lua's, cut names restored, taken apart (with `--where` a chunk name too).
    func message(_ text: String) -> LuaMessage {
        LuaMessage(restore(text), chunks: paths + ["--where"])
    }
}
