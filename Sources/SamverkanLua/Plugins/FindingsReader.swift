internal import CLua
import SamverkanCore

extension LuaRuntime {
    /// Reads the findings a validation added into diagnostics located at the field (else the
    /// record) they are about; `origin` is the script line that added each.
    func readFindings(at index: Int32, rule: String) -> [Diagnostic] {
        guard stack.type(index) == LUA_TTABLE else { return [] }
        var diagnostics: [Diagnostic] = []
        for i in 0..<stack.rawLength(index) {
            stack.rawIndex(index, i + 1)
            let f = stack.top
            let severity: Severity = stack.rawString(f, "severity") == "warning" ? .warning : .error
            let message = stack.rawString(f, "message") ?? ""
            let field = stack.rawString(f, "field")
            let origin = stack.rawString(f, "origin")
            stack.getField(f, "record")
            let handle = record(at: -1)
            stack.pop(2)
            var diagnostic = Diagnostic(severity, rule: rule, message, origin: origin)
            if let handle {
                let store = kb.collections[Int(handle.collection)]
                let row = Int(handle.row)
                diagnostic.collection = store.name
                diagnostic.key = store.key(of: row)
                diagnostic.field = field
                if let field, let f = store.schema.fieldIndex(field) {
                    diagnostic.location = store.location(of: row, field: f)
                } else {
                    diagnostic.location = store.location(of: row)
                }
            }
            diagnostics.append(diagnostic)
        }
        return diagnostics
    }
}
