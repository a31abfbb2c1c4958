/// The kubelet's image pull back-off (its `imageBackOffPeriod` and `MaxImageBackOff`, stepped by
/// client-go's `flowcontrol.Backoff`): after the first failed pull of an image for a pod it waits
/// 10 seconds, and each further failure doubles the wait, up to 5 minutes. The count is kept per
/// pod and image, so a new pod (deleting this one, restarting its workload) starts from nothing,
/// and a pull that has not failed for twice the longest wait starts from nothing too.
public enum ImagePullBackOff {
    /// The first wait, in seconds.
    public static let initialSeconds = 10
    /// The longest wait, in seconds.
    public static let maximumSeconds = 300

    /// The wait before the next pull after `failures` failed pulls in a row.
    public static func delay(afterFailures failures: Int) -> Int {
        var delay = initialSeconds
        for _ in 1..<max(failures, 1) {
            delay *= 2
            if delay >= maximumSeconds { return maximumSeconds }
        }
        return delay
    }
}

/// One row of the Events table of `kubectl describe`:
/// `Warning  Failed  70s (x4 over 2m38s)  kubelet  Failed to pull image "…": …`.
public struct DescribeEventRow: Sendable, Equatable {
    /// `Warning` or `Normal`.
    public var type: String
    /// `Failed`, `BackOff`, `Pulling` …
    public var reason: String
    /// How long ago it was last seen, in seconds, when describe ran.
    public var ageSeconds: Int
    /// The age as kubectl wrote it (`70s`, `2m38s`).
    public var age: String
    /// How many times it happened (`x4`; 1 when kubectl wrote no count).
    public var count: Int
    /// The message, with its runs of spaces made one.
    public var message: String

    /// Reads `line`; nil when it is not an event row with a readable age.
    public init?(_ line: Substring) {
        let start = line.utf8.drop { $0 == UInt8(ascii: " ") }
        guard start.starts(with: "Warning ".utf8) || start.starts(with: "Normal ".utf8) else { return nil }
        let words = line.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count >= 4, ["Warning", "Normal"].contains(words[0]), let age = Self.seconds(words[2]) else { return nil }
        type = String(words[0])
        reason = String(words[1])
        self.age = String(words[2])
        ageSeconds = age
        var next = 3
        count = 1
        if words[3].hasPrefix("(x"), let times = Int(words[3].dropFirst(2)), times > 0 {
            count = times
            next = words.count > 6 && words[4] == "over" ? 6 : 4
        }
        // The next word is the source (`kubelet`), then the message, its runs of spaces made one.
        guard next + 1 < words.count else { return nil }
        message = String(words[next + 1])
        for word in words[(next + 2)...] { message += " " + word }
    }

    /// Seconds in a kubectl age (`45s`, `2m38s`, `3h2m`, `2d`, `1y`); nil for anything else.
    public static func seconds(_ text: Substring) -> Int? {
        func secondsPer(_ character: Character) -> Int? {
            switch character {
            case "s": 1
            case "m": 60
            case "h": 3600
            case "d": 86400
            case "y": 31_536_000
            default: nil
            }
        }
        var total = 0, number = 0, digits = 0
        for character in text {
            if let digit = character.wholeNumberValue, character.isASCII {
                guard digits < 9 else { return nil }
                number = number * 10 + digit
                digits += 1
            } else if let unit = secondsPer(character), digits > 0 {
                total += number * unit
                number = 0
                digits = 0
            } else {
                return nil
            }
        }
        return digits == 0 && !text.isEmpty ? total : nil
    }
}
