/// ` (did you mean 'x'?)` for the candidate closest to `name`, or nil when none is close
/// enough to be a typo. The one phrasing of every suggestion the program makes.
public func didYouMean(_ name: String, in candidates: some Sequence<String>) -> String? {
    closestName(to: name, in: candidates).map { " (did you mean '\($0)'?)" }
}

/// The candidate closest to `name` by edit distance, if it is close enough to be a typo.
/// Of equally close candidates the first in code point order wins, so the answer never
/// depends on the order the candidates come in (a dictionary's, say).
public func closestName(to name: String, in candidates: some Sequence<String>) -> String? {
    let lowered = Array(name.lowercased())
    var best: (name: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(lowered, Array(candidate.lowercased()))
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
    var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
    for i in 0...a.count { d[i][0] = i }
    for j in 0...b.count { d[0][j] = j }
    for i in 1...a.count {
        for j in 1...b.count {
            let cost = a[i - 1] == b[j - 1] ? 0 : 1
            d[i][j] = Swift.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                d[i][j] = Swift.min(d[i][j], d[i - 2][j - 2] + 1)
            }
        }
    }
    return d[a.count][b.count]
}
