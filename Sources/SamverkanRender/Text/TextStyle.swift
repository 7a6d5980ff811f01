/// ANSI emphasis for terminal output; a no-op when colour is off (SPEC §7.3: colour only
/// on a terminal, never with `NO_COLOR` or `--no-color` — the caller decides).
struct TextStyle {
    let color: Bool

    /// Bold, for the title, headings and table titles.
    func bold(_ text: String) -> String {
        color ? "\u{1B}[1m" + text + "\u{1B}[0m" : text
    }

    /// Series `index` of a chart in a colour of its own (blue, yellow, green, red, magenta,
    /// cyan, then again), the terminal's nearest to ``ChartPalette``.
    func series(_ text: String, _ index: Int) -> String {
        guard color, !text.isEmpty else { return text }
        let codes = [34, 33, 32, 31, 35, 36]
        return "\u{1B}[\(codes[index % codes.count])m" + text + "\u{1B}[0m"
    }
}
