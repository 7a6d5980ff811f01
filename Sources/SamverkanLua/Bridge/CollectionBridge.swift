internal import CLua
import SamverkanCore

/// The metamethods of collections: `c[i]`, `#c`, `c:method(…)`, `c.name`, `c.schema`.
enum CollectionBridge {
    /// Names only: `c[i]` never gets here, the C fast path (`sv_collection_index`) answers
    /// every number.
    static let index: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            guard let view = runtime.view(at: 1) else { return runtime.stack.raise("expected a collection") }
            return named(runtime.L, runtime, view)
        }
    }

    /// `c.method`, `c.name`, `c.schema`; unknown names are errors.
    private static func named(_ L: OpaquePointer, _ runtime: LuaRuntime, _ view: CollectionView) -> Int32 {
        runtime.stack.pushRef(runtime.refs.collectionMethods)
        lua_pushvalue(L, 2)
        if lua_rawget(L, -2) != LUA_TNIL { return 1 }
        runtime.stack.pop()
        let name = runtime.stack.string(at: 2) ?? runtime.stack.typeName(at: 2)
        let store = runtime.kb.collections[view.collection]
        switch name {
        case "name":
            runtime.stack.push(store.name)
        case "schema":
            runtime.pushSchema(of: store)
        default:
            var methods: [String] = []
            lua_pushnil(L)
            while lua_next(L, -2) != 0 {
                runtime.stack.pop()
                if let method = runtime.stack.string(at: -1) { methods.append(method) }
            }
            let hint = didYouMean(name, in: methods + ["name", "schema"]) ?? ""
            return runtime.stack.raise("collection \(store.name) has no method or property '\(name)'\(hint)")
        }
        return 1
    }

    static let length: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            runtime.stack.push(runtime.view(at: 1)?.count ?? 0)
            return 1
        }
    }

    static let newIndex: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            let name = runtime.view(at: 1).map { runtime.kb.collections[$0.collection].name } ?? "collection"
            return runtime.stack.raise("collections are read-only (\(name))")
        }
    }

    static let toString: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            guard let view = runtime.view(at: 1) else { return 0 }
            let noun = view.count == 1 ? "record" : "records"
            runtime.stack.push("collection \(runtime.kb.collections[view.collection].name) (\(view.count) \(noun))")
            return 1
        }
    }
}

extension LuaRuntime {
    /// [+1] `{ key = …, fields = { name = { type = …, required = … }, … } }`.
    func pushSchema(of store: CollectionStore) {
        stack.newTable(fields: 3)
        if let key = store.schema.key {
            stack.push(key)
            stack.setField(-2, "key")
        }
        stack.push(store.schema.single)
        stack.setField(-2, "single")
        stack.newTable(fields: store.schema.fields.count)
        for field in store.schema.fields {
            stack.newTable(fields: 3)
            switch field.type {
            case .ref(let target):
                stack.push("ref")
                stack.setField(-2, "type")
                stack.push(target)
                stack.setField(-2, "collection")
            case .list(let item):
                stack.push("list")
                stack.setField(-2, "type")
                stack.push(item.referencedCollection == nil ? item.description : "ref")
                stack.setField(-2, "items")
                if let target = item.referencedCollection {
                    stack.push(target)
                    stack.setField(-2, "collection")
                }
            default:
                stack.push(field.type.description)
                stack.setField(-2, "type")
            }
            stack.push(field.required)
            stack.setField(-2, "required")
            stack.setField(-2, field.name)
        }
        stack.setField(-2, "fields")
    }
}
