import Foundation

/// A trainee's practice per scenario and per cause (attempts, passes, best score, time, hints and
/// mistakes), and the causes never practised, so a trainer sees what is missing.
public struct ProgressReport: Sendable, Equatable, Encodable {
    /// One scenario's figures.
    public struct ScenarioLine: Sendable, Equatable, Encodable {
        /// The scenario's id.
        public var scenario: String
        /// The cause its ending names.
        public var cause: String
        /// Its difficulty, by name.
        public var difficulty: String
        /// How many times it was played to an end (or out of time).
        public var attempts: Int
        /// Attempts that counted as passed.
        public var passed: Int
        /// Attempts played as exams.
        public var exams: Int
        public var bestScore: Int
        /// The fastest attempt that reached the ending, in seconds.
        public var bestSeconds: Double?
        /// Seconds spent over every attempt.
        public var totalSeconds: Double
        /// Hints taken over every attempt.
        public var hints: Int
        /// Wrong answers over every attempt, retried ones included.
        public var mistakes: Int
        public var lastPlayed: Date

        enum CodingKeys: String, CodingKey {
            case scenario, cause, difficulty, attempts, passed, exams, hints, mistakes
            case bestScore = "best_score", bestSeconds = "best_seconds", totalSeconds = "total_seconds", lastPlayed = "last_played"
        }
    }

    /// One cause's figures, over every scenario that ends in it.
    public struct Line: Sendable, Equatable, Encodable {
        /// The cause practised.
        public var cause: String
        /// How many attempts ended in it.
        public var attempts: Int
        /// Attempts that counted as passed.
        public var passed: Int
        /// The best score of those attempts.
        public var bestScore: Int
        /// Hints taken over those attempts.
        public var hints: Int
        /// Wrong answers over those attempts.
        public var mistakes: Int
        /// When the last of them was played.
        public var lastPlayed: Date

        enum CodingKeys: String, CodingKey {
            case cause, attempts, passed, hints, mistakes, bestScore = "best_score", lastPlayed = "last_played"
        }
    }

    /// Whose progress this is.
    public var trainee: String
    /// Practised scenarios, by id.
    public var scenarios: [ScenarioLine]
    /// Practised causes, by name.
    public var lines: [Line]
    /// Causes with scenarios (or diagnoses) that the trainee has never played, by name.
    public var neverPractised: [String]

    enum CodingKeys: String, CodingKey {
        case trainee, scenarios, lines = "practised", neverPractised = "never_practised"
    }

    /// The report for `trainee` over `causes` (every cause the library teaches).
    public init(trainee: String, attempts: [Attempt], causes: [String]) {
        self.trainee = trainee
        let byScenario = Dictionary(grouping: attempts, by: \.scenario)
        scenarios = byScenario.keys.sorted().map { id in
            let attempts = byScenario[id] ?? []
            let last = attempts.max { $0.playedAt < $1.playedAt }
            return ScenarioLine(
                scenario: id, cause: last?.cause ?? "", difficulty: last?.difficulty ?? "", attempts: attempts.count,
                passed: attempts.filter(\.passed).count, exams: attempts.filter(\.exam).count,
                bestScore: attempts.map(\.score).max() ?? 0,
                bestSeconds: attempts.filter { !$0.timedOut }.map(\.seconds).min(),
                totalSeconds: attempts.map(\.seconds).reduce(0, +),
                hints: attempts.map(\.hints).reduce(0, +), mistakes: attempts.map(\.mistakes).reduce(0, +),
                lastPlayed: last?.playedAt ?? .distantPast
            )
        }
        let byCause = Dictionary(grouping: attempts, by: \.cause)
        lines = byCause.keys.sorted().map { cause in
            let attempts = byCause[cause] ?? []
            return Line(
                cause: cause, attempts: attempts.count, passed: attempts.filter(\.passed).count,
                bestScore: attempts.map(\.score).max() ?? 0, hints: attempts.map(\.hints).reduce(0, +),
                mistakes: attempts.map(\.mistakes).reduce(0, +), lastPlayed: attempts.map(\.playedAt).max() ?? .distantPast
            )
        }
        neverPractised = Set(causes).subtracting(byCause.keys).sorted()
    }

    /// The report as tables: per scenario, then per cause.
    public var text: String {
        var text = "Progress of \(trainee)\n"
        guard !lines.isEmpty else {
            return text + "  no attempts yet\n" + "Never practised: \(neverPractised.joined(separator: ", "))\n"
        }
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
        let rows = scenarios.map { line in
            [
                line.scenario, String(line.attempts), String(line.passed), String(line.bestScore),
                line.bestSeconds.map(Debrief.duration) ?? "-", Debrief.duration(line.totalSeconds), String(line.hints), String(line.mistakes),
                format.string(from: line.lastPlayed),
            ]
        }
        text += Self.table(["scenario", "attempts", "passed", "best", "fastest", "time", "hints", "mistakes", "last played"], rows)
        let causes = lines.map { line in
            [
                line.cause, String(line.attempts), String(line.passed), String(line.bestScore), String(line.hints), String(line.mistakes),
                format.string(from: line.lastPlayed),
            ]
        }
        text += Self.table(["cause", "attempts", "passed", "best", "hints", "mistakes", "last played"], causes)
        text +=
            neverPractised.isEmpty
            ? "Every cause has been practised.\n"
            : "Never practised: \(neverPractised.joined(separator: ", "))\n"
        return text
    }

    /// Columns padded to their widest value, the first left-aligned and the rest right-aligned.
    private static func table(_ header: [String], _ rows: [[String]]) -> String {
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "  "
                + cells.enumerated().map { column, cell in
                    let pad = String(repeating: " ", count: widths[column] - cell.count)
                    return column == 0 || column == cells.count - 1 ? cell + pad : pad + cell
                }.joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }
        return ([header] + rows).map(line).joined()
    }

    /// The header of ``csv(_:)``.
    public static let csvColumns = [
        "trainee", "scenario", "cause", "difficulty", "attempts", "passed", "exams", "best_score", "best_seconds",
        "total_seconds", "hints", "mistakes", "last_played",
    ]

    /// One line per trainee and scenario, with a header, as RFC 4180 CSV.
    public static func csv(_ reports: [ProgressReport]) -> String {
        let format = ISO8601DateFormatter()
        var text = csvColumns.joined(separator: ",") + "\r\n"
        for report in reports {
            for line in report.scenarios {
                let cells = [
                    report.trainee, line.scenario, line.cause, line.difficulty, String(line.attempts), String(line.passed),
                    String(line.exams), String(line.bestScore), line.bestSeconds.map { String(format: "%.1f", $0) } ?? "",
                    String(format: "%.1f", line.totalSeconds), String(line.hints), String(line.mistakes), format.string(from: line.lastPlayed),
                ]
                text += cells.map(csvField).joined(separator: ",") + "\r\n"
            }
        }
        return text
    }

    /// A field quoted when it holds a comma, a quote or a line end; a leading `=`, `+`, `-` or `@`
    /// is prefixed with `'` so a spreadsheet shows a trainee's name instead of running it.
    private static func csvField(_ value: String) -> String {
        var value = value
        if let first = value.first, "=+-@".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
