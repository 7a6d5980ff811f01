import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Event-by-event reading of a workbook part with Foundation's XMLParser: elements by
/// local name (a workbook may or may not prefix SpreadsheetML's namespace), their
/// attributes, and the text inside them. External entities are never resolved, and
/// `WorkbookArchive` refuses any part with a document type before it gets here.
final class WorkbookXML: NSObject, XMLParserDelegate {
    /// Called at each start tag with its local name and attributes, at each end tag with
    /// its local name and the text it held (since the last start or end tag).
    private let start: (String, [String: String]) -> Void
    private let end: (String, String) -> Void
    private var text = ""
    private(set) var error: String?

    private init(start: @escaping (String, [String: String]) -> Void, end: @escaping (String, String) -> Void) {
        self.start = start
        self.end = end
    }

    /// Reads `data`; nil when it is well-formed, else what is wrong and where.
    static func read(_ data: Data, start: @escaping (String, [String: String]) -> Void,
                     end: @escaping (String, String) -> Void = { _, _ in }) -> String? {
        let reader = WorkbookXML(start: start, end: end)
        // From a stream: Foundation's XMLParser(data:) fails at the end of a document of
        // more than about 10 MB (a large sheet) after delivering all of it; in chunks it does not.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = reader
        if !parser.parse() {
            return reader.error ?? "the XML is not well-formed at line \(parser.lineNumber); save the file again from Excel"
        }
        return nil
    }

    private static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        text = ""
        var plain: [String: String] = [:]
        for (key, value) in attributes { plain[key.hasPrefix("xmlns") ? key : Self.local(key)] = value }
        start(Self.local(elementName), plain)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        end(Self.local(elementName), text)
        text = ""
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        text += string
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        // Foundation's own words for it are "The operation could not be completed"; its code says more.
        if error == nil {
            error = "the XML is not well-formed at line \(parser.lineNumber), column \(parser.columnNumber) "
                + "(XMLParser error \((parseError as NSError).code)); save the file again from Excel"
        }
    }
}
