import Foundation
import ZIPFoundation

/// The parts of an .xlsx workbook (a zip archive of XML files, ECMA-376 Part 2), read
/// within limits: a part that unpacks to more than `partLimit` bytes, or a workbook to
/// more than `totalLimit`, is refused (a zip bomb unpacks a few kilobytes into gigabytes),
/// and so is XML with a document type declaration (a workbook never has one; entity
/// expansion is how an XML bomb works). Zip and inflate are ZIPFoundation's.
struct WorkbookArchive {
    static let partLimit = 512 << 20
    static let totalLimit = 1 << 30
    /// A part that unpacks to more than `ratioLimit` times its packed size, beyond
    /// `ratioFloor` bytes, is refused as soon as it does.
    static let ratioLimit: UInt64 = 250
    static let ratioFloor = 32 << 20

    private let archive: Archive
    private var unpacked = 0

    /// What stops a workbook from being read, in words for its user.
    struct Failure: Error {
        let message: String
    }

    /// The workbook in the file at `path`. (ZIPFoundation's archives in memory read past
    /// their end on a damaged directory; its archives on file do not: fseeko stops there.)
    init(path: String) throws(Failure) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure(message: "the workbook cannot be opened")
        }
        defer { _ = try? handle.close() }   // closing a file only read from loses nothing
        let start: Data
        do { start = try handle.read(upToCount: 8) ?? Data() } catch {
            throw Failure(message: "the workbook cannot be read (\(error))")
        }
        guard start.count >= 4, start.prefix(2) == Data([0x50, 0x4B]) else {
            throw Failure(message: "the file is not an .xlsx workbook (not a zip archive); save it from Excel as "
                + "\"Excel Workbook (.xlsx)\"" + (start == Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
                    ? " (this is the old .xls format)" : ""))
        }
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw Failure(message: "the workbook's zip archive cannot be read (\(error)); save it again from Excel")
        }
    }

    /// The part at `path` (`xl/workbook.xml`), nil when the archive has none.
    mutating func part(_ path: String) throws(Failure) -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= UInt64(Self.partLimit) else { throw tooLarge(path) }
        let before = unpacked
        let compressed = entry.compressedSize
        let extraction = Extraction(archive: archive, entry: entry)
        // ZIPFoundation 0.9.20 inflates on Linux until the deflate stream ends, reading the
        // file past the entry: a stream cut short makes it read at the end of the file
        // forever. So the part is unpacked on a thread of its own and given up on after a
        // time that any real part (at most 512 MB) needs far less than; the archive is not
        // used again then, as that thread still reads from it until the process ends.
        let thread = Thread {
            do {
                _ = try extraction.archive.extract(extraction.entry, skipCRC32: false) { chunk in
                    extraction.size += chunk.count
                    // The sizes in the archive's directory can lie; count what comes out.
                    // Real SpreadsheetML packs 5 to 50 times; far more is a bomb.
                    let size = extraction.size
                    let bomb = size > Self.ratioFloor && UInt64(size) > compressed * Self.ratioLimit
                    guard size <= Self.partLimit, before + size <= Self.totalLimit, !bomb else {
                        extraction.over = true
                        throw Failure(message: "")
                    }
                    extraction.data.append(chunk)
                }
            } catch {
                extraction.error = error
            }
            extraction.done.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
        let seconds = 3 + Double(entry.uncompressedSize >> 20) / 25
        guard extraction.done.wait(timeout: .now() + seconds) == .success else {
            throw Failure(message: "part \(path) of the workbook cannot be unpacked: its compressed data ends before the "
                + "part does (a damaged or cut-off file); save it again from Excel")
        }
        if extraction.over { throw tooLarge(path) }
        if let error = extraction.error {
            throw Failure(message: "part \(path) of the workbook cannot be unpacked (\(error)); save the file again from Excel")
        }
        unpacked += extraction.size
        if Self.hasDocumentType(extraction.data) {
            throw Failure(message: "part \(path) of the workbook has a document type declaration (<!DOCTYPE or <!ENTITY), "
                + "which Excel never writes and XML bombs use; it is not read")
        }
        return extraction.data
    }

    /// What the unpacking thread works on and hands back; read only after `done` is
    /// signalled (the archive is not touched from here while it works).
    private final class Extraction: @unchecked Sendable {
        let archive: Archive
        let entry: Entry
        init(archive: Archive, entry: Entry) {
            self.archive = archive
            self.entry = entry
        }
        var data = Data()
        var size = 0
        var over = false
        var error: Error?
        let done = DispatchSemaphore(value: 0)
    }

    private func tooLarge(_ path: String) -> Failure {
        Failure(message: "part \(path) of the workbook unpacks to more than \(Self.partLimit >> 20) MB, or to more than "
            + "\(Self.ratioLimit) times its packed size, or the workbook to more than \(Self.totalLimit >> 30) GB "
            + "(a zip bomb?); it is not read")
    }

    /// True when the XML declares a document type or an entity.
    static func hasDocumentType(_ data: Data) -> Bool {
        data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil
    }
}
