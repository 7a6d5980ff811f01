import Testing

/// Nothing silent in report documents: a text without the run's language, a chart whose
/// lists have holes or whose keys contradict each other is an error at the plugin's line
/// (the cases run as NothingSilentTests' plugin cases do).
@Suite struct ReportMistakesTests {
    typealias PluginCase = NothingSilentTests.PluginCase

    static let cases: [PluginCase] = [
        PluginCase(file: "reports/nolanguage.lua", source: """
            return {
              kind = "report",
              run = function(kb, params, out)
                out:heading{ sv = "Regioner" }
              end,
            }
            """, command: ["report", "nolanguage", "--locale", "en"], status: 4,
            stderr: "error: scripts/reports/nolanguage.lua:4: out:heading: no English text for --locale en; give { sv = \"…\", en = \"…\" }"),
        PluginCase(file: "reports/notalanguage.lua", source: """
            return {
              kind = "report",
              run = function(kb, params, out)
                out:title(t{ sv = "Befolkning", se = "Befolkning" })
              end,
            }
            """, command: ["report", "notalanguage"], status: 4,
            stderr: "error: scripts/reports/notalanguage.lua:4: t: 'se' is not a language (did you mean 'sv'?); give { sv = \"…\", en = \"…\" }"),
        PluginCase(file: "reports/chartkind.lua", source: """
            return {
              kind = "report",
              run = function(kb, params, out)
                out:chart{ kind = "lines", x = { 1 }, series = { { values = { 1 } } } }
              end,
            }
            """, command: ["report", "chartkind"], status: 4,
            stderr: "error: scripts/reports/chartkind.lua:4: out:chart: kind 'lines' is not a chart kind (did you mean 'line'?); the kinds are bar and line"),
        PluginCase(file: "reports/charthighlight.lua", source: """
            return {
              kind = "report",
              run = function(kb, params, out)
                out:chart{ kind = "line", x = { 2000, 2024 }, series = { { name = "Skåne", values = { 1, 2 } }, { name = "Halland", values = { 1, 2 } } }, highlight = "Skane" }
              end,
            }
            """, command: ["report", "charthighlight"], status: 4,
            stderr: "error: scripts/reports/charthighlight.lua:4: out:chart: highlight 'Skane' names no series (did you mean 'Skåne'?)"),
        PluginCase(file: "reports/chartlength.lua", source: """
            return {
              kind = "report",
              run = function(kb, params, out)
                out:chart{ kind = "line", x = { 2000, 2024 }, series = { { name = "Skåne", values = { 1, 2, 3 } } } }
              end,
            }
            """, command: ["report", "chartlength"], status: 4,
            stderr: "error: scripts/reports/chartlength.lua:4: out:chart: series 1: values has the key 3, but x has 2 positions; give one value (or nil) per x"),
        PluginCase(file: "reports/charthole.lua", source: """
            return {
              kind = "report",
              run = function(kb, params, out)
                out:chart{ kind = "line", x = { 1950, nil, 1970 }, series = { { values = { 1, 2, 3 } } } }
              end,
            }
            """, command: ["report", "charthole"], status: 4,
            stderr: "error: scripts/reports/charthole.lua:4: out:chart: x has a hole at 2 (nil); give every entry"),
        PluginCase(file: "reports/chartstacked.lua", source: """
            return {
              kind = "report",
              run = function(kb, params, out)
                out:chart{ kind = "line", x = { 2000 }, series = { { values = { 1 } } }, stacked = true }
              end,
            }
            """, command: ["report", "chartstacked"], status: 4,
            stderr: "error: scripts/reports/chartstacked.lua:4: out:chart: stacked is for bar charts"),
        PluginCase(file: "reports/chartzero.lua", source: """
            return {
              kind = "report",
              run = function(kb, params, out)
                out:chart{ labels = { "A" }, values = { 1 }, y = { zero = false } }
              end,
            }
            """, command: ["report", "chartzero"], status: 4,
            stderr: "error: scripts/reports/chartzero.lua:4: out:chart: bars always start at zero; y.zero = false is for line charts"),
        PluginCase(file: "reports/facettitle.lua", source: """
            return {
              kind = "report",
              run = function(kb, params, out)
                out:charts{ kind = "line", x = { 2000 }, facets = { { values = { 1 } } } }
              end,
            }
            """, command: ["report", "facettitle"], status: 4,
            stderr: "error: scripts/reports/facettitle.lua:4: out:charts: facet 1 has no title; each small chart is named by its facet"),
    ]

    @Test(arguments: cases)
    func reportMistakesAreLoud(_ c: PluginCase) throws {
        try NothingSilentTests.check(c)
    }
}
