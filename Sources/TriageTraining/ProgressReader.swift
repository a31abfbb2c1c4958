import Foundation
import TriageJSON
import TriageModel

/// Reads the progress file that ``ProgressStore`` writes, with the project's own JSON reader, so
/// that what is wrong in a damaged or hand-edited file is reported at the line and column of the
/// value (or of the object that lacks a member). Files written before `mistakes`, `passed`,
/// `exam` and `timedOut` existed still read: those default to the wrong choices, a pass, practice
/// and in time. Members it does not know are left alone.
enum ProgressReader {
    /// What is wrong, and where: the steps from the document's root to the value.
    struct Problem: Error {
        let steps: [JSONStep]
        let message: String
    }

    /// The progress `bytes` hold.
    static func progress(from bytes: UnsafeBufferPointer<UInt8>) throws(ProgressContentError) -> Progress {
        let document: JSONValue
        do throws(JSONReadError) {
            document = try JSONValue.parse(bytes)
        } catch {
            throw ProgressContentError(line: error.line, column: error.column, problem: "not JSON: \(error.problem)")
        }
        do throws(Problem) {
            return try progress(in: Members(document, at: []))
        } catch {
            let position = JSONPosition.of(error.steps, in: bytes) ?? JSONPosition(line: 1, column: 1)
            throw ProgressContentError(line: position.line, column: position.column, problem: error.message)
        }
    }

    private static func progress(in root: Members) throws(Problem) -> Progress {
        var progress = Progress()
        progress.version = try root.int("version")
        let trainees = try Members(root.required("trainees"), at: root.steps + [.member("trainees")])
        for (trainee, list) in trainees.all {
            let steps = trainees.steps + [.member(trainee)]
            guard case .array(let items) = list else { throw Problem(steps: steps, message: "\(Members.name(steps)) must be a list") }
            for (index, item) in items.enumerated() {
                progress.trainees[trainee, default: []].append(try attempt(in: Members(item, at: steps + [.element(index)])))
            }
        }
        return progress
    }

    /// One attempt, its members checked in the order Triage writes them.
    private static func attempt(in fields: Members) throws(Problem) -> Attempt {
        let scenario = try fields.string("scenario")
        let cause = try fields.string("cause")
        let difficulty = try fields.string("difficulty")
        let score = try fields.int("score")
        let maximum = try fields.int("maximum")
        let seconds = try fields.double("seconds")
        let wrongChoices = try fields.int("wrongChoices")
        return Attempt(
            scenario: scenario, cause: cause, difficulty: difficulty, score: score, maximum: maximum, seconds: seconds,
            wrongChoices: wrongChoices, hints: try fields.int("hints"), playedAt: try fields.date("playedAt"),
            mistakes: try fields.optionalInt("mistakes") ?? wrongChoices, passed: try fields.optionalBool("passed") ?? true,
            exam: try fields.optionalBool("exam") ?? false, timedOut: try fields.optionalBool("timedOut") ?? false
        )
    }

    /// The members of one JSON object and the steps that lead to it; of a repeated member, the
    /// last counts.
    private struct Members {
        let all: [(key: String, value: JSONValue)]
        let steps: [JSONStep]

        init(_ value: JSONValue, at steps: [JSONStep]) throws(Problem) {
            guard case .object(let members) = value else { throw Problem(steps: steps, message: "\(Self.name(steps)) must be an object") }
            self.all = members
            self.steps = steps
        }

        /// `trainees.alice[0].score`, control characters made visible; "the document" for the root.
        static func name(_ steps: [JSONStep]) -> String {
            guard !steps.isEmpty else { return "the document" }
            var written = steps.map { step in
                switch step {
                case .member(let name): ".\(name)"
                case .element(let index): "[\(index)]"
                }
            }.joined()
            if written.hasPrefix(".") { written.removeFirst() }
            return VisibleText.escapingControls(written)
        }

        /// The member's value; nil when it is absent or null.
        func optional(_ key: String) -> JSONValue? {
            guard let value = all.last(where: { $0.key == key })?.value, value != .null else { return nil }
            return value
        }

        func required(_ key: String) throws(Problem) -> JSONValue {
            guard let value = all.last(where: { $0.key == key })?.value else {
                throw Problem(steps: steps, message: "\(Self.name(steps)) has no '\(key)'")
            }
            if value == .null { throw Problem(steps: steps + [.member(key)], message: "\(Self.name(steps + [.member(key)])) is null") }
            return value
        }

        private func wrong(_ key: String, _ expectation: String) -> Problem {
            Problem(steps: steps + [.member(key)], message: "\(Self.name(steps + [.member(key)])) must be \(expectation)")
        }

        func string(_ key: String) throws(Problem) -> String {
            guard case .string(let text) = try required(key) else { throw wrong(key, "a string") }
            return text
        }

        func int(_ key: String) throws(Problem) -> Int {
            guard let number = try required(key).int else { throw wrong(key, "a whole number") }
            return number
        }

        func optionalInt(_ key: String) throws(Problem) -> Int? {
            guard let value = optional(key) else { return nil }
            guard let number = value.int else { throw wrong(key, "a whole number") }
            return number
        }

        func double(_ key: String) throws(Problem) -> Double {
            guard case .number(let text) = try required(key), let number = Double(text), number.isFinite else { throw wrong(key, "a number") }
            return number
        }

        func optionalBool(_ key: String) throws(Problem) -> Bool? {
            guard let value = optional(key) else { return nil }
            guard case .bool(let flag) = value else { throw wrong(key, "true or false") }
            return flag
        }

        func date(_ key: String) throws(Problem) -> Date {
            guard case .string(let text) = try required(key), let date = ISO8601DateFormatter().date(from: text) else {
                throw wrong(key, "a date and time like \"2026-12-03T10:00:00Z\"")
            }
            return date
        }
    }
}

/// Where a progress file is not what Triage writes there, and what is wrong.
struct ProgressContentError: Error {
    let line: Int
    let column: Int
    let problem: String
}
