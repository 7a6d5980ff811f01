import SamverkanCore
import Testing

/// Swedish collation and number formats.
@Suite struct TextTests {
    @Test func swedishOrderPutsÅÄÖAfterZ() {
        let names = ["Örkelljunga", "Ängelholm", "Åstorp", "Ystad", "Zinkgruvan", "Alvesta", "älmhult", "Eslöv", "Östra Göinge", "Emmaboda"]
        #expect(names.sorted(by: SwedishCollation.less) ==
            ["Alvesta", "Emmaboda", "Eslöv", "Ystad", "Zinkgruvan", "Åstorp", "älmhult", "Ängelholm", "Örkelljunga", "Östra Göinge"])
    }

    @Test func caseAndAccentsOnlyBreakTies() {
        #expect(SwedishCollation.less("malmö", "Malmö"))
        #expect(SwedishCollation.less("Lund", "lunda"))
        #expect(SwedishCollation.less("Émile", "Erik"))
        #expect(SwedishCollation.compare("Växjö", "Växjö") == 0)
    }

    @Test(arguments: [
        (1421781.0, nil, OutputLocale.sv, "1 421 781"),
        (1421781.0, nil, .en, "1,421,781"),
        (2.5, 1, .sv, "2,5"),
        (-1234.567, 2, .sv, "-1 234,57"),
        (999.0, nil, .sv, "999"),
        (1000.0, 0, .en, "1,000"),
        (0.004, 2, .sv, "0,00"),
    ] as [(Double, Int?, OutputLocale, String)])
    func numbers(value: Double, decimals: Int?, locale: OutputLocale, expected: String) {
        #expect(NumberFormat(locale: locale).number(value, decimals: decimals) == expected)
    }

    @Test func percentagesAndDates() {
        #expect(NumberFormat(locale: .sv).percent(0.2598) == "26,0 %")
        #expect(NumberFormat(locale: .en).percent(0.2598) == "26.0%")
        #expect(NumberFormat(locale: .sv).percent(0.12345, decimals: 2) == "12,35 %")
        #expect(NumberFormat(locale: .sv).date("2016-01-01") == "1 januari 2016")
        #expect(NumberFormat(locale: .en).date("2024-12-31") == "31 December 2024")
    }

    @Test(arguments: [("2024-02-29", true), ("2023-02-29", false), ("2023-02-30", false), ("2000-02-29", true),
                      ("1900-02-29", false), ("2023-13-01", false), ("2023-1-01", false), ("2023-04-31", false)])
    func calendarDates(text: String, valid: Bool) {
        #expect(CalendarDate.isValid(text) == valid)
    }

    @Test func closestNameSuggestsOnlyNearMisses() {
        #expect(closestName(to: "populaton", in: ["population", "name"]) == "population")
        #expect(closestName(to: "nope", in: ["code", "name"]) == nil)
        #expect(closestName(to: "municipalitys", in: ["municipalities", "regions"]) == "municipalities")
    }
}
