import ArgumentParser
import Foundation
import SamverkanCore
import SamverkanLua

/// `samverkan run FILE.lua [ARG…]` — an ad-hoc script against the knowledge base; also
/// `run -e 'CHUNK' [ARG…]` (a one-liner) and `run - [ARG…]` (the script from stdin).
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a Lua script against the knowledge base.",
        discussion: """
            Everything after FILE.lua goes to the script, in the global table `arg`.
              samverkan run -e 'print(#kb.regions)'          a one-liner
              echo 'print(#kb.municipalities)' | samverkan run -   the script from stdin
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customShort("e"), help: ArgumentHelp("Run this Lua chunk instead of a file.", valueName: "CHUNK"))
    var chunk: String?

    @Argument(help: ArgumentHelp("The Lua script to run; - reads it from stdin.", valueName: "FILE.lua"))
    var file: String?

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("Arguments for the script.", valueName: "ARG"))
    var arguments: [String] = []

    func validate() throws {
        if chunk == nil, file == nil {
            throw ValidationError("give a script: FILE.lua, - (read it from stdin) or -e 'CHUNK'")
        }
    }

    func run() throws {
        let (source, name) = try script()
        let kb = try global.loadKnowledgeBase()
        let runtime = try ScriptRunner.makeRuntime(kb: kb, global: global, printToStdout: true)
        do {
            // With -e there is no FILE: the word taken for it is the script's first argument.
            let words = chunk == nil ? arguments : (file.map { [$0] } ?? []) + arguments
            try runtime.run(source: source, chunkName: name, arguments: words)
        } catch {
            throw ScriptRunner.failure(error, console: global.console)
        }
    }

    /// The script's text and the name its messages use. A script that is not there is the
    /// user's typo (exit 2), not a script that failed; checked before the data is loaded,
    /// which may take a while.
    private func script() throws(CLIFailure) -> (Data, String) {
        if let chunk {
            return (Data(chunk.utf8), "(command line)")
        }
        let file = file ?? "-"
        if file == "-" {
            return (FileHandle.standardInput.readDataToEndOfFile(), "(stdin)")
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
            throw CLIFailure.usage("no such script '\(file)'")
        }
        if isDirectory.boolValue { throw CLIFailure.usage("'\(file)' is a folder, not a script") }
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIFailure.usage("cannot read '\(file)': not readable")
        }
        return (data, file)
    }
}
