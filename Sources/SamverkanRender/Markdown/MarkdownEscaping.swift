/// Makes script text print literally in Markdown: scripts write plain text (SPEC §5.5), so
/// a `*`, `_` or `<b>` in a name must not turn into emphasis or HTML, `| a | b |` lines in a
/// paragraph not into a table, and a bare URL or e-mail address not into a link.
enum MarkdownEscaping {
    /// Characters that start inline formatting in GitHub-flavoured Markdown, `|` (tables)
    /// and `@` (e-mail autolinks).
    private static let inlineSpecials: Set<Character> = ["\\", "`", "*", "_", "[", "]", "<", ">", "~", "|", "@"]

    /// Text for one line: inline specials backslash-escaped, line breaks turned into spaces,
    /// and the autolinks of GitHub-flavoured Markdown broken (`https\://`, `www\.`): an
    /// escaped character splits the text where an autolink would be found.
    static func inline(_ text: String) -> String {
        var result = ""
        // Control characters as in the text format (VisibleText): Markdown is read on terminals too.
        let characters = Array(VisibleText.visible(text))
        for (i, character) in characters.enumerated() {
            if character.isNewline {
                result.append(" ")
                continue
            }
            if inlineSpecials.contains(character)
                || (character == ":" && characters[(i + 1)...].starts(with: "//"))
                || (character == "." && i >= 3 && String(characters[(i - 3)..<i]).lowercased() == "www") {
                result.append("\\")
            }
            result.append(character)
        }
        return result
    }

    /// A table cell: ``inline(_:)`` (which escapes `|`, which would end the cell).
    static func cell(_ text: String) -> String {
        inline(text)
    }

    /// A paragraph: each line escaped, and a line that would start a heading, list or
    /// quote (`#`, `-`, `+`, `=`, `1.`) gets its marker escaped. Line breaks are kept.
    static func paragraph(_ text: String) -> String {
        text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { escapeBlockMarker(inline(String($0))) }
            .joined(separator: "\n")
    }

    private static func escapeBlockMarker(_ line: String) -> String {
        let body = line.drop { $0 == " " }
        let indent = String(line.prefix(line.count - body.count))
        guard let first = body.first else { return line }
        if "#-+=".contains(first) { return indent + "\\" + body }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        let afterDigits = body.dropFirst(digits.count)
        if !digits.isEmpty, let marker = afterDigits.first, marker == "." || marker == ")" {
            return indent + digits + "\\" + afterDigits
        }
        return line
    }
}
