import SamverkanCore

/// What every renderer needs to know besides the thing it renders.
public struct RenderOptions: Sendable {
    /// Number and date conventions for text, Markdown and HTML (CSV and JSON stay raw).
    public var locale: OutputLocale
    /// ANSI colour (text output on a terminal only).
    public var color: Bool
    /// Width to wrap text output to (the terminal's, else 100).
    public var width: Int
    /// Whether text validation output ends with its summary line (off with -q; the machine
    /// formats always keep theirs).
    public var summary: Bool

    public init(locale: OutputLocale = .sv, color: Bool = false, width: Int = 100, summary: Bool = true) {
        self.locale = locale
        self.color = color
        self.width = width
        self.summary = summary
    }
}
