// Placeholder until the location-keeping reader lands.
public enum CSVReader {
    public static func read(_ bytes: [UInt8], file: String) -> RawTable {
        var table = RawTable()
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        if lines.last == "" { lines.removeLast() }
        guard let header = lines.first else { return table }
        let names = header.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        var col = 1
        for n in names { table.headerPositions[n] = Position(line: 1, column: col); col += n.count + 1 }
        for (i, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            var fields: [(name: String, value: RawValue)] = []
            var c = 1
            for (j, cell) in line.split(separator: ",", omittingEmptySubsequences: false).enumerated() where j < names.count {
                fields.append((names[j], RawValue(cell.isEmpty ? .null : .cell(String(cell)), at: Position(line: i + 1, column: c))))
                c += cell.count + 1
            }
            table.records.append(RawRecord(position: Position(line: i + 1, column: 1), fields: fields))
        }
        return table
    }
}
