import Foundation
import SamverkanCore
import Testing
@testable import SamverkanRender

/// The workbook writer's own rules: sheet names Excel accepts, XML it can read, typed cells.
@Suite struct WorkbookWriterTests {
    @Test func sheetNamesAreMadeValidAndUnique() {
        var writer = WorkbookWriter()
        let given = ["Befolkning 2024", "befolkning 2024", "Kvot [%] / år: *?", "", "'citat", String(repeating: "x", count: 40)]
        let made = given.map { writer.uniqueName($0) }
        #expect(made == ["Befolkning 2024", "befolkning 2024 (2)", "Kvot %  år", "Sheet", "citat", String(repeating: "x", count: 31)])
        #expect(made.allSatisfy { $0.count <= 31 })
    }

    @Test(arguments: [
        ("a & b < c > \"d\" 'e'", "a &amp; b &lt; c &gt; &quot;d&quot; &#39;e&#39;"),
        ("bell\u{07}tab\tline\nend", "bell_x0007_tab\tline\nend"),
        ("\u{FFFE}", "_xFFFE_"),
    ])
    func textIsWrittenAsXMLExcelReads(text: String, expected: String) {
        #expect(WorkbookXMLText.escaped(text) == expected)
    }

    @Test(arguments: [("1900-03-01", 61.0), ("1970-01-01", 25_569.0), ("2024-01-01", 45_292.0), ("2020-06-18", 44_000.0)])
    func datesBecomeSerials(date: String, serial: Double) {
        #expect(WorkbookDocument.dateSerial(date) == serial)
    }

    @Test func cellsTakeTheirColumnsFormat() {
        #expect(WorkbookDocument.cell(.text("0604"), format: .text, decimals: nil).value == .text("0604"))
        #expect(WorkbookDocument.cell(.integer(1428626), format: .number, decimals: nil).style == .number(decimals: 0))
        #expect(WorkbookDocument.cell(.number(0.2598), format: .percent, decimals: nil).style == .percent(decimals: 1))
        #expect(WorkbookDocument.cell(.text("2016-01-01"), format: .date, decimals: nil).value == .number(42_370))
        #expect(WorkbookDocument.cell(.text("not a date"), format: .date, decimals: nil).value == .text("not a date"))
        #expect(WorkbookCell.text("=1+1").style == .quoted)
        #expect(WorkbookCell.text("Malmö").style == .plain)
    }
}
