import Foundation
import SamverkanCore
import SamverkanRender

/// The shipped boundaries, so maps are drawn (HTML) and named (text, Markdown).
let geometry = GeoJSONGeometry(dataDirectory: URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("data"))

/// Reads a report document out of arbitrary bytes: a byte picks each block's kind, strings
/// are length-prefixed bytes (any UTF-8, control characters, `|`, URLs), numbers are raw
/// 8-byte doubles (NaN, ±infinity, ±1e308, subnormals), so every renderer meets the edges.
struct ByteReader {
    var bytes: [UInt8]
    var index = 0

    mutating func byte() -> UInt8? {
        guard index < bytes.count else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func string() -> String {
        let length = Int(byte() ?? 0) * (Int(byte() ?? 0) % 4 + 1)
        let end = min(bytes.count, index + length)
        defer { index = end }
        return String(decoding: bytes[min(index, end)..<end], as: UTF8.self)
    }

    mutating func number() -> Double {
        var bits: UInt64 = 0
        for _ in 0..<8 { bits = bits << 8 | UInt64(byte() ?? 0) }
        return Double(bitPattern: bits)
    }

    mutating func format() -> ValueFormat { ValueFormat.allCases[Int(byte() ?? 0) % ValueFormat.allCases.count] }

    mutating func cell() -> Cell {
        switch (byte() ?? 0) % 5 {
        case 0: .missing
        case 1: .text(string())
        case 2: .integer(Int(truncatingIfNeeded: Int64(bitPattern: UInt64(number().bitPattern))))
        case 3: .number(number())
        default: .boolean((byte() ?? 0) & 1 == 1)
        }
    }

    mutating func block() -> Block? {
        guard let kind = byte() else { return nil }
        switch kind % 8 {
        case 0: return .title(string())
        case 1: return .heading(string())
        case 2: return .paragraph(string())
        case 3: return .list((0..<Int(byte() ?? 0) % 8).map { _ in string() })
        case 4: return .facts((0..<Int(byte() ?? 0) % 8).map { _ in Fact(label: string(), value: cell(), format: format()) })
        case 5:
            let columns = (0..<Int(byte() ?? 0) % 6).map { _ in Column(title: string(), format: format(), decimals: Int(byte() ?? 0) % 17 - 1) }
            let rows = (0..<Int(byte() ?? 0) % 12).map { _ in columns.map { _ in cell() } }
            return .table(Table(title: string(), columns: columns, rows: rows))
        case 6:
            let count = Int(byte() ?? 0) % 10
            return .chart(Chart(title: string(), labels: (0..<count).map { _ in string() },
                                values: (0..<count).map { _ in number() }, format: format(), decimals: Int(byte() ?? 0) % 17))
        default:
            let level: MapSpec.Level = (byte() ?? 0) & 1 == 0 ? .regions : .municipalities
            var values: [String: Double] = [:]
            for _ in 0..<Int(byte() ?? 0) % 10 {
                let code = (byte() ?? 0) & 1 == 0 ? ["06", "07", "08", "10", "12", "13"][Int(byte() ?? 0) % 6] : string()
                values[code] = number()
            }
            return .map(MapSpec(level: level, title: string(), values: values, format: format(), decimals: Int(byte() ?? 0) % 17))
        }
    }
}

/// An arbitrary document rendered in every format, at a width from the input: any output,
/// never a crash or a trap.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRender(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    var reader = ByteReader(bytes: data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    let widthByte = Int(reader.byte() ?? 0)
    let width: Int? = widthByte == 0 ? nil : widthByte
    let locale: OutputLocale = (reader.byte() ?? 0) & 1 == 0 ? .sv : .en
    var document = ReportDocument()
    while let block = reader.block(), document.blocks.count < 64 { document.blocks.append(block) }
    for format in ReportFormat.allCases {
        _ = render(document, as: format, options: RenderOptions(locale: locale, color: widthByte & 1 == 1, width: width),
                   geometry: geometry)
    }
    return 0
}
