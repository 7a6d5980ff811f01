import Foundation

/// Where `samverkan test` finds test files (`NAME_test.lua`, beside the plugin NAME.lua)
/// and what a test file stands beside.
public enum PluginTestFiles {
    /// The test files of the plugin folders: `reports/`, `filters/` and `validations/` of each.
    public static func onPluginPath(_ folders: [String]) -> [String] {
        folders.flatMap { folder in
            PluginKind.allCases.flatMap { kind in
                entries(of: (folder as NSString).appendingPathComponent(kind.folder), recursive: false)
            }
        }
    }

    /// The test files a command-line PATH names: a test file itself, the test beside a
    /// plugin file, or every test file under a folder. Nil when it names none.
    public static func named(_ path: String) -> [String]? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue { return entries(of: path, recursive: true) }
        if path.hasSuffix(PluginFiles.testSuffix) { return [path] }
        if path.hasSuffix(".lua") {
            let test = String(path.dropLast(4)) + PluginFiles.testSuffix
            return FileManager.default.fileExists(atPath: test) ? [test] : []
        }
        return nil
    }

    /// The plugin file beside a test (`filters/x_test.lua` → `filters/x.lua`), if there is
    /// one, and the plugin folder it belongs to (the parent of `filters/`), for `require`.
    public static func context(of test: String) -> (beside: PluginFile?, root: String?) {
        let directory = (test as NSString).deletingLastPathComponent
        let folderName = (directory as NSString).lastPathComponent
        let kind = PluginKind.allCases.first { $0.folder == folderName }
        let root = kind.map { _ in (directory as NSString).deletingLastPathComponent }
        let name = String((test as NSString).lastPathComponent.dropLast(PluginFiles.testSuffix.count))
        let path = (directory as NSString).appendingPathComponent(name + ".lua")
        guard FileManager.default.fileExists(atPath: path) else { return (nil, root.map { $0.isEmpty ? "." : $0 }) }
        return (PluginFile(name: name, folderKind: kind ?? .report, path: path), root.map { $0.isEmpty ? "." : $0 })
    }

    private static func entries(of directory: String, recursive: Bool) -> [String] {
        let fm = FileManager.default
        var names: [String] = []
        if recursive {
            names = fm.enumerator(atPath: directory).map { $0.compactMap { $0 as? String } } ?? []
        } else {
            // A plugin folder without this kind's folder has no tests of that kind.
            do { names = try fm.contentsOfDirectory(atPath: directory) } catch { return [] }
        }
        return names.filter { $0.hasSuffix(PluginFiles.testSuffix) && !($0 as NSString).lastPathComponent.hasPrefix(".") }
            .sorted()
            .map { (directory as NSString).appendingPathComponent($0) }
    }
}
