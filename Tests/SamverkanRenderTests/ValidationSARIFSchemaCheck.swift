import Foundation
import Testing

/// Checks SARIF logs against the official SARIF 2.1.0 JSON schema
/// (Tests/Fixtures/sarif/sarif-2.1.0.json) with python3 and its `jsonschema` package,
/// installing `jsonschema` with pip first when it is missing.
enum ValidationSARIFSchemaCheck {
    /// The schema, found from this file (Tests/SamverkanRenderTests/…).
    static let schemaPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sarif/sarif-2.1.0.json").path

    /// Prints one line per schema violation and exits 1 when there are any;
    /// exits 3 when jsonschema can be neither imported nor installed.
    private static let script = """
        import importlib, json, subprocess, sys
        try:
            import jsonschema
        except ImportError:
            subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "jsonschema"], check=False)
            importlib.invalidate_caches()
            try:
                import jsonschema
            except ImportError:
                print("jsonschema is not installed and pip could not install it")
                sys.exit(3)
        with open(sys.argv[1], encoding="utf-8") as f:
            schema = json.load(f)
        with open(sys.argv[2], encoding="utf-8") as f:
            log = json.load(f)
        validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)
        errors = sorted(validator.iter_errors(log), key=lambda e: [str(p) for p in e.absolute_path])
        for e in errors:
            print("/".join(str(p) for p in e.absolute_path) + ": " + e.message)
        sys.exit(1 if errors else 0)
        """

    /// The schema violations in `sarif` (empty when it is valid). Records an issue, so the
    /// calling test fails, when python3 or jsonschema cannot be had: a check that could
    /// not run must not pass.
    static func violations(in sarif: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
        let log = FileManager.default.temporaryDirectory
            .appendingPathComponent("samverkan-sarif-\(UUID().uuidString).json")
        try Data(sarif.utf8).write(to: log)
        defer { try? FileManager.default.removeItem(at: log) }

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, schemaPath, log.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = text.split(separator: "\n").map(String.init)
        switch process.terminationStatus {
        case 0: return []
        case 1 where !lines.isEmpty: return lines
        case 127:
            Issue.record("python3 is not available, so the SARIF output could not be checked against its schema",
                         sourceLocation: sourceLocation)
        default:
            Issue.record("the SARIF schema check could not run (exit \(process.terminationStatus)): \(text)",
                         sourceLocation: sourceLocation)
        }
        return ["(not checked)"]
    }
}
