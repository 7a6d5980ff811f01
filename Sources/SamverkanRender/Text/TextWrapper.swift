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
        for character in word {
            let ending = piece.last.map(breakAfter.contains) ?? false
            if ending && !breakAfter.contains(character) && piece.contains(where: { !breakAfter.contains($0) }) {
                pieces.append(piece)
                piece = ""
            }
            piece.append(character)
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
            var rest = piece
            while DisplayWidth.of(rest) > width {
                let (head, tail) = TextWrapper.split(rest, at: width)
                lines.append(head)
                rest = tail
            }
            append(rest, spaced: false)
        }
    }

    /// The longest prefix of `word` that fits `width` columns (at least one character), and the rest.
    private static func split(_ word: String, at width: Int) -> (String, String) {
        var used = 0
        var end = word.startIndex
        while end < word.endIndex {
            let next = DisplayWidth.of(word[end])
            if used + next > width && end > word.startIndex { break }
            used += next
            end = word.index(after: end)
        }
        return (String(word[..<end]), String(word[end...]))
    }
}
