import Foundation
import SamverkanCore
import SamverkanLua
import Testing

/// Records read their fields through the C fast path (plain columns) or Swift (the rest);
/// --where moves one record along the collection. Both must answer as the record would.
@Suite struct RecordAccessTests {
    @Test func everyFieldReadsAsItsRawValueSays() throws {
        let runtime = try RuntimeTests.runtime()
        let result = try runtime.evaluate("""
            local same, n = 0, 0
            for r in kb.municipalities:each() do
              local f = r:fields()
              n = n + 1
              if r.code == f.code and r.name == f.name and r.population == f.population
                and r.coastal == f.coastal and math.type(r.population) == "integer"
                and r.region == kb.regions:get(f.region) and #(r.tags or {}) == #(f.tags or {}) then
                same = same + 1
              end
            end
            return same, n, kb.regions:get("12").area, kb.regions:get("12").seat
            """)
        #expect(result[0] == result[1])
        #expect(result[1] == "9")
    }

    @Test func indexingACollectionGivesRecordsOrNil() throws {
        let runtime = try RuntimeTests.runtime()
        #expect(try runtime.evaluate("""
            local c = kb.municipalities
            local v = c:sort_by("population", "desc")
            return tostring(c[1]), tostring(c[2.0]), c[0], c[1.5], c[10], tostring(v[1]), tostring(v[9]), v[10]
            """) == ["municipalities[1280]", "municipalities[1281]", "nil", "nil", "nil",
                     "municipalities[1280]", "municipalities[1257]", "nil"])
    }

    @Test func whereOverAViewKeepsItsOrderAndNamesTheRecordThatFailed() throws {
        let runtime = try RuntimeTests.runtime()
        let store = try #require(runtime.kb.collection("municipalities"))
        #expect(try runtime.whereRows("coastal and population > 30000", in: store, rows: [8, 3, 0, 1])
            == [8, 3, 0])
        #expect(try runtime.whereRows("tags and #tags > 1 and name ~= 'Lund'", in: store) == [0, 8])
        for (expression, message) in [
            ("population > 100000 or tags[1] == 'x'", "tags is missing (nil) in municipalities[1292], so it cannot be compared or computed with; test it first: tags ~= nil and …"),
            ("(function() population = 1 end)()", "use '==' to compare ('=' assigns): population == 1"),
        ] {
            do {
                _ = try runtime.whereRows(expression, in: store, rows: [0, 3, 2])
                Issue.record("expected an error for \(expression)")
            } catch .invalid(let text, _) {
                #expect(text == message)
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }
}
