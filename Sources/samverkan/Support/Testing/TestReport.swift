import SamverkanCore
import SamverkanRender

/// One case's result, as the report shows it.
struct TestCaseResult {
    let name: String
    let plugin: String
    let location: SourceLocation
    let outcome: TestOutcome

    var failed: Bool {
        if case .failed = outcome { return true }
        return false
    }
}

/// The results of one test file.
struct TestFileResult {
    let file: String
    let plugin: String?
    var results: [TestCaseResult] = []

    var failed: Int { results.filter(\.failed).count }
}

/// `samverkan test`'s output: a line per case and a diff under each failure, then
/// `N passed, M failed`; or JUnit XML, a suite per test file.
enum TestReport {
    static func line(_ result: TestCaseResult) -> String {
        switch result.outcome {
        case .passed:
            return "ok   \(result.plugin): \(result.name)\n"
        case .failed(let lines):
            return "FAIL \(result.plugin): \(result.name) (\(result.location.file):\(result.location.line))\n"
                + lines.map { "     " + $0 + "\n" }.joined()
        }
    }

    static func summary(_ files: [TestFileResult]) -> String {
        let all = files.flatMap(\.results)
        let failed = all.filter(\.failed).count
        return "\(all.count - failed) passed, \(failed) failed\n"
    }

    static func junit(_ files: [TestFileResult]) -> String {
        let all = files.flatMap(\.results)
        let attribute = ValidationXMLEscaping.attribute
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        xml += "<testsuites name=\"samverkan test\" tests=\"\(all.count)\" failures=\"\(all.filter(\.failed).count)\">\n"
        for file in files {
            let name = file.plugin ?? file.file
            xml += "  <testsuite name=\"\(attribute(name))\" tests=\"\(file.results.count)\" failures=\"\(file.failed)\" "
                + "file=\"\(attribute(file.file))\">\n"
            for result in file.results {
                xml += "    <testcase classname=\"\(attribute(result.plugin))\" name=\"\(attribute(result.name))\" "
                    + "file=\"\(attribute(result.location.file))\" line=\"\(result.location.line)\""
                switch result.outcome {
                case .passed:
                    xml += "/>\n"
                case .failed(let lines):
                    xml += ">\n      <failure message=\"\(attribute(lines.first ?? "failed"))\">"
                        + ValidationXMLEscaping.text(lines.joined(separator: "\n")) + "</failure>\n    </testcase>\n"
                }
            }
            xml += "  </testsuite>\n"
        }
        return xml + "</testsuites>\n"
    }
}
