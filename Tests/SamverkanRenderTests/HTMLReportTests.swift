import SamverkanCore
import Testing
@testable import SamverkanRender

/// The HTML format: one self-contained, escaped page with SVG charts and maps.
@Suite struct HTMLReportTests {
    static func page(_ locale: OutputLocale = .sv, geometry: (any GeometryProvider)? = Fixture.TwoSquares()) -> String {
        render(Fixture.document, as: .html, options: Fixture.options(locale), geometry: geometry)
    }

    @Test(arguments: OutputLocale.allCases)
    func isOneSelfContainedPage(locale: OutputLocale) {
        let html = Self.page(locale)
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"\(locale.rawValue)\">"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("<title>Regionsamverkan Sydsverige</title>"))
        #expect(html.contains("<style>") && html.contains("@media print"))
        #expect(html.hasSuffix("</html>\n"))
        // No scripts and no way to reach the network: the only URL is the SVG namespace.
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("url("))
        #expect(!html.contains("@import"))
        let withoutNamespace = html.replacing("xmlns=\"http://www.w3.org/2000/svg\"", with: "")
        #expect(!withoutNamespace.contains("http://") && !withoutNamespace.contains("https://"))
    }

    @Test func escapesAllScriptText() {
        let html = Self.page()
        #expect(html.contains("<li>Infrastruktur &amp; transporter</li>"))
        #expect(html.contains("<li>Hälso- och sjukvård &lt;vård&gt;</li>"))
        #expect(html.contains("&quot;snarast&quot;"))
        let hostile = ReportDocument(blocks: [.title("<script>alert('x')</script>"), .paragraph("a & b\nc")])
        let page = render(hostile, as: .html)
        #expect(!page.contains("<script>"))
        #expect(page.contains("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</title>"))
        #expect(page.contains("<p>a &amp; b<br>\nc</p>"))
    }

    @Test func tablesHaveHeadersAndRightAlignedNumbers() {
        let html = Self.page()
        #expect(html.contains("<caption>Befolkning 2023</caption>"))
        #expect(html.contains("<thead><tr><th>Region</th><th class=\"num\">Kommuner</th><th class=\"num\">Befolkning</th>"))
        #expect(html.contains("<tr><td>Skåne län</td><td class=\"num\">33</td><td class=\"num\">1 428 626</td><td class=\"num\">26,0 %</td><td class=\"num\">129,4</td><td>1 januari 1999</td></tr>"))
        #expect(html.contains("<td class=\"num\"></td>"), "a missing cell is empty")
        #expect(html.contains("<tr><td class=\"empty\" colspan=\"2\">(inga rader)</td></tr>"))
        #expect(html.contains("<div><dt>Bildad</dt><dd>1 januari 2016</dd></div>"))
    }

    @Test func barChartsAreSVGWithABarAndATitlePerLabel() {
        let html = Self.page(.en)
        #expect(html.contains("<figcaption>Befolkning per region</figcaption>"))
        #expect(html.ranges(of: "<rect class=\"bar\"").count == 6)
        #expect(html.contains("<title>Skåne län: 1,428,626</title>"))
        #expect(html.contains(">1,428,626</text>"))
    }

    /// Bars for -5 and 10 on one scale: a third of the 733 px bar space left of the zero axis.
    @Test func negativeBarsGrowLeftOfAZeroAxis() {
        let chart = Chart(labels: ["Upp", "Ned"], values: [10, -5])
        let html = render(ReportDocument(blocks: [.chart(chart)]), as: .html)
        #expect(html.contains("<rect class=\"bar\" x=\"281.3\" y=\"6\" width=\"488.7\" height=\"15\"><title>Upp: 10</title></rect>"))
        #expect(html.contains("<rect class=\"bar negative\" x=\"37\" y=\"33\" width=\"244.3\" height=\"15\"><title>Ned: -5</title></rect>"))
        #expect(html.contains("<line class=\"axis\" x1=\"281.3\" y1=\"0\" x2=\"281.3\" y2=\"60\"/>"))
        #expect(html.contains("<text x=\"287.3\" y=\"45.8\">-5</text>"), "a negative value stands right of the axis")
        #expect(!render(ReportDocument(blocks: [.chart(Chart(labels: ["A"], values: [1]))]), as: .html).contains("class=\"axis\""))
    }

    @Test func mapsAreChoroplethsWithWhiteForAreasWithoutAValue() {
        let html = Self.page()
        #expect(html.contains("<figure class=\"map\">\n<figcaption>Befolkning på kartan</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(html.contains("<path class=\"area\" d=\"M10,535.4L300,535.4L300,10L10,10Z\" fill=\"#6baed6\"><title>Skåne län: 1 428 626</title></path>"))
        #expect(html.contains("<path class=\"area\" d=\"M300,535.4L590,535.4L590,10L300,10Z\" fill=\"#ffffff\"><title>Hallands län: inget värde</title></path>"))
        #expect(html.contains(">inget värde</text>"), "the legend names the white")
    }

    @Test func mapsWithoutGeometryBecomeTables() {
        let html = Self.page(geometry: nil)
        #expect(!html.contains("<path"))
        #expect(html.contains("<caption>Befolkning på kartan</caption>\n<thead><tr><th>Kod</th><th class=\"num\">Värde</th></tr></thead>"))
        #expect(html.contains("<tr><td>12</td><td class=\"num\">1 428 626</td></tr>\n<tr><td>06</td><td class=\"num\">366 479</td></tr>"))
    }
}
