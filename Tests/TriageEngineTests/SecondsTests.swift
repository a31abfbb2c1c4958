import Testing
import TriageModel

/// Seconds become durations, whole numbers and counts without trapping on any `Double`.
struct SecondsTests {
    @Test(arguments: [Double.nan, .infinity, -.infinity, 1e300, -1e300, 0, -0.0, 1e-300, .ulpOfOne, .greatestFiniteMagnitude])
    func anyValueConverts(value: Double) {
        let duration = Seconds.duration(value)
        #expect(duration >= .milliseconds(1) && duration <= .seconds(86_400))
        #expect((0...86_400).contains(Seconds.whole(value)))
        #expect((0...86_400_000).contains(Seconds.count(value, every: value)))
        #expect((0...86_400_000).contains(Seconds.count(86_400, every: value)))
    }

    @Test func ordinaryValuesConvertExactly() {
        #expect(Seconds.duration(2.5) == .milliseconds(2500))
        #expect(Seconds.duration(0.0004) == .milliseconds(1))
        #expect(Seconds.whole(299.9) == 299)
        #expect(Seconds.count(300, every: 5) == 60)
    }

    @Test func messagesSayTheTimeToATenth() {
        #expect([2, 2.04, 0.5, 120, 1.25, 0.04, 86_400.4].map(Seconds.spoken) == ["2 s", "2 s", "0.5 s", "120 s", "1.3 s", "40 ms", "86400 s"])
        #expect([Double.nan, -1, .infinity].map(Seconds.spoken) == ["1 ms", "1 ms", "86400 s"])
    }
}
