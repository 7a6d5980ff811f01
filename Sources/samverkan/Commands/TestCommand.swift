import ArgumentParser
import Foundation
import SamverkanCore
import SamverkanLua

/// `samverkan test [PATH…]` — runs the plugin tests (`NAME_test.lua` beside each plugin).
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test", abstract: "Run plugin tests: the cases of each NAME_test.lua beside its plugin.",
        discussion: """
            With no PATH, runs every test on the plugin path. A PATH is a test file, a plugin
            (its test beside it) or a folder (every test under it). See docs/testing.md.
            Exit 0 when every case passes, 1 when one fails, 2 on a usage error.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("Test files, plugins or folders.", valueName: "PATH"))
    var paths: [String] = []

    @Option(help: "Output format: text or junit (JUnit XML, for CI).")
    var format: TestFormat = .text

    @Option(name: .customShort("o"), help: ArgumentHelp("Write to FILE (atomically) instead of stdout.", valueName: "FILE"))
    var output: String?

    func run() throws {
        let files = try testFiles()
        let dataInUse = try global.dataDirectory()
        let runner = PluginTestRunner(global: global, data: PluginTestData(dataInUse: dataInUse))
        // Test files are read in a state of their own, on the data in use.
        let reader = try ScriptRunner.makeRuntime(kb: KnowledgeBaseLoader.load(directory: dataInUse), global: global)
        let streaming = format == .text && output == nil
        var results: [TestFileResult] = []
        for file in files {
            let result = Self.run(file, runner: runner, reader: reader)
            if streaming { global.console.out(result.results.map(TestReport.line).joined()) }
            results.append(result)
        }
        let text = switch format {
        case .text: (streaming ? "" : results.flatMap(\.results).map(TestReport.line).joined()) + TestReport.summary(results)
        case .junit: TestReport.junit(results)
        }
        if let output { try AtomicFile.write(text, to: output) } else { global.console.out(text) }
        if results.contains(where: { $0.failed > 0 }) { throw ExitCode(ExitStatus.findings.rawValue) }
    }

    /// Every case of one test file; a file that cannot be read is one failed case.
    private static func run(_ file: String, runner: PluginTestRunner, reader: LuaRuntime) -> TestFileResult {
        let context = PluginTestFiles.context(of: file)
        var result = TestFileResult(file: file, plugin: context.beside?.name)
        switch cases(in: file, beside: context.beside, reader: reader) {
        case .failure(let problem):
            result.results.append(TestCaseResult(
                name: "(the test file)", plugin: context.beside?.name ?? (file as NSString).lastPathComponent,
                location: SourceLocation(file: file, line: problem.line ?? 1, column: 1),
                outcome: .failed(problem.problem.message.split(separator: "\n").map(String.init))))
        case .success(let cases):
            for testCase in cases {
                result.results.append(TestCaseResult(name: testCase.name, plugin: testCase.plugin, location: testCase.location,
                                                     outcome: runner.run(testCase, pluginRoot: context.root)))
            }
        }
        return result
    }

    /// The test files to run, in order, each once.
    private func testFiles() throws(CLIFailure) -> [String] {
        var files: [String] = []
        if paths.isEmpty {
            files = PluginTestFiles.onPluginPath(global.pluginFolders)
            guard !files.isEmpty else {
                throw CLIFailure.usage("no tests on the plugin path (\(global.pluginFolders.joined(separator: ", "))); "
                    + "write NAME_test.lua beside a plugin (docs/testing.md), or `samverkan new` writes one with its plugin")
            }
        }
        for path in paths {
            guard let named = PluginTestFiles.named(path) else {
                throw CLIFailure.usage("'\(path)' is neither a test file, a plugin nor a folder")
            }
            guard !named.isEmpty else {
                throw CLIFailure.usage("no tests in '\(path)'; a test is a file NAME_test.lua beside the plugin NAME.lua")
            }
            files += named
        }
        var seen = Set<String>()
        return files.filter { seen.insert(URL(fileURLWithPath: $0).standardizedFileURL.path).inserted }
    }

    /// The cases a test file returns, or why it cannot be read (a syntax error, not a list).
    private static func cases(in file: String, beside: PluginFile?, reader: LuaRuntime)
        -> Result<[PluginTestCase], LocatedProblem> {
        let value: LuaData
        do { value = try reader.evaluateFile(file) } catch {
            if let lua = error.lua, lua.chunk == file { return .failure(LocatedProblem(TestProblem(lua.text), line: lua.line)) }
            return .failure(LocatedProblem(TestProblem(error.message), line: nil))
        }
        let source = FileManager.default.contents(atPath: file).map { String(decoding: $0, as: UTF8.self) } ?? ""
        return PluginTestParser(file: file, source: source, besideFile: beside).cases(from: value)
            .mapError { LocatedProblem($0, line: nil) }
    }
}

/// A problem with a test file and the line it is at, when known.
struct LocatedProblem: Error {
    let problem: TestProblem
    let line: Int?

    init(_ problem: TestProblem, line: Int?) {
        self.problem = problem
        self.line = line
    }
}

enum TestFormat: String, CaseIterable, ExpressibleByArgument {
    case text
    case junit
}
