/// Expected against got, line by line, as `samverkan test` shows a failure: `  ` before a
/// line both have, `- ` before one only expected, `+ ` before one only got, aligned by the
/// longest common subsequence (positionally past a size where that would take too long).
enum TestDiff {
    /// Past this many cells of the alignment table, lines are paired by position.
    static let alignmentLimit = 4_000_000

    static func lines<E, G>(expected: [E], got: [G], matches: (E, G) -> Bool,
                            expectedText: (E) -> String, gotText: (G) -> String) -> [String] {
        let n = expected.count, m = got.count
        guard n * m <= alignmentLimit else {
            return (0..<max(n, m)).flatMap { i -> [String] in
                if i < n, i < m, matches(expected[i], got[i]) { return ["  " + gotText(got[i])] }
                return (i < n ? ["- " + expectedText(expected[i])] : []) + (i < m ? ["+ " + gotText(got[i])] : [])
            }
        }
        // length[i][j]: the longest common subsequence of expected[i...] and got[j...].
        var length = [Int32](repeating: 0, count: (n + 1) * (m + 1))
        let width = m + 1
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                length[i * width + j] = matches(expected[i], got[j])
                    ? length[(i + 1) * width + j + 1] + 1
                    : max(length[(i + 1) * width + j], length[i * width + j + 1])
            }
        }
        var out: [String] = []
        var i = 0, j = 0
        while i < n || j < m {
            if i < n, j < m, matches(expected[i], got[j]) {
                out.append("  " + gotText(got[j])); i += 1; j += 1
            } else if i < n, j == m || length[(i + 1) * width + j] >= length[i * width + j + 1] {
                out.append("- " + expectedText(expected[i])); i += 1
            } else {
                out.append("+ " + gotText(got[j])); j += 1
            }
        }
        return out
    }

    /// Two texts, line by line.
    static func text(expected: String, got: String) -> [String] {
        let split = { (s: String) in s.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
        return lines(expected: split(expected), got: split(got), matches: ==, expectedText: { $0 }, gotText: { $0 })
    }
}
