import Foundation

/// Where the data and scripts that ship with the program are.
///
/// An installed program finds them in `<prefix>/share/samverkan` beside its `bin/`;
/// a program built in a clone finds them in the clone (located at build time).
enum ShippedFiles {
    static var root: String? {
        let fm = FileManager.default
        var candidates: [String] = []
        if let home = ProcessInfo.processInfo.environment["SAMVERKAN_HOME"], !home.isEmpty {
            candidates.append(home)
        }
        let bin = executable.deletingLastPathComponent()
        candidates.append(bin.deletingLastPathComponent().appendingPathComponent("share/samverkan").path)
        // Built in a clone: the folder above this source file that holds Package.swift.
        var folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while folder.path != "/" && !fm.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
            folder.deleteLastPathComponent()
        }
        candidates.append(folder.path)
        return candidates.first { fm.fileExists(atPath: ($0 as NSString).appendingPathComponent("data/schema.yaml")) }
    }

    /// The running program's file. Not `arguments[0]`: run from `PATH` that is only
    /// `samverkan`, which says nothing about where the program lies.
    private static var executable: URL {
        if let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: path)
        }
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        return URL(fileURLWithPath: path).resolvingSymlinksInPath()
    }

    /// The shipped data folder, if found.
    static var data: String? { root.map { ($0 as NSString).appendingPathComponent("data") } }

    /// The shipped scripts folder, if found.
    static var scripts: String? { root.map { ($0 as NSString).appendingPathComponent("scripts") } }
}
