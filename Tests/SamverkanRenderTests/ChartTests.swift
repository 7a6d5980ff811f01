import Foundation
import SamverkanCore
import Testing
@testable import SamverkanRender

/// Line charts, bars of several series and small multiples: the scale, the model as data,
/// and each format's rendering of one small chart (golden files in Tests/Fixtures/golden/charts;
/// to accept a deliberate change: `SAMVERKAN_UPDATE_GOLDEN=1 swift test --filter ChartTests`).
@Suite struct ChartTests {
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden/charts")

    /// Two regions over four years, to scale (2020 → 2024 is four years, not one step); Blekinge
    /// has a gap in 2010 and none in 2024, so its 2020 stands alone between gaps.
    static let line = Chart(kind: .line, title: "Befolkning", x: [.integer(2000), .integer(2010), .integer(2020), .integer(2024)],
                            xTitle: "År",
                            series: [ChartSeries(name: "Region Skåne", values: [1_129_424, 1_243_329, 1_377_827, 1_428_626]),
                                     ChartSeries(name: "Region Blekinge", values: [150_392, nil, 159_606, nil])])
    static let document = ReportDocument(blocks: [.chart(line)])

    static func check(_ output: String, golden name: String) throws {
        let file = goldenFolder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SAMVERKAN_UPDATE_GOLDEN"] != nil {
            try FileManager.default.createDirectory(at: goldenFolder, withIntermediateDirectories: true)
            try output.write(to: file, atomically: true, encoding: .utf8)
        }
        #expect(output == (try String(contentsOf: file, encoding: .utf8)), "output differs from Tests/Fixtures/golden/charts/\(name)")
    }

    // MARK: - The scale

    @Test func valueTicksAreRoundAndCoverTheData() {
        let ticks = ChartTicks(covering: [157_223, 1_428_626], zero: true)
        #expect(ticks.values == [0, 200_000, 400_000, 600_000, 800_000, 1_000_000, 1_200_000, 1_400_000, 1_600_000])
        let zoomed = ChartTicks(covering: [150_392, 159_606], zero: false)
        #expect(zoomed.lower == 150_000 && zoomed.upper == 160_000 && zoomed.step == 2_000)
        let shares = ChartTicks(covering: [0.0148, 0.135], zero: true)
        #expect(shares.values.count == 8 && shares.step == 0.02 && shares.decimals == 2)
        #expect(ChartTicks(covering: [-0.05, 0.3], zero: true).values.first == -0.05)
        let one = ChartTicks(covering: [7, 7], zero: false)
        #expect(one.lower < 7 && one.upper > 7 && one.values.count > 2, "one value still gets a span")
        #expect(ChartTicks(covering: [-1e308, 1e308], zero: true).values.count == 2, "a span that overflows gets its ends")
    }

    @Test func yearsKeepTheirSpanWithRoundTicksInside() {
        let ticks = ChartTicks(inside: 1950, 2024, count: 8)
        #expect(ticks.lower == 1950 && ticks.upper == 2024)
        #expect(ticks.values == [1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020])
        let axes = ChartAxes(Self.line, values: Self.line.drawnValues)
        #expect(axes.x == [0, 10.0 / 24, 20.0 / 24, 1], "numeric x to scale")
        #expect(axes.xSpan == "2000–2024")
        let formatter = CellFormatter(locale: .sv)
        #expect(axes.yLabel(1_600_000, formatter: formatter) == "1 600 000")
        let percent = ChartAxes(Chart(kind: .line, x: [.integer(1)], series: [ChartSeries(values: [0.135])], y: ChartAxis(format: .percent)),
                                values: [0.0148, 0.135])
        #expect(percent.yLabel(0.14, formatter: formatter) == "14 %", "percent ticks need no decimals at 2 % steps")
    }

    // MARK: - Each format

    @Test func jsonKeepsTheSeriesAsDataWithNullForAGap() throws {
        try Self.check(render(Self.document, as: .json), golden: "line.json")
        let json = render(Self.document, as: .json)
        #expect(json.contains("\"values\": [150392, null, 159606, null]"))
    }

    @Test func csvAndMarkdownGiveTheDataAsATable() throws {
        try Self.check(render(Self.document, as: .csv), golden: "line.csv")
        try Self.check(render(Self.document, as: .markdown, options: Fixture.options(.sv)), golden: "line.md")
        #expect(render(Self.document, as: .csv) == """
            År,Region Skåne,Region Blekinge
            2000,1129424,150392
            2010,1243329,
            2020,1377827,159606
            2024,1428626,

            """)
    }

    @Test func textDrawsBrailleLinesThatFitTheWidth() throws {
        let text = render(Self.document, as: .text, options: Fixture.options(.sv, width: 60))
        try Self.check(text, golden: "line.txt")
        #expect(text.contains("── Region Skåne: 1 428 626 (2024)\n── Region Blekinge: 159 606 (2020)\n"))
        #expect(text.contains("(skala 0–1 600 000, 2000–2024)"))
        for width in [30, 40, 60, 80, 120] {
            let lines = render(Self.document, as: .text, options: Fixture.options(.sv, width: width)).split(separator: "\n")
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= max(width, 30) }, "fits \(width) columns")
        }
    }

    @Test func svgHasAxesALegendEndLabelsTooltipsAndADescription() throws {
        let html = render(Self.document, as: .html, options: Fixture.options(.sv))
        let svg = String(html[html.range(of: "<svg")!.lowerBound..<html.range(of: "</svg>")!.upperBound])
        try Self.check(svg + "\n", golden: "line.svg")
        #expect(svg.contains("role=\"img\" aria-label=\"Befolkning. Linjediagram, 2 serier, 2000–2024; värden från 150 392 till 1 428 626.\""))
        #expect(svg.contains("<desc>Linjediagram, 2 serier, 2000–2024; värden från 150 392 till 1 428 626.</desc>"))
        #expect(svg.contains("<title>Region Skåne, 2024: 1 428 626</title>"))
        #expect(svg.contains(">1 600 000</text>") && svg.contains(">2020</text>"))
        #expect(svg.ranges(of: "<path class=\"line\"").count == 2)
        #expect(svg.contains("stroke=\"#0072B2\"") && svg.contains("stroke=\"#E69F00\""), "Okabe–Ito colours")
        #expect(svg.contains("<g class=\"end-labels\">"))
        // Blekinge's 2000 and 2020 both stand between gaps: dots, and no line joins them.
        let blekinge = svg.components(separatedBy: "<g class=\"series\">")[2].components(separatedBy: "</g>")[0]
        #expect(blekinge.ranges(of: "<circle class=\"dot\"").count == 2)
        #expect(blekinge.ranges(of: "L").count == 0)
    }

    @Test func aHighlightedSeriesIsStrongAndTheOthersMuted() {
        var chart = Self.line
        chart.highlight = "Region Blekinge"
        let html = render(ReportDocument(blocks: [.chart(chart)]), as: .html)
        #expect(html.contains("stroke=\"\(ChartPalette.muted)\" stroke-width=\"1.5\""))
        #expect(html.contains("stroke=\"#0072B2\" stroke-width=\"4\""))
        let text = render(ReportDocument(blocks: [.chart(chart)]), as: .text, options: Fixture.options(.sv))
        #expect(text.contains("━━ Region Blekinge"))
    }

    @Test func barsOfSeveralSeriesAreGroupedOrStacked() {
        let grouped = Chart(kind: .bar, x: [.text("Skåne"), .text("Halland")],
                            series: [ChartSeries(name: "2000", values: [2, 1]), ChartSeries(name: "2024", values: [4, nil])])
        #expect(render(ReportDocument(blocks: [.chart(grouped)]), as: .text, options: Fixture.options(.sv, width: 40)) == """
            Skåne   2000 ████████████▌ 2
                    2024 █████████████████████████ 4
            Halland 2000 ██████▎ 1
                    2024

            """)
        var stacked = grouped
        stacked.stacked = true
        #expect(render(ReportDocument(blocks: [.chart(stacked)]), as: .text, options: Fixture.options(.sv, width: 40)) == """
            Skåne   ██████████▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓▓ 6
            Halland █████ 1
            █ 2000  ▓ 2024

            """)
        let html = render(ReportDocument(blocks: [.chart(stacked)]), as: .html)
        #expect(html.ranges(of: "<rect class=\"segment\"").count == 3)
        #expect(html.contains("<title>Skåne, 2024: 4</title>"))
    }

    @Test func smallMultiplesShareOneScale() {
        let multiples = SmallMultiples(title: "Andel", charts: [
            Chart(kind: .line, title: "Skåne", x: [.integer(2000), .integer(2024)], series: [ChartSeries(values: [0.12, 0.135])],
                  y: ChartAxis(format: .percent)),
            Chart(kind: .line, title: "Blekinge", x: [.integer(2000), .integer(2024)], series: [ChartSeries(values: [0.017, 0.015])],
                  y: ChartAxis(format: .percent)),
        ])
        let document = ReportDocument(blocks: [.charts(multiples)])
        let html = render(document, as: .html)
        #expect(html.ranges(of: "<figure class=\"facet\">").count == 2)
        #expect(html.ranges(of: ">15 %</text>").count == 2, "both facets reach the largest value of either")
        #expect(html.contains("Alla diagram har samma skala."))
        let text = render(document, as: .text, options: Fixture.options(.sv))
        #expect(text.ranges(of: "15 % ┤").count == 2)
        #expect(text.hasSuffix("Alla diagram har samma skala. (skala 0 %–15 %, 2000–2024)\n"))
        #expect(render(document, as: .csv) == "År,Skåne,Blekinge\n2000,0.12,0.017\n2024,0.135,0.015\n".replacingOccurrences(of: "År", with: "Kategori"))
    }
}
