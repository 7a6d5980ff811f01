internal import CLua
import SamverkanCore

/// `kb`: its collections by name, single records, and `kb:collections()`.
enum KnowledgeBaseBridge {
    static let index: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            guard let name = runtime.stack.string(at: 2) else {
                return runtime.stack.raise("kb is indexed by collection name, not by \(runtime.stack.typeName(at: 2))")
            }
            if name == "collections" {
                runtime.stack.pushRef(runtime.refs.kbCollections)
                return 1
            }
            guard let store = runtime.kb.collection(name) else {
                let names = runtime.kb.collections.map(\.name)
                let hint = didYouMean(name, in: names) ?? ""
                return runtime.stack.raise("kb has no collection '\(name)'\(hint)")
            }
            if store.schema.single {
                if store.count > 0 { runtime.pushRecord(collection: store.id, row: 0) } else { runtime.stack.pushNil() }
            } else {
                runtime.pushCollection(store.id)
            }
            return 1
        }
    }

    static let newIndex: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let name = runtime.stack.string(at: 2) ?? "?"
            return runtime.stack.raise("kb is read-only (kb.\(name))")
        }
    }

    static let toString: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            runtime.stack.push("kb (\(runtime.kb.collections.count) collections)")
            return 1
        }
    }

    /// `kb:collections()` — the collection names in schema order.
    static let collections: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let L = runtime.L
            runtime.stack.newTable(array: runtime.kb.collections.count)
            for (i, store) in runtime.kb.collections.enumerated() {
                runtime.stack.push(store.name)
                lua_rawseti(L, -2, lua_Integer(i + 1))
            }
            return 1
        }
    }
}
