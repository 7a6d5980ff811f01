// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "samverkan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "samverkan", targets: ["samverkan"]),
        // For the libFuzzer targets in Fuzz/ (a package of its own, never built by this one).
        .library(name: "SamverkanCore", targets: ["SamverkanCore"]),
        .library(name: "SamverkanLua", targets: ["SamverkanLua"]),
        .library(name: "SamverkanRender", targets: ["SamverkanRender"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // .xlsx workbooks are zip archives: read and written with ZIPFoundation (zlib).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The system's liblua5.4 plus a minimal C shim (ENGINEERING §2).
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // The system's libedit (line editing, history, completion) for `samverkan repl`.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // The knowledge base: schema, loaders, record store, diagnostics. No Lua.
        .target(
            name: "SamverkanCore",
            dependencies: [.product(name: "Yams", package: "Yams"), .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The Lua runtime and the bridge to the record store.
        // Its own Lua code lives in Lua/*.lua, embedded at build time by SamverkanLuaCode.
        .target(
            name: "SamverkanLua",
            dependencies: ["CLua", "SamverkanCore", "SamverkanLuaCode"],
            exclude: ["Lua"]
        ),
        // The bytes of SamverkanLua/Lua/*.lua in the binary (.incbin in embed.S), so an
        // installed program needs no resource folder.
        .target(name: "SamverkanLuaCode", cSettings: [.headerSearchPath("../SamverkanLua/Lua")]),
        // Output formats: report documents, query tables and diagnostics, rendered.
        .target(name: "SamverkanRender", dependencies: ["SamverkanCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .executableTarget(
            name: "samverkan",
            dependencies: [
                "SamverkanCore", "SamverkanLua", "SamverkanRender", "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "SamverkanCoreTests", dependencies: ["SamverkanCore"]),
        .testTarget(name: "SamverkanLuaTests", dependencies: ["SamverkanLua", "SamverkanCore"]),
        .testTarget(name: "SamverkanRenderTests", dependencies: ["SamverkanRender", "SamverkanCore"]),
        .testTarget(name: "CLITests", dependencies: ["samverkan"]),
    ],
    swiftLanguageModes: [.v6]
)
