import SamverkanCore
import Testing
@testable import SamverkanRender

@Suite struct ValidationGitHubTests {
    @Test func oneCommandPerFindingThenTheSummary() {
        let text = renderValidation(ValidationSamples.crashed, as: .github, options: RenderOptions(locale: .sv))
        #expect(text == """
            ::error title=coverage::no priority for 2025 (priorities, scripts/validations/coverage.lua:8)
            ::error file=data/municipalities.csv,line=14,col=23,title=schema.minimum::population -5 is below the minimum 0 (municipalities[1214])
            ::warning file=data/regions.yaml,line=31,col=5,title=population-claim::Skåne has 1 421 781 inhabitants, not 1 400 000 (regions[12], scripts/validations/population-claim.lua:12)
            ::error title=broken::the rule failed: scripts/validations/broken.lua:3: attempt to index a nil value (local 'r')%0Astack traceback:%0A\tscripts/validations/broken.lua:3: in main chunk
            2 errors, 1 warning in 1 014 records (10 rules); 1 rule failed

            """)
    }

    @Test func messagesAndPropertiesAreEscaped() {
        let report = ValidationReport(diagnostics: [ValidationSamples.awkward], recordCount: 2)
        let text = renderValidation(report, as: .github, options: RenderOptions(locale: .en))
        #expect(text == """
            ::warning file=data/my file%2C v2%3Ax å.csv,line=3,col=7,title=odd%2Crule%3Ax::line one%0Aline two%0D%0A100%25 <sure> & "quoted" 'single', a:b, på Å\u{01}\u{0B}end (areas[a&b])
            0 errors, 1 warning in 2 records (1 rule)

            """)
    }

    @Test(arguments: [
        ("50%", "50%25", "50%25"),
        ("a\r\nb", "a%0D%0Ab", "a%0D%0Ab"),
        ("x: y, z", "x: y, z", "x%3A y%2C z"),
        ("%0A", "%250A", "%250A"),
    ])
    func escapingRules(_ raw: String, _ data: String, _ property: String) {
        #expect(ValidationGitHubEscaping.data(raw) == data)
        #expect(ValidationGitHubEscaping.property(raw) == property)
    }
}
