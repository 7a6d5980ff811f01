import SamverkanCore

/// The JSON reader on arbitrary bytes: it may report anything, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    let table = JSONReader.read(bytes, file: "fuzz.json")
    var count = table.records.count
    for record in table.records { count &+= record.fields.count }
    for diagnostic in table.diagnostics { count &+= diagnostic.formatted.utf8.count }
    return count == -1 ? 1 : 0
}
