import Testing
import SamverkanCore

@Suite("CSVReader")
struct CSVReaderTests {
    private func read(_ text: String) -> RawTable {
        CSVReader.read(Array(text.utf8), file: "d.csv")
    }

    private func read(bytes: [UInt8]) -> RawTable {
        CSVReader.read(bytes, file: "d.csv")
    }

    private func at(_ line: Int, _ column: Int) -> Position {
        Position(line: line, column: column)
    }

    private func cell(_ text: String, _ line: Int, _ column: Int) -> RawValue {
        RawValue(.cell(text), at: Position(line: line, column: column))
    }

    private func null(_ line: Int, _ column: Int) -> RawValue {
        RawValue(.null, at: Position(line: line, column: column))
    }

    private func record(_ line: Int, _ fields: [(String, RawValue)]) -> RawRecord {
        RawRecord(position: Position(line: line, column: 1), fields: fields.map { (name: $0.0, value: $0.1) })
    }

    /// Diagnostics as the CLI prints them: location, severity, rule and whole message.
    private func messages(_ table: RawTable) -> [String] {
        table.diagnostics.map(\.formatted)
    }

    // MARK: - Well-formed files

    @Test func readsHeaderAndRowsWithPositions() {
        let table = read("code,name,population\n1280,Malmö,357377\n0180,Stockholm,984748\n")
        #expect(table.diagnostics.isEmpty)
        #expect(table.headerPositions == ["code": at(1, 1), "name": at(1, 6), "population": at(1, 11)])
        #expect(table.records == [
            record(2, [("code", cell("1280", 2, 1)), ("name", cell("Malmö", 2, 6)), ("population", cell("357377", 2, 12))]),
            record(3, [("code", cell("0180", 3, 1)), ("name", cell("Stockholm", 3, 6)), ("population", cell("984748", 3, 16))]),
        ])
        // CSV names stand in the header, once per file: see `headerPositions`.
        #expect(table.records.allSatisfy { $0.namePositions.isEmpty })
    }

    @Test func finalNewlineIsOptional() {
        let table = read("a,b\n1,2")
        #expect(table.diagnostics.isEmpty)
        #expect(table.records == [record(2, [("a", cell("1", 2, 1)), ("b", cell("2", 2, 3))])])
    }

    @Test func headerOnlyFileHasNoRecords() {
        let table = read("a,b\n")
        #expect(table.diagnostics.isEmpty)
        #expect(table.records.isEmpty)
        #expect(table.headerPositions == ["a": at(1, 1), "b": at(1, 3)])
    }

    @Test func skipsByteOrderMark() {
        let table = read("\u{FEFF}code,name\n1,a\n")
        #expect(table.diagnostics.isEmpty)
        #expect(table.headerPositions == ["code": at(1, 1), "name": at(1, 6)])
        #expect(table.records == [record(2, [("code", cell("1", 2, 1)), ("name", cell("a", 2, 3))])])
    }

    @Test func readsCRLFLineEnds() {
        let table = read("a,b\r\n1,2\r\n\r\n3,\r\n")
        #expect(table.diagnostics.isEmpty)
        #expect(table.records == [
            record(2, [("a", cell("1", 2, 1)), ("b", cell("2", 2, 3))]),
            record(4, [("a", cell("3", 4, 1)), ("b", null(4, 3))]),
        ])
    }

    @Test func skipsBlankLinesAnywhere() {
        let table = read("\n\na,b\n\n1,2\n\n\n3,4\n\n")
        #expect(table.diagnostics.isEmpty)
        #expect(table.headerPositions == ["a": at(3, 1), "b": at(3, 3)])
        #expect(table.records == [
            record(5, [("a", cell("1", 5, 1)), ("b", cell("2", 5, 3))]),
            record(8, [("a", cell("3", 8, 1)), ("b", cell("4", 8, 3))]),
        ])
    }

    @Test func emptyCellsAreNull() {
        let table = read("a,b,c\n,,\n1,,\n,\"\",3\n")
        #expect(table.diagnostics.isEmpty)
        #expect(table.records == [
            record(2, [("a", null(2, 1)), ("b", null(2, 2)), ("c", null(2, 3))]),
            record(3, [("a", cell("1", 3, 1)), ("b", null(3, 3)), ("c", null(3, 4))]),
            record(4, [("a", null(4, 1)), ("b", null(4, 2)), ("c", cell("3", 4, 5))]),
        ])
    }

    @Test func keepsTextExactlyWithoutTrimming() {
        let table = read("a,b\n  x , y\t\n")
        #expect(table.diagnostics.isEmpty)
        #expect(table.records == [record(2, [("a", cell("  x ", 2, 1)), ("b", cell(" y\t", 2, 6))])])
    }

    @Test func quotedCellsHoldCommasQuotesAndNewlines() {
        let text = #"""
            code,name,note
            1,"Lund, Skåne","say ""hej"""
            2,"two
            lines",x
            3,"""",""
            """#
        let table = read(text)
        #expect(table.diagnostics.isEmpty)
        #expect(table.records == [
            record(2, [("code", cell("1", 2, 1)), ("name", cell("Lund, Skåne", 2, 3)),
                       ("note", cell("say \"hej\"", 2, 17))]),
            record(3, [("code", cell("2", 3, 1)), ("name", cell("two\nlines", 3, 3)), ("note", cell("x", 4, 8))]),
            record(5, [("code", cell("3", 5, 1)), ("name", cell("\"", 5, 3)), ("note", null(5, 8))]),
        ])
    }

    @Test func quotedCRLFStaysInTheText() {
        let table = read("a,b\r\n\"x\r\ny\",2\r\n")
        #expect(table.diagnostics.isEmpty)
        #expect(table.records == [record(2, [("a", cell("x\r\ny", 2, 1)), ("b", cell("2", 3, 4))])])
    }

    @Test func quotedHeaderNames() {
        let table = read("\"code\",\"full, name\"\n1,x\n")
        #expect(table.diagnostics.isEmpty)
        #expect(table.headerPositions == ["code": at(1, 1), "full, name": at(1, 8)])
        #expect(table.records == [record(2, [("code", cell("1", 2, 1)), ("full, name", cell("x", 2, 3))])])
    }

    @Test func swedishLettersCountAsOneColumnEach() {
        let table = read("kod,län,ort\nÅ1,Västra Götaland,Åmål\n")
        #expect(table.diagnostics.isEmpty)
        #expect(table.headerPositions == ["kod": at(1, 1), "län": at(1, 5), "ort": at(1, 9)])
        #expect(table.records == [
            record(2, [("kod", cell("Å1", 2, 1)), ("län", cell("Västra Götaland", 2, 4)), ("ort", cell("Åmål", 2, 20))]),
        ])
    }

    @Test func positionsOnLongLines() {
        let width = 2000
        let header = (0..<width).map { "f\($0)" }.joined(separator: ",")
        let row = (0..<width).map { "ö\($0)" }.joined(separator: ",")
        let table = read(header + "\n" + row + "\n")
        #expect(table.diagnostics.isEmpty)
        let last = table.records.first?.fields.last
        // Cells "ö0".."ö1999" plus commas before the last one.
        let column = 1 + (0..<(width - 1)).reduce(0) { $0 + 2 + String($1).count }
        #expect(last?.name == "f1999")
        #expect(last?.value == cell("ö1999", 2, column))
    }

    @Test func readsFromARawBuffer() {
        let bytes = Array("a\n1\n".utf8)
        let table = bytes.withUnsafeBytes { CSVReader.read($0, file: "d.csv") }
        #expect(table.records == [record(2, [("a", cell("1", 2, 1))])])
    }

    // MARK: - Row shape problems

    @Test func tooManyCellsPointsAtTheFirstExtraCellAndGoesOn() {
        let table = read("a,b,c,d\n1,2,3,4,5\n6,7,8,9\n1,Göteborg,x,y,z,w\n")
        #expect(messages(table) == [
            "d.csv:2:9: error[schema.parse]: row has 5 cells but the header has 4 fields; quote cells that contain commas",
            "d.csv:4:16: error[schema.parse]: row has 6 cells but the header has 4 fields; quote cells that contain commas",
        ])
        #expect(table.records == [
            record(3, [("a", cell("6", 3, 1)), ("b", cell("7", 3, 3)), ("c", cell("8", 3, 5)), ("d", cell("9", 3, 7))]),
        ])
    }

    @Test func tooFewCellsIsReportedAtTheRow() {
        let table = read("a,b,c,d\n1,2,3\n5\n1,2,3,4\n")
        #expect(messages(table) == [
            "d.csv:2:1: error[schema.parse]: row has 3 cells but the header has 4 fields; add empty cells (,,) for missing values",
            "d.csv:3:1: error[schema.parse]: row has 1 cell but the header has 4 fields; add empty cells (,,) for missing values",
        ])
        #expect(table.records.map(\.position) == [at(4, 1)])
    }

    @Test func singleFieldHeader() {
        let table = read("a\n1\n2,3\n")
        #expect(messages(table) == [
            "d.csv:3:3: error[schema.parse]: row has 2 cells but the header has 1 field; quote cells that contain commas",
        ])
        #expect(table.records == [record(2, [("a", cell("1", 2, 1))])])
    }

    // MARK: - Quoting problems

    @Test func unterminatedQuoteStopsTheFile() {
        let table = read("a,b\n1,2\n3,\"oops\n4,5\n6,7\n")
        #expect(messages(table) == [
            "d.csv:3:3: error[schema.parse]: unterminated quoted cell starting here; close it with \"",
        ])
        #expect(table.records == [record(2, [("a", cell("1", 2, 1)), ("b", cell("2", 2, 3))])])
    }

    @Test func unterminatedQuoteInTheHeader() {
        let table = read("a,\"b\n1,2\n")
        #expect(messages(table) == [
            "d.csv:1:3: error[schema.parse]: unterminated quoted cell starting here; close it with \"",
        ])
        #expect(table.records.isEmpty)
    }

    @Test func quoteInTheMiddleOfAnUnquotedCell() {
        let table = read("a,b\n1,Ö \"x\" y\n2,ok\n")
        #expect(messages(table) == [
            "d.csv:2:5: error[schema.parse]: quote in the middle of an unquoted cell; put the whole cell in quotes "
                + "and write each quote inside it as \"\"",
        ])
        #expect(table.records == [record(3, [("a", cell("2", 3, 1)), ("b", cell("ok", 3, 3))])])
    }

    @Test func textAfterAClosingQuote() {
        let table = read("a,b\n\"åb\"c,2\n3,4\n")
        #expect(messages(table) == [
            "d.csv:2:5: error[schema.parse]: text after the closing quote of a quoted cell; end the cell there "
                + "with a comma, or write a quote inside it as \"\"",
        ])
        #expect(table.records.map(\.position) == [at(3, 1)])
    }

    @Test func oneDiagnosticPerBadRow() {
        let table = read("a,b\n1\"x,2\"y,3\n4,5\n")
        #expect(messages(table) == [
            "d.csv:2:2: error[schema.parse]: quote in the middle of an unquoted cell; put the whole cell in quotes "
                + "and write each quote inside it as \"\"",
        ])
        #expect(table.records.map(\.position) == [at(3, 1)])
    }

    // MARK: - Encoding problems

    @Test func invalidUTF8IsReportedWhereItStarts() {
        // "Göteborg" saved as Latin-1: ö is the single byte 0xF6.
        var bytes = Array("a,b\n1,G".utf8) + [0xF6] + Array("teborg\n2,Åmål\n".utf8)
        bytes += Array("3,Ödes".utf8) + [0xC3] + Array(",x\n".utf8)  // a truncated two-byte sequence
        let table = read(bytes: bytes)
        #expect(messages(table) == [
            "d.csv:2:4: error[schema.parse]: invalid UTF-8 (byte 0xF6); save the file as UTF-8 (is it Latin-1 or Windows-1252?)",
            "d.csv:4:7: error[schema.parse]: invalid UTF-8 (byte 0xC3); save the file as UTF-8 (is it Latin-1 or Windows-1252?)",
        ])
        #expect(table.records == [record(3, [("a", cell("2", 3, 1)), ("b", cell("Åmål", 3, 3))])])
    }

    @Test func invalidUTF8InsideAMultilineQuotedCell() {
        let bytes = Array("a,b\n1,\"first\nsä".utf8) + [0xE5] + Array("\"\n2,3\n".utf8)
        let table = read(bytes: bytes)
        #expect(messages(table) == [
            "d.csv:3:3: error[schema.parse]: invalid UTF-8 (byte 0xE5); save the file as UTF-8 (is it Latin-1 or Windows-1252?)",
        ])
        #expect(table.records.map(\.position) == [at(4, 1)])
    }

    @Test func overlongAndSurrogateEncodingsAreInvalid() {
        // C0 AF is an overlong "/", ED A0 80 a UTF-16 surrogate.
        let bytes = Array("a\nx".utf8) + [0xC0, 0xAF] + Array("\ny".utf8) + [0xED, 0xA0, 0x80] + Array("\nz\n".utf8)
        let table = read(bytes: bytes)
        #expect(table.diagnostics.map(\.location) == [
            SourceLocation(file: "d.csv", line: 2, column: 2), SourceLocation(file: "d.csv", line: 3, column: 2),
        ])
        #expect(table.records == [record(4, [("a", cell("z", 4, 1))])])
    }

    @Test func nulByteIsAnError() {
        let bytes = Array("a,b\n1,x".utf8) + [0] + Array("y\n2,\"".utf8) + [0] + Array("\"\n3,4\n".utf8)
        let table = read(bytes: bytes)
        #expect(messages(table) == [
            "d.csv:2:4: error[schema.parse]: NUL byte in the file; save it as UTF-8 text (is it UTF-16 or a binary file?)",
            "d.csv:3:4: error[schema.parse]: NUL byte in the file; save it as UTF-8 text (is it UTF-16 or a binary file?)",
        ])
        #expect(table.records.map(\.position) == [at(4, 1)])
    }

    @Test func utf16FileIsRecognised() {
        let table = read(bytes: [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00])
        #expect(messages(table) == ["d.csv:1:1: error[schema.parse]: the file is UTF-16 text; save it as UTF-8"])
        #expect(table.records.isEmpty)
    }

    // MARK: - Header problems

    @Test(arguments: ["", "\n\n", "\u{FEFF}", "\r\n"])
    func emptyFileIsAnError(text: String) {
        let table = read(text)
        #expect(messages(table) == ["d.csv:1:1: error[schema.parse]: the file is empty; a CSV file needs a header row"])
        #expect(table.records.isEmpty)
    }

    @Test func duplicateHeaderNameIsReportedAndItsColumnDropped() {
        let table = read("code,name,code\n1,a,2\n")
        #expect(messages(table) == [
            "d.csv:1:11: error[schema.parse]: duplicate field name 'code' in the header; each field may appear once",
        ])
        #expect(table.headerPositions == ["code": at(1, 1), "name": at(1, 6)])
        #expect(table.records == [record(2, [("code", cell("1", 2, 1)), ("name", cell("a", 2, 3))])])
    }

    @Test func emptyHeaderNameIsReportedAndItsColumnDropped() {
        let table = read("code,,name\n1,x,a\n2,y\n")
        #expect(messages(table) == [
            "d.csv:1:6: error[schema.parse]: empty field name in the header; give every column a name",
            "d.csv:3:1: error[schema.parse]: row has 2 cells but the header has 3 fields; add empty cells (,,) for missing values",
        ])
        #expect(table.headerPositions == ["code": at(1, 1), "name": at(1, 7)])
        #expect(table.records == [record(2, [("code", cell("1", 2, 1)), ("name", cell("a", 2, 5))])])
    }

    @Test func badHeaderRowStopsTheFile() {
        let table = read("a,b\"c\n1,2\n")
        #expect(messages(table) == [
            "d.csv:1:4: error[schema.parse]: quote in the middle of an unquoted cell; put the whole cell in quotes "
                + "and write each quote inside it as \"\"",
        ])
        #expect(table.records.isEmpty)
    }

    // MARK: - Keeps going

    @Test func reportsEveryBadRowInOrder() {
        let text = "id,name\n1,ok\n2,a,b\n3\n4,x\"y\n5,\"q\"z\n6,fine\n7,\"open\n"
        let table = read(text)
        #expect(table.diagnostics.map(\.location?.description) == [
            "d.csv:3:5", "d.csv:4:1", "d.csv:5:4", "d.csv:6:6", "d.csv:8:3",
        ])
        #expect(table.records.map(\.position) == [at(2, 1), at(7, 1)])
    }
    // MARK: - Round trip

    /// A small deterministic generator (SplitMix64), so that failures reproduce.
    private struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func roundTripsGeneratedFiles() {
        var rng = SeededGenerator(state: 2024)
        var total = 0
        let pieces = ["a", "Z", "0", "å", "Ö", "😀", " ", ",", "\"", "\n", "\r\n", "\r", ";", "\t"]
        for _ in 0..<300 {
            let width = Int.random(in: 2...4, using: &rng)
            let names = (0..<width).map { "f\($0)" }
            let lineEnd = Bool.random(using: &rng) ? "\n" : "\r\n"
            var text = names.joined(separator: ",") + lineEnd
            var line = 2
            var column = 1
            var expected: [RawRecord] = []
            func emit(_ s: String) {
                text += s
                for scalar in s.unicodeScalars {
                    if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
                }
            }
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                let recordLine = line
                var fields: [(name: String, value: RawValue)] = []
                for k in 0..<width {
                    if k > 0 { emit(",") }
                    let content = (0..<Int.random(in: 0...4, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
                    let position = Position(line: line, column: column)
                    let needsQuotes = content.unicodeScalars.contains { ",\"\r\n".unicodeScalars.contains($0) }
                        || Bool.random(using: &rng)
                    let doubled = String(content.unicodeScalars.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }.map(Character.init))
                    emit(needsQuotes ? "\"" + doubled + "\"" : content)
                    fields.append((names[k], RawValue(content.isEmpty ? .null : .cell(content), at: position)))
                }
                emit(lineEnd)
                expected.append(RawRecord(position: Position(line: recordLine, column: 1), fields: fields))
            }
            let table = read(text)
            #expect(table.diagnostics.isEmpty, "\(text.debugDescription)")
            #expect(table.records == expected, "\(text.debugDescription)")
            total += expected.count
        }
        #expect(total > 500)
    }
}
