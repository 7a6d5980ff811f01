import Foundation
import SamverkanCore

/// `validate --file new.csv --as municipalities`: a file checked as a collection's data
/// before it is added. It is read in place of the collection's own file, against the
/// schema and the rest of the knowledge base (its refs resolve there); its keys and unique
/// values are compared with the records already in the collection; the collection's own
/// rules run over it. Only the findings in the new file are reported: the others would be
/// about the data as it is (`samverkan validate` reports those), or would come from the
/// substitution itself (refs from other files to the records the new file does not hold).
/// Nothing in the data folder is written.
struct NewFileCheck {
    /// The file as given (to read) and as diagnostics show it.
    let path: String
    let shown: String
    let collection: String

    /// The check `--file` and `--as` ask for; nil when neither is given.
    static func make(file: String?, as collection: String?, schema: Schema) throws(CLIFailure) -> NewFileCheck? {
        switch (file, collection) {
        case (nil, nil): return nil
        case (_?, nil): throw CLIFailure.usage("--file needs --as COLLECTION: the collection whose schema the file is checked against")
        case (nil, _?): throw CLIFailure.usage("--as needs --file FILE: the new file to check as that collection")
        case let (file?, collection?):
            let names = schema.collections.map(\.name)
            guard names.contains(collection) else {
                let hint = didYouMean(collection, in: names) ?? "; the collections are \(names.joined(separator: ", "))"
                throw CLIFailure.usage("--as: there is no collection '\(collection)'\(hint)")
            }
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue else {
                throw CLIFailure.usage("--file: there is no file '\(file)'")
            }
            let ext = (file as NSString).pathExtension.lowercased()
            guard ["csv", "json", "yaml", "yml", "xlsx"].contains(ext) else {
                throw CLIFailure.usage("--file: '\(file)' is not a data file samverkan reads; give a .csv, .json, .yaml or .xlsx file")
            }
            return NewFileCheck(path: file, shown: DisplayPath.shown(file), collection: collection)
        }
    }

    /// The knowledge base with the new file in place of the collection's own.
    func knowledgeBase(directory: String) -> KnowledgeBase {
        KnowledgeBaseLoader.load(directory: directory, substituting: [collection: (path, shown)])
    }

    /// The findings of the load that concern the new file, and each key or unique value
    /// that the records already in the collection hold.
    func loadFindings(_ kb: KnowledgeBase, existing: KnowledgeBase) -> [Diagnostic] {
        // The schema's own errors concern every file.
        var found = kb.diagnostics.filter { isInFile($0) || $0.location?.file == kb.schema.file }
        if let candidate = kb.collection(collection), let current = existing.collection(collection) {
            found += KeyClashes.find(candidate, against: current)
        }
        return found
    }

    func isInFile(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.location?.file == shown
    }
}
