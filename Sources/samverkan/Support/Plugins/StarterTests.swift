import SamverkanCore

/// The tests `samverkan new` writes beside each starter plugin. They pass as written: the
/// records they need are written in the test, so they do not depend on the figures of the
/// data in use (only on its schema having municipalities and regions, as the shipped data has).
enum StarterTests {
    static func source(kind: PluginKind, name: String) -> String {
        let header = """
            -- Tests of \(name): samverkan test scripts/\(kind.folder)/\(name)_test.lua
            -- Each case runs the plugin and compares what it gives with `expect`; a failure
            -- shows both. `data` replaces the records of the collections it names (the others
            -- keep the data in use); `params` are given as -p would give them. See docs/testing.md.

            """
        switch kind {
        case .report: return header + report
        case .filter: return header + filter
        case .validation: return header + validation
        }
    }

    /// Three municipalities of region 12, written once at the top of a test.
    private static let towns = """
        -- Records written in the test: a case with `data = towns` sees these three
        -- municipalities instead of the data's own.
        local towns = { municipalities = {
          { code = "1201", name = "Storby", region = "12", land_area_km2 = 1500 },
          { code = "1202", name = "Lillby", region = "12", land_area_km2 = 500 },
          { code = "1203", name = "Okänd", region = "12" },
        } }

        """

    private static let report = towns + """
        return {
          {
            name = "default: the year 2024, a row per region",
            expect = { contains = { "Befolkning 2024", "Region Skåne" } },
          },
          {
            name = "in English",
            locale = "en",
            expect = { contains = { "Population 2024", "Seat" } },
          },
          {
            name = "a year written in the test",
            params = { year = 2000 },
            data = {
              municipalities = towns.municipalities,
              population = { { id = "1201-2000", municipality = "1201", year = 2000, population = 12345 } },
            },
            expect = { contains = { "Befolkning 2000", "12 345" } },
          },
          {
            name = "a year without figures is a usage error",
            params = { year = 1800 },
            expect = { error = "usage", message = "a year without population figures" },
          },
        }

        """

    private static let filter = towns + """
        return {
          {
            name = "default: at least 1000 km²",
            data = towns,
            expect = { keys = { "1201" } },
          },
          {
            name = "a smaller minimum keeps more, largest first",
            params = { min = 100 },
            data = towns,
            expect = { rows = { { name = "Storby" }, { name = "Lillby" } } },
          },
          {
            name = "a negative minimum is a usage error",
            params = { min = -1 },
            expect = { error = "usage", message = "must be 0 or more" },
          },
        }

        """

    private static let validation = towns + """
        return {
          {
            name = "a municipality without a land area is found",
            data = towns,
            expect = { findings = {
              { severity = "warning", key = "1203", field = "land_area_km2", message = "Okänd has no land area" },
            } },
          },
          {
            name = "municipalities with a land area pass",
            data = { municipalities = { { code = "1201", name = "Storby", region = "12", land_area_km2 = 1500 } } },
            expect = { findings = {} },
          },
        }

        """
}
