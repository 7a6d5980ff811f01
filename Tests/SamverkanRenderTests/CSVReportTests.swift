import SamverkanCore
import Testing
@testable import SamverkanRender

/// The CSV format: the report's tables, RFC 4180, raw values.
@Suite struct CSVReportTests {
    /// Several tables: each a block with its title line (the table's or its heading's),
    /// its own header and rows; never one header over another table's columns.
    @Test func writesEachTableAsATitledBlockWithItsOwnHeader() {
        let csv = render(Fixture.document, as: .csv, options: Fixture.options(.sv))
        #expect(csv == """
            Befolkning 2023
            Region,Kommuner,Befolkning,Andel,Inv/km²,Region sedan
            Skåne län,33,1428626,0.2598,129.44,1999-01-01
            Jönköpings län,13,366479,0.0666,35.1,2015-01-01
            Hallands län,6,340243,0.0619,62,2011-01-01
            Blekinge län,5,156253,0.0284,,2019-01-01

            Avvikelser
            Kommun,Fel

            Tabell 3
            Ståndpunkt,Sammanfattning,År
            Södra stambanan,"Regionerna vill att staten bygger ut Södra stambanan till fyra spår mellan Lund och Hässleholm, ""snarast""; finansiering | tidplan oklar.",2021
            Vård,Kort.,2023

            Befolkning per region
            Kategori,Värde
            Skåne län,1428626
            Jönköpings län,366479
            Hallands län,340243
            Kalmar län,246641
            Kronobergs län,203686
            Blekinge län,156253

            """)
        // The values do not depend on the locale; the titles the host adds speak the run's language.
        let english = render(Fixture.document, as: .csv, options: Fixture.options(.en))
        #expect(english == csv.replacingOccurrences(of: "Tabell 3", with: "Table 3")
            .replacingOccurrences(of: "Kategori,Värde", with: "Label,Value"))
    }

    @Test func aReportWithOneTableIsThatTable() {
        let one = ReportDocument(blocks: [.heading("H"), .table(Table(columns: [Column(title: "a")], rows: [[.integer(1)]]))])
        #expect(render(one, as: .csv) == "a\n1\n")
    }

    @Test func excelSwedishHasABOMSemicolonsDecimalCommasAndCRLF() {
        let table = ReportDocument(blocks: [.table(Table(columns: [Column(title: "namn"), Column(title: "andel"), Column(title: "n")],
                                                         rows: [[.text("Malmö; centrum"), .number(0.2598), .integer(1428626)]]))])
        #expect(renderCSV(table, dialect: .excelSV) == "\u{FEFF}namn;andel;n\r\n\"Malmö; centrum\";0,2598;1428626\r\n")
    }

    /// OWASP: a text a spreadsheet would run as a formula gets a quote before it.
    @Test(arguments: ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
    func formulaLikeTextIsNeutralised(_ text: String) {
        let table = Table(columns: [Column(title: "t")], rows: [[.text(text)], [.integer(-5)]])
        let parsed = CSVParser.parse(renderTable(table, as: .csv))
        #expect(parsed[1] == ["'" + text])
        #expect(parsed[2] == ["-5"], "numbers are numbers, not text")
    }

    @Test func roundTripsThroughAnRFC4180Parser() {
        let table = Table(columns: [Column(title: "namn, kort"), Column(title: "värde"), Column(title: "ja")], rows: [
            [.text("\"Citat\""), .number(0.5), .boolean(true)],
            [.text("rad\nbrytning"), .integer(-3), .boolean(false)],
            [.text("cr\r\nlf"), .missing, .text(" mellanslag ")],
        ])
        let parsed = CSVParser.parse(renderTable(table, as: .csv))
        #expect(parsed == [
            ["namn, kort", "värde", "ja"],
            ["\"Citat\"", "0.5", "true"],
            ["rad\nbrytning", "-3", "false"],
            ["cr\r\nlf", "", " mellanslag "],
        ])
    }

    @Test func aReportWithoutTablesIsEmpty() {
        #expect(render(ReportDocument(blocks: [.title("Inget"), .paragraph("Text")]), as: .csv) == "")
    }
}

/// A minimal RFC 4180 reader, to check the writer from the other side.
enum CSVParser {
    static func parse(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append(scalars.removeFirst()) } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                record.append(field)
                field = ""
            } else if scalar == "\n" {
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        if !field.isEmpty || !record.isEmpty { records.append(record + [field]) }
        return records
    }
}
