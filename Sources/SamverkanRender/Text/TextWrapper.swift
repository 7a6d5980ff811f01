/// Breaks text into lines that fit a width, for paragraphs, lists, facts and table cells.
///
/// Lines break at spaces. A word longer than a whole line breaks after a hyphen, slash,
/// underscore or dot inside it (`Kristianstad-` / `Hässleholm`, `sjbrg-swedish-` /
/// `geodata`), and only a piece still longer than a line is cut between characters.
enum TextWrapper {
    /// Characters after which a word too long for its line may break.
    static let breakAfter: Set<Character> = ["-", "–", "/", "_", "."]

    /// Lines of at most `width` columns (unless one character is wider). Line breaks in
    /// `text` are kept; runs of spaces and tabs become one space. Never returns an empty array.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for source in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = Line()
            for word in words(in: String(source)) {
                if line.fits(" " + word, width: width) {
                    line.append(word, spaced: true)
                } else if DisplayWidth.of(word) <= width {
                    lines += line.finish()
                    line.append(word, spaced: false)
                } else {
                    for (index, piece) in pieces(of: word).enumerated() {
                        line.place(piece, spaced: index == 0, width: width, into: &lines)
                    }
                }
            }
            lines += [line.text]
        }
        return lines.isEmpty ? [""] : lines
    }

    /// The words of `text`: what lies between spaces, tabs and line breaks.
    static func words(in text: String) -> [String] {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline }).map(String.init)
    }

    /// `word` cut after each run of ``breakAfter`` characters that follows other characters,
    /// so `https://x.se/` gives `https://`, `x.`, `se/`; joined, the pieces are `word`.
    static func pieces(of word: String) -> [String] {
        var pieces: [String] = []
        var piece = ""
        // Whether the piece has a character that is not a break character, and whether it
        // ends in one: kept as the piece grows, so a long word is one pass, not a square.
        var hasOther = false, ending = false
        for character in word {
            let breaks = breakAfter.contains(character)
            if ending && !breaks && hasOther {
                pieces.append(piece)
                piece = ""
                hasOther = false
            }
            piece.append(character)
            if !breaks { hasOther = true }
            ending = breaks
        }
        return pieces + [piece]
    }

    /// The line being filled.
    private struct Line {
        var text = ""
        var used = 0

        func fits(_ addition: String, width: Int) -> Bool {
            used > 0 && used + DisplayWidth.of(addition) <= width
        }

        mutating func append(_ word: String, spaced: Bool) {
            let addition = spaced && used > 0 ? " " + word : word
            text += addition
            used += DisplayWidth.of(addition)
        }

        /// The finished line, if it holds anything; the line starts over empty.
        mutating func finish() -> [String] {
            defer { self = Line() }
            return used > 0 ? [text] : []
        }

        /// Puts a piece of a long word on this line, else on the next; a piece longer than a
        /// line is cut, its full-width heads going to `lines`.
        mutating func place(_ piece: String, spaced: Bool, width: Int, into lines: inout [String]) {
            if fits(spaced ? " " + piece : piece, width: width) {
                append(piece, spaced: spaced)
                return
            }
            lines += finish()
            // Cut into full-width heads in one pass (at least one character each); the rest
            // stays on the line.
            var head = "", used = 0
            for character in piece {
                let next = DisplayWidth.of(character)
                if used + next > width && !head.isEmpty {
                    lines.append(head)
                    head = ""
                    used = 0
                }
                head.append(character)
                used += next
            }
            append(head, spaced: false)
        }
    }
}
