import Testing
@testable import SamverkanRender

/// Script text prints literally in Markdown.
@Suite struct MarkdownEscapingTests {
    @Test(arguments: [
        ("Hälso- och sjukvård", "Hälso- och sjukvård"),
        ("*viktigt* och _kursivt_", "\\*viktigt\\* och \\_kursivt\\_"),
        ("<b>fet</b>", "\\<b\\>fet\\</b\\>"),
        ("[länk](x)", "\\[länk\\](x)"),
        ("rad ett\nrad två", "rad ett rad två"),
    ])
    func inline(text: String, expected: String) {
        #expect(MarkdownEscaping.inline(text) == expected)
    }

    @Test func paragraphLinesThatWouldStartABlockAreDefused() {
        #expect(MarkdownEscaping.paragraph("# inte rubrik\n- inte lista\n2024. Ett år\nvanlig") ==
            "\\# inte rubrik\n\\- inte lista\n2024\\. Ett år\nvanlig")
    }

    @Test func tableCellsEscapePipes() {
        #expect(MarkdownEscaping.cell("a | b") == "a \\| b")
    }

    /// A paragraph of `| a | b |` lines stays a paragraph (every `|` escaped, so no line is a
    /// table row), and bare URLs and e-mail addresses stay text.
    @Test func paragraphsMakeNoTablesAndNoLinks() {
        #expect(MarkdownEscaping.paragraph("| a | b |\n|---|---|\n| 1 | 2 |") ==
            "\\| a \\| b \\|\n\\|---\\|---\\|\n\\| 1 \\| 2 \\|")
        #expect(MarkdownEscaping.inline("see https://example.org or www.example.org, mail info@example.org") ==
            "see https\\://example.org or www\\.example.org, mail info\\@example.org")
    }
}
