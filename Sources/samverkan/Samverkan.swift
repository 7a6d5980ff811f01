import ArgumentParser
import Foundation

/// The root command: `samverkan <command> …`.
struct Samverkan: ParsableCommand {
    static let version = "0.1.0"

    /// The version and this very build (the executable's size and time): a snapshot of the
    /// data made by any other build is not used (KnowledgeBaseCache).
    static var buildIdentity: String {
        var status = stat()
        guard stat("/proc/self/exe", &status) == 0 else { return "samverkan \(version)" }
        return "samverkan \(version) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
    }

    static let configuration = CommandConfiguration(
        commandName: "samverkan",
        abstract: "A scriptable knowledge base for Regionsamverkan Sydsverige.",
        discussion: "Reports, filters and validations are Lua plugins; see README.md.",
        version: version,
        subcommands: [ListCommand.self, InfoCommand.self, ReportCommand.self, QueryCommand.self, ValidateCommand.self, TestCommand.self, RunCommand.self, ReplCommand.self, SchemaCommand.self, TypesCommand.self, NewCommand.self, APICommand.self])
}

/// Runs the command line and maps every outcome to the exit codes of SPEC §7.2.
@main
enum Main {
    static func main() {
        let status = LargeStack.run(runCommandLine)
        HeapReport.printIfAsked()
        fflush(nil)
        exit(status)
    }

    /// Parses the command line, runs the command and returns its exit status.
    static func runCommandLine() -> Int32 {
        let status: Int32
        do {
            var (words, scriptWords) = ScriptArguments.split(Array(CommandLine.arguments.dropFirst()))
            // `samverkan help api …` is the API reference (ArgumentParser's own `help` would
            // show the usage of the `api` command instead).
            if words.first == "help", words.dropFirst().first == "api" { words.removeFirst() }
            var command = try Samverkan.parseAsRoot(words)
            if let scriptWords, var run = command as? RunCommand {
                run.arguments = scriptWords
                command = run
            }
            try command.run()
            status = ExitStatus.success.rawValue
        } catch let failure as CLIFailure {
            for line in failure.lines { FileHandle.standardError.write(Data((line + "\n").utf8)) }
            status = failure.status.rawValue
        } catch {
            let code = Samverkan.exitCode(for: error)
            let message = Samverkan.fullMessage(for: error)
            if code == .success {
                print(message)
                status = 0
            } else if let exit = error as? ExitCode {
                status = exit.rawValue
            } else {
                // Parse and validation errors are usage errors: exit 2.
                FileHandle.standardError.write(Data((message + "\n").utf8))
                status = ExitStatus.usage.rawValue
            }
        }
        return status
    }
}
