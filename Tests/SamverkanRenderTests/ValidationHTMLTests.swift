import Foundation
import SamverkanCore
import Testing
@testable import SamverkanRender

/// `validate --format html`: one page, nothing fetched, every finding with its file, line,
/// rule and source line, the cell marked; the sorted-out findings in their own sections.
@Suite struct ValidationHTMLTests {
    private static func page(_ report: ValidationReport) -> String {
        renderValidation(report, as: .html, options: RenderOptions(locale: .sv))
    }

    private static let report: ValidationReport = {
        var report = ValidationSamples.sortedOut
        report.context = ValidationContext(
            time: "2026-12-02 06:00 UTC", dataFolder: "data",
            collections: [CollectionSize(name: "municipalities", file: "data/municipalities.csv", records: 76)],
            excerpts: ["data/municipalities.csv": [
                61: "1280,Malmö,Malmö kommun,12,158.4,334.66,01,LA2119,sjbrg-swedish-geodata,kommundata",
                62: "1281,Lund,Lunds kommun,12,427,07,439.91,01,LA2119,sjbrg-swedish-geodata,kommundata",
                63: "1282,Landskrona,Landskrona kommun,12,<b>,,,",
            ]])
        return report
    }()

    @Test func isSelfContained() {
        let html = Self.page(Self.report)
        #expect(html.hasPrefix("<!doctype html>\n<html lang=\"en\">"))
        for outside in ["http://", "https://", "src=", "<script", "@import", "url("] { #expect(!html.contains(outside), "\(outside)") }
    }

    @Test func everyFindingHasItsFileLineRuleAndMarkedCell() {
        let html = Self.page(Self.report)
        #expect(html.contains("<code>schema.parse</code> · <code>data/municipalities.csv:62:27</code> · municipalities[1281]"))
        #expect(html.contains("<code>population-claim</code> · <code>data/regions.yaml:31:5</code>"))
        #expect(html.contains("<span class=\"here\"><span class=\"ln\">62 </span>1281,Lund,Lunds kommun,12,<mark>427</mark>,07,439.91"))
        #expect(html.contains("<span class=\"ln\">63 </span>1282,Landskrona,Landskrona kommun,12,&lt;b&gt;,,,"))
        #expect(html.contains("… and 1 follow-on finding (listed under Follow-on findings below)"))
    }

    @Test func sortedOutFindingsHaveTheirOwnSections() {
        let html = Self.page(Self.report)
        let sections = html.components(separatedBy: "\n").filter { $0.hasPrefix("<h2>") }
        #expect(sections == [
            "<h2>Summary by collection and rule</h2>", "<h2>Findings (2)</h2>", "<h2>Follow-on findings (1)</h2>",
            "<h2>Suppressed by the baseline (1)</h2>", "<h2>Baseline entries to look at (1)</h2>",
            "<h2>Rules that ran (10)</h2>", "<h2>Data set</h2>",
        ])
        #expect(html.contains("<h3>From data/municipalities.csv:62:27 (1)</h3>"))
        #expect(html.contains("accepted: area under review (until 2027-06-30)"))
        #expect(html.contains("<dt>Run</dt><dd>2026-12-02 06:00 UTC</dd>"))
        #expect(html.contains("<tr><td>municipalities</td><td><code>schema.parse</code></td><td class=\"num\">1</td>"))
        #expect(html.contains("<td><code>population-claim</code></td><td>Region populations add up</td>"))
    }

    @Test(arguments: [
        ("a,b,c", 5, "a,b,<mark>c</mark>"),
        ("a,\"x,y\",c", 3, "a,<mark>&quot;x,y&quot;</mark>,c"),
        ("a,,c", 3, "a,<mark> </mark>,c"),
    ])
    func theCellIsMarkedToItsEnd(line: String, column: Int, expected: String) {
        #expect(ValidationHTMLRenderer.marked(line, column: column, csv: true) == expected)
    }
}
