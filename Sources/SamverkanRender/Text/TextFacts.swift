/// `Label: value` lines with the values starting in one column, wrapped under themselves.
///
/// The value column is right after the longest label, as long as that leaves values at
/// least half the line (a URL or a sentence needs the room more than a label does). A label
/// too long for that stands on a line of its own, its value below it in the value column.
struct TextFacts {
    /// Label and formatted value, in order.
    let facts: [(label: String, value: String)]
    let width: Int

    func lines() -> [String] {
        let labels = facts.map { $0.label + ":" }
        // One space at least between a label and its value.
        let fitting = labels.map { DisplayWidth.of($0) + 1 }.filter { $0 <= width / 2 }
        let column = fitting.max() ?? 2
        return zip(labels, facts).flatMap { label, fact in
            let values = TextWrapper.wrap(fact.value, width: width - column)
            let indent = String(repeating: " ", count: column)
            guard DisplayWidth.of(label) < column else {
                return TextWrapper.wrap(label, width: width) + values.map { (indent + $0).trimmingTrailingSpaces() }
            }
            return values.enumerated().map { index, value in
                (index == 0 ? DisplayWidth.pad(label, to: column) : indent) + value
            }.map { $0.trimmingTrailingSpaces() }
        }
    }
}
