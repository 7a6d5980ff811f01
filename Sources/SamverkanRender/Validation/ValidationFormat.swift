import SamverkanCore

/// The output formats of `samverkan validate --format` (SPEC §7.1, §7.4).
public enum ValidationFormat: String, Sendable, CaseIterable {
    /// Compiler-style lines, `file:line:col: severity[rule]: message`, then a summary.
    case text
    /// One object per finding, the crashed rules and a summary (docs/validate.md).
    case json
    /// JUnit XML: one test case per rule, for CI test reports.
    case junit
    /// SARIF 2.1.0, for code-scanning tools.
    case sarif
    /// GitHub Actions workflow commands (`::error file=…::…`), then a summary.
    case github
    /// One self-contained data-quality page (no network) a publisher can attach.
    case html

    /// The format `-o FILE` means by its extension when `--format` is not given.
    public static let byExtension: [String: ValidationFormat] = [
        "txt": .text, "json": .json, "xml": .junit, "sarif": .sarif, "html": .html, "htm": .html,
    ]
}

/// Renders a validation run in `format`; every format ends with a line break.
///
/// Findings come out sorted by file, line and column (those without a location first).
/// Only `text` uses `options.color`; `text` and `github` write the summary's numbers
/// for `options.locale`, the machine formats keep them raw.
public func renderValidation(_ report: ValidationReport, as format: ValidationFormat, options: RenderOptions) -> String {
    switch format {
    case .text: ValidationTextRenderer(report: report, options: options).render()
    case .json: ValidationJSONRenderer(report: report).render()
    case .junit: ValidationJUnitRenderer(report: report).render()
    case .sarif: ValidationSARIFRenderer(report: report).render()
    case .github: ValidationGitHubRenderer(report: report, options: options).render()
    case .html: ValidationHTMLRenderer(report: report, options: options).render()
    }
}
