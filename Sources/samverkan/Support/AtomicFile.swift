import Foundation

/// Writes output files so that a partial file never replaces a good one: the text goes to a
/// temporary file beside the target, which is then renamed over it.
enum AtomicFile {
    static func write(_ text: String, to path: String) throws(CLIFailure) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(text.utf8).write(to: temporary, options: [.withoutOverwriting])
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CLIFailure.usage("cannot write '\(path)': \(error.localizedDescription)")
        }
    }
}
