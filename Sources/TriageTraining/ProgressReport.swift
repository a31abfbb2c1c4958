import Foundation

/// A trainee's practice per cause: attempts, best score and when last played, and the causes
/// never practised, so a trainer sees what is missing.
public struct ProgressReport: Sendable, Equatable, Encodable {
    /// One cause's line.
    public struct Line: Sendable, Equatable, Encodable {
        /// The cause practised.
        public var cause: String
        /// How many attempts ended in it.
        public var attempts: Int
        /// The best score of those attempts.
        public var bestScore: Int
        /// When the last of them was played.
        public var lastPlayed: Date

        enum CodingKeys: String, CodingKey {
            case cause, attempts, bestScore = "best_score", lastPlayed = "last_played"
        }
    }

    /// Whose progress this is.
    public var trainee: String
    /// Practised causes, by name.
    public var lines: [Line]
    /// Causes with scenarios (or diagnoses) that the trainee has never played, by name.
    public var neverPractised: [String]

    enum CodingKeys: String, CodingKey {
        case trainee, lines = "practised", neverPractised = "never_practised"
    }

    /// The report for `trainee` over `causes` (every cause the library teaches).
    public init(trainee: String, attempts: [Attempt], causes: [String]) {
        self.trainee = trainee
        let byCause = Dictionary(grouping: attempts, by: \.cause)
        lines = byCause.keys.sorted().map { cause in
            let attempts = byCause[cause] ?? []
            return Line(
                cause: cause, attempts: attempts.count, bestScore: attempts.map(\.score).max() ?? 0,
                lastPlayed: attempts.map(\.playedAt).max() ?? .distantPast
            )
        }
        neverPractised = Set(causes).subtracting(byCause.keys).sorted()
    }

    /// The report as a table.
    public var text: String {
        var text = "Progress of \(trainee)\n"
        if lines.isEmpty {
            text += "  no attempts yet\n"
        } else {
            let width = max(5, lines.map(\.cause.count).max() ?? 0)
            text += "  " + "cause".padding(toLength: width, withPad: " ", startingAt: 0) + "  attempts  best  last played\n"
            let format = ISO8601DateFormatter()
            format.formatOptions = [.withFullDate, .withTime, .withColonSeparatorInTime, .withSpaceBetweenDateAndTime]
            for line in lines {
                let attempts = String(line.attempts).leftPadded(8)
                let best = String(line.bestScore).leftPadded(4)
                text += "  " + line.cause.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(attempts)  \(best)  \(format.string(from: line.lastPlayed))\n"
            }
        }
        text += neverPractised.isEmpty
            ? "Every cause has been practised.\n"
            : "Never practised: \(neverPractised.joined(separator: ", "))\n"
        return text
    }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        String(repeating: " ", count: max(0, width - count)) + self
    }
}
