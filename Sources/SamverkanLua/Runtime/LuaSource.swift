/// A file of the host's own Lua code (`Sources/SamverkanLua/Lua/`), embedded at build time
/// as a constant of `EmbeddedLua` (the EmbedLua build plugin).
struct LuaSource: Sendable {
    /// The file's name, such as `out.lua`.
    let file: String
    let text: String

    /// The file's name without `.lua`: `out`.
    var name: String { file.hasSuffix(".lua") ? String(file.dropLast(4)) : file }

    /// The chunk name messages and tracebacks show: `[samverkan out]`. The `=[samverkan`
    /// prefix is how the shim and the traceback filter tell host frames from the user's.
    var chunkName: String { "=[samverkan \(name)]" }
}
