import Foundation

/// The format of a command's output: `--format` when given, else what `-o FILE`'s
/// extension names, else the command's default. A `--format` that the extension
/// contradicts (`--format json -o out.sarif`) is a usage error naming both, never a file
/// whose name says one thing and whose bytes another.
enum OutputFile {
    static func format<Format: RawRepresentable>(_ given: Format?, output: String?, extensions: [String: Format],
                                                 default fallback: Format) throws(CLIFailure) -> Format
    where Format.RawValue == String {
        let ext = output.map { ($0 as NSString).pathExtension.lowercased() } ?? ""
        let implied = extensions[ext]
        guard let given else { return implied ?? fallback }
        if let implied, implied != given, let output {
            throw CLIFailure.usage("--format \(given.rawValue) contradicts -o \(output), whose extension .\(ext) means "
                + "\(implied.rawValue); drop --format, or name the file for the format")
        }
        return given
    }
}
