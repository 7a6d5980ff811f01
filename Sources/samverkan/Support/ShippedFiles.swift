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
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        let bin = executable.deletingLastPathComponent()
        candidates.append(bin.deletingLastPathComponent().appendingPathComponent("share/samverkan").path)
        // Built in a clone: Sources/samverkan/Support/ShippedFiles.swift → the clone's root.
        let source = URL(fileURLWithPath: #filePath)
        candidates.append(source.deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().path)
        return candidates.first { fm.fileExists(atPath: ($0 as NSString).appendingPathComponent("data/schema.yaml")) }
    }

    /// The shipped data folder, if found.
    static var data: String? { root.map { ($0 as NSString).appendingPathComponent("data") } }

    /// The shipped scripts folder, if found.
    static var scripts: String? { root.map { ($0 as NSString).appendingPathComponent("scripts") } }
}
