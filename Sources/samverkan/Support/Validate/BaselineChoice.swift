import Foundation
import SamverkanCore

/// Which baseline a `validate` run applies: `--baseline FILE`, else `$SAMVERKAN_BASELINE`,
/// else `baseline:` in the `samverkan.yaml` beside the data folder (as Conftest orders
/// flags, the environment and its file). `--no-baseline` applies none.
struct BaselineChoice {
    /// The file to read (as a path from here) and how diagnostics show it.
    let path: String
    let shown: String
    /// Where the choice came from, for messages: `--baseline`, `SAMVERKAN_BASELINE`, `samverkan.yaml`.
    let source: String

    /// The baseline in effect, nil when none is named anywhere; a `samverkan.yaml` that
    /// cannot be read is a usage error (exit 2) with its diagnostics.
    static func resolve(flag: String?, disabled: Bool, dataDirectory: String, console: Console) throws(CLIFailure) -> BaselineChoice? {
        if disabled { return nil }
        if let flag { return BaselineChoice(path: flag, shown: flag, source: "--baseline") }
        if let environment = ProcessInfo.processInfo.environment["SAMVERKAN_BASELINE"], !environment.isEmpty {
            return BaselineChoice(path: environment, shown: environment, source: "SAMVERKAN_BASELINE")
        }
        guard let settings = try settings(beside: dataDirectory, console: console), let path = settings.baselinePath else { return nil }
        return BaselineChoice(path: path, shown: path, source: ProjectSettings.fileName)
    }

    /// The `samverkan.yaml` in the folder that holds the data folder, if there is one.
    static func settings(beside dataDirectory: String, console: Console) throws(CLIFailure) -> ProjectSettings? {
        let data = URL(fileURLWithPath: dataDirectory).standardizedFileURL
        let folder = data.deletingLastPathComponent().path
        let path = (folder as NSString).appendingPathComponent(ProjectSettings.fileName)
        let shown = DisplayPath.shown(path)
        let (settings, problems) = ProjectSettings.read(path: path, file: shown)
        if !problems.isEmpty { throw CLIFailure(.usage, problems.map(console.format)) }
        return settings.map { found in
            var relative = found
            relative.baselinePath = found.baselinePath.map(DisplayPath.shown)
            return relative
        }
    }

    /// The baseline itself; a file that cannot be read or is malformed is a usage error.
    func read(console: Console) throws(CLIFailure) -> Baseline {
        let (baseline, problems) = BaselineReader.read(path: path, file: shown)
        guard let baseline else {
            var lines = problems.map(console.format)
            lines.append("\(console.errorPrefix())the baseline named by \(source) cannot be used; fix it, or run with --no-baseline")
            throw CLIFailure(.usage, lines)
        }
        return baseline
    }

    /// Today in UTC, `YYYY-MM-DD`: an entry is accepted through its `expires` day.
    static var today: String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }
}
