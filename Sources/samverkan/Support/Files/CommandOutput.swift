import ArgumentParser
import Foundation
import SamverkanRender

/// What `report` and `query` write, as text or as the bytes of a workbook or a PDF, to
/// `-o FILE` (atomically) or to stdout. Bytes are not written to a terminal, where they
/// would only scramble the screen: give `-o FILE`, or redirect.
enum CommandOutput {
    case text(String)
    /// `what` names them for the terminal's refusal: "an .xlsx workbook", "a PDF".
    case bytes([UInt8], what: String)

    func write(to output: String?, console: Console) throws(CLIFailure) {
        switch self {
        case .text(let text):
            if let output { try AtomicFile.write(text, to: output) } else { console.out(text) }
        case .bytes(let bytes, let what):
            if let output { try AtomicFile.write(bytes: bytes, to: output); return }
            guard !Terminal.stdoutIsTerminal else {
                let ext = what.hasSuffix("PDF") ? "pdf" : "xlsx"
                throw CLIFailure.usage("\(what) is not printed on a terminal; give -o FILE.\(ext), or redirect: > FILE.\(ext)")
            }
            FileHandle.standardOutput.write(Data(bytes))
        }
    }

    /// `--csv-dialect` only means something for CSV: given with another format it is a usage
    /// error, not an option passed over.
    static func checkDialect(_ dialect: CSVDialectName?, format: String) throws(CLIFailure) {
        if let dialect, format != "csv" {
            throw CLIFailure.usage("--csv-dialect \(dialect.rawValue) is for CSV output, and the format is \(format); "
                + "give --format csv or -o FILE.csv")
        }
    }
}

extension CSVDialectName: ExpressibleByArgument {}
