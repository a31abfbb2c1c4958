import Foundation
import TriageModel

/// Writes a `Scenario` in the format `ScenarioDecoder` reads: outputs as literal blocks, exactly
/// as the commands printed them, so a recorded scenario reads like a hand-written one.
enum ScenarioYAML {
    static func text(_ scenario: Scenario) -> String {
        var lines = ["id: \(scenario.id)", "runbook: \(scenario.runbook)", "title: \(quoted(scenario.title))", "difficulty: \(scenario.difficulty.rawValue)"]
        lines += block("teaches", scenario.teaches, indent: 0)
        if scenario.online { lines.append("online: true") }
        lines += map("inputs", scenario.inputs)
        lines.append(scenario.recordings.isEmpty ? "commands: []" : "commands:")
        for recording in scenario.recordings {
            lines.append("  - run: [" + recording.arguments.map(flowItem).joined(separator: ", ") + "]")
            lines.append("    duration: \((recording.result.duration * 100).rounded() / 100)")
            lines += block("stdout", recording.result.stdout, indent: 4)
            lines += block("stderr", recording.result.stderr, indent: 4)
            if recording.result.exitStatus != 0 { lines.append("    exit: \(recording.result.exitStatus)") }
            if recording.result.timedOut { lines.append("    timed_out: true") }
        }
        if !scenario.answers.isEmpty { lines += map("answers", scenario.answers) }
        let expected = scenario.expectation
        lines += ["expect:", "  ending: \(expected.ending)"]
        if let cause = expected.cause { lines.append("  cause: \(cause)") }
        if let path = expected.path { lines.append("  path: [" + path.map(flowItem).joined(separator: ", ") + "]") }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func map(_ key: String, _ values: [String: String]) -> [String] {
        [key + ":"] + values.keys.sorted().map { "  \($0): \(quoted(values[$0]!))" }
    }

    /// A literal block (`|`, `|-` or `|+`, with an indentation indicator when the text starts with
    /// a space); a double-quoted string when the text holds characters a block cannot.
    private static func block(_ key: String, _ text: String, indent: Int) -> [String] {
        guard !text.isEmpty else { return [] }
        let pad = String(repeating: " ", count: indent)
        let printable = text.unicodeScalars.allSatisfy {
            $0 == "\n" || $0 == "\t" || !($0.properties.generalCategory == .control || $0.properties.generalCategory == .format)
        }
        guard printable else { return ["\(pad)\(key): \(jsonString(text))"] }
        var body = Substring(text)
        var chomp = "-"
        if body.hasSuffix("\n") {
            body = body.dropLast()
            chomp = body.hasSuffix("\n") || body.isEmpty ? "+" : ""
            if chomp == "+" { body = Substring(text) }
        }
        let indicator = body.first == " " || body.first == "\n" ? "2" : ""
        var lines = ["\(pad)\(key): |\(indicator)\(chomp)"]
        for line in body.split(separator: "\n", omittingEmptySubsequences: false).dropLast(chomp == "+" ? 1 : 0) {
            lines.append(line.isEmpty ? "" : pad + "  " + line)
        }
        return lines
    }

    static func flowItem(_ value: String) -> String {
        value.allSatisfy { $0.isLetter || $0.isNumber || "-._/=".contains($0) } && !value.isEmpty && value.first != "-"
            || value.hasPrefix("--") && value.dropFirst(2).allSatisfy { $0.isLetter || $0.isNumber || "-._=".contains($0) }
            ? value : jsonString(value)
    }

    static func quoted(_ value: String) -> String {
        let plain =
            !value.isEmpty && value.allSatisfy { $0.isLetter || $0.isNumber || " -._/".contains($0) } && value.first != " " && value.last != " "
            && value.first != "-"
        return plain ? value : jsonString(value)
    }

    /// A JSON string literal, which YAML reads as a double-quoted scalar.
    private static func jsonString(_ value: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [value], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
    }
}
