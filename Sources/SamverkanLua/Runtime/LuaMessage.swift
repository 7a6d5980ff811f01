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
        var found: (String, Int, String)?
        for chunk in chunks where message.hasPrefix(chunk + ":") {
            let rest = message.dropFirst(chunk.count + 1)
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if let line = Int(digits), rest.dropFirst(digits.count).hasPrefix(": ") {
                found = (chunk, line, String(rest.dropFirst(digits.count + 2)))
                break
            }
        }
        // A chunk the runtime did not load itself (load(s, "=name") in a script): what comes
        // before the first colon, when a line number and ": " follow it.
        if found == nil, let colon = message.firstIndex(of: ":") {
            let rest = message[message.index(after: colon)...]
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if let line = Int(digits), rest.dropFirst(digits.count).hasPrefix(": ") {
                found = (String(message[..<colon]), line, String(rest.dropFirst(digits.count + 2)))
            }
        }
        chunk = found?.0
        line = found?.1
        text = found?.2 ?? message
        near = Self.near(in: text)
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
