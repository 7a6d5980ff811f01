/// A CSV file in another dialect than its schema says: the parser's side of `FileFormat`
/// (the delimiter it splits on, and the one hint for a header or a file that does not match).
/// What the parser needs to know of a collection's CSV dialect (`FileFormat`).
struct CSVDialect {
    /// The byte between cells.
    var delimiter: UInt8 = 0x2C
    /// The collection, for the hints that name its schema entry; nil outside a load.
    var collection: String?
    /// Whether the file is meant to be UTF-8 (else it was decoded before the parse).
    var utf8 = true
}

extension CSVParser {
    /// The header is one cell holding another delimiter: the file's dialect is not the schema's.
    static func dialectMessage(found: UInt8, declared: UInt8, collection: String?) -> String {
        let name = { (b: UInt8) in b == 0x09 ? "tabs" : "'\(Character(Unicode.Scalar(b)))'" }
        let fix = collection.map { "add delimiter: \(FileFormat.written(found)) to collection '\($0)' in schema.yaml" }
            ?? "write the file with \(name(declared)) between cells"
        return "the header is separated by \(name(found)), not \(name(declared)) as the schema says; \(fix) "
            + "(the rows are not read until it is)"
    }

    /// The first byte that is not UTF-8 in a file meant to be: it reads as Windows-1252.
    static func encodingMessage(_ byte: UInt8, sample: String, collection: String?) -> String {
        let fix = collection.map { "add encoding: windows-1252 to collection '\($0)' in schema.yaml, or save the file as UTF-8" }
            ?? "save the file as UTF-8"
        return "byte \(ReaderBytes.hex(byte)) is not UTF-8, but the file reads as Windows-1252 ('\(sample)'), as a Swedish "
            + "Excel saves CSV; \(fix) (the rest of the file is not read until it is)"
    }

    /// The other delimiter a lone header cell holds, if it holds one and not the declared one.
    func otherDelimiter(in cell: CSVCell) -> UInt8? {
        let bytes = cell.bytes(p)
        return FileFormat.delimiters.map(\.byte).first { $0 != delimiter && bytes.contains($0) }
    }

    /// Notes invalid UTF-8 at byte `bad`: in a file meant to be UTF-8, the first one names
    /// the encoding the file is likely in, and the file is read no further.
    mutating func noteInvalidUTF8(at bad: Int, line: Int, lineStart: Int) {
        // Outside a load (no collection to name), each row is reported on its own.
        guard dialect.utf8, dialect.collection != nil, rowError == nil else {
            noteError(ReaderBytes.invalidUTF8Message(p[bad]), at: bad, line: line, lineStart: lineStart)
            return
        }
        // The word around the byte, as Windows-1252 would have it.
        var from = bad, to = bad
        let stops: Set<UInt8> = [delimiter, Self.quote, Self.lineFeed, Self.carriageReturn, 0x20]
        while from > lineStart, from > bad - 40, !stops.contains(p[from - 1]) { from -= 1 }
        while to < n, to < bad + 40, !stops.contains(p[to]) { to += 1 }
        let sample = SingleByteText.windows1252(UnsafeBufferPointer(start: p + from, count: to - from))
        wrongEncoding = true
        noteError(Self.encodingMessage(p[bad], sample: sample, collection: dialect.collection), at: bad, line: line,
                  lineStart: lineStart)
    }
}
