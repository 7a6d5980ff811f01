import ArgumentParser
import Foundation
import SamverkanCore
import SamverkanLua

/// `samverkan repl` — an interactive Lua prompt on the knowledge base.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl", abstract: "An interactive Lua prompt on the knowledge base: kb, fmt, text and describe(x).",
        discussion: """
            An expression shows its value (a record with its fields, a collection with its size and first records); a statement runs. Input continues on the next line until the chunk is complete. Tab completes globals, collection names, fields, relations and methods.

            Each input runs like a script, in the sandbox and under --timeout and --memory-limit. Ctrl-D leaves. Not on a terminal, it reads the lines from stdin without prompts.
            """)

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let kb = try global.loadKnowledgeBase()
        let session = ReplSession(runtime: try ScriptRunner.makeRuntime(kb: kb, global: global, printToStdout: true))
        let completion = ReplCompletion(session: session)
        let editor = LineEditor { completion.complete($0) }
        let interactive = isatty(0) == 1
        if interactive, !global.quiet {
            let names = kb.collections.map(\.name).joined(separator: ", ")
            global.console.out("samverkan \(Samverkan.version), Lua 5.4: kb holds \(names).\n"
                + "describe(x) says what x is; samverkan help api lists every function. Ctrl-D leaves.\n")
        }
        var pending = ""
        while let line = editor.readLine(prompt: pending.isEmpty ? "> " : ">> ") {
            let input = pending.isEmpty ? line : pending + "\n" + line
            if input.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            switch session.evaluate(input) {
            case .incomplete:
                pending = input
                continue
            case .values(let values):
                for value in values { global.console.out(value + "\n") }
            case .failed(let message):
                fflush(nil)  // what print wrote to stdout comes before the error
                global.console.error(global.console.errorPrefix() + message)
            }
            editor.remember(input)
            pending = ""
        }
        if !pending.isEmpty, case .failed(let message) = session.evaluate(pending + "\n") {
            global.console.error(global.console.errorPrefix() + message)
        } else if !pending.isEmpty {
            global.console.error(global.console.errorPrefix() + "the input ended inside an unfinished chunk")
        }
        if interactive { global.console.out("\n") }
    }
}
