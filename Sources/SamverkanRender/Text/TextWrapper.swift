/// Breaks text into lines that fit a width, for paragraphs, lists and table cells.
enum TextWrapper {
    /// Lines of at most `width` columns: broken at spaces, and inside words only when a word
    /// alone is longer than a line. Line breaks in `text` are kept; runs of spaces and tabs
    /// become one space. Never returns an empty array.
    static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(1, width)
        var lines: [String] = []
        for source in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = ""
            var used = 0
            for word in source.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
                var word = String(word)
                var wordWidth = DisplayWidth.of(word)
                if used > 0 && used + 1 + wordWidth <= width {
                    line += " " + word
                    used += 1 + wordWidth
                    continue
                }
                if used > 0 {
                    lines.append(line)
                }
                while wordWidth > width {
                    let (head, rest) = split(word, at: width)
                    lines.append(head)
                    word = rest
                    wordWidth = DisplayWidth.of(word)
                }
                line = word
                used = wordWidth
            }
            lines.append(line)
        }
        return lines.isEmpty ? [""] : lines
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
