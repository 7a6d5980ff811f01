import SamverkanCore
import Testing
@testable import SamverkanRender

/// How text output fits a width: words wrap at spaces, long words break after `-/_.`.
@Suite struct TextFittingTests {
    @Test func wrapsAtWordBoundaries() {
        #expect(TextWrapper.wrap("Regionsamverkan  Sydsverige samarbetar om infrastruktur", width: 20)
            == ["Regionsamverkan", "Sydsverige", "samarbetar om", "infrastruktur"])
    }

    @Test(arguments: [
        ("Kristianstad-Hässleholm", 18, ["Kristianstad-", "Hässleholm"]),
        ("LA2120 Kristianstad-Hässleholm", 20, ["LA2120 Kristianstad-", "Hässleholm"]),
        ("Malmö-Lund Karlshamn-Olofström", 15, ["Malmö-Lund", "Karlshamn-", "Olofström"]),
        ("sjbrg-swedish-geodata", 14, ["sjbrg-swedish-", "geodata"]),
        ("official_name", 10, ["official_", "name"]),
        ("https://regionsamverkan.se/om-oss", 20, ["https://", "regionsamverkan.se/", "om-oss"]),
        ("Karlshamn-Olofström", 19, ["Karlshamn-Olofström"]),
    ])
    func breaksAWordTooLongForALineAfterHyphensSlashesUnderscoresAndDots(text: String, width: Int, lines: [String]) {
        #expect(TextWrapper.wrap(text, width: width) == lines)
    }

    @Test func cutsInsideAWordOnlyWhenAPieceIsLongerThanALine() {
        #expect(TextWrapper.wrap("Arbetsmarknad och kompetensförsörjning", width: 12)
            == ["Arbetsmarkna", "d och", "kompetensför", "sörjning"])
    }
}
