import SamverkanCore

/// A point in WGS84 degrees.
public struct GeoPoint: Sendable, Equatable {
    /// Longitude, degrees east.
    public var lon: Double
    /// Latitude, degrees north.
    public var lat: Double

    /// A point at `lon`, `lat` (GeoJSON order).
    public init(lon: Double, lat: Double) {
        self.lon = lon
        self.lat = lat
    }
}

/// One area of a map (a region or a municipality) and its boundary.
public struct AreaShape: Sendable, Equatable {
    /// The code map values are keyed by: `"12"` for a region, `"1280"` for a municipality.
    public var code: String
    /// The name shown in hover text and ranked lists: `"Skåne län"`, `"Malmö"`.
    public var name: String
    /// Polygons, each an outer ring followed by its holes; a ring is a closed list of points.
    public var polygons: [[[GeoPoint]]]

    /// An area with its code, display name and boundary.
    public init(code: String, name: String, polygons: [[[GeoPoint]]]) {
        self.code = code
        self.name = name
        self.polygons = polygons
    }
}

/// Where map boundaries come from; the HTML renderer draws maps with them.
public protocol GeometryProvider: Sendable {
    /// The areas of `level`, or `nil` when there are none to draw (maps then render as tables).
    func boundaries(for level: MapSpec.Level) -> [AreaShape]?
}

extension ReportDocument {
    /// The map levels the document draws, in order of first use.
    public var mapLevels: [MapSpec.Level] {
        var levels: [MapSpec.Level] = []
        for case .map(let map) in blocks where !levels.contains(map.level) { levels.append(map.level) }
        return levels
    }
}
