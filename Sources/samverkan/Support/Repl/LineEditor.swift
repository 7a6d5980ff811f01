import CEditLine
import Foundation

/// Reads the REPL's lines: on a terminal through libedit (emacs keys, history in memory,
/// Tab completes), else plainly from stdin without prompts, so `samverkan repl < file`
/// works too. Debian's libedit, not a line editor of our own: it handles terminals, wide
/// characters and signals that a hand-written one would get wrong.
final class LineEditor {
    /// Completes the text before the cursor: the replacement of the word being typed and
    /// the candidates (see ``ReplCompletion``).
    typealias Completer = (String) -> (prefix: String, candidates: [String])

    private var editor: OpaquePointer?
    private var history: OpaquePointer?

    init(completer: @escaping Completer) {
        guard isatty(0) == 1, isatty(1) == 1 else { return }
        // libedit reads UTF-8 (Malmö, Växjö) only under a UTF-8 character type.
        if !(String(cString: setlocale(LC_CTYPE, "")).uppercased().contains("UTF")) {
            setlocale(LC_CTYPE, "C.UTF-8")
        }
        LineEditor.completer = completer
        history = sv_history_start(1000)
        editor = sv_editor_start("samverkan", LineEditor.prompt, LineEditor.complete, history)
    }

    deinit {
        if let editor { el_end(editor) }
        if let history { history_end(history) }
        // The statics hold the completer (and through it the session and the data) only
        // while an editor is open.
        LineEditor.completer = nil
        LineEditor.promptBuffer.map { free($0) }
        LineEditor.promptBuffer = nil
    }

    /// The next line without its newline, or nil at the end of input (Ctrl-D).
    func readLine(prompt: String) -> String? {
        guard let editor else { return Swift.readLine(strippingNewline: true) }
        LineEditor.promptText = prompt
        var count: Int32 = 0
        guard let line = el_gets(editor, &count), count > 0 else { return nil }
        var text = String(cString: line)
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    /// Keeps an input (all its lines) for the arrow keys.
    func remember(_ input: String) {
        guard let history, !input.trimmingCharacters(in: .whitespaces).isEmpty else { return }
        sv_history_add(history, input)
    }

    // libedit calls C functions without a context pointer: one editor per process, so its
    // prompt and completer are kept here.
    nonisolated(unsafe) private static var promptText = "> "
    nonisolated(unsafe) private static var promptBuffer: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) private static var completer: Completer?

    private static let prompt: sv_prompt_fn = { _ in
        promptBuffer.map { free($0) }
        promptBuffer = strdup(promptText)
        return promptBuffer
    }

    private static let complete: sv_complete_fn = { editor, _ in
        guard let editor, let info = el_line(editor)?.pointee, let buffer = info.buffer, let completer else {
            return UInt8(CC_ERROR)
        }
        let before = Data(bytes: buffer, count: info.cursor - buffer)
        let (prefix, candidates) = completer(String(decoding: before, as: UTF8.self))
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        // Insert what every candidate shares beyond the typed prefix.
        let shared = ReplCompletion.commonPrefix(candidates)
        if shared.count > prefix.count {
            el_insertstr(editor, String(shared.dropFirst(prefix.count)))
            if candidates.count == 1 { return UInt8(CC_REFRESH) }
        }
        guard candidates.count > 1 else { return UInt8(CC_REFRESH) }
        // Several: list them (their last part: `population`, not `kb.population`) under the
        // line, then draw the prompt and the line again.
        let head = prefix.lastIndex { $0 == "." || $0 == ":" }.map { prefix.distance(from: prefix.startIndex, to: $0) + 1 } ?? 0
        let names = candidates.prefix(100).map { String($0.dropFirst(head)) }
        let listing = "\n" + names.joined(separator: "  ") + (candidates.count > 100 ? "  …" : "") + "\n"
        sv_editor_print(listing)
        return UInt8(CC_REDISPLAY)
    }
}
