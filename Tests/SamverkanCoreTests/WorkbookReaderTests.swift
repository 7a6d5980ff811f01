import Testing
@testable import SamverkanCore

/// The parts of reading a workbook that need no file: serial dates, date formats, cell
/// references and the names Excel gives cells.
@Suite struct WorkbookReaderTests {
    @Test(arguments: [
        (1.0, false, "1900-01-01"), (59.0, false, "1900-02-28"), (60.0, false, "1900-02-29"), (61.0, false, "1900-03-01"),
        (44000.0, false, "2020-06-18"), (45292.75, false, "2024-01-01"),
        (0.0, true, "1904-01-01"), (42538.0, true, "2020-06-18"),
    ])
    func serialDatesInBothDateSystems(serial: Double, date1904: Bool, expected: String) {
        #expect(WorkbookParts.date(serial: serial, date1904: date1904) == expected)
    }

    @Test func serialsOutsideTheCalendarAreNotDates() {
        #expect(WorkbookParts.date(serial: -1, date1904: false) == nil)
        #expect(WorkbookParts.date(serial: 0, date1904: false) == nil)
        #expect(WorkbookParts.date(serial: .nan, date1904: false) == nil)
        #expect(WorkbookParts.date(serial: 3e6, date1904: false) == nil)
    }

    @Test(arguments: [("yyyy-mm-dd", true), ("d/m/yy", true), ("[$-41D]d mmmm yyyy", true), ("0.00%", false),
                      ("#,##0", false), ("\"day\" 0", false), ("[Red]0.0", false), ("General", false)])
    func dateFormatsAreThoseThatShowADayMonthOrYear(code: String, isDate: Bool) {
        #expect(WorkbookParts.isDateFormat(code) == isDate)
    }

    @Test func referencesAndLetters() {
        #expect(WorkbookParts.column(ofReference: "D4") == 4)
        #expect(WorkbookParts.column(ofReference: "AA10") == 27)
        #expect(WorkbookParts.column(ofReference: "XFD1") == 16_384)
        #expect(WorkbookParts.column(ofReference: "4") == nil)
        #expect([1, 26, 27, 702, 703, 16_384].map(SourceLocation.columnLetters) == ["A", "Z", "AA", "ZZ", "AAA", "XFD"])
        #expect(SourceLocation(file: "s.xlsx", line: 3, column: 4, sheet: "Sjukhus").description == "s.xlsx:Sjukhus!D3")
        #expect(SourceLocation(file: "s.xlsx", line: 3, column: 4, sheet: "Min flik").description == "s.xlsx:'Min flik'!D3")
        #expect(WorkbookParts.partPath("worksheets/sheet1.xml") == "xl/worksheets/sheet1.xml")
        #expect(WorkbookParts.partPath("/xl/worksheets/sheet2.xml") == "xl/worksheets/sheet2.xml")
        #expect(WorkbookParts.partPath("../xl/worksheets/sheet3.xml") == "xl/worksheets/sheet3.xml")
    }
}
