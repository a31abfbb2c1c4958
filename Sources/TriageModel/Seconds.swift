/// Seconds written as a number (a runbook's `timeout:`, `every:` or `for:`, a command-line option)
/// turned into what timers and messages take, without ever trapping: the loader and the options
/// bound them already, and these conversions stay safe on any value, infinite or NaN included.
public enum Seconds {
    /// The longest wait Triage takes: one day.
    public static let longest: Double = 86_400
    /// The shortest: one millisecond, the resolution of Triage's timers.
    public static let shortest: Double = 0.001

    /// `value` as a duration of whole milliseconds, clamped to ``shortest``…``longest`` (NaN is
    /// the shortest).
    public static func duration(_ value: Double) -> Duration {
        .milliseconds(Int64((bounded(value) * 1000).rounded()))
    }

    /// `value` in whole seconds, for a message: clamped to 0…``longest``, rounded down.
    public static func whole(_ value: Double) -> Int {
        Int(value.isNaN ? 0 : min(max(value, 0), longest).rounded(.down))
    }

    /// `value` as a message says it: `2 s`, `0.5 s`, `120 s` to a tenth of a second, `40 ms`
    /// below a tenth (bounded as a duration is).
    public static func spoken(_ value: Double) -> String {
        let tenths = Int((bounded(value) * 10).rounded())
        guard tenths > 0 else { return "\(Int((bounded(value) * 1000).rounded())) ms" }
        return (tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)") + " s"
    }

    /// How many whole times `step` fits into `total` (the polls a watch makes after its first),
    /// both bounded as a duration is.
    public static func count(_ total: Double, every step: Double) -> Int {
        Int((bounded(total) / bounded(step)).rounded(.down))
    }

    private static func bounded(_ value: Double) -> Double {
        value.isNaN ? shortest : min(max(value, shortest), longest)
    }
}
