import SamverkanCore

/// YAML text to records (a sequence of mappings, or one mapping when the first byte is odd):
/// it may report anything, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let single = data[0] & 1 == 1
    let text = String(decoding: UnsafeBufferPointer(start: data + 1, count: size - 1), as: UTF8.self)
    let table = YAMLRecordReader.read(text: text, file: "fuzz.yaml", single: single)
    var count = table.records.count
    for record in table.records { count &+= record.fields.count }
    for diagnostic in table.diagnostics { count &+= diagnostic.formatted.utf8.count }
    return count == -1 ? 1 : 0
}
