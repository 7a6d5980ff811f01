import ArgumentParser
import Foundation
import SamverkanCore
import SamverkanLua

/// `samverkan list` — the plugins on the plugin path, broken and shadowed ones marked.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the reports, filters and validations on the plugin path.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var global: GlobalOptions

    @Option(help: "Only plugins of this kind: report, filter or validation.")
    var kind: PluginKind?

    @Option(help: "Only plugins with this tag.")
    var tag: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    func run() throws {
        let session = try PluginSession(global: global, strict: false)
        let (loaded, problems) = try session.loadEach()
        let all = loaded.map(\.plugin)
        let ofKind = all.filter { kind == nil || $0.info.kind == kind }
        if let tag, !UnknownTag.isUsed(tag, by: ofKind) {
            throw UnknownTag.failure(tag, kind: kind, plugins: ofKind)
        }
        let plugins = ofKind.filter { tag == nil || $0.info.tags.contains(tag ?? "") }
            .sorted { ($0.info.kind, $0.info.name) < ($1.info.kind, $1.info.name) }
        let shadowed = session.catalog.shadowed
        switch format {
        case .text: global.console.out(PluginListText.render(plugins, shadowed: shadowed, catalog: session.catalog))
        case .json: global.console.out(PluginListJSON.render(plugins, problems: problems, shadowed: shadowed, catalog: session.catalog))
        }
        for problem in problems {
            global.console.error(global.console.errorPrefix() + "invalid plugin: " + problem.formatted)
        }
        if !problems.isEmpty { throw ExitCode(ExitStatus.scriptFailed.rawValue) }
    }
}

extension PluginKind: ExpressibleByArgument {}
