import ArgumentParser
import Foundation
import SamverkanCore
import SamverkanLua

/// `samverkan new report|filter|validation NAME` — a commented starter plugin in ./scripts.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new", abstract: "Write a commented starter plugin into ./scripts that runs as it is, and a test beside it that passes.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "report, filter or validation.")
    var kind: PluginKind

    @Argument(help: "The plugin's name: letters, digits, - and _ (it becomes NAME.lua).")
    var name: String

    func validate() throws {
        let allowed = name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
        guard !name.isEmpty, allowed, !name.hasPrefix("-") else {
            throw ValidationError("'\(name)' is not a plugin name: use letters, digits, - and _ (e.g. my-report)")
        }
    }

    func run() throws {
        let folder = "scripts/" + kind.folder
        let path = folder + "/" + name + ".lua"
        let testPath = folder + "/" + name + PluginFiles.testSuffix
        for existing in [path, testPath] where FileManager.default.fileExists(atPath: existing) {
            throw CLIFailure.usage("\(existing) exists already; choose another name or edit it")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw CLIFailure.usage("cannot create \(folder): \(error.localizedDescription)")
        }
        try AtomicFile.write(StarterPlugins.source(kind: kind, name: name), to: path)
        try AtomicFile.write(StarterTests.source(kind: kind, name: name), to: testPath)
        if !global.quiet, let clash = nameClash(path) { global.console.error("note: " + clash) }
        let command = switch kind {
        case .report: "samverkan report \(name)"
        case .filter: "samverkan query \(name)"
        case .validation: "samverkan validate \(name)"
        }
        if !global.quiet {
            global.console.out("Wrote \(path). Try it: \(command)\n"
                + "Wrote its test \(testPath). Run it: samverkan test \(path)\n")
        }
    }

    /// What another plugin of the same name on the plugin path means for the new one.
    private func nameClash(_ path: String) -> String? {
        let catalog = PluginCatalog(folders: global.pluginFolders)
        let same = { (file: PluginFile) in
            URL(fileURLWithPath: file.path).standardizedFileURL == URL(fileURLWithPath: path).standardizedFileURL
        }
        let others = catalog.files.filter { $0.name == name && !same($0) }
        guard let other = others.first, let winner = catalog.file(named: name) else { return nil }
        if same(winner) {
            return "\(path) now hides \(other.path) of the same name; `samverkan list` marks it shadowed. "
                + "Choose another name to keep both."
        }
        return "\(winner.path) of the same name comes first on the plugin path and still runs, not \(path); "
            + "choose another name."
    }
}
