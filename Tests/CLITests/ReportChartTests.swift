import Foundation
import Testing

/// The shipped reports as a reader meets them: the population series as line charts in every
/// format, a PDF through headless Chromium, and one language per run.
@Suite struct ReportChartTests {
    static func run(_ arguments: [String], columns: String = "100", environment: [String: String] = [:]) throws -> CLIResult {
        try CLI.run(["report"] + arguments, in: CLI.root.path, environment: ["COLUMNS": columns].merging(environment) { $1 })
    }

    @Test func populationHasALineChartOfTheSixRegionsFrom1950To2024() throws {
        let result = try Self.run(["population", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let blocks = try #require(json["blocks"] as? [[String: Any]])
        let line = try #require(blocks.first { $0["type"] as? String == "chart" && $0["kind"] as? String == "line" })
        let x = try #require(line["x"] as? [Int])
        #expect(x.first == 1950 && x.last == 2024 && x.count == 72)
        let series = try #require(line["series"] as? [[String: Any]])
        #expect(series.map { $0["name"] as? String } == ["Region Skåne", "Region Jönköpings län", "Region Halland",
                                                         "Region Kalmar län", "Region Kronoberg", "Region Blekinge"])
        #expect((series[0]["values"] as? [Int])?.last == 1_428_626)
        let multiples = try #require(blocks.first { $0["type"] as? String == "charts" })
        #expect((multiples["charts"] as? [[String: Any]])?.count == 6)
    }

    @Test func theHTMLDrawsItAsAnSVGLineChartWithTheYearsOnTheAxis() throws {
        let result = try Self.run(["population", "--format", "html"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart line-chart\""))
        for year in ["1950", "1960", "1990", "2020"] {
            #expect(result.stdout.contains(">\(year)</text>"), "\(year) on the x axis")
        }
        #expect(result.stdout.contains("<title>Region Skåne, 2024: 1 428 626</title>"))
        #expect(result.stdout.ranges(of: "<figure class=\"facet\">").count == 6)
    }

    @Test func theTextDrawsTheLinesWithinEightyColumns() throws {
        let result = try Self.run(["population"], columns: "80")
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { $0.count <= 80 }, "every line fits 80 columns")
        #expect(result.stdout.contains("Befolkning per region 1950–2024\n1 600 000 ┤"))
        #expect(result.stdout.contains("⠤"), "braille lines")
        #expect(result.stdout.contains("── Region Skåne: 1 428 626 (2024)"))
        #expect(result.stdout.contains("(skala 0–1 600 000, 1950–2024)"))
    }

    // MARK: - PDF

    @Test func aPDFHoldsTheTablesNamesAndNumbers() throws {
        let folder = CLI.emptyFolder()
        let result = try CLI.run(["report", "population", "--data", CLI.root.appendingPathComponent("data").path, "-o", "p.pdf"],
                                 in: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "")
        let pdf = try Data(contentsOf: URL(fileURLWithPath: folder + "/p.pdf"))
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        let text = try Self.tool("pdftotext", ["-layout", folder + "/p.pdf", "-"])
        for expected in ["Befolkning 2024", "Regioner", "Kommuner", "Region Skåne", "1 428 626", "Malmö", "365 644",
                         "Befolkning per region 1950–2024"] {
            #expect(text.contains(expected), "the PDF's text has \(expected)")
        }
        #expect(text.range(of: #"1 ?/ ?[0-9]+"#, options: .regularExpression) != nil, "pages are numbered")
        #expect(try Self.tool("pdfinfo", [folder + "/p.pdf"]).contains("(A4)"))
    }

    @Test func withoutChromiumPDFIsAUsageErrorNamingThePackage() throws {
        let folder = CLI.emptyFolder()
        for environment in [["PATH": "/nonexistent", "SAMVERKAN_CHROMIUM": ""], ["SAMVERKAN_CHROMIUM": "/nonexistent/chromium"]] {
            let result = try CLI.run(["report", "overview", "--data", CLI.root.appendingPathComponent("data").path,
                                      "--format", "pdf", "-o", "o.pdf"], in: folder, environment: environment)
            #expect(result.status == 2)
            #expect(result.stderr == "error: --format pdf prints the report's HTML with headless Chromium, which is not installed: "
                + "install Debian's package chromium (sudo apt-get install chromium), "
                + "or set SAMVERKAN_CHROMIUM to a Chromium or Chrome program\n")
            #expect(!FileManager.default.fileExists(atPath: folder + "/o.pdf"))
        }
    }

    // MARK: - One language per run

    /// What the report or the host would write in the other language.
    static let english = ["Member regions", "Population", "Committees", "Position papers", "Priorities", "Areas of",
                          "Founded", "Share of", "(no rows)", "(map:", "Label", "Value", "quantiles", "Chair"]
    static let swedish = ["Medlemsregioner", "Befolkning", "Beredningar", "Prioriteringar",
                          "Verksamhetsområden", "Grundad", "Andel", "(inga rader)", "(karta:", "Kategori", "Värde", "kvantiler",
                          "Ordförande"]

    @Test(arguments: ["text", "markdown", "html"])
    func theOverviewSpeaksOneLanguage(format: String) throws {
        let sv = try Self.run(["overview", "--format", format])
        #expect(sv.status == 0)
        for phrase in ["Medlemsregioner", "Befolkning 2024", "Beredningar", "Positionspapper", "Verksamhetsområden (7)"] {
            #expect(sv.stdout.contains(phrase), "Swedish: \(phrase)")
        }
        for phrase in Self.english { #expect(!sv.stdout.contains(phrase), "no English '\(phrase)' under --locale sv") }
        let en = try Self.run(["overview", "--format", format, "--locale", "en"])
        #expect(en.status == 0)
        for phrase in ["Member regions", "Population 2024", "Committees", "Position papers", "Areas of collaboration (7)"] {
            #expect(en.stdout.contains(phrase), "English: \(phrase)")
        }
        for phrase in Self.swedish { #expect(!en.stdout.contains(phrase), "no Swedish '\(phrase)' under --locale en") }
    }

    static func tool(_ name: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(name) is installed (make test installs poppler-utils)")
        return String(decoding: data, as: UTF8.self)
    }
}
