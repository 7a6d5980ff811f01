/// A Lua error message, taken apart once where it enters Swift (ENGINEERING §2.4): Lua hands
/// errors over as text, `chunk:LINE: message`, and syntax errors end in `near 'TOKEN'` or
/// `near <eof>`. Every layer above reads these fields; none parses the text again.
public struct LuaMessage: Sendable, Equatable {
    /// The chunk the message points into (a file's path, `--where`), and its line.
    public let chunk: String?
    public let line: Int?
    /// The message without its `chunk:LINE: ` prefix.
    public let text: String
    /// Where a syntax error stopped: at a token, or at the end of the chunk.
    public let near: Near?

    public enum Near: Sendable, Equatable {
        case token(String)
        case end
    }

    /// `chunk:LINE: text` as Lua wrote it.
    public var full: String {
        guard let chunk, let line else { return text }
        return "\(chunk):\(line): \(text)"
    }

    /// Takes `message` apart. `chunks` are the chunk names it may start with (the files the
    /// runtime loaded, `--where`), tried first because a path may hold a colon.
    public init(_ message: String, chunks: some Sequence<String>) {
        // A chunk the runtime did not load itself (load(s, "=name") in a script) is what
        // comes before the first colon.
        let firstColon = message.firstIndex(of: ":").map { message.distance(from: message.startIndex, to: $0) }
        let candidates = chunks.filter { message.hasPrefix($0 + ":") }.map(\.count) + (firstColon.map { [$0] } ?? [])
        let found = candidates.lazy.compactMap { Self.located(message, chunkLength: $0) }.first
        chunk = found.map { String(message.prefix($0.chunkLength)) }
        line = found?.line
        text = found.map { String($0.text) } ?? message
        near = Self.near(in: text)
    }

    /// `LINE: text` after the first `chunkLength` characters and a colon, if that is what follows.
    private static func located(_ message: String, chunkLength: Int) -> (chunkLength: Int, line: Int, text: Substring)? {
        let rest = message.dropFirst(chunkLength + 1)
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard let line = Int(digits), rest.dropFirst(digits.count).hasPrefix(": ") else { return nil }
        return (chunkLength, line, rest.dropFirst(digits.count + 2))
    }

    /// A message of the host's own, with its place.
    public init(chunk: String?, line: Int?, text: String) {
        self.chunk = chunk
        self.line = line
        self.text = text
        near = nil
    }

    private static func near(in text: String) -> Near? {
        guard let range = text.range(of: " near ", options: .backwards) else { return nil }
        let token = text[range.upperBound...]
        if token == "<eof>" { return .end }
        guard token.count >= 2, token.first == "'", token.last == "'" else { return nil }
        return .token(String(token.dropFirst().dropLast()))
    }
}
