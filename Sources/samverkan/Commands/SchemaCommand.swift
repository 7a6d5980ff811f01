import ArgumentParser
import Foundation
import SamverkanCore

/// `samverkan schema` — collections, fields, types and record counts.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Show the collections, their fields and types, and record counts.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var global: GlobalOptions

    @Option(name: .long, help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let kb = try global.loadKnowledgeBase()
        switch format {
        case .text: global.console.out(SchemaText.render(kb, numbers: NumberFormat(locale: global.locale)))
        case .json: global.console.out(SchemaJSON.render(kb) + "\n")
        }
    }
}
