import SamverkanCore

/// What every renderer needs to know besides the thing it renders.
public struct RenderOptions: Sendable {
    /// Number and date conventions for text, Markdown and HTML (CSV and JSON stay raw).
    public var locale: OutputLocale
    /// ANSI colour (text output on a terminal only).
    public var color: Bool
    /// Columns text output must fit (the terminal's); `nil` when it goes where lines have no
    /// width (a pipe or a file), so nothing wraps and bar charts take ``unwrappedChartWidth``.
    public var width: Int?
    /// Whether text validation output ends with its summary line (off with -q; the machine
    /// formats always keep theirs).
    public var summary: Bool

    /// How wide bar charts are drawn when `width` is `nil`: their bars need some scale.
    public static let unwrappedChartWidth = 100

    public init(locale: OutputLocale = .sv, color: Bool = false, width: Int? = 100, summary: Bool = true) {
        self.locale = locale
        self.color = color
        self.width = width
        self.summary = summary
    }
}
