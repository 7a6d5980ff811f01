/// A baseline: findings accepted for now (`samverkan validate --baseline FILE`).
///
/// Each entry names a finding by its ``Diagnostic/fingerprint``; the rest of it (rule,
/// record, field, message) is there for the people who read the file. A matching finding
/// is suppressed: it is counted and can be listed, but it does not fail the run, until
/// the day after `expires`. An entry that matches nothing is stale.
public struct Baseline: Sendable, Equatable {
    /// The file as given, for diagnostics (`samverkan-baseline.yaml:12:5`).
    public var file: String
    public var entries: [BaselineEntry]

    public init(file: String, entries: [BaselineEntry]) {
        self.file = file
        self.entries = entries
    }
}

/// One accepted finding.
public struct BaselineEntry: Sendable, Equatable {
    public var fingerprint: String
    public var rule: String
    public var collection: String?
    public var key: String?
    public var field: String?
    public var message: String
    /// Why it is accepted (for the people who read the run; empty until someone says).
    public var reason: String
    /// The last day it is accepted, `YYYY-MM-DD`; nil for no end.
    public var expires: String?
    /// Where the entry starts in the baseline file.
    public var location: SourceLocation?

    public init(fingerprint: String, rule: String, collection: String? = nil, key: String? = nil, field: String? = nil,
                message: String, reason: String = "", expires: String? = nil, location: SourceLocation? = nil) {
        self.fingerprint = fingerprint
        self.rule = rule
        self.collection = collection
        self.key = key
        self.field = field
        self.message = message
        self.reason = reason
        self.expires = expires
        self.location = location
    }

    /// A new entry for a finding, with no reason and no end yet.
    public init(_ finding: Diagnostic) {
        self.init(fingerprint: finding.fingerprint, rule: finding.rule, collection: finding.collection, key: finding.key,
                  field: finding.field, message: finding.message)
    }

    /// `schema.minimum on municipalities[1214]`, for notes about the entry.
    public var summary: String {
        guard let collection else { return rule }
        return "\(rule) on \(key.map { "\(collection)[\($0)]" } ?? collection)"
    }
}

/// A finding the baseline accepts, with the entry that accepts it.
public struct SuppressedFinding: Sendable, Equatable {
    public var finding: Diagnostic
    public var entry: BaselineEntry

    public init(finding: Diagnostic, entry: BaselineEntry) {
        self.finding = finding
        self.entry = entry
    }
}

/// Something to say about a baseline entry: it matched nothing, or it has expired.
public struct BaselineNote: Sendable, Equatable {
    public enum Kind: String, Sendable {
        /// The entry matches no finding any more (fixed, or changed): remove it.
        case stale = "baseline.stale"
        /// The entry's `expires` day has passed: its finding counts again.
        case expired = "baseline.expired"
    }

    public var kind: Kind
    public var message: String
    public var entry: BaselineEntry

    public init(kind: Kind, message: String, entry: BaselineEntry) {
        self.kind = kind
        self.message = message
        self.entry = entry
    }
}

extension Baseline {
    /// The findings split into those that still count and those the baseline suppresses,
    /// with a note for each stale or expired entry. `today` is `YYYY-MM-DD`; an entry is
    /// accepted through its `expires` day.
    public func apply(to findings: [Diagnostic], today: String)
        -> (open: [Diagnostic], suppressed: [SuppressedFinding], notes: [BaselineNote]) {
        var byFingerprint: [String: Int] = [:]
        for (i, entry) in entries.enumerated() where byFingerprint[entry.fingerprint] == nil {
            byFingerprint[entry.fingerprint] = i
        }
        var matched = Array(repeating: false, count: entries.count)
        var open: [Diagnostic] = []
        var suppressed: [SuppressedFinding] = []
        for finding in findings {
            guard let i = byFingerprint[finding.fingerprint] else {
                open.append(finding)
                continue
            }
            matched[i] = true
            if let expires = entries[i].expires, expires < today {
                open.append(finding)
            } else {
                suppressed.append(SuppressedFinding(finding: finding, entry: entries[i]))
            }
        }
        var notes: [BaselineNote] = []
        for (i, entry) in entries.enumerated() {
            if !matched[i] {
                notes.append(BaselineNote(kind: .stale,
                    message: "the entry for \(entry.summary) matches no finding any more; remove it", entry: entry))
            } else if let expires = entry.expires, expires < today {
                let reason = entry.reason.isEmpty ? "" : " (\(entry.reason))"
                notes.append(BaselineNote(kind: .expired,
                    message: "the entry for \(entry.summary)\(reason) expired on \(expires); its finding counts again: "
                        + "fix it, or give the entry a later expires", entry: entry))
            }
        }
        return (open, suppressed, notes)
    }
}
