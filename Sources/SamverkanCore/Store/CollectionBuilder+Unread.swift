/// A CSV row that cannot be read: its likely cause named, and what it would have held
/// (its key, the records its refs name) noted, so that the findings that follow only from
/// it can be folded under it instead of reported one by one.
extension CollectionBuilder {
    mutating func unread(_ cells: [CSVCell], count: Int, reliable: Int?, rest: Bool, line: Int,
                         bytes p: UnsafePointer<UInt8>, diagnostic: inout Diagnostic) {
        // The row's texts by header cell, as far as they can be trusted: those before the
        // fault, or all of them when the cause tells how the row should have been split.
        var texts = (0..<min(reliable ?? min(1, count), count)).map { cells[$0].text(p) }
        if reliable == nil, let cause = likelyCause(cells, count: count, p) {
            diagnostic.message = cause.message
            diagnostic.location = SourceLocation(file: file, cause.position, sheet: sheet)
            texts = cause.texts
        }
        var key: String?
        var references: [RecordName] = []
        for (c, text) in texts.prefix(csvFieldOfCell.count).enumerated() where !text.isEmpty {
            guard let f = csvFieldOfCell[c] else { continue }
            if f == schema.keyIndex { key = text }
            if case .ref(let target) = types[f] { references.append(RecordName(collection: target, key: text)) }
        }
        diagnostic.collection = schema.name
        diagnostic.key = key
        if let location = diagnostic.location {
            unreadRows.append(UnreadRow(collection: schema.name, key: key, location: location, references: references,
                                        rest: rest))
        }
    }

    /// Why a row has the wrong number of cells, when the cells tell: a number written with a
    /// decimal comma (one cell too many, `427,07`), or cells separated by `;`. With the
    /// row's texts by header cell as they were meant.
    private func likelyCause(_ cells: [CSVCell], count: Int, _ p: UnsafePointer<UInt8>)
        -> (message: String, position: Position, texts: [String])? {
        let width = csvFieldOfCell.count
        let texts = (0..<count).map { cells[$0].text(p) }
        if count == width + 1, let k = decimalComma(cells, count: count, p), let f = csvFieldOfCell[k] {
            let whole = texts[k], fraction = texts[k + 1]
            return ("\(schema.fields[f].name) \(whole),\(fraction) looks like a decimal comma, which splits the row into "
                        + "\(count) cells for the header's \(width); write \(whole).\(fraction)",
                    cells[k].position, Array(texts[..<k]) + ["\(whole).\(fraction)"] + Array(texts[(k + 2)...]))
        }
        if count < width {
            let split = texts.flatMap { $0.split(separator: ";", omittingEmptySubsequences: false).map(String.init) }
            if split.count == width {
                return ("the cells of this row are separated by ';' but the header's by ','; write ',' between cells "
                            + "(and quote a cell that holds a ',')",
                        cells[0].position, split)
            }
        }
        return nil
    }

    /// The cell `k` where joining cells k and k+1 with a point makes a row whose every cell
    /// has its field's type, with a number field at k: `…,427,07,…` for `427.07`.
    private func decimalComma(_ cells: [CSVCell], count: Int, _ p: UnsafePointer<UInt8>) -> Int? {
        func digits(_ cell: CSVCell, signed: Bool) -> Bool {
            var bytes = cell.bytes(p)[...]
            if signed, bytes.first == 0x2D { bytes = bytes.dropFirst() }
            return !bytes.isEmpty && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
        }
        func fits(_ cell: CSVCell, header h: Int) -> Bool {
            guard let f = csvFieldOfCell[h], cell.start < cell.end else { return true }
            if case .success = ValueConverter.convert(.cell(cell.text(p)), to: types[f], field: "") { return true }
            return false
        }
        for k in 0..<(count - 1) {
            guard let f = csvFieldOfCell[k], case .number = types[f],
                  digits(cells[k], signed: true), digits(cells[k + 1], signed: false) else { continue }
            if (0..<k).allSatisfy({ fits(cells[$0], header: $0) })
                && ((k + 2)..<count).allSatisfy({ fits(cells[$0], header: $0 - 1) }) {
                return k
            }
        }
        return nil
    }
}
