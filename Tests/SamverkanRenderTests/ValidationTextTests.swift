import SamverkanCore
import Testing
@testable import SamverkanRender

@Suite struct ValidationTextTests {
    @Test func swedishWithoutColour() {
        let text = renderValidation(ValidationSamples.findings, as: .text, options: RenderOptions(locale: .sv))
        #expect(text == """
            error[coverage]: no priority for 2025 (priorities, scripts/validations/coverage.lua:8)
            data/municipalities.csv:14:23: error[schema.minimum]: population -5 is below the minimum 0 (municipalities[1214])
            data/regions.yaml:31:5: warning[population-claim]: Skåne has 1 421 781 inhabitants, not 1 400 000 (regions[12], scripts/validations/population-claim.lua:12)
            2 errors, 1 warning in 1 014 records (9 rules)

            """)
    }

    @Test func englishWithoutColour() {
        let text = renderValidation(ValidationSamples.findings, as: .text, options: RenderOptions(locale: .en))
        #expect(text.hasSuffix("\n2 errors, 1 warning in 1,014 records (9 rules)\n"))
        #expect(text.split(separator: "\n").count == 4)
    }

    @Test func colourPaintsOnlyTheSeverityAndRule() {
        let text = renderValidation(ValidationSamples.findings, as: .text, options: RenderOptions(locale: .en, color: true))
        let red = "\u{1B}[1;31m", yellow = "\u{1B}[1;33m", reset = "\u{1B}[0m"
        #expect(text == """
            \(red)error[coverage]\(reset): no priority for 2025 (priorities, scripts/validations/coverage.lua:8)
            data/municipalities.csv:14:23: \(red)error[schema.minimum]\(reset): population -5 is below the minimum 0 (municipalities[1214])
            data/regions.yaml:31:5: \(yellow)warning[population-claim]\(reset): Skåne has 1 421 781 inhabitants, not 1 400 000 (regions[12], scripts/validations/population-claim.lua:12)
            2 errors, 1 warning in 1,014 records (9 rules)

            """)
    }

    @Test func crashedRuleIsItsOwnLineWithTheTracebackIndented() {
        let text = renderValidation(ValidationSamples.crashed, as: .text, options: RenderOptions(locale: .sv))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).suffix(5)
        #expect(Array(lines) == [
            "error[broken]: the rule failed: scripts/validations/broken.lua:3: attempt to index a nil value (local 'r')",
            "    stack traceback:",
            "    \tscripts/validations/broken.lua:3: in main chunk",
            "2 errors, 1 warning in 1 014 records (10 rules); 1 rule failed",
            "",
        ])
    }

    @Test func cleanRun() {
        let text = renderValidation(ValidationSamples.clean, as: .text, options: RenderOptions(locale: .sv))
        #expect(text == "0 errors, 0 warnings in 5 777 records (12 rules)\n")
    }

    @Test func lineBreaksInAMessageIndentTheFollowingLines() {
        let report = ValidationReport(diagnostics: [ValidationSamples.awkward], recordCount: 1, rules: [RuleInfo(id: "odd,rule:x")])
        let text = renderValidation(report, as: .text, options: RenderOptions(locale: .en))
        #expect(text == """
            data/my file, v2:x å.csv:3:7: warning[odd,rule:x]: line one
                line two
                100% <sure> & "quoted" 'single', a:b, på Å␁␋end (areas[a&b])
            0 errors, 1 warning in 1 record (1 rule)

            """)
    }

    /// (errors, warnings, records, rules, crashed rules, locale) → the summary line.
    @Test(arguments: [
        (0, 0, 5777, 12, 0, OutputLocale.sv, "0 errors, 0 warnings in 5 777 records (12 rules)"),
        (2, 1, 1014, 9, 0, .sv, "2 errors, 1 warning in 1 014 records (9 rules)"),
        (1, 1, 1, 1, 1, .sv, "1 error, 1 warning in 1 record (1 rule); 1 rule failed"),
        (0, 3, 0, 3, 2, .en, "0 errors, 3 warnings in 0 records (3 rules); 2 rules failed"),
        (1234, 0, 1_421_781, 2, 0, .en, "1,234 errors, 0 warnings in 1,421,781 records (2 rules)"),
        (1234, 0, 1_421_781, 2, 0, .sv, "1 234 errors, 0 warnings in 1 421 781 records (2 rules)"),
    ])
    func summaryGrammar(_ errors: Int, _ warnings: Int, _ records: Int, _ rules: Int, _ failed: Int,
                        _ locale: OutputLocale, _ expected: String) {
        let diagnostics = Array(repeating: Diagnostic(.error, rule: "rule-1", "e"), count: errors)
            + Array(repeating: Diagnostic(.warning, rule: "rule-1", "w"), count: warnings)
        let report = ValidationReport(
            diagnostics: diagnostics, recordCount: records,
            rules: (1...rules).map { RuleInfo(id: "rule-\($0)") },
            failedRules: (0..<failed).map { FailedRule(id: "rule-\($0 + 1)", message: "boom") })
        #expect(ValidationSummary(report: report, locale: locale).line == expected)
    }
}
