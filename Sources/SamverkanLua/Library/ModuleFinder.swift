import Foundation
import SamverkanCore

/// Finds `require` modules: `lib/NAME.lua` in the plugin folders, in order; nothing else.
enum ModuleFinder {
    /// Module names are plain: letters, digits, `_`, `-`; dots name sub-folders of lib/.
    static func isPlainName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 200 && !name.hasPrefix(".") && !name.hasSuffix(".") && !name.contains("..")
            && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "_-.".unicodeScalars.contains($0) }
    }

    /// The file of a module, if a plugin folder has it.
    static func path(of name: String, in folders: [String]) -> String? {
        let relative = "lib/" + name.replacingOccurrences(of: ".", with: "/") + ".lua"
        for folder in folders {
            let path = (folder as NSString).appendingPathComponent(relative)
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return path
            }
        }
        return nil
    }

    /// find_module(name) → source, chunkname | nil, message
    static let findModule: SwiftCallback = { state in
        LuaRuntime.callback(state) { runtime in
            guard let name = runtime.stack.string(at: 1), isPlainName(name) else {
                runtime.stack.pushNil()
                runtime.stack.push("require: '\(runtime.stack.string(at: 1) ?? "?")' is not a module name; "
                    + "modules are files in scripts/lib, named without folders or '..' (require(\"util\") loads lib/util.lua)")
                return 2
            }
            let folders = runtime.options.pluginFolders
            guard let path = path(of: name, in: folders), let data = FileManager.default.contents(atPath: path) else {
                runtime.stack.pushNil()
                let searched = folders.map { "\($0)/lib" }.joined(separator: ", ")
                runtime.stack.push("require: module '\(name)' not found (looked for \(name).lua in \(searched.isEmpty ? "no plugin folders" : searched))")
                return 2
            }
            runtime.chunkNames.note(path)
            runtime.stack.push(String(decoding: data, as: UTF8.self))
            runtime.stack.push(path)
            return 2
        }
    }
}
