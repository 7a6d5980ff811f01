/// Which findings follow only from a row that could not be read (SPEC §7.4).
///
/// The loader marks a broken ref to an unread row's key itself (`followsFrom`). A rule's
/// finding follows from an unread row when the rule read that row's collection and the
/// finding is about something the row would have changed:
/// - the whole data set or a single record (no key): a total, a share, a count;
/// - a record the row's ref cells name (`regions[12]` for a municipality of region 12);
/// - a record whose own ref to the row is broken (`population[1281-1950]`).
/// Any other finding of the rule stands on its own and is not folded.
public struct FollowOnFinder: Sendable {
    private let unread: [UnreadRow]
    /// Each record that refers to an unread row, with the error of that row.
    private let referring: [RecordName: SourceLocation]

    public init(kb: KnowledgeBase) {
        unread = kb.unreadRows
        var referring: [RecordName: SourceLocation] = [:]
        for diagnostic in kb.diagnostics {
            guard let root = diagnostic.followsFrom, let collection = diagnostic.collection, let key = diagnostic.key else { continue }
            referring[RecordName(collection: collection, key: key)] = referring[RecordName(collection: collection, key: key)] ?? root
        }
        self.referring = referring
    }

    /// The findings of a rule that read the collections `read`, each marked with the unread
    /// row it follows from, if any.
    public func mark(_ findings: [Diagnostic], read: Set<String>) -> [Diagnostic] {
        let roots = unread.filter { read.contains($0.collection) }
        guard !roots.isEmpty else { return findings }
        return findings.map { finding in
            guard finding.followsFrom == nil else { return finding }
            var marked = finding
            marked.followsFrom = cause(of: finding, among: roots)
            return marked
        }
    }

    private func cause(of finding: Diagnostic, among roots: [UnreadRow]) -> SourceLocation? {
        guard let collection = finding.collection, let key = finding.key else { return roots.first?.location }
        let subject = RecordName(collection: collection, key: key)
        if let row = roots.first(where: { $0.references.contains(subject) || ($0.collection == collection && $0.key == key) }) {
            return row.location
        }
        guard let root = referring[subject], roots.contains(where: { $0.location == root }) else { return nil }
        return root
    }
}
