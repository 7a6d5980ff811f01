import ArgumentParser
import SamverkanCore
import SamverkanLua

/// `samverkan info NAME` — what a plugin is, does and takes.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info", abstract: "Show a plugin's description, kind, parameters, tags and file.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The plugin's name (its file name without .lua).")
    var name: String

    func run() throws {
        let session = try PluginSession(global: global, strict: false)
        let plugin = try session.plugin(named: name, kind: nil)
        global.console.out(PluginInfoText.render(plugin.info, shadowed: session.catalog.shadowed.filter { $0.name == name }))
    }
}
