import Foundation
import Testing

/// Hostile scripts (Tests/Fixtures/hostile/*.lua): each ends with a clear message and the
/// documented exit code, never a crash or a hang, and the next run works as before.
///
/// Each script states its outcome in its leading comments:
///
///     -- expect: exit 4            (or `exit 0 or 4` where either is right, e.g. output floods)
///     -- stderr: TEXT              the first stderr line of a failing run contains TEXT
///     -- stdout: TEXT              stdout contains TEXT (repeatable; \t and \n are escapes)
///     -- timeout: SECONDS          instead of 1 s, for scripts meant to end at the memory limit:
///                                  a slow (sanitizer) build must not turn that into a timeout
@Suite struct HostileScriptTests {
    static let folder = CLI.fixture("hostile")

    static let scripts: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".lua") }.sorted()
    }()

    /// What a script's header expects.
    struct Expectation {
        var exitCodes: [Int32] = []
        var stderr: String?
        var stdout: [String] = []
        var timeout = 1

        init(header text: String) {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                guard line.hasPrefix("--") else { break }
                if let value = Self.value(line, "-- expect: exit ") {
                    exitCodes = value.components(separatedBy: " or ").compactMap { Int32($0) }
                } else if let value = Self.value(line, "-- stderr: ") {
                    stderr = value
                } else if let value = Self.value(line, "-- stdout: ") {
                    stdout.append(value)
                } else if let value = Self.value(line, "-- timeout: "), let seconds = Int(value) {
                    timeout = seconds
                }
            }
        }

        private static func value(_ line: Substring, _ prefix: String) -> String? {
            guard line.hasPrefix(prefix) else { return nil }
            return String(line.dropFirst(prefix.count))
                .replacingOccurrences(of: "\\t", with: "\t").replacingOccurrences(of: "\\n", with: "\n")
        }
    }

    @Test func thereAreAtLeastFortyScripts() {
        #expect(Self.scripts.count >= 40)
    }

    @Test(arguments: scripts)
    func hostileScriptEndsAsDocumented(_ name: String) throws {
        let path = (Self.folder as NSString).appendingPathComponent(name)
        let expected = Expectation(header: try String(contentsOfFile: path, encoding: .utf8))
        try #require(!expected.exitCodes.isEmpty, "\(name) has no '-- expect: exit N' line")

        // 1 s timeout (unless the script says), 2 s grace for the last resort: nothing may take much longer.
        let result = try CLI.run(["run", "--data", CLI.fixture("kb"), "--timeout", "\(expected.timeout)", "--memory-limit", "64", path],
                                 killAfter: Double(expected.timeout) + 30)
        #expect(!result.killed, "\(name) hung")
        #expect(expected.exitCodes.contains(result.status),
                "\(name) exited \(result.status): \(result.stderr.prefix(500))")
        let firstLine = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        if result.status != 0 {
            #expect(firstLine.hasPrefix("error: "), "\(name): \(firstLine.prefix(300))")
            if let stderr = expected.stderr {
                #expect(firstLine.contains(stderr), "\(name): \(firstLine.prefix(300))")
            }
        }
        for text in expected.stdout {
            #expect(result.stdout.contains(text), "\(name): stdout \(result.stdout.prefix(300)) lacks \(text)")
        }

        // Nothing the script did persists: the next run of a trivial script works.
        let next = try CLI.runScript("print(#kb.municipalities, 'ok')", options: ["--timeout", "5"])
        #expect(next.status == 0)
        #expect(next.stdout == "9\tok\n")
    }
}
