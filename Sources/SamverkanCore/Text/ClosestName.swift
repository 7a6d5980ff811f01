/// ` (did you mean 'x'?)` for the candidate closest to `name`, or nil when none is close
/// enough to be a typo. The one phrasing of every suggestion the program makes.
public func didYouMean(_ name: String, in candidates: some Sequence<String>) -> String? {
    closestName(to: name, in: candidates).map { " (did you mean '\($0)'?)" }
}

/// The candidate closest to `name` by edit distance, if it is close enough to be a typo.
/// Of equally close candidates the first in code point order wins, so the answer never
/// depends on the order the candidates come in (a dictionary's, say).
public func closestName(to name: String, in candidates: some Sequence<String>) -> String? {
    // At most 3 edits are a typo, so a candidate whose length differs by more cannot be the
    // answer: it is not measured (a 10 MB unknown name costs its length, not length × length).
    let limit = 3
    let lowered = Array(name.lowercased())
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let other = Array(candidate.lowercased())
        guard abs(other.count - lowered.count) <= limit else { continue }
        let distance = editDistance(lowered, other)
        if let current = best, distance > current.distance || distance == current.distance && candidate >= current.name {
            continue
        }
        best = (candidate, distance)
    }
    guard let best else { return nil }
    let allowed = lowered.count <= 4 ? 1 : (lowered.count <= 8 ? 2 : 3)
    return best.distance <= allowed ? best.name : nil
}

/// Edit distance where swapping two neighbouring characters counts as one edit
/// (optimal string alignment), since that is the commonest typo ("nmae").
func editDistance(_ a: [Character], _ b: [Character]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    // Three rows of the table (the swap looks two back), not the whole table.
    var before = [Int](repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                current[j] = Swift.min(current[j], before[j - 2] + 1)
            }
        }
        (before, previous, current) = (previous, current, before)
    }
    return previous[b.count]
}
