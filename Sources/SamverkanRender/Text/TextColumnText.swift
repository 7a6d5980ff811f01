/// The text of one table column, measured for ``TextColumnWidths``.
///
/// Cells are kept once per distinct text with how often they occur: a column of thousands of
/// rows usually repeats a few values (a year, a source), and each width tried wraps them all.
struct TextColumnText {
    /// The header, then each distinct cell text, with how many times it occurs.
    let texts: [(text: String, count: Int)]
    /// The widest line with nothing wrapped.
    let natural: Int
    /// The widest number (numbers are never split).
    let numbers: Int
    private let cellLines: Int
    private let headerWords: Int
    private let words: Int
    /// Display widths of the pieces of words (``TextWrapper/pieces(of:)``) wider than
    /// `minimumColumnWidth`, with how many there are.
    private let pieceWidths: [Int: Int]
    private let pieces: Int

    init(_ table: FormattedTable, column: Int) {
        var counts: [String: Int] = [:]
        var order: [String] = []
        var numbers = 0
        for row in table.rows {
            let cell = row[column]
            if cell.isNumeric { numbers = max(numbers, Self.widestLine(cell.text)) }
            if counts[cell.text] == nil { order.append(cell.text) }
            counts[cell.text, default: 0] += 1
        }
        texts = [(table.headers[column], 1)] + order.map { ($0, counts[$0] ?? 0) }
        self.numbers = numbers
        natural = texts.map { Self.widestLine($0.text) }.max() ?? 0
        cellLines = order.map(Self.widestLine).max() ?? 0
        headerWords = TextWrapper.words(in: table.headers[column]).map { DisplayWidth.of($0) }.max() ?? 0
        var words = 0, pieces = 0
        var pieceWidths: [Int: Int] = [:]
        for (text, count) in texts {
            for word in TextWrapper.words(in: text) {
                words = max(words, DisplayWidth.of(word))
                for piece in TextWrapper.pieces(of: word) {
                    let width = DisplayWidth.of(piece)
                    pieces = max(pieces, width)
                    if width > TextColumnWidths.minimumColumnWidth { pieceWidths[width, default: 0] += count }
                }
            }
        }
        self.words = words
        self.pieces = pieces
        self.pieceWidths = pieceWidths
    }

    /// How narrow the column may get at `stage`.
    func minimumWidth(at stage: TextColumnWidths.Stage) -> Int {
        let needed = switch stage {
        case .headerWords: max(cellLines, headerWords)
        case .words: words
        case .pieces: pieces
        case .characters: min(TextColumnWidths.minimumColumnWidth, natural)
        }
        return max(numbers, needed)
    }

    /// The widest line of the header and cells wrapped to `width`: what the column really
    /// needs when given `width`.
    func wrappedWidth(_ width: Int) -> Int {
        texts.flatMap { TextWrapper.wrap($0.text, width: width) }.map { DisplayWidth.of($0) }.max() ?? 0
    }

    /// How many lines the header and cells take at `width`.
    func lineCount(_ width: Int) -> Int {
        texts.reduce(0) { $0 + $1.count * TextWrapper.wrap($1.text, width: width).count }
    }

    /// How many fragments the words of the column lose to a width of `width`.
    func fragments(width: Int) -> Int {
        pieceWidths.reduce(0) { sum, entry in sum + entry.value * ((entry.key + width - 1) / width - 1) }
    }

    private static func widestLine(_ text: String) -> Int {
        text.split(whereSeparator: \.isNewline).map { DisplayWidth.of($0) }.max() ?? 0
    }
}
