import Foundation
import SamverkanCore

/// Boundaries read from the knowledge base's `geo/regions.geojson` and
/// `geo/municipalities.geojson` (FeatureCollections of Polygon/MultiPolygon in WGS84).
///
/// Files are read on first use and kept, so a report with several maps reads each once.
/// Area codes and names come from `lan_kod`/`lan` (regions) and `kommun_kod`/`kommun`
/// (municipalities), else from `code`/`name`.
public struct GeoJSONGeometry: GeometryProvider {
    /// The folder holding the `.geojson` files (`<data>/geo`).
    public let directory: URL
    /// The data folder: a boundary file must resolve inside it (``DataFolder``).
    private let dataDirectory: URL
    private let cache = ShapeCache()

    /// Boundaries from `<dataDirectory>/geo/`.
    public init(dataDirectory: URL) {
        self.dataDirectory = dataDirectory
        directory = dataDirectory.appendingPathComponent("geo", isDirectory: true)
    }

    /// The areas of `level`, or `nil` when the file is missing or unusable (``problem(for:)`` says why).
    public func boundaries(for level: MapSpec.Level) -> [AreaShape]? {
        guard case .success(let shapes) = result(for: level), !shapes.isEmpty else { return nil }
        return shapes
    }

    /// Why the areas of `level` cannot be drawn: the file is missing, unreadable, malformed
    /// or empty; nil when they can.
    public func problem(for level: MapSpec.Level) -> GeoJSONError? {
        switch result(for: level) {
        case .success(let shapes):
            shapes.isEmpty ? .malformed(path: file(for: level).path, reason: "no areas in the file") : nil
        case .failure(let error as GeoJSONError): error
        case .failure(let error): .unreadable(path: file(for: level).path, reason: "\(error)")
        }
    }

    /// The areas of `level`, or the error that kept the file from being read.
    public func shapes(for level: MapSpec.Level) throws -> [AreaShape] {
        try result(for: level).get()
    }

    private func result(for level: MapSpec.Level) -> Result<[AreaShape], Error> {
        cache.value(for: level) {
            let file = file(for: level)
            // A symlink out of the data folder is not followed: nothing outside it is read.
            guard DataFolder.resolvedPath(of: "geo/" + file.lastPathComponent, in: dataDirectory.path) != nil else {
                throw GeoJSONError.unreadable(path: file.path, reason: "it leads outside the data folder (through a symlink), so it is not read")
            }
            return try GeoJSONParser.shapes(at: file, level: level)
        }
    }

    /// `<data>/geo/regions.geojson` or `<data>/geo/municipalities.geojson`.
    public func file(for level: MapSpec.Level) -> URL {
        directory.appendingPathComponent(level.rawValue + ".geojson")
    }
}

/// Why a GeoJSON file could not be used.
public enum GeoJSONError: Error, CustomStringConvertible, Equatable {
    /// There is no such file.
    case missing(path: String)
    /// The file could not be read.
    case unreadable(path: String, reason: String)
    /// The file is not JSON, or not a FeatureCollection of (Multi)Polygons with codes.
    case malformed(path: String, reason: String)

    /// `path: cannot read map boundaries: reason`, for a diagnostic line.
    public var description: String {
        switch self {
        case .missing(let path): "\(path): cannot read map boundaries: no such file"
        case .unreadable(let path, let reason): "\(path): cannot read map boundaries: \(reason)"
        case .malformed(let path, let reason): "\(path): not usable map boundaries: \(reason)"
        }
    }
}

/// Parsed shapes per level, read once. A class behind a lock so `GeoJSONGeometry` can stay
/// a `Sendable` value shared by renderers; every access to `results` holds `lock`.
private final class ShapeCache: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [MapSpec.Level: Result<[AreaShape], Error>] = [:]

    func value(for level: MapSpec.Level, load: () throws -> [AreaShape]) -> Result<[AreaShape], Error> {
        lock.lock()
        defer { lock.unlock() }
        if let cached = results[level] { return cached }
        let result = Result(catching: load)
        results[level] = result
        return result
    }
}
