import Foundation
import Testing

/// The warm cache (SPEC §7.1, docs/data.md "The cache"): any change to the data or the
/// schema, and any snapshot that is not whole or not this build's, gives the fresh answer.
@Suite struct CacheTests {
    /// A data folder of its own, with a cache folder of its own, so the log lines are this test's.
    struct Folder {
        let data: String
        let cache: String

        init() throws {
            let root = CLI.emptyFolder()
            data = (root as NSString).appendingPathComponent("data")
            cache = (root as NSString).appendingPathComponent("cache")
            try CLI.write([
                "data/schema.yaml": """
                    collections:
                      regions:
                        file: regions.csv
                        key: code
                        fields:
                          code: { type: string, required: true }
                          name: { type: string, required: true }
                      places:
                        file: places.csv
                        key: id
                        fields:
                          id: { type: integer, required: true }
                          name: { type: string }
                          population: { type: integer, minimum: 0 }
                          region: { type: ref, collection: regions, required: true }

                    """,
                "data/regions.csv": "code,name\n12,Skåne\n13,Halland\n",
                "data/places.csv": "id,name,population,region\n1,Malmö,365644,12\n2,Halmstad,106084,13\n3,Lund,130000,12\n",
            ], under: root)
        }

        func run(_ arguments: [String], noCache: Bool = false) throws -> CLIResult {
            try CLI.run(arguments + ["--data", data] + (noCache ? ["--no-cache"] : []),
                        environment: ["XDG_CACHE_HOME": cache, "SAMVERKAN_CACHE_LOG": "1"])
        }

        /// The query's output, and what the cache did (its log line, without the path).
        func query(_ noCache: Bool = false) throws -> (out: String, cache: String) {
            let result = try run(["query", "places", "--where", "population > 120000", "--format", "csv"], noCache: noCache)
            let log = result.stderr.split(separator: "\n").filter { $0.hasPrefix("cache: ") }
                .map { $0.replacingOccurrences(of: #" /\S+\.bin"#, with: "", options: .regularExpression) }
            return (result.stdout + "exit \(result.status)\n" + result.stderr.split(separator: "\n")
                .filter { !$0.hasPrefix("cache: ") }.joined(separator: "\n"), log.joined(separator: "\n"))
        }

        var snapshot: String {
            get throws {
                let names = try FileManager.default.contentsOfDirectory(atPath: (cache as NSString).appendingPathComponent("samverkan"))
                return (cache as NSString).appendingPathComponent("samverkan/" + (names.first { $0.hasSuffix(".bin") } ?? "none"))
            }
        }

        func write(_ file: String, _ text: String) throws {
            try text.write(toFile: (data as NSString).appendingPathComponent(file), atomically: true, encoding: .utf8)
        }
    }

    @Test func aSecondRunUsesTheSnapshotAndAnswersTheSame() throws {
        let folder = try Folder()
        let first = try folder.query()
        #expect(first.cache == "cache: wrote (there is no snapshot yet)")
        #expect(first.out == "id,name,population,region\n1,Malmö,365644,12\n3,Lund,130000,12\nexit 0\n")
        let second = try folder.query()
        #expect(second.cache == "cache: used")
        #expect(second.out == first.out)
        let fresh = try folder.query(true)
        #expect(fresh.cache == "")
        #expect(fresh.out == first.out)
    }

    @Test func editingOneCellGivesTheFreshAnswer() throws {
        let folder = try Folder()
        _ = try folder.query()
        try folder.write("places.csv", "id,name,population,region\n1,Malmö,365644,12\n2,Halmstad,106084,13\n3,Lund,110000,12\n")
        let after = try folder.query()
        #expect(after.cache == "cache: wrote (data/places.csv changed)".replacingOccurrences(of: "data/", with: folder.data + "/"))
        #expect(after.out == "id,name,population,region\n1,Malmö,365644,12\nexit 0\n")
        #expect(try folder.query(true).out == after.out)
    }

    @Test func aBrokenRefMadeByAnEditIsReportedFromTheSnapshotToo() throws {
        let folder = try Folder()
        _ = try folder.query()
        try folder.write("places.csv", "id,name,population,region\n1,Malmö,365644,12\n2,Halmstad,-1,99\n")
        let cold = try folder.run(["validate"])
        let warm = try folder.run(["validate"])
        #expect(cold.status == 1)
        #expect(warm.stdout == cold.stdout)
        #expect(warm.stdout.contains("places.csv:3:15: error[schema.ref]: region '99' does not exist in regions"))
        #expect(warm.stderr.contains("cache: used"))
    }

    @Test func touchingAFileRebuildsTheSnapshot() throws {
        let folder = try Folder()
        _ = try folder.query()
        let path = (folder.data as NSString).appendingPathComponent("regions.csv")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -3600)], ofItemAtPath: path)
        let after = try folder.query()
        #expect(after.cache.hasPrefix("cache: wrote (") && after.cache.hasSuffix("regions.csv changed)"))
        #expect(after.out.hasPrefix("id,name,population,region\n1,Malmö"))
    }

    @Test func replacingTheSchemaGivesTheFreshAnswer() throws {
        let folder = try Folder()
        _ = try folder.query()
        let schema = (folder.data as NSString).appendingPathComponent("schema.yaml")
        let text = try String(contentsOfFile: schema, encoding: .utf8)
        try folder.write("schema.yaml", text.replacingOccurrences(of: "minimum: 0", with: "minimum: 200000"))
        let after = try folder.query()
        #expect(after.cache.hasSuffix("(schema.yaml changed)"))
        #expect(after.out.contains("exit 3"))
        #expect(after.out.contains("places.csv:3:"))
        #expect(try folder.query(true).out == after.out)
    }

    @Test(arguments: ["truncated", "corrupt", "another version", "empty", "not ours"])
    func aSnapshotThatIsNotWholeOrNotOursIsRebuilt(_ damage: String) throws {
        let folder = try Folder()
        let first = try folder.query()
        let path = try folder.snapshot
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        switch damage {
        case "truncated": bytes.removeLast(bytes.count / 3)
        case "corrupt": bytes[bytes.count - 40] ^= 0x5A
        case "another version":
            let text = String(decoding: bytes, as: UTF8.self)
            let range = try #require(text.range(of: "samverkan 0.1.0"))
            let start = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
            bytes.replaceSubrange(start..<start + 15, with: Array("samverkan 9.9.9".utf8))
        case "empty": bytes = []
        default: bytes = Array("PK\u{3}\u{4} not a snapshot at all".utf8)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let after = try folder.query()
        let why = ["truncated": "it is damaged (", "corrupt": "it is damaged (its checksum does not match)",
                   "another version": "it was written by another version of samverkan",
                   "empty": "it is damaged (it ends early)", "not ours": "it is damaged (it is not a samverkan snapshot)"][damage] ?? ""
        #expect(after.cache.hasPrefix("cache: wrote (" + why))
        #expect(after.out == first.out)
        #expect(try folder.query().cache == "cache: used")
    }

    @Test func theEnvironmentTurnsTheCacheOff() throws {
        let folder = try Folder()
        let result = try CLI.run(["query", "places", "--data", folder.data],
                                 environment: ["XDG_CACHE_HOME": folder.cache, "SAMVERKAN_CACHE_LOG": "1", "SAMVERKAN_NO_CACHE": "1"])
        #expect(result.status == 0)
        #expect(!result.stderr.contains("cache:"))
        #expect(!FileManager.default.fileExists(atPath: folder.cache))
    }
}
