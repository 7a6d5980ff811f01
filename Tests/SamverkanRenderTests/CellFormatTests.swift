import SamverkanCore
import Testing
@testable import SamverkanRender

/// How one value is written per column format and locale (text, Markdown and HTML share it).
@Suite struct CellFormatTests {
    @Test(arguments: [
        (Cell.integer(1_428_626), ValueFormat.number, nil, OutputLocale.sv, "1 428 626"),
        (.integer(1_428_626), .number, nil, .en, "1,428,626"),
        (.integer(1_428_626), .text, nil, .sv, "1428626"),
        (.number(129.44), .number, nil, .sv, "129,44"),
        (.number(62.0), .number, nil, .en, "62"),
        (.number(129.44), .number, 1, .en, "129.4"),
        (.integer(6), .number, 2, .sv, "6,00"),
        (.number(0.2598), .percent, nil, .sv, "26,0 %"),
        (.number(0.2598), .percent, nil, .en, "26.0%"),
        (.number(0.2598), .percent, 2, .en, "25.98%"),
        (.integer(1), .percent, 0, .sv, "100 %"),
        (.text("2016-01-01"), .date, nil, .sv, "1 januari 2016"),
        (.text("2016-01-01"), .date, nil, .en, "1 January 2016"),
        (.text("snart"), .date, nil, .sv, "snart"),
        (.text("2016-01-01"), .text, nil, .sv, "2016-01-01"),
        (.number(0.1), .text, nil, .sv, "0.1"),
        (.number(3.0), .text, nil, .sv, "3"),
        (.text("okänt"), .number, nil, .sv, "okänt"),
        (.boolean(true), .text, nil, .sv, "ja"),
        (.boolean(false), .text, nil, .sv, "nej"),
        (.boolean(true), .number, nil, .en, "yes"),
        (.boolean(false), .text, nil, .en, "no"),
        (.missing, .number, nil, .sv, ""),
        (.missing, .text, nil, .en, ""),
    ] as [(Cell, ValueFormat, Int?, OutputLocale, String)])
    func cell(cell: Cell, format: ValueFormat, decimals: Int?, locale: OutputLocale, expected: String) {
        #expect(CellFormatter(locale: locale).format(cell, as: format, decimals: decimals).text == expected)
    }

    @Test func numbersAlignRightInNumericColumnsAndWhereverTheyAre() {
        let table = Table(columns: [Column(title: "Namn"), Column(title: "År"), Column(title: "Andel", format: .percent)],
                          rows: [[.text("Lund"), .integer(2021), .text("okänt")], [.integer(7), .missing, .number(0.5)]])
        let formatted = FormattedTable(table, formatter: CellFormatter(locale: .sv))
        #expect(formatted.numericColumns == [false, true, true])
        #expect(formatted.rows.map { $0.map(\.isNumeric) } == [[false, true, true], [true, true, true]])
    }

    @Test func shortRowsArePaddedWithMissingCellsAndLongRowsCut() {
        let table = Table(columns: [Column(title: "a"), Column(title: "b")], rows: [[.integer(1)], [.integer(1), .integer(2), .integer(3)]])
        #expect(table.paddedRows == [[.integer(1), .missing], [.integer(1), .integer(2)]])
    }
}
