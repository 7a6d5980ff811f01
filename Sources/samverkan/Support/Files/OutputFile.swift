import Foundation

/// The format of a command's output: `--format` when given, else what `-o FILE`'s
/// extension names, else (no extension) the command's default. A `--format` that the
/// extension contradicts (`--format json -o out.sarif`), or an extension that names no
/// format the command writes (`-o report.pdf`), is a usage error, never a file whose name
/// says one thing and whose bytes another.
enum OutputFile {
    static func format<Format: RawRepresentable>(_ given: Format?, output: String?, extensions: [String: Format],
                                                 default fallback: Format) throws(CLIFailure) -> Format
    where Format.RawValue == String {
        let ext = output.map { ($0 as NSString).pathExtension.lowercased() } ?? ""
        let implied = extensions[ext]
        guard let given else {
            // `-o report.pdf` without --format would be text in a file named .pdf.
            if let output, !ext.isEmpty, implied == nil {
                let known = Set(extensions.keys).sorted().map { "." + $0 }.joined(separator: " ")
                throw CLIFailure.usage("-o \(output): .\(ext) is not a format this command writes (\(known)); "
                    + "name the file for its format, or give --format")
            }
            return implied ?? fallback
        }
        if let implied, implied != given, let output {
            throw CLIFailure.usage("--format \(given.rawValue) contradicts -o \(output), whose extension .\(ext) means "
                + "\(implied.rawValue); drop --format, or name the file for the format")
        }
        return given
    }
}
