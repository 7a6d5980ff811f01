import Foundation

/// Where headless Chromium is: `$SAMVERKAN_CHROMIUM`, else the first of Debian's and
/// Google's names on `$PATH`.
enum Chromium {
    static let names = ["chromium", "chromium-browser", "google-chrome-stable", "google-chrome"]

    /// What to tell a user who has none.
    static let missing = "--format pdf prints the report's HTML with headless Chromium, which is not installed: "
        + "install Debian's package chromium (sudo apt-get install chromium), "
        + "or set SAMVERKAN_CHROMIUM to a Chromium or Chrome program"

    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let files = FileManager.default
        if let given = environment["SAMVERKAN_CHROMIUM"], !given.isEmpty {
            return files.isExecutableFile(atPath: given) ? URL(fileURLWithPath: given) : nil
        }
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            for name in names {
                let path = String(folder) + "/" + name
                if files.isExecutableFile(atPath: path) { return URL(fileURLWithPath: path) }
            }
        }
        return nil
    }
}
