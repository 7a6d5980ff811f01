import Foundation

/// Places lon/lat on an SVG canvas and writes areas as compact path data.
///
/// Equirectangular, with longitudes shrunk by the cosine of the map's middle latitude
/// (about 56.5°N for the six regions), which keeps shapes true enough at this size.
/// The map is scaled to fit `maxWidth` × `maxHeight` and centred horizontally.
struct MapProjection {
    /// Points closer than this to the last one kept are dropped: invisible, but they add bytes.
    static let minimumStep = 0.5

    let width: Double
    let height: Double
    private let minLon: Double
    private let maxLat: Double
    private let lonScale: Double
    private let scale: Double
    private let margin: Double
    private let offsetX: Double

    init(shapes: [AreaShape], maxWidth: Double, maxHeight: Double, margin: Double) {
        let points = shapes.lazy.flatMap { $0.polygons.lazy.flatMap { $0.lazy.flatMap { $0 } } }
            .filter { $0.lon.isFinite && $0.lat.isFinite }
        var minLon = Double.infinity, maxLon = -Double.infinity, minLat = Double.infinity, maxLat = -Double.infinity
        for point in points {
            minLon = min(minLon, point.lon); maxLon = max(maxLon, point.lon)
            minLat = min(minLat, point.lat); maxLat = max(maxLat, point.lat)
        }
        if minLon > maxLon { minLon = 0; maxLon = 1; minLat = 0; maxLat = 1 }
        lonScale = cos((minLat + maxLat) / 2 * .pi / 180)
        let spanX = max((maxLon - minLon) * lonScale, 1e-9), spanY = max(maxLat - minLat, 1e-9)
        scale = min((maxWidth - 2 * margin) / spanX, (maxHeight - 2 * margin) / spanY)
        self.minLon = minLon
        self.maxLat = maxLat
        self.margin = margin
        width = maxWidth
        height = spanY * scale + 2 * margin
        offsetX = (maxWidth - 2 * margin - spanX * scale) / 2
    }

    /// Canvas coordinates in tenths of a unit, the precision written to the SVG.
    func tenths(_ point: GeoPoint) -> (x: Int, y: Int) {
        let x = margin + offsetX + (point.lon - minLon) * lonScale * scale
        let y = margin + (maxLat - point.lat) * scale
        return (Int((x * 10).rounded()), Int((y * 10).rounded()))
    }

    /// SVG path data for all of `shape`'s rings (`M…L…Z` per ring). Rings that shrink to
    /// fewer than three points are dropped; if that would drop them all, none are simplified,
    /// so every area keeps a visible path.
    func path(for shape: AreaShape) -> String {
        let rings = shape.polygons.flatMap { $0 }
        let simplified = rings.compactMap { ring(for: $0, step: Self.minimumStep) }
        let kept = simplified.isEmpty ? rings.compactMap { ring(for: $0, step: 0) } : simplified
        return kept.joined()
    }

    private func ring(for points: [GeoPoint], step: Double) -> String? {
        let stepTenths = step * 10
        var kept: [(x: Int, y: Int)] = []
        for point in points {
            let next = tenths(point)
            if let last = kept.last {
                let dx = Double(next.x - last.x), dy = Double(next.y - last.y)
                if (dx * dx + dy * dy).squareRoot() < max(stepTenths, 0.5) { continue }
            }
            kept.append(next)
        }
        if kept.count > 1, let first = kept.first, let last = kept.last, first == last { kept.removeLast() }
        guard kept.count >= 3 else { return nil }
        return kept.enumerated().map { index, point in
            (index == 0 ? "M" : "L") + SVGNumber.text(tenths: point.x) + "," + SVGNumber.text(tenths: point.y)
        }.joined() + "Z"
    }

    /// Where an area's label goes: the centroid of its largest polygon's outer ring (on the
    /// canvas), and that polygon's width, which says how long a label fits.
    func labelPoint(for shape: AreaShape) -> (x: Double, y: Double, width: Double)? {
        var best: (area: Double, x: Double, y: Double, width: Double)?
        for polygon in shape.polygons {
            guard let ring = polygon.first, ring.count >= 3 else { continue }
            let points = ring.map { p -> (x: Double, y: Double) in let t = tenths(p); return (Double(t.x) / 10, Double(t.y) / 10) }
            var area = 0.0, cx = 0.0, cy = 0.0
            for i in points.indices {
                let a = points[i], b = points[(i + 1) % points.count]
                let cross = a.x * b.y - b.x * a.y
                area += cross
                cx += (a.x + b.x) * cross
                cy += (a.y + b.y) * cross
            }
            guard abs(area) > 1e-9 else { continue }
            let xs = points.map(\.x)
            let candidate = (abs(area) / 2, cx / (3 * area), cy / (3 * area), (xs.max() ?? 0) - (xs.min() ?? 0))
            if candidate.0 > best?.area ?? -1 { best = candidate }
        }
        return best.map { ($0.x, $0.y, $0.width) }
    }
}
