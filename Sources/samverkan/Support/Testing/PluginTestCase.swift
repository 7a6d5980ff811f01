import SamverkanCore
import SamverkanLua

/// One case of a test file (`NAME_test.lua` returns a list of them), as `samverkan test`
/// runs it: which plugin, on which data, with which parameters, expecting what.
struct PluginTestCase {
    var name: String
    /// The plugin's name: the case's `plugin`, else the test file's own (`x_test.lua` → x).
    var plugin: String
    /// The file beside the test, when the case names no other plugin.
    var besideFile: PluginFile?
    var data: TestData
    /// `params` as `-p name=value` would give them, so they are checked the same way.
    var assignments: [String]
    /// `locale`: the conventions of `fmt` and the rendered text. Swedish unless the case
    /// says otherwise, so a test passes whatever `--locale` the run has.
    var locale: OutputLocale = .sv
    var expect: Expectation
    /// The test file and the line of the case (where its name is written).
    var location: SourceLocation
    /// What is wrong with the case as written; a case with problems fails without running.
    var problems: [String] = []
}

/// The data a case runs on.
enum TestData {
    /// The data in use (`--data`, `SAMVERKAN_DATA`, ./data, the shipped data).
    case inUse
    /// A data folder, relative to the test file.
    case folder(String)
    /// Records written in the test, per collection; the schema of the data in use types
    /// them, and the collections not named keep the records of the data in use.
    case inline([String: LuaData])
}

/// What a case expects. Which keys apply depends on the plugin's kind.
struct Expectation {
    /// The keys the case wrote in `expect` (the kind checks read them).
    var given: Set<String> = []
    var keys: [String]?
    /// Rows of a filter: field path → value, for the paths each row names.
    var rows: [[String: LuaData]]?
    var count: Int?
    var findings: [ExpectedFinding]?
    var text: String?
    var contains: [String]?
    /// Text the report must not contain.
    var excludes: [String]?
    var error: ExpectedError?
}

struct ExpectedFinding {
    /// rule, severity, collection, key, field → the value; message → a Lua pattern.
    var attributes: [String: String]
}

struct ExpectedError {
    enum Kind: String, CaseIterable {
        case usage
        case invalidPlugin = "invalid plugin"
        case script
    }

    var kind: Kind
    /// A Lua pattern the message must match.
    var message: String?
}

/// The keys of a case, of its expectation and of an expected finding, declared once: the
/// parser checks against them and `docs/testing.md` lists them.
enum PluginTestKeys {
    static let testCase = ["name", "plugin", "data", "params", "locale", "expect"]
    /// Each expectation key and the plugin kinds it applies to (nil: every kind).
    static let expect: [(key: String, kinds: Set<PluginKind>?)] = [
        ("keys", [.filter]), ("rows", [.filter]), ("count", [.filter, .validation]),
        ("findings", [.validation]), ("text", [.report]), ("contains", [.report]), ("excludes", [.report]),
        ("error", nil), ("message", nil),
    ]
    static let finding = ["rule", "severity", "collection", "key", "field", "message"]
}

/// Why a test file, or the data of a case, cannot be used as written.
struct TestProblem: Error {
    let message: String

    init(_ message: String) { self.message = message }
}
