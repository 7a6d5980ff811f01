import SamverkanCore

/// schema.yaml text to a schema: it may report anything, never crash or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSchema(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let text = data.map { String(decoding: UnsafeBufferPointer(start: $0, count: size), as: UTF8.self) } ?? ""
    let (schema, diagnostics) = SchemaLoader.load(text: text, file: "schema.yaml")
    var count = schema.collections.count
    for collection in schema.collections { count &+= collection.fields.count &+ collection.relations.count }
    for diagnostic in diagnostics { count &+= diagnostic.formatted.utf8.count }
    return count == -1 ? 1 : 0
}
