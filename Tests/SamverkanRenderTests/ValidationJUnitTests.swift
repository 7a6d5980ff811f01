import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SamverkanCore
import Testing
@testable import SamverkanRender

/// One element XMLParser reported: its name, attributes and text.
struct ValidationParsedElement {
    var name: String
    var attributes: [String: String]
    var text = ""
}

/// Parses XML with Foundation's XMLParser; `elements` in document order.
final class ValidationParsedXML: NSObject, XMLParserDelegate {
    var elements: [ValidationParsedElement] = []
    private var open: [Int] = []
    var error: Error?

    /// Parses `xml`; nil when it is not well-formed.
    static func parse(_ xml: String) -> ValidationParsedXML? {
        let result = ValidationParsedXML()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = result
        return parser.parse() ? result : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        open.append(elements.count)
        elements.append(ValidationParsedElement(name: name, attributes: attributes))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let index = open.last { elements[index].text += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func named(_ name: String) -> [ValidationParsedElement] { elements.filter { $0.name == name } }
}

@Suite struct ValidationJUnitTests {
    private func junit(_ report: ValidationReport) -> String {
        renderValidation(report, as: .junit, options: RenderOptions(locale: .sv))
    }

    @Test func theParserRejectsMalformedXML() {
        #expect(ValidationParsedXML.parse("<a>&</a>") == nil)
        #expect(ValidationParsedXML.parse("<a b=\"<\"/>") == nil)
        #expect(ValidationParsedXML.parse("<a>\u{01}</a>") == nil)
        #expect(ValidationParsedXML.parse("<a>ok</a>") != nil)
    }

    @Test func oneTestCasePerRuleWithCounts() throws {
        let xml = junit(ValidationSamples.crashed)
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"samverkan validate\" "))
        #expect(xml.hasSuffix("</testsuites>\n"))
        let doc = try #require(ValidationParsedXML.parse(xml))
        let suites = try #require(doc.named("testsuites").first)
        #expect(suites.attributes == ["name": "samverkan validate", "tests": "10", "failures": "3", "errors": "1"])
        let suite = try #require(doc.named("testsuite").first)
        #expect(suite.attributes["name"] == "samverkan")
        #expect(suite.attributes["tests"] == "10")
        let cases = doc.named("testcase")
        #expect(cases.count == 10)
        #expect(cases.allSatisfy { $0.attributes["classname"] == "samverkan.validate" })
        #expect(cases.map { $0.attributes["name"] ?? "" } == ValidationSamples.rules.map(\.id) + ["broken"])
        let failures = doc.named("failure")
        #expect(failures.map { $0.attributes["type"] } == ["error", "warning", "error"])
        #expect(failures.allSatisfy { $0.attributes["message"] == "1 finding" })
        #expect(failures[0].text == ValidationSamples.minimum.formatted)
        let error = try #require(doc.named("error").first)
        #expect(error.attributes["message"] == "the rule failed: \(ValidationSamples.crash.message)")
        #expect(error.text == ValidationSamples.crash.traceback)
    }

    @Test func passingRulesAreEmptyTestCases() throws {
        let xml = junit(ValidationSamples.clean)
        #expect(xml.contains("    <testcase classname=\"samverkan.validate\" name=\"rule-1\"/>\n"))
        let doc = try #require(ValidationParsedXML.parse(xml))
        #expect(doc.named("testcase").count == 12)
        #expect(doc.named("failure").isEmpty && doc.named("error").isEmpty)
        #expect(doc.named("testsuites").first?.attributes["failures"] == "0")
    }

    @Test func severalFindingsOfOneRuleShareOneFailure() throws {
        let second = Diagnostic(.warning, rule: "schema.minimum", "area -1 is below the minimum 0",
                                at: SourceLocation(file: "data/municipalities.csv", line: 2, column: 9))
        var report = ValidationSamples.findings
        report.diagnostics.append(second)
        let doc = try #require(ValidationParsedXML.parse(junit(report)))
        let failure = try #require(doc.named("failure").first)
        #expect(failure.attributes["message"] == "2 findings")
        #expect(failure.attributes["type"] == "error")
        #expect(failure.text == second.formatted + "\n" + ValidationSamples.minimum.formatted)
    }

    @Test func escapingKeepsTheXMLWellFormed() throws {
        let crash = FailedRule(id: "odd,rule:x", message: "bad <\"'&'\">\u{07}\nnext", traceback: "at <main> & \u{1B}[0m")
        let report = ValidationReport(diagnostics: [ValidationSamples.awkward], failedRules: [crash])
        let xml = junit(report)
        let doc = try #require(ValidationParsedXML.parse(xml))
        #expect(doc.named("testcase").first?.attributes["name"] == "odd,rule:x")
        let failure = try #require(doc.named("failure").first)
        let stripped = ValidationSamples.awkward.formatted.replacingOccurrences(of: "\u{01}\u{0B}", with: "")
        #expect(failure.text == stripped)
        let error = try #require(doc.named("error").first)
        #expect(error.attributes["message"] == "the rule failed: bad <\"'&'\">\nnext")
        #expect(error.text == "at <main> & [0m")
    }

    @Test(arguments: [
        ("a & b", "a &amp; b", "a &amp; b"),
        ("<x>", "&lt;x&gt;", "&lt;x&gt;"),
        ("\"q\" 'a'", "\"q\" 'a'", "&quot;q&quot; &apos;a&apos;"),
        ("l1\nl2\tx\r", "l1\nl2\tx&#13;", "l1&#10;l2&#9;x&#13;"),
        ("a\u{00}\u{08}\u{1F}\u{FFFE}\u{FFFF}b", "ab", "ab"),
        ("på Å 😀", "på Å 😀", "på Å 😀"),
    ])
    func xmlEscaping(_ raw: String, _ text: String, _ attribute: String) {
        #expect(ValidationXMLEscaping.text(raw) == text)
        #expect(ValidationXMLEscaping.attribute(raw) == attribute)
    }
}
