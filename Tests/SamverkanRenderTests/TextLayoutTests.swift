import SamverkanCore
import Testing
@testable import SamverkanRender

/// The pieces of the text format: widths, wrapping, table fitting, bars, colour.
@Suite struct TextLayoutTests {
    @Test(arguments: [("Åstorp", 6), ("A\u{30A}storp", 6), ("Höör", 4), ("東京", 4), ("", 0), ("a\u{1B}b", 2)])
    func displayWidth(text: String, width: Int) {
        #expect(DisplayWidth.of(text) == width)
    }

    @Test func wrapsAtSpacesAndBreaksOnlyWordsLongerThanALine() {
        #expect(TextWrapper.wrap("Östra Göinge och Örkelljunga", width: 12) == ["Östra Göinge", "och", "Örkelljunga"])
        #expect(TextWrapper.wrap("Kompetensförsörjning", width: 8) == ["Kompeten", "sförsörj", "ning"])
        #expect(TextWrapper.wrap("ett\n\ntvå", width: 10) == ["ett", "", "två"])
        #expect(TextWrapper.wrap("", width: 10) == [""])
    }

    @Test func truncatesWithAnEllipsis() {
        #expect(DisplayWidth.truncate("Kronobergs län", to: 8) == "Kronobe…")
        #expect(DisplayWidth.truncate("Lund", to: 8) == "Lund")
    }

    @Test func narrowsTextColumnsToWhatTheirCellsWrapToButNeverNumbers() {
        let table = Table(columns: [Column(title: "Kommun"), Column(title: "Not"), Column(title: "Befolkning", format: .number)],
                          rows: [[.text("Östra Göinge"), .text("Gränsar till Blekinge och Kronoberg"), .integer(15_165)]])
        let output = renderTable(table, as: .text, options: RenderOptions(locale: .sv, width: 40))
        #expect(output == """
            Kommun        Not           Befolkning
            ──────────────────────────────────────
            Östra Göinge  Gränsar till      15 165
                          Blekinge och
                          Kronoberg

            """)
    }

    @Test func keepsNumbersWholeEvenWhenTheTableCannotFit() {
        let table = Table(columns: [Column(title: "Befolkning", format: .number)], rows: [[.integer(1_428_626)]])
        #expect(renderTable(table, as: .text, options: RenderOptions(locale: .sv, width: 5)) == "Befolkning\n──────────\n 1 428 626\n")
    }

    @Test func barsAreScaledToTheLargestValueInEighths() {
        #expect(TextBarChart.bar(8, largest: 8, width: 2) == "██")
        #expect(TextBarChart.bar(5, largest: 8, width: 2) == "█▎")
        #expect(TextBarChart.bar(1, largest: 8, width: 1) == "▏")
        #expect(TextBarChart.bar(0.001, largest: 8, width: 1) == "▏")
        #expect(TextBarChart.bar(0, largest: 8, width: 10) == "")
        #expect(TextBarChart.bar(-3, largest: 8, width: 10) == "")
    }

    @Test func chartsOfZerosDrawNoBars() {
        let chart = Chart(labels: ["Ja", "Nej"], values: [0, 0])
        #expect(render(ReportDocument(blocks: [.chart(chart)]), as: .text) == "Ja  0\nNej 0\n")
    }

    /// 12 columns beside the axis for a span of 6: 4 left of it, down to -2, and 8 right, up to
    /// 4; a small negative value still gets one column.
    @Test func negativeValuesGrowLeftOfAnAxisOnTheSameScale() {
        let chart = Chart(labels: ["Upp", "Ned", "Noll", "Lite"], values: [4, -2, 0, -0.1])
        let text = render(ReportDocument(blocks: [.chart(chart)]), as: .text, options: RenderOptions(locale: .sv, width: 24))
        #expect(text == """
            Upp      │████████ 4
            Ned  ████│ -2
            Noll     │ 0
            Lite    █│ -0,10

            """)
    }

    /// Values at the ends of Double's range draw, in every format, instead of trapping on a
    /// conversion to Int (the span -1e308 … 1e308 overflows to infinity).
    @Test(arguments: [[-1e308], [-1e308, 1e308], [1e308, 5e-324], [-5e-324, 1e308], [-Double.greatestFiniteMagnitude, 1]])
    func extremeValuesDrawInEveryFormat(values: [Double]) {
        let chart = Chart(labels: values.map { _ in "x" }, values: values)
        let document = ReportDocument(blocks: [.chart(chart)])
        for format in ReportFormat.allCases {
            let text = render(document, as: format, options: RenderOptions(locale: .sv, width: 40))
            #expect(format == .csv || !text.isEmpty, "\(format)")  // CSV holds tables only
        }
        let text = render(document, as: .text, options: RenderOptions(locale: .sv, width: 40))
        #expect(text.split(separator: "\n").count == values.count)
    }

    @Test func colourOnlyEmboldensTitleAndHeadings() {
        let document = ReportDocument(blocks: [.title("Rapport"), .heading("Del"), .paragraph("Text")])
        let coloured = render(document, as: .text, options: RenderOptions(locale: .sv, color: true))
        #expect(coloured == "\u{1B}[1mRapport\u{1B}[0m\n=======\n\n\u{1B}[1mDel\u{1B}[0m\n---\n\nText\n")
        #expect(!render(document, as: .text, options: RenderOptions(locale: .sv, color: false)).contains("\u{1B}"))
    }

    @Test func anEmptyDocumentIsEmptyInEveryFormatButHTMLAndJSON() {
        let empty = ReportDocument()
        #expect(render(empty, as: .text) == "")
        #expect(render(empty, as: .markdown) == "")
        #expect(render(empty, as: .csv) == "")
        #expect(render(empty, as: .json) == "{\n  \"blocks\": []\n}\n")
        #expect(render(empty, as: .html).contains("<title>Rapport</title>"))
    }

    @Test func mapsWithoutGeometryAreRankedByCode() {
        let map = MapSpec(level: .municipalities, values: ["1280": 365_644, "1281": 130_000, "1214": 15_000])
        #expect(render(ReportDocument(blocks: [.map(map)]), as: .text, options: RenderOptions(locale: .en)) == """
            (map: see --format html)
            1. 1280  365,644
            2. 1281  130,000
            3. 1214   15,000

            """)
    }
}
