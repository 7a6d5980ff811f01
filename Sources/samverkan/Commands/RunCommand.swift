import ArgumentParser
import Foundation
import SamverkanCore
import SamverkanLua

/// `samverkan run FILE.lua [ARG…]` — an ad-hoc script against the knowledge base.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Lua script against the knowledge base.",
        discussion: "Everything after FILE.lua goes to the script, in the global table `arg`.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The Lua script to run.", valueName: "FILE.lua"))
    var file: String

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("Arguments for the script.", valueName: "ARG"))
    var arguments: [String] = []

    func run() throws {
        // A script that is not there is the user's typo (exit 2), not a script that failed;
        // checked before the data is loaded, which may take a while.
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw CLIFailure.usage("no such script '\(file)'")
        }
        if isDirectory.boolValue { throw CLIFailure.usage("'\(file)' is a folder, not a script") }
        let kb = try global.loadKnowledgeBase()
        let runtime = try ScriptRunner.makeRuntime(kb: kb, global: global, printToStdout: true)
        do {
            try runtime.runFile(file, arguments: arguments)
        } catch {
            throw ScriptRunner.failure(error, console: global.console)
        }
    }
}
