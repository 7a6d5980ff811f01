import SamverkanCore

/// The starter plugins `samverkan new` writes: commented, and runnable on the shipped data.
enum StarterPlugins {
    static func source(kind: PluginKind, name: String) -> String {
        switch kind {
        case .report: report(name)
        case .filter: filter(name)
        case .validation: validation(name)
        }
    }

    private static func report(_ name: String) -> String {
        #"""
        -- \#(name): a report. Run it with `samverkan report \#(name)`;
        -- try --format markdown, html, json or csv, and -o FILE to save it.
        return {
          kind = "report",
          description = "Population per region in a year",
          tags = { "population" },
          params = {
            -- -p year=2020 changes it; the CLI checks the type before the script runs.
            year = { type = "integer", default = 2024, description = "year of the population figures" },
          },

          -- kb is the knowledge base, params the checked parameters, out the document.
          run = function(kb, params, out)
            -- param_error(name, message) rejects a value the type check lets through: the
            -- command stops with a usage error (exit 2) naming the parameter, not an empty report.
            if kb.population:first(function(p) return p.year == params.year end) == nil then
              param_error("year", ("is %d, a year without population figures; the data's years run from %d to %d")
                :format(params.year, kb.population:min("year"), kb.population:max("year")))
            end

            -- Text per language: --locale sv (the default) or en picks one.
            out:title(t{ sv = "Befolkning ", en = "Population " } .. params.year)
            out:paragraph(t{ sv = "De sex medlemsregionerna i ", en = "The six member regions of " } .. kb.organisation.name .. ".")

            local rows = out:table{ columns = { "Region", { sv = "Residensstad", en = "Seat" },
                                                { title = { sv = "Befolkning", en = "Population" }, format = "number" } } }
            local labels, values = {}, {}
            for region in kb.regions:sort_by("name"):each() do
              -- Sum the municipalities' figures for the year (no hand-typed totals).
              local population = region.municipalities:sum(function(m)
                local row = m.population:where{ year = params.year }:first()
                return row and row.population
              end)
              rows:row{ region.name, region.seat, population }
              labels[#labels + 1] = region.name
              values[#values + 1] = population
            end
            out:chart{ kind = "bar", title = t{ sv = "Befolkning ", en = "Population " } .. params.year, labels = labels, values = values }
          end,
        }

        """#
    }

    private static func filter(_ name: String) -> String {
        #"""
        -- \#(name): a filter. Run it with `samverkan query \#(name)`;
        -- --columns, --sort, --limit and --format override the defaults below.
        return {
          kind = "filter",
          description = "Municipalities with a large land area",
          tags = { "geography" },
          params = {
            min = { type = "number", default = 1000, description = "smallest land area in km²" },
          },
          collection = "municipalities",

          -- Called once per record; return true to keep it. param_error(name, message)
          -- rejects a parameter value: a usage error (exit 2), like a value of the wrong type.
          match = function(m, params)
            if params.min < 0 then param_error("min", "must be 0 or more, got " .. params.min) end
            return m.land_area_km2 ~= nil and m.land_area_km2 >= params.min
          end,

          columns = { "name", "region.name", "land_area_km2" },  -- dotted paths follow refs
          sort = "-land_area_km2",                                -- "-" sorts descending
        }

        """#
    }

    private static func validation(_ name: String) -> String {
        #"""
        -- \#(name): a validation. Run it with `samverkan validate \#(name)`.
        return {
          kind = "validation",
          description = "Every municipality has a land area",
          tags = { "geography" },
          severity = "warning",          -- the severity of findings:add
          collection = "municipalities",

          -- Called once per record. findings:error / :warning / :add report a problem,
          -- located at the field's place in its data file.
          check = function(m, findings, params)
            if m.land_area_km2 == nil then
              findings:add(m, m.name .. " has no land area", { field = "land_area_km2" })
            end
          end,
        }

        """#
    }
}
