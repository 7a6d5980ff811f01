import Foundation
import Testing

/// docs/tutorial.md and the README's "Write your own" run as they are written: each
/// ```lua file=PATH block is written to PATH, each `$ command` of a ```console block runs
/// (in a fresh folder, in order) and prints exactly the lines under it, stdout then stderr,
/// and exits 0 unless the line ends with `# exits N`. So the pages cannot drift.
@Suite struct TutorialTests {
    @Test func theTutorialRunsAsWritten() throws {
        try Self.check(try String(contentsOf: CLI.root.appendingPathComponent("docs/tutorial.md"), encoding: .utf8),
                       page: "docs/tutorial.md")
    }

    @Test func theReadmesWriteYourOwnRunsAsWritten() throws {
        let readme = try String(contentsOf: CLI.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.range(of: "\n## Write your own\n"))
        let rest = readme[section.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        try Self.check(String(rest[..<end]), page: "README.md")
    }

    /// One step of a page: a file to write, or a command and what it prints.
    private enum Step {
        case file(path: String, text: String)
        case command(String, output: String, status: Int32, line: Int)
    }

    private static func steps(of page: String) -> [Step] {
        let lines = page.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var steps: [Step] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.hasPrefix("```lua file=") {
                let path = String(line.dropFirst("```lua file=".count))
                let end = lines[(i + 1)...].firstIndex(of: "```") ?? lines.count
                steps.append(.file(path: path, text: lines[(i + 1)..<end].joined(separator: "\n") + "\n"))
                i = end + 1
            } else if line == "```console" {
                i += 1
                while i < lines.count, lines[i] != "```" {
                    let start = i
                    var command = String(lines[i].dropFirst(2))
                    var status: Int32 = 0
                    if let mark = command.range(of: #"\s+# exits (\d+)$"#, options: .regularExpression) {
                        status = Int32(command[mark].split(separator: " ").last ?? "") ?? -1
                        command = String(command[..<mark.lowerBound])
                    }
                    i += 1
                    var output: [String] = []
                    while i < lines.count, lines[i] != "```", !lines[i].hasPrefix("$ ") {
                        output.append(lines[i])
                        i += 1
                    }
                    steps.append(.command(command, output: output.joined(separator: "\n"), status: status, line: start + 1))
                }
                i += 1
            } else {
                i += 1
            }
        }
        return steps
    }

    private static func check(_ page: String, page name: String) throws {
        let folder = CLI.emptyFolder()
        let steps = steps(of: page)
        #expect(steps.contains { if case .command = $0 { true } else { false } }, "\(name) has no commands")
        // The shipped data as the page shows it: installed under /usr/local/share/samverkan.
        let shipped = CLI.root.appendingPathComponent("data").path + "/"
        for step in steps {
            switch step {
            case .file(let path, let text):
                try CLI.write([path: text], under: folder)
            case .command(let command, let expected, let status, let line):
                let result = try shell(command, in: folder)
                var got = (result.stdout + result.stderr).replacingOccurrences(of: shipped, with: "/usr/local/share/samverkan/data/")
                if got.hasSuffix("\n") { got.removeLast() }
                #expect(got == expected, "\(name):\(line): \(command)")
                #expect(result.status == status, "\(name):\(line): \(command) exited \(result.status)")
            }
        }
    }

    /// Runs a command line as the page's reader would, with `samverkan` on the PATH.
    private static func shell(_ command: String, in folder: String) throws -> CLIResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        var environment = ProcessInfo.processInfo.environment
        for variable in ["SAMVERKAN_DATA", "SAMVERKAN_PATH", "NO_COLOR", "COLUMNS"] { environment.removeValue(forKey: variable) }
        let binaryFolder = (CLI.binary as NSString).deletingLastPathComponent
        environment["PATH"] = binaryFolder + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        process.environment = environment
        return try RunningCLI(process, stdin: "").wait()
    }
}
