import ArgumentParser
import Foundation
import SamverkanCore
import SamverkanLua
import SamverkanRender

/// `samverkan report NAME` — runs a report plugin and renders its document.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Run a report and print it as text, Markdown, HTML, JSON or CSV.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The report's name (see `samverkan list --kind report`).")
    var name: String

    @Option(name: .customShort("p"), help: ArgumentHelp("A report parameter.", valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: "Output format: text, markdown, html, json or csv.")
    var format: ReportFormat = .text

    @Option(name: .customShort("o"), help: ArgumentHelp("Write to FILE (atomically) instead of stdout.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let session = try PluginSession(global: global)
        let plugin = try session.plugin(named: name, kind: .report)
        let params = try session.parameters(for: plugin, parameters)
        let document: ReportDocument
        do { document = try session.runtime.runReport(plugin, params: params) } catch {
            throw ScriptRunner.failure(error, console: global.console, plugin: plugin.info.name)
        }
        let color = output == nil && format == .text && global.console.color && Terminal.stdoutIsTerminal
        let options = RenderOptions(locale: global.locale, color: color, width: Terminal.width(toFile: output != nil))
        let geometry = ReportGeometry.provider(dataDirectory: session.kb.directory)
        for warning in ReportGeometry.warnings(for: document, format: format, geometry: geometry) {
            global.console.error("warning: " + warning)
        }
        let text = render(document, as: format, options: options, geometry: geometry)
        if let output {
            try AtomicFile.write(text, to: output)
        } else {
            global.console.out(text)
        }
    }
}

extension ReportFormat: ExpressibleByArgument {}
