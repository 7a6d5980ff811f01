import ArgumentParser
import SamverkanCore
import SamverkanLua

/// `samverkan help api [NAME]` (also `samverkan api`) — the Lua API reference, from its one
/// declaration: every global, collection and record method, `fmt`, `text`, `out`,
/// `findings`, and the plugin tables.
struct APICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Show the Lua API reference (also: samverkan help api).",
        discussion: """
            Without NAME, every class and function in one line each; with NAME, one class
            (collection, record, fmt, text, out, table, findings, kb, globals), one function
            (sum, fmt.number, out:table) or `plugin` (the plugin tables) in full:
              samverkan help api sum
            --markdown writes docs/lua-api.md.
            """)

    @Argument(help: "A class, a function or `plugin`.")
    var name: String?

    @Flag(help: "The whole reference as Markdown (docs/lua-api.md).")
    var markdown = false

    func run() throws {
        if markdown {
            print(APIReference.markdown(), terminator: "")
            return
        }
        guard let text = APIReference.text(name) else {
            let hint = name.flatMap { didYouMean($0, in: APIReference.names) } ?? ""
            throw CLIFailure.usage("no '\(name ?? "")' in the Lua API\(hint); `samverkan help api` lists it all")
        }
        print(text, terminator: "")
    }
}
