import Foundation
import Testing

/// Nothing outside the data folder is read (issue 13, item 6): a data file must resolve,
/// after symlinks, inside the folder, or it is not opened at all, so none of its text can
/// show in a diagnostic or a query.
@Suite struct DataFolderTests {
    static let collections = """
          leak:
            file: linked.csv
            key: id
            fields:
              id: { type: integer }
              password: { type: string, pattern: "^$" }
          up:
            file: ../secret.csv
            key: id
            fields:
              id: { type: integer }
              password: { type: string, pattern: "^$" }
          inside:
            file: alias.csv
            key: id
            fields:
              id: { type: integer }
              password: { type: string }

        """

    /// A data folder whose schema names a symlink out, a `..` path, and a symlink that stays inside.
    static func folder() throws -> String {
        let root = CLI.emptyFolder()
        let data = (root as NSString).appendingPathComponent("data")
        try FileManager.default.copyItem(atPath: CLI.fixture("kb"), toPath: data)
        try "id,password\n1,hunter2\n".write(toFile: (root as NSString).appendingPathComponent("secret.csv"), atomically: true, encoding: .utf8)
        try "id,password\n2,public\n".write(toFile: (data as NSString).appendingPathComponent("real.csv"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: (data as NSString).appendingPathComponent("linked.csv"),
                                                   withDestinationPath: (root as NSString).appendingPathComponent("secret.csv"))
        try FileManager.default.createSymbolicLink(atPath: (data as NSString).appendingPathComponent("alias.csv"),
                                                   withDestinationPath: "real.csv")
        let schema = (data as NSString).appendingPathComponent("schema.yaml")
        let text = try String(contentsOfFile: schema, encoding: .utf8)
        try (text + Self.collections).write(toFile: schema, atomically: true, encoding: .utf8)
        return root
    }

    @Test func filesOutsideTheDataFolderAreNeverRead() throws {
        let root = try Self.folder()
        let validate = try CLI.run(["validate"], in: root)
        #expect(validate.status == 1)
        #expect(validate.stdout.contains(
            "error[schema.parse]: 'linked.csv', the file of collection 'leak', leads outside the data folder (through a symlink) and is not read; put the file itself in the data folder"))
        #expect(validate.stdout.contains("file '../secret.csv' of collection 'up' must be inside the data folder"))
        for command in [["validate"], ["query", "leak", "--allow-invalid"], ["query", "up", "--allow-invalid"]] {
            let result = try CLI.run(command, in: root)
            #expect(!(result.stdout + result.stderr).contains("hunter2"), "\(command)")
        }
        let leak = try CLI.run(["query", "leak", "--allow-invalid", "--format", "csv"], in: root)
        #expect(leak.stdout == "id,password\r\n" || leak.stdout == "id,password\n")
    }

    @Test func aSymlinkThatStaysInsideIsRead() throws {
        let root = try Self.folder()
        let result = try CLI.run(["query", "inside", "--allow-invalid", "--format", "csv"], in: root)
        #expect(result.status == 0)
        #expect(result.stdout.contains("2,public"))
    }

    /// Map boundaries too: `data/geo/municipalities.geojson` as a symlink out of the folder is not read.
    @Test func mapBoundariesOutsideTheDataFolderAreNotRead() throws {
        let root = CLI.emptyFolder()
        let data = (root as NSString).appendingPathComponent("data")
        try FileManager.default.copyItem(atPath: CLI.root.appendingPathComponent("data").path, toPath: data)
        let outside = (root as NSString).appendingPathComponent("municipalities.geojson")
        let geo = (data as NSString).appendingPathComponent("geo/municipalities.geojson")
        try FileManager.default.moveItem(atPath: geo, toPath: outside)
        try FileManager.default.createSymbolicLink(atPath: geo, withDestinationPath: outside)
        let result = try CLI.run(["report", "population", "--format", "html"], in: root)
        #expect(result.status == 0)
        #expect(result.stderr.contains("data/geo/municipalities.geojson: cannot read map boundaries: it leads outside the data folder (through a symlink), so it is not read; the municipalities map is left out and shown as a table"))
    }
}
