import Foundation
import SamverkanCore

/// Reads a GeoJSON FeatureCollection of Polygon/MultiPolygon features into area shapes.
///
/// Foundation's JSONSerialization is enough for files of this size (100 kB, read once).
enum GeoJSONParser {
    static func shapes(at url: URL, level: MapSpec.Level) throws -> [AreaShape] {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            if !FileManager.default.fileExists(atPath: url.path) { throw GeoJSONError.missing(path: url.path) }
            throw GeoJSONError.unreadable(path: url.path, reason: "\(error.localizedDescription)")
        }
        return try shapes(from: data, level: level, path: url.path)
    }

    static func shapes(from data: Data, level: MapSpec.Level, path: String) throws -> [AreaShape] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw GeoJSONError.malformed(path: path, reason: "not JSON")
        }
        guard let features = (root as? [String: Any])?["features"] as? [Any] else {
            throw GeoJSONError.malformed(path: path, reason: "no \"features\" array")
        }
        let (codeKey, nameKey) = level == .regions ? ("lan_kod", "lan") : ("kommun_kod", "kommun")
        return try features.enumerated().map { index, feature in
            let feature = feature as? [String: Any] ?? [:]
            let properties = feature["properties"] as? [String: Any] ?? [:]
            guard let code = text(properties[codeKey] ?? properties["code"]) else {
                throw GeoJSONError.malformed(path: path, reason: "feature \(index + 1) has no \"\(codeKey)\"")
            }
            let name = text(properties[nameKey] ?? properties["name"]) ?? code
            guard let polygons = polygons(feature["geometry"] as? [String: Any]) else {
                throw GeoJSONError.malformed(path: path, reason: "feature \(index + 1) (\(code)) has no Polygon or MultiPolygon geometry")
            }
            return AreaShape(code: code, name: name, polygons: polygons)
        }
    }

    private static func polygons(_ geometry: [String: Any]?) -> [[[GeoPoint]]]? {
        guard let geometry, let coordinates = geometry["coordinates"] as? [Any] else { return nil }
        switch geometry["type"] as? String {
        case "Polygon": return polygon(coordinates).map { [$0] }
        case "MultiPolygon":
            let polygons = coordinates.map(polygon)
            return polygons.contains { $0 == nil } ? nil : polygons.compactMap { $0 }
        default: return nil
        }
    }

    private static func polygon(_ value: Any) -> [[GeoPoint]]? {
        guard let rings = value as? [Any] else { return nil }
        let parsed = rings.map { ring -> [GeoPoint]? in
            guard let points = ring as? [Any] else { return nil }
            let parsed = points.map { point -> GeoPoint? in
                guard let pair = point as? [Any], pair.count >= 2,
                      let lon = number(pair[0]), let lat = number(pair[1]) else { return nil }
                return GeoPoint(lon: lon, lat: lat)
            }
            return parsed.contains { $0 == nil } ? nil : parsed.compactMap { $0 }
        }
        return parsed.contains { $0 == nil } ? nil : parsed.compactMap { $0 }
    }

    /// A coordinate, whichever way Foundation bridged it.
    private static func number(_ value: Any) -> Double? {
        if let number = value as? NSNumber { return number.doubleValue }
        if let double = value as? Double { return double }
        if let integer = value as? Int { return Double(integer) }
        return nil
    }

    /// A code or name; numeric codes are accepted as their integer text.
    private static func text(_ value: Any?) -> String? {
        if let string = value as? String { return string }
        if let number = value as? NSNumber { return number.stringValue }
        return nil
    }
}
