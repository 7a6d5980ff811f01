import Testing

/// The shipped knowledge base of Regionsamverkan Sydsverige: complete, sourced, and clean.
@Suite struct ShippedDataTests {
    static let data = CLI.root.appendingPathComponent("data").path

    static func run(_ script: String) throws -> CLIResult {
        try CLI.runScript(script, data: data)
    }

    @Test func schemaListsTheCollectionsWithTheirCounts() throws {
        let result = try CLI.run(["schema", "--data", Self.data])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let rows = result.stdout.split(separator: "\n").prefix(16).joined(separator: "\n")
        #expect(rows.contains("organisation               1"))
        #expect(rows.contains("regions                    6"))
        #expect(rows.contains("municipalities            77"))
        #expect(rows.contains("population             5 544"))
        #expect(rows.contains("areas                      7"))
        #expect(rows.contains("committees                 3"))
        for name in ["national_population", "position_papers", "priorities", "sources", "labour_markets", "fa_regions"] {
            #expect(rows.contains(name))
        }
    }

    @Test func municipalitiesPerRegion() throws {
        let result = try Self.run("""
            for r in kb.regions:sort_by("code"):each() do print(r.code, r.name, #r.municipalities) end
            print(kb.municipalities:all(function(m) return m.code:sub(1, 2) == m.region.code end))
            """)
        #expect(result.stdout == """
            06\tRegion Jönköpings län\t13
            07\tRegion Kronoberg\t8
            08\tRegion Kalmar län\t12
            10\tRegion Blekinge\t5
            12\tRegion Skåne\t33
            13\tRegion Halland\t6
            true

            """)
    }

    @Test func knownFiguresAreComputedFromTheData() throws {
        let result = try Self.run("""
            local function six(year) return kb.population:where{ year = year }:sum("population") end
            local function share(year) return six(year) / kb.national_population:get(year).population end
            print(fmt.number(six(2024)), fmt.number(kb.national_population:get(2024).population), fmt.percent(share(2024)))
            print(fmt.percent(share(2020)))
            local skane = kb.regions:get("12").municipalities
            print(fmt.number(skane:sum(function(m) return m.population:where{ year = 2019 }:first().population end)))
            print(fmt.number(kb.municipalities:get("1280").population:where{ year = 2024 }:first().population))
            """)
        #expect(result.stderr == "")
        #expect(result.stdout == "2 750 635\t10 587 710\t26,0 %\n26,0 %\n1 377 827\n365 644\n")
    }

    @Test func everyRecordWithAFigureCitesASource() throws {
        let result = try Self.run("""
            local missing = 0
            for _, name in ipairs(kb:collections()) do
              local c = kb[name]
              if name ~= "organisation" and c.schema.fields.source then
                for r in c:each() do
                  if r.source == nil then missing = missing + 1; print("no source: " .. tostring(r)) end
                end
              end
            end
            if kb.organisation.source == nil then missing = missing + 1 end
            for _, name in ipairs({ "regions", "municipalities", "population", "national_population" }) do
              assert(kb[name].schema.fields.source, name .. " has no source field")
            end
            print("missing", missing)
            """)
        #expect(result.stderr == "")
        #expect(result.stdout == "missing\t0\n")
    }

    @Test func theOrganisationStatesWhatTheDataShows() throws {
        let result = try Self.run("""
            local o = kb.organisation
            print(o.name, o.founded, o.stated_member_count, #kb.regions, o.stated_population)
            print(table.concat(o.predecessors, ", "))
            """)
        #expect(result.stdout == "Regionsamverkan Sydsverige\t2016-01-01\t6\t6\t2,7 miljoner invånare\nSydsam, Sydsvensk Regionbildning\n")
    }
}
