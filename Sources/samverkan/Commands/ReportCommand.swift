import ArgumentParser
import Foundation
import SamverkanCore
import SamverkanLua
import SamverkanRender

/// `samverkan report NAME` — runs a report plugin and renders its document.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Run a report and print it as text, Markdown, HTML, JSON, CSV, an .xlsx workbook or PDF.",
        discussion: "Without --format, -o FILE picks the format from its extension (.txt .md .html .json .csv .xlsx .pdf). "
            + "PDF is the HTML printed by headless Chromium (Debian's package chromium).")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The report's name (see `samverkan list --kind report`).")
    var name: String

    @Option(name: .customShort("p"), help: ArgumentHelp("A report parameter.", valueName: "name=value"))
    var parameters: [String] = []

    @Option(help: "Output format: text, markdown, html, json, csv, xlsx or pdf.")
    var format: ReportOutput?

    @Option(name: .customLong("csv-dialect"), help: "CSV as rfc4180 (the default) or excel-sv (BOM, ';', decimal comma, CRLF).")
    var csvDialect: CSVDialectName?

    @Option(name: .customShort("o"), help: ArgumentHelp("Write to FILE (atomically) instead of stdout.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let format = try OutputFile.format(self.format, output: output, extensions: ReportOutput.byExtension, default: .text)
        try CommandOutput.checkDialect(csvDialect, format: format.rawValue)
        // Before the data is loaded and the report run: a missing Chromium is said at once.
        if format == .pdf && Chromium.find() == nil { throw CLIFailure.usage(Chromium.missing) }
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
        switch format {
        case .csv:
            result = .text(renderCSV(document, dialect: csvDialect ?? .rfc4180, locale: global.locale))
        case .xlsx:
            do { result = .bytes(try renderWorkbook(document, options: options), what: "an .xlsx workbook") } catch {
                throw CLIFailure.usage("cannot write the workbook: \(error)")
            }
        case .pdf:
            for warning in ReportGeometry.warnings(for: document, format: .html, geometry: geometry) {
                global.console.error("warning: " + warning)
            }
            let html = render(document, as: .html, options: options, geometry: geometry)
            result = .bytes(try PDFPrinter.print(html: html), what: "a PDF")
        case .text, .markdown, .html, .json:
            let text = format.text ?? .text
            for warning in ReportGeometry.warnings(for: document, format: text, geometry: geometry) {
                global.console.error("warning: " + warning)
            }
            result = .text(render(document, as: text, options: options, geometry: geometry))
        }
        try result.write(to: output, console: global.console)
    }
}

/// `report --format`: the text formats of `ReportFormat`, the workbook and PDF.
enum ReportOutput: String, CaseIterable, ExpressibleByArgument {
    case text, markdown, html, json, csv, xlsx, pdf

    static let byExtension: [String: ReportOutput] = [
        "txt": .text, "md": .markdown, "markdown": .markdown, "html": .html, "htm": .html, "json": .json,
        "csv": .csv, "xlsx": .xlsx, "pdf": .pdf,
    ]

    /// The text format, nil for the workbook and PDF.
    var text: ReportFormat? { ReportFormat(rawValue: rawValue) }
}
