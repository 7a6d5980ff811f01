import SamverkanCore
import Testing
@testable import SamverkanRender

/// How text output fits a width: words wrap at spaces, long words break after `-/_.`, tables
/// share the width among their columns, facts hang their values; without a width nothing wraps.
@Suite struct TextFittingTests {
    @Test func wrapsAtWordBoundaries() {
        #expect(TextWrapper.wrap("Regionsamverkan  Sydsverige samarbetar om infrastruktur", width: 20)
            == ["Regionsamverkan", "Sydsverige", "samarbetar om", "infrastruktur"])
    }

    @Test(arguments: [
        ("Kristianstad-Hässleholm", 18, ["Kristianstad-", "Hässleholm"]),
        ("LA2120 Kristianstad-Hässleholm", 20, ["LA2120 Kristianstad-", "Hässleholm"]),
        ("Malmö-Lund Karlshamn-Olofström", 15, ["Malmö-Lund", "Karlshamn-", "Olofström"]),
        ("sjbrg-swedish-geodata", 14, ["sjbrg-swedish-", "geodata"]),
        ("official_name", 10, ["official_", "name"]),
        ("https://regionsamverkan.se/om-oss", 20, ["https://", "regionsamverkan.se/", "om-oss"]),
        ("Karlshamn-Olofström", 19, ["Karlshamn-Olofström"]),
    ])
    func breaksAWordTooLongForALineAfterHyphensSlashesUnderscoresAndDots(text: String, width: Int, lines: [String]) {
        #expect(TextWrapper.wrap(text, width: width) == lines)
    }

    @Test func cutsInsideAWordOnlyWhenAPieceIsLongerThanALine() {
        #expect(TextWrapper.wrap("Arbetsmarknad och kompetensförsörjning", width: 12)
            == ["Arbetsmarkna", "d och", "kompetensför", "sörjning"])
    }

    static let markets = Table(
        columns: [Column(title: "Region"), Column(title: "Labour market"), Column(title: "Source"),
                  Column(title: "Municipalities", format: .number), Column(title: "Population 2024", format: .number)],
        rows: [
            [.text("Region Skåne"), .text("Kristianstad-Hässleholm"), .text("sjbrg-swedish-geodata"), .integer(33), .integer(1_428_626)],
            [.text("Region Blekinge"), .text("Karlshamn-Olofström"), .text("kommundata"), .integer(5), .integer(157_223)],
        ])

    static func markets(width: Int?) -> String {
        renderTable(markets, as: .text, options: RenderOptions(locale: .sv, width: width))
    }

    /// 96 columns wide unwrapped. For 80, the header over the numbers wraps first, then
    /// `Region` at its space; `Labour market` only then breaks at the hyphen.
    @Test func shrinksHeadersThenCellsAtSpacesThenAtHyphens() {
        #expect(Self.markets(width: 80) == """
            Region    Labour market        Source                 Municipalities  Population
                                                                                        2024
            ────────────────────────────────────────────────────────────────────────────────
            Region    Kristianstad-        sjbrg-swedish-geodata              33   1 428 626
            Skåne     Hässleholm
            Region    Karlshamn-Olofström  kommundata                          5     157 223
            Blekinge

            """)
    }

    /// At 60, even the pieces of words are too wide: one word must be cut, and the cheapest
    /// is the header over the short numbers; the numbers stay whole.
    @Test func shrinksToFitSixtyColumns() {
        #expect(Self.markets(width: 60) == """
            Region    Labour market  Source      Municipalit  Population
                                                         ies        2024
            ────────────────────────────────────────────────────────────
            Region    Kristianstad-  sjbrg-               33   1 428 626
            Skåne     Hässleholm     swedish-
                                     geodata
            Region    Karlshamn-     kommundata            5     157 223
            Blekinge  Olofström

            """)
    }

    /// Cutting words would not make 40 columns: the table breaks only at spaces and hyphens.
    @Test func cutsNoWordsInATableThatCannotFit() {
        #expect(Self.markets(width: 40) == """
            Region    Labour market  Source      Municipalities  Population
                                                                       2024
            ───────────────────────────────────────────────────────────────
            Region    Kristianstad-  sjbrg-                  33   1 428 626
            Skåne     Hässleholm     swedish-
                                     geodata
            Region    Karlshamn-     kommundata               5     157 223
            Blekinge  Olofström

            """)
    }

    static let facts = ReportDocument(blocks: [.facts([
        Fact(label: "Founded", value: .text("1 januari 2016")),
        Fact(label: "Population as the organisation states it", value: .text("2,7 miljoner invånare")),
        Fact(label: "Purpose", value: .text("Samarbete för tillväxt och hållbar utveckling i Sydsverige")),
        Fact(label: "Website", value: .text("https://regionsamverkan.se/om-oss/organisation")),
    ])])

    /// A label that would leave its value less than half the line stands on its own line.
    @Test func factsWrapTheirValuesUnderThemselves() {
        #expect(render(Self.facts, as: .text, options: RenderOptions(locale: .sv, width: 60)) == """
            Founded: 1 januari 2016
            Population as the organisation states it:
                     2,7 miljoner invånare
            Purpose: Samarbete för tillväxt och hållbar utveckling i
                     Sydsverige
            Website: https://regionsamverkan.se/om-oss/organisation

            """)
        #expect(render(Self.facts, as: .text, options: RenderOptions(locale: .sv, width: 40)) == """
            Founded: 1 januari 2016
            Population as the organisation states
            it:
                     2,7 miljoner invånare
            Purpose: Samarbete för tillväxt och
                     hållbar utveckling i Sydsverige
            Website: https://regionsamverkan.se/om-
                     oss/organisation

            """)
    }

    @Test func factsAlignAfterTheLongestLabelWhenValuesKeepHalfTheLine() {
        #expect(render(Self.facts, as: .text, options: RenderOptions(locale: .sv, width: 100)) == """
            Founded:                                  1 januari 2016
            Population as the organisation states it: 2,7 miljoner invånare
            Purpose:                                  Samarbete för tillväxt och hållbar utveckling i Sydsverige
            Website:                                  https://regionsamverkan.se/om-oss/organisation

            """)
    }

    /// Without a width (a pipe or a file), each paragraph, fact and table row is one line;
    /// bar charts are drawn 100 columns wide.
    @Test func withoutAWidthNothingWraps() {
        let paragraph = String(repeating: "Sydsverige samarbetar. ", count: 8).trimmingTrailingSpaces()
        let document = ReportDocument(blocks: [.paragraph(paragraph), .chart(Chart(labels: ["Skåne"], values: [1]))])
        #expect(render(document, as: .text, options: RenderOptions(locale: .sv, width: nil))
            == paragraph + "\n\nSkåne " + String(repeating: "█", count: 92) + " 1\n")
        #expect(Self.markets(width: nil) == Self.markets(width: 1000))
        #expect(render(Self.facts, as: .text, options: RenderOptions(locale: .sv, width: nil))
            == render(Self.facts, as: .text, options: RenderOptions(locale: .sv, width: 1000)))
    }
}
