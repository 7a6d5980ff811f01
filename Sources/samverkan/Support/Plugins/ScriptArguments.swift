/// What follows `samverkan run [OPTIONS] FILE.lua` goes to the script untouched (SPEC §7.1).
///
/// The argument parser refuses some words on its own even in passthrough (`---x` is an
/// "invalid option" wherever it stands), so the script's words are split off before parsing:
/// everything after the first word of `run` that is not an option or an option's value.
enum ScriptArguments {
    /// The global options that take a value as the next word.
    static let valued: Set<String> = ["--data", "--scripts", "--timeout", "--memory-limit", "--locale", "-e"]

    /// The words to parse, and the script's words when the command is `run` with a script.
    static func split(_ words: [String]) -> (parse: [String], script: [String]?) {
        guard words.first == "run" else { return (words, nil) }
        var index = 1
        while index < words.count {
            let word = words[index]
            if word == "--" { index += 1; break }
            guard word.hasPrefix("-"), word != "-" else { break }
            index += valued.contains(word) ? 2 : 1
        }
        guard index < words.count else { return (words, nil) }
        return (Array(words[...index]), Array(words[(index + 1)...]))
    }
}
