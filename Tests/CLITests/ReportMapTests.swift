import Foundation
import Testing

/// A map whose boundary file is broken is never silently gone: the report says which file
/// and what became of the map.
@Suite struct ReportMapTests {
    static func dataWithBrokenMunicipalities() throws -> String {
        let folder = CLI.emptyFolder()
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent("data").path, toPath: folder + "/d")
        try #"{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}"#
            .write(toFile: folder + "/d/geo/municipalities.geojson", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aBrokenGeoJSONFileIsNamedAndTheMapBecomesATable() throws {
        let folder = try Self.dataWithBrokenMunicipalities()
        let result = try CLI.run(["report", "population", "--format", "html", "--data", "d"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr == "warning: \(folder)/d/geo/municipalities.geojson: not usable map boundaries: not JSON; "
            + "the municipalities map is left out and shown as a table\n")
        #expect(!result.stdout.contains("<figure class=\"map\">"))
        #expect(result.stdout.contains("<table>"))
    }

    @Test func textSaysTheAreasAreNamedByCode() throws {
        let folder = try Self.dataWithBrokenMunicipalities()
        let result = try CLI.run(["report", "population", "--data", "d"], in: folder)
        #expect(result.status == 0)
        #expect(result.stderr == "warning: \(folder)/d/geo/municipalities.geojson: not usable map boundaries: not JSON; "
            + "the municipalities map names its areas by code\n")
    }

    @Test func dataWithoutBoundariesWarnsOnlyWhereAMapWouldBeDrawn() throws {
        let folder = try Self.dataWithBrokenMunicipalities()
        try FileManager.default.removeItem(atPath: folder + "/d/geo")
        let text = try CLI.run(["report", "population", "--data", "d"], in: folder)
        #expect(text.status == 0)
        #expect(text.stderr == "")
        let html = try CLI.run(["report", "population", "--format", "html", "--data", "d"], in: folder)
        #expect(html.stderr == "warning: \(folder)/d/geo/municipalities.geojson: cannot read map boundaries: no such file; "
            + "the municipalities map is left out and shown as a table\n")
    }
}
