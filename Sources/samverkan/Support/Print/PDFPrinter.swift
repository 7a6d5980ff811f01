import Foundation

/// `--format pdf`: the report's HTML printed to PDF by headless Chromium (A4; the page
/// margins, page numbers and page breaks are the HTML's print style, HTMLStyle).
///
/// The HTML is written to a private temporary folder with a fresh Chromium profile, so no
/// setting or cache of the user's browser takes part and nothing is left behind. Chromium
/// gets no network to reach (the HTML refers to nothing outside itself) and is stopped when
/// it has not finished within `timeout`. As root, where Chromium refuses its own sandbox,
/// it runs with `--no-sandbox`: it only ever opens the HTML the host wrote.
enum PDFPrinter {
    static let timeout: TimeInterval = 120

    static func print(html: String) throws(CLIFailure) -> [UInt8] {
        guard let chromium = Chromium.find() else { throw CLIFailure.usage(Chromium.missing) }
        let files = FileManager.default
        let folder = files.temporaryDirectory.appendingPathComponent("samverkan-pdf-\(UUID().uuidString)")
        defer { try? files.removeItem(at: folder) }   // best effort: a leftover folder in /tmp harms nothing
        let page = folder.appendingPathComponent("report.html"), pdf = folder.appendingPathComponent("report.pdf")
        let log = folder.appendingPathComponent("chromium.log")
        do {
            try files.createDirectory(at: folder, withIntermediateDirectories: false)
            try Data(html.utf8).write(to: page)
            guard files.createFile(atPath: log.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        } catch {
            throw CLIFailure.usage("cannot print the PDF: cannot write its HTML to \(folder.path): \(error.localizedDescription)")
        }
        var arguments = ["--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                         "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                         "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + folder.appendingPathComponent("profile").path,
                         "--no-pdf-header-footer", "--print-to-pdf=" + pdf.path]
        if getuid() == 0 { arguments.append("--no-sandbox") }
        arguments.append(page.absoluteString)
        let process = Process()
        process.executableURL = chromium
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        // Chromium's own words, for the message when it fails; without the log file (just
        // created) the message only lacks them.
        let output = try? FileHandle(forWritingTo: log)
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = output ?? FileHandle.nullDevice
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        do { try process.run() } catch {
            throw CLIFailure.usage("cannot print the PDF: cannot start \(chromium.path): \(error.localizedDescription)")
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            _ = done.wait(timeout: .now() + 5)
            throw CLIFailure.usage("cannot print the PDF: \(chromium.path) did not finish within \(Int(timeout)) seconds")
        }
        try? output?.close()   // a log only written to by Chromium, read below at most
        guard process.terminationStatus == 0, let bytes = files.contents(atPath: pdf.path), bytes.starts(with: Array("%PDF".utf8)) else {
            let said = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let lines = said.split(separator: "\n").suffix(5).joined(separator: "\n  ")
            throw CLIFailure.usage("cannot print the PDF: \(chromium.path) exited with status \(process.terminationStatus)"
                + (lines.isEmpty ? "" : "; it said:\n  " + lines))
        }
        return [UInt8](bytes)
    }
}
