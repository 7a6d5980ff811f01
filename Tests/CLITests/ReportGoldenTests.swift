import Foundation
import Testing

/// Golden files pin the text and Markdown of each shipped report on the shipped data.
/// To accept a deliberate change: `SAMVERKAN_UPDATE_GOLDEN=1 swift test --filter ReportGoldenTests`.
@Suite struct ReportGoldenTests {
    static let reports = ["overview", "population", "growth", "position-papers", "priorities", "labour-markets"]

    static func run(_ arguments: [String]) throws -> CLIResult {
        try CLI.run(["report"] + arguments, in: CLI.root.path, environment: ["COLUMNS": "100"])
    }

    static func check(_ output: String, golden name: String) throws {
        let path = CLI.fixture("golden/" + name)
        if ProcessInfo.processInfo.environment["SAMVERKAN_UPDATE_GOLDEN"] != nil {
            try output.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOfFile: path, encoding: .utf8)
        #expect(output == expected, "output differs from Tests/Fixtures/golden/\(name)")
    }

    @Test(arguments: reports)
    func textAndMarkdownMatchTheirGoldenFiles(report: String) throws {
        let text = try Self.run([report])
        #expect(text.status == 0)
        #expect(text.stderr == "")
        try Self.check(text.stdout, golden: report + ".txt")
        let markdown = try Self.run([report, "--format", "markdown"])
        #expect(markdown.status == 0)
        try Self.check(markdown.stdout, golden: report + ".md")
    }

    @Test(arguments: reports)
    func everyReportRunsInEveryFormatAndLocale(report: String) throws {
        for format in ["text", "markdown", "html", "json", "csv"] {
            for locale in ["sv", "en"] {
                let result = try Self.run([report, "--format", format, "--locale", locale])
                #expect(result.status == 0, "\(report) --format \(format) --locale \(locale): \(result.stderr)")
            }
        }
    }

    @Test func numbersFollowTheLocaleInTextAndStayRawInCSVAndJSON() throws {
        let sv = try Self.run(["population"])
        #expect(sv.stdout.contains("1 428 626"))
        #expect(sv.stdout.contains("26,0 %"))
        let en = try Self.run(["population", "--locale", "en"])
        #expect(en.stdout.contains("1,428,626"))
        #expect(en.stdout.contains("26.0%"))
        let csv = try Self.run(["population", "--format", "csv"])
        #expect(csv.stdout.contains("1428626"))
        #expect(!csv.stdout.contains("1 428 626"))
        let json = try Self.run(["population", "--format", "json"])
        #expect(json.stdout.contains("1428626"))
        #expect(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) is [String: Any])
    }

    @Test func htmlIsOneSelfContainedFileWithChartsAndAMap() throws {
        let folder = CLI.emptyFolder()
        let result = try CLI.run(["report", "overview", "--format", "html", "-o", "overview.html"], in: folder)
        #expect(result.status == 0)
        let html = try String(contentsOfFile: folder + "/overview.html", encoding: .utf8)
        #expect(html.hasPrefix("<!doctype html>"))
        #expect(html.components(separatedBy: "<svg").count >= 3)
        #expect(html.components(separatedBy: "<path").count >= 7)
        let external = html.components(separatedBy: "http").dropFirst().filter { !$0.hasPrefix("://www.w3.org/2000/svg") }
        #expect(external.allSatisfy { !$0.hasPrefix("s://") && !$0.hasPrefix("://") } || html.contains("regionsamverkan.se"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http"))
    }
}
