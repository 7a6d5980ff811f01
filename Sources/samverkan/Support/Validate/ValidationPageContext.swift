import Foundation
import SamverkanCore
import SamverkanRender

/// What `validate --format html` shows besides the findings: the time of the run, the
/// data set's collections, and the source lines around each finding (read here, so the
/// renderer reads no files).
enum ValidationPageContext {
    /// The most findings whose lines the page shows (each one's line and its neighbours).
    static let excerptLimit = 2_000

    static func make(report: ValidationReport, kb: KnowledgeBase, recordsOf only: String?) -> ValidationContext {
        let collections = kb.collections.filter { only == nil || $0.name == only }
            .map { CollectionSize(name: $0.name, file: $0.file, records: $0.count) }
        let findings = report.diagnostics.sortedByLocation().prefix(report.show.maxFindings ?? .max)
            + report.followOn + report.suppressed.map(\.finding)
        var wanted: [String: Set<Int>] = [:]
        for finding in findings.prefix(excerptLimit) {
            // A workbook's cells are not lines of text.
            guard let location = finding.location, location.line > 0, location.sheet == nil else { continue }
            wanted[location.file, default: []].formUnion([location.line - 1, location.line, location.line + 1])
        }
        var excerpts: [String: [Int: String]] = [:]
        for (file, lines) in wanted { excerpts[file] = read(lines, of: file) }
        return ValidationContext(time: time, dataFolder: DisplayPath.shown(kb.directory), collections: collections,
                                 excerpts: excerpts)
    }

    /// The lines wanted of a file (1-based), as text; none when it cannot be read.
    private static func read(_ wanted: Set<Int>, of file: String) -> [Int: String] {
        guard let data = FileManager.default.contents(atPath: file), let last = wanted.max() else { return [:] }
        var found: [Int: String] = [:]
        var line = 1
        var start = data.startIndex
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var k = 0
            while k <= bytes.count && line <= last {
                if k == bytes.count || bytes[k] == 0x0A {
                    if wanted.contains(line) {
                        var end = k
                        if end > start && bytes[end - 1] == 0x0D { end -= 1 }
                        found[line] = String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    }
                    line += 1
                    start = k + 1
                }
                k += 1
            }
        }
        return found
    }

    /// The run's time in UTC, or `SOURCE_DATE_EPOCH`'s when set (for pages that must come out
    /// the same from run to run, as reproducible builds do).
    private static var time: String {
        let environment = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]
        let date = environment.flatMap(TimeInterval.init).map(Date.init(timeIntervalSince1970:)) ?? Date()
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }
}
