@_spi(Fuzzing) import SamverkanCore
import Foundation

/// A collection with a field of each type a workbook cell can become.
let collection: CollectionSchema = {
    let (schema, _) = SchemaLoader.load(text: """
        collections:
          hospitals:
            file: sjukhus.xlsx
            key: code
            fields:
              code: { type: string }
              beds: { type: integer, minimum: 0 }
              share: { type: number }
              open: { type: boolean }
              opened: { type: date }
              tags: { type: list, items: string }
        """, file: "schema.yaml")
    return schema.collections[0]
}()

let path = NSTemporaryDirectory() + "fuzz-xlsx-\(getpid()).xlsx"

/// Bytes as an .xlsx workbook (zip, then SpreadsheetML): any diagnostic, never a crash,
/// a hang, or memory beyond the reader's limits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzWorkbook(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Data(bytes: $0, count: size) } ?? Data()
    // The reader reads workbooks from files (as a load does).
    guard FileManager.default.createFile(atPath: path, contents: bytes) else { return 0 }
    let table = KnowledgeBaseLoader.readWorkbook(path: path, collection, file: "sjukhus.xlsx")
    var count = table.records.count
    for diagnostic in table.diagnostics { count &+= diagnostic.formatted.utf8.count }
    return count == -1 ? 1 : 0
}
