import ArgumentParser
import Foundation
import SamverkanCore
import SamverkanLua
import SamverkanRender

/// `samverkan report NAME` — runs a report plugin and renders its document.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Run a report and print it as text, Markdown, HTML, JSON, CSV or an .xlsx workbook.",
        discussion: "Without --format, -o FILE picks the format from its extension (.txt .md .html .json .csv .xlsx).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The report's name (see `samverkan list --kind report`).")
    var name: String

    @Option(name: .customShort("p"), help: ArgumentHelp("A report parameter.", valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: "Output format: text, markdown, html, json, csv or xlsx.")
    var format: ReportOutput?

    @Option(name: .customLong("csv-dialect"), help: "CSV as rfc4180 (the default) or excel-sv (BOM, ';', decimal comma, CRLF).")
    var csvDialect: CSVDialectName?

    @Option(name: .customShort("o"), help: ArgumentHelp("Write to FILE (atomically) instead of stdout.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let format = try OutputFile.format(self.format, output: output, extensions: ReportOutput.byExtension, default: .text)
        try CommandOutput.checkDialect(csvDialect, format: format.rawValue)
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
        let result: CommandOutput
        switch format.text {
        case .csv?:
            result = .text(renderCSV(document, dialect: csvDialect ?? .rfc4180))
        case let text?:
            for warning in ReportGeometry.warnings(for: document, format: text, geometry: geometry) {
                global.console.error("warning: " + warning)
            }
            result = .text(render(document, as: text, options: options, geometry: geometry))
        case nil:
            do { result = .bytes(try renderWorkbook(document, options: options)) } catch {
                throw CLIFailure.usage("cannot write the workbook: \(error)")
            }
        }
        try result.write(to: output, console: global.console)
    }
}

/// `report --format`: the text formats of `ReportFormat`, and the workbook.
enum ReportOutput: String, CaseIterable, ExpressibleByArgument {
    case text, markdown, html, json, csv, xlsx

    static let byExtension: [String: ReportOutput] = [
        "txt": .text, "md": .markdown, "markdown": .markdown, "html": .html, "htm": .html, "json": .json,
        "csv": .csv, "xlsx": .xlsx,
    ]

    /// The text format, nil for the workbook.
    var text: ReportFormat? { ReportFormat(rawValue: rawValue) }
}
