import Foundation
import PackagePlugin

/// Embeds a target's host Lua code in its binary (ENGINEERING §6): every `.lua` file in the
/// target's `Lua/` folder becomes a string constant of `EmbeddedLua`, generated at build
/// time, so editors, `luac -p` and luacheck see real Lua files and an installed program
/// needs no resource folder. (SwiftPM resources would be a folder beside the binary.)
@main
struct EmbedLua: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = target.directoryURL.appending(path: "Lua")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path())
            .filter { $0.hasSuffix(".lua") }
            .sorted()
        let inputs = names.map { folder.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLua.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(names.count) Lua files in \(target.name)",
                executable: try context.tool(named: "embed-lua").url,
                arguments: [output.path()] + inputs.map { $0.path() },
                inputFiles: inputs,
                outputFiles: [output]
            ),
        ]
    }
}
