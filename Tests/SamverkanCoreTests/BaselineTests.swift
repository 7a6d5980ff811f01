import Foundation
import Testing
@testable import SamverkanCore

/// Fingerprints, and reading, writing and applying baselines.
@Suite struct BaselineTests {
    static let minimum = Diagnostic(.error, rule: "schema.minimum", "population -5 is below the minimum 0",
                                    at: SourceLocation(file: "data/municipalities.csv", line: 14, column: 23),
                                    collection: "municipalities", key: "1214", field: "population")

    /// Pinned: a baseline written by one version must match in the next.
    @Test func theFingerprintIsStableFromVersionToVersion() {
        #expect(Self.minimum.fingerprint == "6f259511ca938860")
    }

    @Test func theFingerprintIgnoresWhereTheFindingStandsAndHowNumbersAreWritten() {
        var moved = Self.minimum
        moved.location = SourceLocation(file: "elsewhere/municipalities.csv", line: 99, column: 1)
        moved.origin = "scripts/validations/x.lua:3"
        #expect(moved.fingerprint == Self.minimum.fingerprint)
        let sv = Diagnostic(.error, rule: "r", "total 2 700 000 of 10 587 710 = 24,74 % (first used on line 61)", collection: "c")
        let en = Diagnostic(.error, rule: "r", "total 2,700,000 of 10,587,710 = 24.74 % (first used on line 7)", collection: "c")
        #expect(sv.fingerprint == en.fingerprint)
        #expect(Diagnostic.stableMessage("duplicate code '1280' (first used on line 61)") == "duplicate code '1280' (first used on )")
        #expect(Diagnostic.stableMessage("2 474 473, 2017: 24,74 %") == "2474473, 2017: 2474 %")
        #expect(Diagnostic.stableMessage("outline 5") == "outline 5")
    }

    static let variants: [Diagnostic] = {
        let changes: [(inout Diagnostic) -> Void] = [
            { $0.key = "1215" }, { $0.rule = "schema.maximum" }, { $0.field = "area" }, { $0.collection = "regions" },
            { $0.message = "population -6 is below the minimum 0" },
        ]
        return changes.map { change in
            var d = minimum
            change(&d)
            return d
        }
    }()

    @Test(arguments: variants)
    func whatIdentifiesTheFindingChangesIt(_ other: Diagnostic) {
        #expect(other.fingerprint != Self.minimum.fingerprint)
    }

    @Test func aFindingWithoutCollectionIsNamedByItsFileNotItsFolder() {
        let a = Diagnostic(.error, rule: "schema.parse", "bad", at: SourceLocation(file: "data/x.yaml", line: 1, column: 1))
        let b = Diagnostic(.error, rule: "schema.parse", "bad", at: SourceLocation(file: "/tmp/other/data/x.yaml", line: 9, column: 1))
        let c = Diagnostic(.error, rule: "schema.parse", "bad", at: SourceLocation(file: "data/y.yaml", line: 1, column: 1))
        #expect(a.fingerprint == b.fingerprint)
        #expect(a.fingerprint != c.fingerprint)
    }

    @Test func whatIsWrittenReadsBackWithAwkwardMessages() throws {
        let awkward = Diagnostic(.warning, rule: "odd", "a \"quote\", a: colon\nand a line\tbreak \\ \u{01}\u{7F}\u{85}\u{2028}\u{FEFF}é", collection: "c", key: "#1")
        let text = BaselineWriter.text(for: [Self.minimum, awkward, Self.minimum])
        let (baseline, problems) = BaselineReader.read(text: text, file: "b.yaml")
        #expect(problems == [])
        let entries = try #require(baseline?.entries)
        #expect(entries.map(\.fingerprint) == [Self.minimum.fingerprint, awkward.fingerprint])
        #expect(entries[1].message == awkward.message)
        #expect(entries[1].key == "#1")
        #expect(entries[0].expires == nil)
        #expect(entries[0].reason == "")
        #expect(entries[0].location == SourceLocation(file: "b.yaml", line: 9, column: 5))
    }

    @Test func anEmptyRunWritesAnEmptyBaseline() {
        let text = BaselineWriter.text(for: [])
        #expect(text.hasSuffix("version: 1\nentries: []\n"))
        #expect(BaselineReader.read(text: text, file: "b.yaml").baseline?.entries == [])
    }

    @Test func applyingSuppressesExpiresAndFindsStaleEntries() {
        var accepted = BaselineEntry(Self.minimum)
        accepted.reason = "under review"
        var expired = BaselineEntry(Diagnostic(.error, rule: "r", "old", collection: "c", key: "1"))
        expired.expires = "2026-11-30"
        let stale = BaselineEntry(fingerprint: "0000000000000000", rule: "gone", message: "fixed")
        let old = Diagnostic(.error, rule: "r", "old", collection: "c", key: "1")
        let new = Diagnostic(.error, rule: "r", "new", collection: "c", key: "2")
        let baseline = Baseline(file: "b.yaml", entries: [accepted, expired, stale])
        let (open, suppressed, notes) = baseline.apply(to: [Self.minimum, old, new], today: "2026-12-01")
        #expect(open == [old, new])
        #expect(suppressed.map(\.finding) == [Self.minimum])
        #expect(suppressed.first?.entry.reason == "under review")
        #expect(notes.map(\.kind) == [.expired, .stale])
        // Accepted through its expires day.
        #expect(baseline.apply(to: [old], today: "2026-11-30").open == [])
    }
}
