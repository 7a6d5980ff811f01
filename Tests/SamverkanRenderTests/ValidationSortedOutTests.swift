import Foundation
import SamverkanCore
import Testing
@testable import SamverkanRender

/// How each format shows what the baseline and the folding sorted out: suppressed and
/// follow-on findings are counted everywhere and listed where asked; nothing disappears.
@Suite struct ValidationSortedOutTests {
    private let options = RenderOptions(locale: .sv)

    private func render(_ report: ValidationReport, _ format: ValidationFormat) -> String {
        renderValidation(report, as: format, options: options)
    }

    private static let unreadLine = "data/municipalities.csv:62:27: error[schema.parse]: land_area_km2 427,07 looks like a decimal comma, "
        + "which splits the row into 11 cells for the header's 10; write 427.07 (municipalities[1281])"
    private static let claimLine = "data/regions.yaml:31:5: warning[population-claim]: Skåne has 1 421 781 inhabitants, not 1 400 000 "
        + "(regions[12], scripts/validations/population-claim.lua:12)"
    private static let summary = "1 error, 1 warning in 5 776 records (10 rules); 1 suppressed by the baseline; "
        + "1 follow-on finding folded; 1 stale baseline entry"

    @Test func textFoldsCountsAndNotes() {
        #expect(render(ValidationSamples.sortedOut, .text) == """
            \(Self.unreadLine)
                … and 1 follow-on finding (samverkan validate --show-follow-on)
            \(Self.claimLine)
            baseline.yaml:20:5: note[baseline.stale]: the entry for schema.ref on municipalities[0999] matches no finding any more; remove it
            \(Self.summary)

            """)
    }

    @Test func textListsWhatItWasAskedTo() {
        var report = ValidationSamples.sortedOut
        report.show = ValidationShow(suppressed: true, followOn: true)
        #expect(render(report, .text) == """
            \(Self.unreadLine)
                ↳ data/population.csv:4322:11: error[schema.ref]: municipality '1281' does not exist in municipalities: its row could not be read (population[1281-1950])
            \(Self.claimLine)
            baseline.yaml:20:5: note[baseline.stale]: the entry for schema.ref on municipalities[0999] matches no finding any more; remove it
            suppressed by the baseline baseline.yaml:
                data/municipalities.csv:14:23: error[schema.minimum]: population -5 is below the minimum 0 (municipalities[1214])
                    accepted: area under review (until 2027-06-30)
            \(Self.summary)

            """)
    }

    @Test func maxFindingsSaysHowManyMoreWereNotShown() {
        var report = ValidationSamples.sortedOut
        report.show.maxFindings = 1
        let text = render(report, .text)
        #expect(text.contains("… and 1 more not shown (--max-findings 1)\n"))
        #expect(!text.contains("population-claim"))
        #expect(text.hasSuffix("; 1 more not shown (--max-findings); 1 stale baseline entry\n"))
        let json = try? JSONSerialization.jsonObject(with: Data(render(report, .json).utf8)) as? [String: Any]
        #expect((json?["findings"] as? [Any])?.count == 1)
        #expect((json?["summary"] as? [String: Any])?["not_shown"] as? Int == 1)
    }

    @Test func jsonKeepsEachKindApart() throws {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(render(ValidationSamples.sortedOut, .json).utf8)) as? [String: Any])
        #expect((object["findings"] as? [[String: Any]])?.map { $0["rule"] as? String } == ["schema.parse", "population-claim"])
        let followOn = try #require((object["follow_on"] as? [[String: Any]])?.first)
        #expect(followOn["rule"] as? String == "schema.ref")
        #expect((followOn["follows_from"] as? [String: Any])?["line"] as? Int == 62)
        let suppressed = try #require((object["suppressed"] as? [[String: Any]])?.first)
        #expect(suppressed["reason"] as? String == "area under review")
        #expect(suppressed["fingerprint"] as? String == ValidationSamples.minimum.fingerprint)
        let baseline = try #require(object["baseline"] as? [String: Any])
        #expect(baseline["file"] as? String == "baseline.yaml")
        #expect((baseline["notes"] as? [[String: Any]])?.first?["kind"] as? String == "baseline.stale")
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 1)
        #expect(summary["suppressed"] as? Int == 1)
        #expect(summary["follow_on"] as? Int == 1)
        #expect(summary["stale"] as? Int == 1)
    }

    @Test func junitFailsTheFollowOnAndListsTheSuppressed() {
        let xml = render(ValidationSamples.sortedOut, .junit)
        #expect(xml.contains("<failure message=\"1 finding\" type=\"error\">follow-on of data/municipalities.csv:62:27: "
            + "data/population.csv:4322:11: error[schema.ref]:"))
        #expect(xml.contains("<system-out>suppressed (accepted: area under review (until 2027-06-30)): "
            + "data/municipalities.csv:14:23: error[schema.minimum]:"))
        #expect(xml.contains("<system-out>baseline.yaml:20:5: note[baseline.stale]:"))
    }

    @Test func githubAnnotatesWhatCountsAndNoticesTheBaseline() {
        let lines = render(ValidationSamples.sortedOut, .github).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("::error file=data/municipalities.csv,line=62,col=27,title=schema.parse::land_area_km2 427,07"))
        #expect(lines[0].hasSuffix("%0A… and 1 follow-on finding (samverkan validate --show-follow-on)"))
        #expect(lines[1].hasPrefix("::warning file=data/regions.yaml,line=31,col=5,title=population-claim::"))
        #expect(lines[2].hasPrefix("::notice file=baseline.yaml,line=20,col=5,title=baseline.stale::the entry for schema.ref"))
        #expect(lines[3] == Self.summary)
    }

    @Test func aFollowOnFindingCountsForTheExitCode() {
        var report = ValidationReport(followOn: [ValidationSamples.refToUnread])
        #expect(exitStatus(for: report, failOn: .error) == 1)
        report = ValidationReport(suppressed: [SuppressedFinding(finding: ValidationSamples.minimum, entry: ValidationSamples.accepted)])
        #expect(exitStatus(for: report, failOn: .error) == 0)
    }
}

/// A finding in a workbook: every format says the sheet, the line is the row.
@Test func aFindingInAWorkbookNamesItsCellInEveryFormat() throws {
    let finding = Diagnostic(.error, rule: "schema.minimum", "beds -5 is below the minimum 0",
                             at: SourceLocation(file: "data/sjukhus.xlsx", line: 3, column: 4, sheet: "Sjukhus"),
                             collection: "hospitals", key: "SUS-L", field: "beds")
    let report = ValidationReport(diagnostics: [finding], recordCount: 4)
    let options = RenderOptions(locale: .sv)
    #expect(renderValidation(report, as: .text, options: options).hasPrefix(
        "data/sjukhus.xlsx:Sjukhus!D3: error[schema.minimum]: beds -5 is below the minimum 0 (hospitals[SUS-L])\n"))
    #expect(renderValidation(report, as: .github, options: options).hasPrefix(
        "::error file=data/sjukhus.xlsx,line=3,col=4,title=schema.minimum::Sjukhus!D3: beds -5 is below the minimum 0"))
    #expect(renderValidation(report, as: .junit, options: options).contains(">data/sjukhus.xlsx:Sjukhus!D3: error[schema.minimum]"))
    let json = try #require(try JSONSerialization.jsonObject(with: Data(renderValidation(report, as: .json, options: options).utf8))
        as? [String: Any])
    let first = try #require((json["findings"] as? [[String: Any]])?.first)
    #expect(first["line"] as? Int == 3)
    #expect(first["column"] as? Int == 4)
    #expect(first["sheet"] as? String == "Sjukhus")
}
