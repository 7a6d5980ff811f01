/// ANSI emphasis for terminal output; a no-op when colour is off (SPEC §7.3: colour only
/// on a terminal, never with `NO_COLOR` or `--no-color` — the caller decides).
struct TextStyle {
    let color: Bool

    /// Bold, for the title, headings and table titles.
    func bold(_ text: String) -> String {
        color ? "\u{1B}[1m" + text + "\u{1B}[0m" : text
    }
}
