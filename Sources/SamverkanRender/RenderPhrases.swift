import SamverkanCore

/// The few words renderers add themselves, in the report's language.
///
/// Kept in one place so the two languages stay in step.
struct RenderPhrases {
    let yes: String
    let no: String
    /// Shown instead of the rows of an empty table.
    let noRows: String
    /// Under a map in text and Markdown, which cannot draw one.
    let mapNote: String
    /// Under a chart in Markdown, which shows its data as a table.
    let chartNote: String
    /// A chart's text description (SVG `<desc>`, `aria-label`): kind, series, x span, range.
    let describeChart: (_ kind: Chart.Kind, _ series: Int, _ span: String, _ low: String, _ high: String) -> String
    /// Under small multiples.
    let sameScale: String
    /// A text chart's value range: `skala 0–1 500 000`.
    let scale: String
    /// The x column of a chart's data table when the script names none.
    let xColumn: String
    /// A series the script gave no name (one-series charts), in data tables.
    let seriesName: (Int) -> String
    /// The sum of stacked bars.
    let total: String
    /// A map's text description: areas, areas with a value, the range.
    let describeMap: (_ areas: Int, _ withValue: Int, _ low: String, _ high: String) -> String
    /// How a map's classes were made, under its legend.
    let mapClasses: (_ count: Int, _ diverging: Bool) -> String
    /// In a map's legend and hover text, for areas the script gave no value.
    let noValue: String
    let value: String
    let code: String
    let area: String
    /// A table (or chart) with neither title nor heading, in CSV blocks and sheet names.
    let tableName: (Int) -> String
    /// Before a table's name on a workbook's first sheet.
    let tableLabel: String
    /// The HTML `<title>` of a report that has no title block (and a workbook's first sheet).
    let untitledReport: String
    /// Under a text table too large to align (TextTableLayout.maximumAlignedBytes).
    let notAligned: (Int) -> String

    init(locale: OutputLocale) {
        switch locale {
        case .sv:
            yes = "ja"; no = "nej"
            noRows = "(inga rader)"
            notAligned = { "(kolumnerna är inte justerade: justerad skulle tabellen bli \($0) MB; --format csv ger den som data)" }
            mapNote = "(karta: se --format html)"
            chartNote = "(diagram: se --format html)"
            describeChart = { kind, series, span, low, high in
                (kind == .line ? "Linjediagram" : "Stapeldiagram") + ", \(series) " + (series == 1 ? "serie" : "serier")
                    + (span.isEmpty ? "" : ", \(span)") + "; värden från \(low) till \(high)."
            }
            sameScale = "Alla diagram har samma skala."
            scale = "skala"
            xColumn = "Kategori"
            seriesName = { "Serie \($0 + 1)" }
            total = "Summa"
            describeMap = { areas, withValue, low, high in
                "Karta över \(areas) områden, \(withValue) med värde, från \(low) till \(high)."
            }
            mapClasses = { count, diverging in
                (count == 1 ? "En klass" : "\(count) klasser") + " efter kvantiler (lika många områden i varje)"
                    + (diverging ? "; rött under noll, blått över" : "")
            }
            noValue = "inget värde"
            value = "Värde"; code = "Kod"; area = "Område"
            untitledReport = "Rapport"
            tableName = { "Tabell \($0)" }
            tableLabel = "Tabell: "
        case .en:
            yes = "yes"; no = "no"
            noRows = "(no rows)"
            notAligned = { "(columns not aligned: aligned, the table would be \($0) MB; --format csv gives it as data)" }
            mapNote = "(map: see --format html)"
            chartNote = "(chart: see --format html)"
            describeChart = { kind, series, span, low, high in
                (kind == .line ? "Line chart" : "Bar chart") + ", \(series) series" + (span.isEmpty ? "" : ", \(span)")
                    + "; values from \(low) to \(high)."
            }
            sameScale = "All charts share one scale."
            scale = "scale"
            xColumn = "Label"
            seriesName = { "Series \($0 + 1)" }
            total = "Total"
            describeMap = { areas, withValue, low, high in
                "Map of \(areas) areas, \(withValue) with a value, from \(low) to \(high)."
            }
            mapClasses = { count, diverging in
                (count == 1 ? "One class" : "\(count) classes") + " by quantiles (equal numbers of areas in each)"
                    + (diverging ? "; red below zero, blue above" : "")
            }
            noValue = "no value"
            value = "Value"; code = "Code"; area = "Area"
            untitledReport = "Report"
            tableName = { "Table \($0)" }
            tableLabel = "Table: "
        }
    }
}
