/// The candidate closest to `name` by edit distance, if it is close enough to be a typo.
///
/// Used for "did you mean …?" hints on unknown plugins, fields, collections and types.
public func closestName(to name: String, in candidates: some Sequence<String>) -> String? {
    let lowered = Array(name.lowercased())
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(lowered, Array(candidate.lowercased()))
        if let current = best, distance >= current.distance { continue }
        best = (candidate, distance)
    }
    guard let best else { return nil }
    let allowed = lowered.count <= 4 ? 1 : (lowered.count <= 8 ? 2 : 3)
    return best.distance <= allowed ? best.name : nil
}

/// Levenshtein distance between two character arrays.
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
