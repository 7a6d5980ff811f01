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
}
