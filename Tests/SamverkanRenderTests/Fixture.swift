import SamverkanCore
@testable import SamverkanRender

/// The report every renderer is tested on: one block of each kind, Swedish names, every
/// column format, a missing cell, an empty table, a long cell, a chart and a map.
enum Fixture {
    static let document = ReportDocument(blocks: [
        .title("Regionsamverkan Sydsverige"),
        .paragraph("Sex regioner i södra Sverige samarbetar sedan 2016 om det som ingen av dem löser ensam: infrastruktur, kompetensförsörjning och hälso- och sjukvård."),
        .facts([
            Fact(label: "Bildad", value: .text("2016-01-01"), format: .date),
            Fact(label: "Medlemmar", value: .integer(6), format: .number),
            Fact(label: "Andel av Sverige", value: .number(0.2503), format: .percent),
            Fact(label: "Aktiv", value: .boolean(true)),
        ]),
        .heading("Samarbetsområden"),
        .list(["Infrastruktur & transporter", "Kompetensförsörjning", "Hälso- och sjukvård <vård>"]),
        .heading("Regionerna"),
        .table(regions),
        .table(Table(title: "Avvikelser", columns: [Column(title: "Kommun"), Column(title: "Fel")])),
        .table(positions),
        .chart(Chart(title: "Befolkning per region", labels: regionNames, values: populations.map(Double.init))),
        .map(MapSpec(level: .regions, title: "Befolkning på kartan",
                     values: ["12": 1_428_626, "06": 366_479], format: .number)),
    ])

    static let regionNames = ["Skåne län", "Jönköpings län", "Hallands län", "Kalmar län", "Kronobergs län", "Blekinge län"]
    static let populations = [1_428_626, 366_479, 340_243, 246_641, 203_686, 156_253]

    static let regions = Table(
        title: "Befolkning 2023",
        columns: [
            Column(title: "Region"),
            Column(title: "Kommuner"),
            Column(title: "Befolkning", format: .number),
            Column(title: "Andel", format: .percent),
            Column(title: "Inv/km²", format: .number, decimals: 1),
            Column(title: "Region sedan", format: .date),
        ],
        rows: [
            [.text("Skåne län"), .integer(33), .integer(1_428_626), .number(0.2598), .number(129.44), .text("1999-01-01")],
            [.text("Jönköpings län"), .integer(13), .integer(366_479), .number(0.0666), .number(35.1), .text("2015-01-01")],
            [.text("Hallands län"), .integer(6), .integer(340_243), .number(0.0619), .number(62.0), .text("2011-01-01")],
            [.text("Blekinge län"), .integer(5), .integer(156_253), .number(0.0284), .missing, .text("2019-01-01")],
        ]
    )

    static let positions = Table(
        columns: [Column(title: "Ståndpunkt"), Column(title: "Sammanfattning"), Column(title: "År")],
        rows: [
            [.text("Södra stambanan"), .text("Regionerna vill att staten bygger ut Södra stambanan till fyra spår mellan Lund och Hässleholm, \"snarast\"; finansiering | tidplan oklar."), .integer(2021)],
            [.text("Vård"), .text("Kort."), .integer(2023)],
        ]
    )

    /// Two squares side by side: Skåne län (`12`, which the map gives a value) and Hallands
    /// län (`13`, which it does not); the map's `06` has no area here.
    struct TwoSquares: GeometryProvider {
        func boundaries(for level: MapSpec.Level) -> [AreaShape]? {
            guard level == .regions else { return nil }
            return [square(code: "12", name: "Skåne län", lon: 13), square(code: "13", name: "Hallands län", lon: 14)]
        }

        private func square(code: String, name: String, lon: Double) -> AreaShape {
            let ring = [(lon, 56.0), (lon + 1, 56.0), (lon + 1, 57.0), (lon, 57.0), (lon, 56.0)].map { GeoPoint(lon: $0.0, lat: $0.1) }
            return AreaShape(code: code, name: name, polygons: [[ring]])
        }
    }

    static func options(_ locale: OutputLocale, width: Int = 72) -> RenderOptions {
        RenderOptions(locale: locale, color: false, width: width)
    }
}
