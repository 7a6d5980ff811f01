@_spi(Fuzzing) import SamverkanCore

/// A collection with a field of every type and constraint a CSV cell can meet, so that the
/// fuzzer's header names reach every typed column of the builder.
let collection: CollectionSchema = {
    let (schema, _) = SchemaLoader.load(text: """
        collections:
          towns:
            file: towns.csv
            key: code
            fields:
              code: { type: string, pattern: "^[0-9]{4}$" }
              name: { type: string, required: true, min_length: 1, max_length: 40 }
              region: { type: ref, collection: towns }
              population: { type: integer, minimum: 0, maximum: 100000000 }
              share: { type: number, minimum: 0, maximum: 1 }
              coastal: { type: boolean }
              founded: { type: date }
              kind: { type: string, enum: [stad, ort] }
              tags: { type: list, items: string }
              years: { type: list, items: integer }
        """, file: "schema.yaml")
    return schema.collections[0]
}()

/// CSV bytes through the parser and the loader's typed columns (the path a real load
/// takes), and through the record reader: they may report anything, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = UnsafeRawBufferPointer(start: data, count: size)
    let (records, diagnostics) = KnowledgeBaseLoader.buildCSV(bytes, collection, file: "towns.csv")
    var count = records
    for diagnostic in diagnostics { count &+= diagnostic.formatted.utf8.count }
    let table = CSVReader.read(bytes, file: "fuzz.csv")
    count &+= table.records.count
    for record in table.records { count &+= record.fields.count }
    for diagnostic in table.diagnostics { count &+= diagnostic.formatted.utf8.count }
    return count == -1 ? 1 : 0
}
