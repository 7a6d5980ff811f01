import Testing
import SamverkanCore

@Suite("JSONReader")
struct JSONReaderTests {
    private func read(_ text: String) -> RawTable {
        JSONReader.read(Array(text.utf8), file: "d.json")
    }

    private func read(bytes: [UInt8]) -> RawTable {
        JSONReader.read(bytes, file: "d.json")
    }

    private func at(_ line: Int, _ column: Int) -> Position {
        Position(line: line, column: column)
    }

    private func value(_ content: RawContent, _ line: Int, _ column: Int) -> RawValue {
        RawValue(content, at: Position(line: line, column: column))
    }

    private func record(_ line: Int, _ column: Int, _ fields: [(String, RawValue)]) -> RawRecord {
        RawRecord(position: Position(line: line, column: column), fields: fields.map { (name: $0.0, value: $0.1) })
    }

    /// Diagnostics as the CLI prints them: location, severity, rule and whole message.
    private func messages(_ table: RawTable) -> [String] {
        table.diagnostics.map(\.formatted)
    }

    /// The one diagnostic of a file that fails, as `line:col: message`.
    private func failure(_ text: String) -> String {
        let table = read(text)
        guard table.diagnostics.count == 1, let d = table.diagnostics.first, let l = d.location else {
            return "\(table.diagnostics.count) diagnostics: \(messages(table))"
        }
        return "\(l.line):\(l.column): \(d.message)"
    }

    // MARK: - Well-formed files

