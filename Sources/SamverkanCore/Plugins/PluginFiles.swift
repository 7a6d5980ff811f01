import Foundation

/// A plugin file found on the plugin path.
public struct PluginFile: Sendable, Equatable {
    /// The file name without `.lua`.
    public var name: String
    /// The kind its folder suggests (`reports/` → report).
    public var folderKind: PluginKind
    /// The path as given (relative to the working folder when the plugin folder was).
    public var path: String

    public init(name: String, folderKind: PluginKind, path: String) {
        self.name = name
        self.folderKind = folderKind
        self.path = path
    }
}

/// Finds plugins along the plugin path: `reports/`, `filters/` and `validations/` of each
/// folder, in order; the first file with a name wins and later ones are shadowed.
public enum PluginFiles {
    /// How a test file's name ends (`large-municipalities_test.lua`): it tests the plugin
    /// beside it and is not a plugin itself.
    public static let testSuffix = "_test.lua"

    /// Every plugin file, in path order, then kind, then name.
    public static func discover(in folders: [String]) -> [PluginFile] {
        var files: [PluginFile] = []
        let fm = FileManager.default
        for folder in folders {
            for kind in PluginKind.allCases {
                let directory = (folder as NSString).appendingPathComponent(kind.folder)
                guard let names = try? fm.contentsOfDirectory(atPath: directory) else { continue }
                for entry in names.sorted() where entry.hasSuffix(".lua") && !entry.hasPrefix(".")
                    && !entry.hasSuffix(testSuffix) {
                    let path = (directory as NSString).appendingPathComponent(entry)
                    var isDirectory: ObjCBool = false
                    guard fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                    files.append(PluginFile(name: String(entry.dropLast(4)), folderKind: kind, path: path))
                }
            }
        }
        return files
    }
}
