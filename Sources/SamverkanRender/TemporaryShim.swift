// Temporary until the renderers land from their branch; removed at merge.
import SamverkanCore

public enum QueryFormat: String, CaseIterable, Sendable { case text, csv, json, markdown }
public enum ReportFormat: String, CaseIterable, Sendable { case text, markdown, html, json, csv }

public func renderTable(_ table: Table, as format: QueryFormat, options: RenderOptions) -> String {
    table.rows.map { row in row.map { "\($0)" }.joined(separator: "\t") }.joined(separator: "\n") + "\n"
}

public protocol GeometryProvider: Sendable {}

public func render(_ document: ReportDocument, as format: ReportFormat, options: RenderOptions, geometry: GeometryProvider?) -> String {
    "\(document)\n"
}

