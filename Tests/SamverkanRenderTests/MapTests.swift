import Foundation
import SamverkanCore
import Testing
@testable import SamverkanRender

/// Map boundaries from the shipped GeoJSON, and how values become shades.
@Suite struct MapTests {
    /// The worktree's `data/`, found from this file so the test runs from any folder.
    static let dataDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("data")

    @Test func readsTheSixRegionsAndSeventySevenMunicipalities() throws {
        let geometry = GeoJSONGeometry(dataDirectory: Self.dataDirectory)
        let regions = try geometry.shapes(for: .regions)
        #expect(regions.map(\.code).sorted() == ["06", "07", "08", "10", "12", "13"])
        #expect(regions.first { $0.code == "12" }?.name == "Skåne län")
        let municipalities = try geometry.shapes(for: .municipalities)
        #expect(municipalities.count == 77)
        #expect(Set(municipalities.map(\.code)).count == 77)
        #expect(municipalities.first { $0.code == "1280" }?.name == "Malmö")
    }

    @Test(arguments: [(MapSpec.Level.regions, 6, 3), (.municipalities, 77, 5)])
    func everyAreaIsDrawnAsAPath(level: MapSpec.Level, count: Int, classes: Int) throws {
        let geometry = GeoJSONGeometry(dataDirectory: Self.dataDirectory)
        let shapes = try geometry.shapes(for: level)
        let values = Dictionary(uniqueKeysWithValues: shapes.enumerated().map { ($0.element.code, Double($0.offset * 1000)) })
        let html = render(ReportDocument(blocks: [.map(MapSpec(level: level, title: "Karta", values: values))]),
                          as: .html, geometry: geometry)
        #expect(html.ranges(of: "<path class=\"area\" d=\"M").count == count)
        #expect(!html.contains("d=\"\""))
        for shape in shapes {
            #expect(html.contains("<title>\(HTMLEscaping.escape(shape.name)): "), "\(shape.name) has a path with a title")
        }
        #expect(html.ranges(of: "<rect class=\"swatch\"").count == classes, "six regions make three classes of two")
        #expect(html.count < 60_000, "coordinates are rounded and simplified")
    }

