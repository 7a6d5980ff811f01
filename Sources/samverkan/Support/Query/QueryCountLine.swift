import SamverkanCore

/// The line on stderr after a text query: how many records were shown, of what.
///
///     77 municipalities                                  all of them
///     5 of 77 municipalities shown                       --limit
///     12 of 77 municipalities match                      --where or a filter
///     5 of 12 matching municipalities shown (77 in all)  both (the total left out when all match)
enum QueryCountLine {
    /// `filtered`: --where or a filter plugin chose the `matched` records among `total`.
    static func text(shown: Int, matched: Int, total: Int, filtered: Bool, collection: String,
                     numbers: NumberFormat) -> String {
        func n(_ value: Int) -> String { numbers.number(Double(value)) }
        switch (filtered, shown < matched) {
        case (false, false): return "\(n(total)) \(collection)"
        case (false, true): return "\(n(shown)) of \(n(total)) \(collection) shown"
        case (true, false): return "\(n(matched)) of \(n(total)) \(collection) match"
        case (true, true):
            let all = matched < total ? " (\(n(total)) in all)" : ""
            return "\(n(shown)) of \(n(matched)) matching \(collection) shown\(all)"
        }
    }
}