    @Test func readsRecordsWithPositions() {
        let text = """
            [
              {"code": "1280", "name": "Malmö", "population": 357377},
              {
                "code": "0180",
                "name": "Stockholm"
              }
            ]

            """
        let table = read(text)
        #expect(table.diagnostics.isEmpty)
        #expect(table.headerPositions.isEmpty)
        #expect(table.records == [
            record(2, 3, [("code", value(.string("1280"), 2, 12)), ("name", value(.string("Malmö"), 2, 28)),
                          ("population", value(.number("357377"), 2, 51))]),
            record(3, 3, [("code", value(.string("0180"), 4, 13)), ("name", value(.string("Stockholm"), 5, 13))]),
        ])
        #expect(table.records.map(\.namePositions) == [[at(2, 4), at(2, 20), at(2, 37)], [at(4, 5), at(5, 5)]])
    }

    @Test func readsEveryKindOfValue() {
        let text = #"[{"s":"x","i":-12,"f":0.5,"e":1E+3,"z":-0.0e-7,"t":true,"n":false,"u":null,"l":[1,"å",[],{"k":[2]}],"m":{"a":{"b":1}},"o":{}}]"#
        let table = read(text)
        #expect(table.diagnostics.isEmpty)
        #expect(table.records == [record(1, 2, [
            ("s", value(.string("x"), 1, 7)),
            ("i", value(.number("-12"), 1, 15)),
            ("f", value(.number("0.5"), 1, 23)),
            ("e", value(.number("1E+3"), 1, 31)),
            ("z", value(.number("-0.0e-7"), 1, 40)),
            ("t", value(.boolean(true), 1, 52)),
            ("n", value(.boolean(false), 1, 61)),
            ("u", value(.null, 1, 71)),
            ("l", value(.list([
                value(.number("1"), 1, 81), value(.string("å"), 1, 83), value(.list([]), 1, 87),
                value(.mapping, 1, 90),
            ]), 1, 80)),
            ("m", value(.mapping, 1, 105)),
            ("o", value(.mapping, 1, 123)),
        ])])
    }

    @Test func emptyArrayAndEmptyObjects() {
        #expect(read("[]").records.isEmpty)
        #expect(read(" [ ] \n").diagnostics.isEmpty)
        let table = read("[{}, { }]")
        #expect(table.diagnostics.isEmpty)
        #expect(table.records == [record(1, 2, []), record(1, 6, [])])
        #expect(table.records.map(\.namePositions) == [[], []])
    }

    @Test func decodesEscapes() {
        let text = #"[{"a": "q\" b\\ s\/ \b\f\n\r\t", "u": "G\u00f6teborg \u00C5", "p": "\uD83D\uDE00!", "z": "\u0000"}]"#
        let table = read(text)
        #expect(table.diagnostics.isEmpty)
        let values = table.records.first?.fields.map(\.value.content)
        #expect(values == [
            .string("q\" b\\ s/ \u{08}\u{0C}\n\r\t"), .string("Göteborg Å"), .string("😀!"), .string("\u{0}"),
        ])
    }

    @Test func swedishTextAndEmojiCountAsOneColumnEach() {
        let table = read(#"[{"ort": "Åmål", "län": "Västra Götaland", "x": "😀", "y": 1}]"#)
        #expect(table.diagnostics.isEmpty)
        #expect(table.records.first?.fields.map(\.value.position) == [at(1, 10), at(1, 25), at(1, 49), at(1, 59)])
    }

    @Test func acceptsByteOrderMark() {
        let table = read("\u{FEFF}[{\"a\": 1}]")
        #expect(table.diagnostics.isEmpty)
        #expect(table.records == [record(1, 2, [("a", value(.number("1"), 1, 8))])])
    }

    @Test func acceptsCRLFLineEnds() {
        let table = read("[\r\n  {\"a\": 1},\r\n  {\"a\": 2}\r\n]\r\n")
        #expect(table.diagnostics.isEmpty)
        #expect(table.records.map(\.position) == [at(2, 3), at(3, 3)])
        #expect(table.records.last?.fields.first?.value == value(.number("2"), 3, 9))
    }

    @Test func positionsOnOneLongLine() {
        let count = 3000
        let text = "[" + (0..<count).map { "{\"k\":\"ä\($0)\"}" }.joined(separator: ",") + "]"
        let table = read(text)
        #expect(table.diagnostics.isEmpty)
        #expect(table.records.count == count)
        // Each record before the last is `{"k":"äN"}` plus a comma.
        let column = 2 + (0..<(count - 1)).reduce(0) { $0 + 10 + String($1).count }
        #expect(table.records.last?.position == at(1, column))
        #expect(table.records.last?.fields.first?.value == value(.string("ä2999"), 1, column + 5))
    }

    @Test func readsFromARawBuffer() {
        let bytes = Array("[{\"a\":true}]".utf8)
        let table = bytes.withUnsafeBytes { JSONReader.read($0, file: "d.json") }
        #expect(table.records == [record(1, 2, [("a", value(.boolean(true), 1, 7))])])
    }

    // MARK: - Records that are reported and skipped

    @Test func nonObjectElementsAreReportedAndSkipped() {
        let text = """
            [
              {"a": 1},
              "x", 3, null,
              [1, {}], true,
              {"a": 2}
            ]
            """
        let table = read(text)
        #expect(messages(table) == [
            "d.json:3:3: error[schema.parse]: element 2 of the array is a string, not an object",
            "d.json:3:8: error[schema.parse]: element 3 of the array is a number, not an object",
            "d.json:3:11: error[schema.parse]: element 4 of the array is null, not an object",
            "d.json:4:3: error[schema.parse]: element 5 of the array is an array, not an object",
            "d.json:4:12: error[schema.parse]: element 6 of the array is a boolean, not an object",
        ])
        #expect(table.records == [
            record(2, 3, [("a", value(.number("1"), 2, 9))]),
            record(5, 3, [("a", value(.number("2"), 5, 9))]),
        ])
    }

    @Test func duplicateKeysKeepTheFirst() {
        let text = """
            [
              {"code": 1, "name": "x", "code": 2, "code": 3},
              {"code": 4}
            ]
            """
        let table = read(text)
        #expect(messages(table) == [
            "d.json:2:28: error[schema.parse]: duplicate key 'code' in an object",
            "d.json:2:39: error[schema.parse]: duplicate key 'code' in an object",
        ])
        #expect(table.records == [
            record(2, 3, [("code", value(.number("1"), 2, 12)), ("name", value(.string("x"), 2, 23))]),
            record(3, 3, [("code", value(.number("4"), 3, 12))]),
        ])
        // Parallel to the fields kept.
        #expect(table.records.map(\.namePositions) == [[at(2, 4), at(2, 15)], [at(3, 4)]])
    }

    @Test func duplicateKeysInLargeObjects() {
        let members = (0..<40).map { "\"f\($0)\": \($0)" } + ["\"f7\": 99", "\"f39\": 99"]
        let table = read("[{" + members.joined(separator: ", ") + "}]")
        #expect(table.diagnostics.map(\.message) == [
            "duplicate key 'f7' in an object", "duplicate key 'f39' in an object",
        ])
        #expect(table.records.first?.fields.map(\.name) == (0..<40).map { "f\($0)" })
        #expect(table.records.first?.fields[7].value.content == .number("7"))
    }

    @Test func nestedObjectsMayRepeatKeys() {
        let table = read(#"[{"m": {"a": 1, "a": 2}}]"#)
        #expect(table.diagnostics.isEmpty)
        #expect(table.records == [record(1, 2, [("m", value(.mapping, 1, 8))])])
    }

    // MARK: - Syntax errors

    @Test func syntaxErrorsAreLocatedExactly() {
        #expect(failure("[{\"a\": 1} {\"b\": 2}]") == "1:11: expected ',' or ']' after an array element")
        #expect(failure("[{\"a\": 1 \"b\": 2}]") == "1:10: expected ',' or '}' after an object member")
        #expect(failure("[{\"a\" 1}]") == "1:7: expected ':' after the member name")
        #expect(failure("[{a: 1}]") == "1:3: expected a member name in double quotes")
        #expect(failure("[{\"a\": 1,}]") == "1:9: trailing comma before '}'; JSON does not allow one, remove the ','")
        #expect(failure("[{\"a\": 1},\n]") == "1:10: trailing comma before ']'; JSON does not allow one, remove the ','")
        #expect(failure("[{\"a\": [1 2]}]") == "1:11: expected ',' or ']' after an array element")
        #expect(failure("[{\"a\": [1,]}]") == "1:10: trailing comma before ']'; JSON does not allow one, remove the ','")
        #expect(failure("[{\"a\": }]") == "1:8: expected a value, found '}'")
        #expect(failure("[{\"a\": 'x'}]") == "1:8: expected a value, found '; JSON strings use double quotes")
        #expect(failure("[{\"a\": True}]") == "1:8: unexpected word 'True'; a value is a string in double quotes, "
            + "a number, true, false, null, an array or an object")
        #expect(failure("[{\"a\": nul}]") == "1:8: unexpected word 'nul'; a value is a string in double quotes, "
            + "a number, true, false, null, an array or an object")
        #expect(failure("[,]") == "1:2: expected a value, found ','")
        #expect(failure("[{\"m\": {\"b\" 1}}]") == "1:13: expected ':' after the member name")
        #expect(failure("[{\"m\": {\"b\": 1 ]}]") == "1:16: expected ',' or '}' after an object member")
    }

    @Test func invalidNumbers() {
        #expect(failure("[{\"n\": -}]") == "1:9: invalid number: expected a digit after '-'")
        #expect(failure("[{\"n\": 012}]") == "1:9: invalid number: a number cannot start with 0 followed by digits")
        #expect(failure("[{\"n\": 1.}]") == "1:10: invalid number: expected a digit after '.'")
        #expect(failure("[{\"n\": 1e+}]") == "1:11: invalid number: expected a digit in the exponent")
        #expect(failure("[{\"n\": +1}]") == "1:8: expected a value, found '+'; a JSON number starts with '-' or a digit")
        #expect(failure("[{\"n\": .5}]") == "1:8: expected a value, found '.'; a JSON number starts with '-' or a digit")
        #expect(failure("[{\"n\": 1.5.2}]") == "1:11: expected ',' or '}' after an object member")
    }

    @Test func stringErrors() {
        #expect(failure("[{\"a\": \"abc}]") == "1:8: unterminated string starting here; close it with \"")
        #expect(failure("[{\"a\": \"ab\\") == "1:8: unterminated string starting here; close it with \"")
        #expect(failure("[{\"a\": \"two\nlines\"}]")
            == "1:12: line break inside a string; close the string before the line ends, or write the line break as \\n")
        #expect(failure("[{\"a\": \"tab\there\"}]")
            == "1:12: control character U+0009 inside a string; write it as an escape such as \\t or \\u0009")
        #expect(failure("[{\"a\": \"x\\qy\"}]")
            == "1:10: invalid escape '\\q' in a string; the escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX")
        #expect(failure("[{\"a\": \"x\\u12G4\"}]")
            == "1:10: invalid \\u escape in a string; write \\u and four hex digits (\\u00E5)")
        #expect(failure("[{\"a\": \"ö\\uD83D\"}]")
            == "1:10: unpaired surrogate \\uD83D in a string; a high surrogate (\\uD800-\\uDBFF) must be followed "
            + "by a low one (\\uDC00-\\uDFFF)")
        #expect(failure("[{\"a\": \"\\uDE00\"}]")
            == "1:9: unpaired surrogate \\uDE00 in a string; a low surrogate (\\uDC00-\\uDFFF) must follow "
            + "a high one (\\uD800-\\uDBFF)")
        #expect(failure("[{\"k\\\"ey\" 1}]") == "1:11: expected ':' after the member name")
    }

    @Test func endOfFileTooEarly() {
        #expect(failure("[{\"a\": 1}") == "1:10: the file ends too early; expected ',' or ']' after an array element")
        #expect(failure("[{\"a\": 1}\n,") == "2:2: the file ends too early; expected a value")
        #expect(failure("[{\"a\": 1\n") == "2:1: the file ends too early; expected ',' or '}' after an object member")
        #expect(failure("[{\"a\":") == "1:7: the file ends too early; expected a value")
        #expect(failure("[{\"a\": [") == "1:9: the file ends too early; expected a value")
    }

    @Test func syntaxErrorStopsTheFileButKeepsEarlierRecords() {
        let text = """
            [
              {"a": 1},
              "oops",
              {"a": 2},
              {"a": 3 "b"},
              {"a": 4},
              {"a": [}
            ]
            """
        let table = read(text)
        #expect(messages(table) == [
            "d.json:3:3: error[schema.parse]: element 2 of the array is a string, not an object",
            "d.json:5:11: error[schema.parse]: expected ',' or '}' after an object member",
        ])
        #expect(table.records.map(\.position) == [at(2, 3), at(4, 3)])
    }

    // MARK: - The shape of the file

    @Test func fileMustBeAnArray() {
        #expect(failure("{\"a\": 1}") == "1:1: the file must be a JSON array of objects, found an object")
        #expect(failure("\n  \"x\"") == "2:3: the file must be a JSON array of objects, found a string")
        #expect(failure("-1") == "1:1: the file must be a JSON array of objects, found a number")
        #expect(failure("true") == "1:1: the file must be a JSON array of objects, found a boolean")
        #expect(failure("null") == "1:1: the file must be a JSON array of objects, found null")
        #expect(failure("code,name") == "1:1: the file must be a JSON array of objects, found 'c'")
    }

    @Test(arguments: ["", "  \n\t", "\u{FEFF}"])
    func emptyFileIsAnError(text: String) {
        #expect(messages(read(text)) == [
            "d.json:1:1: error[schema.parse]: the file is empty; a JSON data file needs an array of objects (write [] for none)",
        ])
    }

    @Test func trailingGarbageAfterTheArray() {
        let table = read("[{\"a\": 1}]\n\n  x")
        #expect(messages(table) == [
            "d.json:3:3: error[schema.parse]: unexpected text after the array; a JSON data file holds one array of objects",
        ])
        #expect(table.records.count == 1)
        #expect(failure("[]]") == "1:3: unexpected text after the array; a JSON data file holds one array of objects")
        #expect(failure("[] []") == "1:4: unexpected text after the array; a JSON data file holds one array of objects")
        #expect(read("[]\n\n \t\r\n").diagnostics.isEmpty)
    }

    // MARK: - Nesting

    @Test func nestingUpTo512LevelsIsAccepted() {
        // The file's array is level 1, the record level 2, so 510 arrays fit inside.
        let text = "[{\"a\": " + String(repeating: "[", count: 510) + String(repeating: "]", count: 510) + "}]"
        let table = read(text)
        #expect(table.diagnostics.isEmpty)
        var depth = 0
        var current = table.records.first?.fields.first?.value.content
        while case .list(let items)? = current {
            depth += 1
            current = items.first?.content
        }
        #expect(depth == 510)
    }

    @Test func nestingDeeperThan512IsAnError() {
        let text = "[{\"a\": " + String(repeating: "[", count: 511) + String(repeating: "]", count: 511) + "}]"
        #expect(failure(text) == "1:518: nesting deeper than 512 levels; flatten the data")
        let objects = "[{\"a\": " + String(repeating: "{\"b\":", count: 600)
        #expect(failure(objects) == "1:2558: nesting deeper than 512 levels; flatten the data")
        let element = "[" + String(repeating: "[", count: 512)
        #expect(failure(element) == "1:513: nesting deeper than 512 levels; flatten the data")
    }

    @Test func veryDeepNestingDoesNotOverflowTheStack() {
        let text = "[{\"a\": " + String(repeating: "[", count: 1_000_000)
        #expect(failure(text) == "1:518: nesting deeper than 512 levels; flatten the data")
    }

    // MARK: - Encoding

    @Test func invalidUTF8InAString() {
        let bytes = Array("[\n {\"ort\": \"Åm".utf8) + [0xE5] + Array("l\"}]".utf8)
        #expect(messages(read(bytes: bytes)) == [
            "d.json:2:13: error[schema.parse]: invalid UTF-8 (byte 0xE5); save the file as UTF-8 (is it Latin-1 or Windows-1252?)",
        ])
        let escaped = Array("[{\"a\": \"x\\n".utf8) + [0xFF] + Array("\"}]".utf8)
        #expect(read(bytes: escaped).diagnostics.map(\.location?.description) == ["d.json:1:12"])
    }

    @Test func invalidUTF8OutsideStrings() {
        let bytes = Array("[{\"a\": 1}".utf8) + [0xC3, 0x28] + Array("]".utf8)
        #expect(messages(read(bytes: bytes)) == [
            "d.json:1:10: error[schema.parse]: invalid UTF-8 (byte 0xC3); save the file as UTF-8 (is it Latin-1 or Windows-1252?)",
        ])
        #expect(failure("[{\"a\": 1}ö]") == "1:10: expected ',' or ']' after an array element")
        #expect(failure("[{\"a\": ö}]") == "1:8: expected a value, found 'ö'")
    }

    @Test func nulBytes() {
        let outside = Array("[{\"a\": 1}".utf8) + [0] + Array("]".utf8)
        #expect(messages(read(bytes: outside)) == [
            "d.json:1:10: error[schema.parse]: NUL byte in the file; save it as UTF-8 text (is it UTF-16 or a binary file?)",
        ])
        let inside = Array("[{\"a\": \"x".utf8) + [0] + Array("\"}]".utf8)
        #expect(messages(read(bytes: inside)) == [
            "d.json:1:10: error[schema.parse]: NUL byte inside a string; write it as \\u0000 (or is the file UTF-16 or binary?)",
        ])
        #expect(messages(read(bytes: [0x5B, 0x5D, 0x00])) == [
            "d.json:1:3: error[schema.parse]: NUL byte in the file; save it as UTF-8 text (is it UTF-16 or a binary file?)",
        ])
    }

    @Test func utf16FileIsRecognised() {
        let table = read(bytes: [0xFE, 0xFF, 0x00, 0x5B, 0x00, 0x5D])
        #expect(messages(table) == ["d.json:1:1: error[schema.parse]: the file is UTF-16 text; save it as UTF-8"])
    }

    @Test func controlCharacterOutsideStrings() {
        #expect(failure("[{\"a\": \u{01}}]") == "1:8: expected a value, found U+0001")
    }
}
