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
    /// Under a bar chart in Markdown, which shows it as a table.
    let chartNote: String
    /// In a map's legend and hover text, for areas the script gave no value.
    let noValue: String
    let category: String
    let value: String
    let code: String
    let area: String
    /// The HTML `<title>` of a report that has no title block.
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
            chartNote = "(stapeldiagram: se --format html)"
            noValue = "inget värde"
            category = "Kategori"; value = "Värde"; code = "Kod"; area = "Område"
            untitledReport = "Rapport"
        case .en:
            yes = "yes"; no = "no"
            noRows = "(no rows)"
            notAligned = { "(columns not aligned: aligned, the table would be \($0) MB; --format csv gives it as data)" }
            mapNote = "(map: see --format html)"
            chartNote = "(bar chart: see --format html)"
            noValue = "no value"
            category = "Label"; value = "Value"; code = "Code"; area = "Area"
            untitledReport = "Report"
        }
    }
}
