import Foundation
import SamverkanCore
import SamverkanRender

/// Where maps find their boundaries: `geo/` in the data folder.
enum ReportGeometry {
    static func provider(dataDirectory: String) -> GeoJSONGeometry {
        GeoJSONGeometry(dataDirectory: URL(fileURLWithPath: dataDirectory))
    }

    /// What the reader should know about the document's maps: a boundary file that is broken
    /// (every format that names areas), or missing where HTML would draw the map.
    static func warnings(for document: ReportDocument, format: ReportFormat, geometry: GeoJSONGeometry) -> [String] {
        guard format == .html || format == .text || format == .markdown else { return [] }
        return document.mapLevels.compactMap { level in
            guard let problem = geometry.problem(for: level) else { return nil }
            if format == .html { return "\(problem); the \(level.rawValue) map is left out and shown as a table" }
            if case .missing = problem { return nil }
            return "\(problem); the \(level.rawValue) map names its areas by code"
        }
    }
}