    @Test func textMapsUseTheAreaNames() {
        let geometry = GeoJSONGeometry(dataDirectory: Self.dataDirectory)
        let map = MapSpec(level: .municipalities, values: ["1280": 365_644, "1214": 15_165])
        #expect(render(ReportDocument(blocks: [.map(map)]), as: .text, geometry: geometry) == """
            (karta: se --format html)
            1. Malmö   365 644
            2. Svalöv   15 165

            """)
    }

    @Test func readsEachFileOnceAndKeepsTheShapes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("render-geo-\(UInt32.random(in: 0...UInt32.max))")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("geo"), withIntermediateDirectories: true)
        let geometry = GeoJSONGeometry(dataDirectory: folder)
        try FileManager.default.copyItem(at: Self.dataDirectory.appendingPathComponent("geo/regions.geojson"),
                                         to: geometry.file(for: .regions))
        #expect(geometry.boundaries(for: .regions)?.count == 6)
        try FileManager.default.removeItem(at: geometry.file(for: .regions))
        let copy = geometry
        #expect(copy.boundaries(for: .regions)?.count == 6, "copies share the cache; the file is not read again")
    }

    @Test func aMissingFolderGivesNoBoundariesAndSaysWhy() {
        let geometry = GeoJSONGeometry(dataDirectory: URL(fileURLWithPath: "/nonexistent/data"))
        #expect(geometry.boundaries(for: .regions) == nil)
        #expect(throws: GeoJSONError.self) { try geometry.shapes(for: .regions) }
    }

    @Test func malformedGeoJSONIsReportedWithTheFeature() {
        let data = Data(#"{"type":"FeatureCollection","features":[{"properties":{"lan":"X"},"geometry":null}]}"#.utf8)
        #expect(throws: GeoJSONError.malformed(path: "x.geojson", reason: "feature 1 has no \"lan_kod\"")) {
            try GeoJSONParser.shapes(from: data, level: .regions, path: "x.geojson")
        }
    }

    @Test func quantileClassesKeepEqualValuesTogether() {
        let scale = ChoroplethScale(values: (1...10).map(Double.init))
        #expect(scale.classes.map { [$0.lower, $0.upper] } == [[1, 2], [3, 4], [5, 6], [7, 8], [9, 10]])
        #expect(scale.classes.map(\.color) == ChoroplethScale.palette)
        let ties = ChoroplethScale(values: [1, 1, 1, 1, 5])
        #expect(ties.classes.map { [$0.lower, $0.upper] } == [[1, 1], [5, 5]])
        #expect(ties.classes.map(\.color) == ["#c6dbef", "#08519c"])
        #expect(ChoroplethScale(values: [7]).color(for: 7) == "#6baed6")
        #expect(ties.color(for: nil) == ChoroplethScale.noValueColor)
    }

    /// Six regions make three classes of two, so each legend entry is a range a reader can
    /// repeat (sort the six, cut them in pairs); no class is near-white.
    @Test func sixRegionsMakeThreeQuantileClasses() {
        let scale = ChoroplethScale(values: [157_223, 345_074, 370_009, 246_352, 203_351, 1_428_626])
        #expect(scale.classes.map { [$0.lower, $0.upper] } == [[157_223, 203_351], [246_352, 345_074], [370_009, 1_428_626]])
        #expect(scale.classes.map(\.color) == ["#c6dbef", "#6baed6", "#08519c"])
        #expect(ChoroplethScale(values: [1, 2]).classes.count == 2, "never more classes than values")
        #expect(ChoroplethScale(values: (1...77).map(Double.init)).classes.count == 5)
        #expect(!ChoroplethScale.isDark(ChoroplethScale.palette[0]) && ChoroplethScale.isDark(ChoroplethScale.palette[4]))
    }

    @Test func theRegionMapNamesEachRegionAndTheMunicipalityMapDrawsRegionBorders() throws {
        let geometry = GeoJSONGeometry(dataDirectory: Self.dataDirectory)
        let regions = MapSpec(level: .regions, title: "Befolkning", values: ["12": 1_428_626, "10": 157_223, "06": 370_009])
        let html = render(ReportDocument(blocks: [.map(regions)]), as: .html, geometry: geometry)
        #expect(html.contains(">Skåne län<tspan class=\"value\""))
        #expect(html.contains("1 428 626</tspan></text>"))
        #expect(html.contains("<text class=\"map-label on-dark\""), "white on the darkest class")
        #expect(html.contains("<text class=\"map-label on-light\""))
        #expect(html.ranges(of: "class=\"map-label").count == 6, "regions without a value are named too")
        #expect(html.contains("3 klasser efter kvantiler (lika många områden i varje)"))
        #expect(!html.contains("class=\"outline\""))
        let municipalities = MapSpec(level: .municipalities, values: ["1280": 365_644])
        let page = render(ReportDocument(blocks: [.map(municipalities)]), as: .html, geometry: geometry)
        #expect(page.ranges(of: "<path class=\"outline\"").count == 6)
        #expect(!page.contains("class=\"map-label"), "77 names would not fit")
        let english = render(ReportDocument(blocks: [.map(regions)]), as: .html, options: RenderOptions(locale: .en), geometry: geometry)
        #expect(english.contains("3 classes by quantiles (equal numbers of areas in each)"))
    }

    /// A change: shrinking areas red, no change grey-white, growing ones blue.
    @Test func negativeValuesMakeTheScaleDivergeAtZero() {
        let scale = ChoroplethScale(values: [-16.6, -5, -1, 0, 2, 10, 40])
        #expect(scale.classes.map { [$0.lower, $0.upper] } == [[-16.6, -16.6], [-5, -5], [-1, -1], [0, 0], [2, 2], [10, 10], [40, 40]])
        #expect(scale.classes.map(\.color) == ChoroplethScale.negativePalette + [ChoroplethScale.zeroColor] + ChoroplethScale.positivePalette)
        #expect(scale.color(for: -3) == "#ef8a62")
        let oneEach = ChoroplethScale(values: [-2, 3, 3])
        #expect(oneEach.classes.map(\.color) == ["#ef8a62", "#67a9cf"], "one class on a side takes its middle shade")
        #expect(ChoroplethScale(values: [0, 1]).classes.map(\.color) == ["#c6dbef", "#08519c"], "no negatives: sequential")
    }

    @Test func projectionKeepsTheAspectOfSouthernSweden() {
        let projection = MapProjection(shapes: Fixture.TwoSquares().boundaries(for: .regions)!, maxWidth: 600, maxHeight: 700, margin: 10)
        // Two 1° × 1° squares at 56.5°N: 2 · cos(56.5°) ≈ 1.10 wide for 1 high.
        #expect(projection.width == 600)
        #expect(abs(projection.height - (580 / (2 * cos(56.5 * .pi / 180)) + 20)) < 0.01)
    }
}
