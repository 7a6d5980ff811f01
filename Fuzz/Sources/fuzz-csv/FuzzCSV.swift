import SamverkanCore

/// The CSV reader on arbitrary bytes: it may report anything, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let table = CSVReader.read(UnsafeRawBufferPointer(start: data, count: size), file: "fuzz.csv")
    var count = table.records.count
    for record in table.records { count &+= record.fields.count }
    for diagnostic in table.diagnostics { count &+= diagnostic.formatted.utf8.count }
    return count == -1 ? 1 : 0
}
