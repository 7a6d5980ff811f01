/// How a text table shares the line among its columns.
///
/// Each column starts as wide as its widest header or cell line. While the table is wider
/// than the line, the widest column that can still give is narrowed by one (then to the
/// widest line its cells wrap to), in stages that each cost more to read than the one before:
/// 1. headers wrap at spaces (`Population` / `2024` over a column of numbers);
/// 2. cells wrap at spaces, each column kept as wide as its longest word;
/// 3. long words break after `-`, `/`, `_` or `.`, each column kept as wide as its longest piece;
/// 4. words are cut, each column kept `minimumColumnWidth` wide (below that, fragments stop
///    being readable), but only if that makes the table fit: cut words in a table that
///    overflows anyway would be damage for nothing. The column narrowed is the one where
///    that cuts the fewest more fragments off words (ties: the widest), so a long header
///    over short numbers is cut before words in every row.
/// A number is never split, so no column gets narrower than its widest number. Space left
/// over at the end goes back to narrowed columns where it saves lines.
struct TextColumnWidths {
    static let minimumColumnWidth = 6

    /// The stages, in the order they are tried.
    enum Stage: CaseIterable {
        case headerWords, words, pieces, characters
    }

    let columns: [TextColumnText]

    init(table: FormattedTable) {
        columns = table.headers.indices.map { TextColumnText(table, column: $0) }
    }

    /// Widths for the columns, separated by `separatorWidth`, to fit `width` where they can.
    func fit(_ width: Int, separatorWidth: Int) -> [Int] {
        var widths = columns.map(\.natural)
        let separators = separatorWidth * max(0, widths.count - 1)
        var excess = widths.reduce(0, +) + separators - width
        for stage in Stage.allCases where excess > 0 {
            let floors = columns.map { $0.minimumWidth(at: stage) }
            if stage == .characters && floors.reduce(0, +) + separators > width { break }
            // A column wider than the whole line is narrowed to it in one step: narrowing by
            // one from a 20 000-character cell would wrap the column 20 000 times. (Widest
            // first, every such column would get there before any other is touched, and
            // to the same width: the wrap of a width is the wrap of any width between.)
            for index in widths.indices where widths[index] > width && widths[index] > floors[index] {
                let narrowed = columns[index].wrappedWidth(max(floors[index], width))
                excess -= widths[index] - narrowed
                widths[index] = narrowed
            }
            while excess > 0, let next = columnToNarrow(widths.indices.filter { widths[$0] > floors[$0] },
                                                        widths: widths, byCost: stage == .characters) {
                let narrowed = columns[next].wrappedWidth(widths[next] - 1)
                excess -= widths[next] - narrowed
                widths[next] = narrowed
            }
        }
        giveBack(-excess, to: &widths)
        return widths
    }

    /// Of `candidates`, the widest; or `byCost`, the one that narrowing cuts the fewest more
    /// fragments off words in, then the widest.
    private func columnToNarrow(_ candidates: [Int], widths: [Int], byCost: Bool) -> Int? {
        guard byCost else { return candidates.max { widths[$0] < widths[$1] } }
        func cost(_ index: Int) -> Int {
            columns[index].fragments(width: widths[index] - 1) - columns[index].fragments(width: widths[index])
        }
        return candidates.min { (cost($0), widths[$1]) < (cost($1), widths[$0]) }
    }

    /// Space a column did not need after all (its lines wrapped shorter than it was narrowed
    /// to) goes back to narrowed columns, left to right, where it saves lines.
    private func giveBack(_ slack: Int, to widths: inout [Int]) {
        var slack = slack
        for index in widths.indices where slack > 0 && widths[index] < columns[index].natural {
            let column = columns[index]
            let wider = column.wrappedWidth(widths[index] + slack)
            guard column.lineCount(wider) < column.lineCount(widths[index]) else { continue }
            slack -= wider - widths[index]
            widths[index] = wider
        }
    }
}
