import Foundation

/// The data folder's boundary: a data file is opened only when its path, after every
/// symlink, is inside the folder (after the folder's own symlinks). `file: ../x.csv` is a
/// schema error, and a symlink in `data/` that points elsewhere (`/etc/passwd`) is not
/// followed: nothing outside the folder is ever read, so none of it can show in a message.
public enum DataFolder {
    /// The resolved path of `file` (relative to `directory`), or nil when it leaves the folder.
    public static func resolvedPath(of file: String, in directory: String) -> String? {
        let root = URL(fileURLWithPath: directory).resolvingSymlinksInPath().standardizedFileURL.path
        let target = URL(fileURLWithPath: (directory as NSString).appendingPathComponent(file))
            .resolvingSymlinksInPath().standardizedFileURL.path
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return target.hasPrefix(prefix) ? target : nil
    }

    /// True when the path as written leaves the folder (absolute, or with `..`): the schema
    /// refuses it (SchemaLoader), and the loader does not report it again.
    static func leavesAsWritten(_ file: String) -> Bool {
        file.hasPrefix("/") || file.split(separator: "/").contains("..")
    }
}
