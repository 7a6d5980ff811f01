// swift-tools-version:6.0
import PackageDescription

// libFuzzer targets for samverkan's readers, the --where compiler and the renderers. A package of its own,
// so the main package's `swift build` and `swift test` never compile them; `make fuzz` builds
// each with
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --product NAME
// and runs it (see the Makefile and Fuzz/README.md).
let package = Package(
    name: "samverkan-fuzz",
    platforms: [.macOS(.v13)],
    dependencies: [.package(name: "samverkan", path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "fuzz-csv", dependencies: ["FuzzDriver", .product(name: "SamverkanCore", package: "samverkan")]),
        .executableTarget(name: "fuzz-json", dependencies: ["FuzzDriver", .product(name: "SamverkanCore", package: "samverkan")]),
        .executableTarget(name: "fuzz-yaml", dependencies: ["FuzzDriver", .product(name: "SamverkanCore", package: "samverkan")]),
        .executableTarget(name: "fuzz-schema", dependencies: ["FuzzDriver", .product(name: "SamverkanCore", package: "samverkan")]),
        .executableTarget(name: "fuzz-xlsx", dependencies: ["FuzzDriver", .product(name: "SamverkanCore", package: "samverkan")]),
        .executableTarget(name: "fuzz-render", dependencies: [
            "FuzzDriver",
            .product(name: "SamverkanCore", package: "samverkan"),
            .product(name: "SamverkanRender", package: "samverkan"),
        ]),
        .executableTarget(name: "fuzz-where", dependencies: [
            "FuzzDriver",
            .product(name: "SamverkanCore", package: "samverkan"),
            .product(name: "SamverkanLua", package: "samverkan"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
