import ArgumentParser
import Foundation
import SamverkanRender

/// What `report` and `query` write, as text or as a workbook's bytes, to `-o FILE`
/// (atomically) or to stdout. A workbook is not written to a terminal, where its bytes
/// would only scramble the screen: give `-o FILE.xlsx`, or redirect.
enum CommandOutput {
    case text(String)
    case bytes([UInt8])

    func write(to output: String?, console: Console) throws(CLIFailure) {
        switch self {
        case .text(let text):
            if let output { try AtomicFile.write(text, to: output) } else { console.out(text) }
        case .bytes(let bytes):
            if let output { try AtomicFile.write(bytes: bytes, to: output); return }
            guard !Terminal.stdoutIsTerminal else {
                throw CLIFailure.usage("an .xlsx workbook is not printed on a terminal; give -o FILE.xlsx, or redirect: > FILE.xlsx")
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
