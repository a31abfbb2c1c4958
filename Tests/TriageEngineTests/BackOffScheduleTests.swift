import Testing
import TriageDiagnosis
import TriageModel
@testable import TriageEngine

/// Where the kubelet's pull back-off stands, read from the Events of `kubectl describe` as the
/// scenarios recorded them: how many pulls failed, how long ago the last one was, the wait now
/// and when the next pull is due.
struct BackOffScheduleTests {
    @Test(arguments: [
        (
            "  Warning  Failed     70s (x4 over 2m38s)  kubelet            Failed to pull image \"nginxy:1.27\": rpc error", "Failed", 70, 4,
            "Failed to pull image \"nginxy:1.27\": rpc error"
        ),
        ("Warning  Failed  5s  kubelet  Failed to pull image \"a:1\": not found", "Failed", 5, 1, "Failed to pull image \"a:1\": not found"),
        ("    Normal   BackOff    1m12s (x178 over 41m)  kubelet  Back-off pulling image \"x\"", "BackOff", 72, 178, "Back-off pulling image \"x\""),
        ("  Warning  Failed     3h2m (x30 over 5h)  kubelet  Error: ErrImagePull", "Failed", 10920, 30, "Error: ErrImagePull"),
    ])
    func readsADescribeEventRow(line: String, reason: String, age: Int, count: Int, message: String) throws {
        let row = try #require(DescribeEventRow(Substring(line)))
        #expect(row.reason == reason && row.ageSeconds == age && row.count == count && row.message == message)
    }

    @Test(arguments: [
        "  Warning  Failed     <unknown>  kubelet  Failed to pull image", "Events:  <none>", "  Type     Reason     Age   From     Message",
        "Warning Failed 12x kubelet m",
    ])
    func refusesWhatIsNoRow(line: String) {
        #expect(DescribeEventRow(Substring(line)) == nil)
    }

    /// Scenario, failed pulls, age of the last, the wait now, seconds until the next pull.
    @Test(arguments: [
        ("nginxy-typo", "4", "70s", "80", "10"),
        ("ecr-token-expired", "9", "36m", "300", "0"),
    ])
    func theBackOffOfARecordedDescribe(scenario id: String, failures: String, age: String, delay: String, next: String) throws {
        let (library, _) = ShippedLibraryTests.load()
        let scenario = try #require(library.scenario(id))
        let describe = try #require(scenario.recordings.first { $0.arguments.starts(with: ["kubectl", "describe"]) })
        let facts = PullFailureParser().facts(from: describe.result, context: ParserContext(node: "describe"))
        #expect(facts["pull_failures"]?.value == failures)
        #expect(facts["last_pull_failure_age"]?.value == age)
        #expect(facts["backoff_delay_seconds"]?.value == delay)
        #expect(facts["next_pull_in_seconds"]?.value == next)
        #expect(facts["pull_failures"]?.evidence?.text.contains("Failed to pull image") == true)
        #expect(facts["cause"] != nil, "the classified facts are kept beside the back-off")
    }

    @Test func onlyTheBackOffLeftGivesNoSchedule() {
        let describe =
            "Events:\n  Type    Reason   Age                 From     Message\n  ----    ------   ----                ----     -------\n  Normal  BackOff  2m (x40 over 1h)    kubelet  Back-off pulling image \"a:1\"\n"
        #expect(PullFailureParser.backOffFacts(describe, node: "describe").isEmpty)
    }

    /// Events pasted with CRLF line ends give the same schedule, and the evidence line has no
    /// carriage return left in it.
    @Test func crlfEventsGiveTheSameSchedule() {
        let row = "  Warning  Failed     70s (x4 over 2m38s)  kubelet  Failed to pull image \"nginxy:1.27\": rpc error"
        let describe = "Events:\r\n  Type     Reason  Age  From  Message\r\n" + row + "\r\n"
        let facts = PullFailureParser.backOffFacts(describe, node: "describe")
        #expect(facts["pull_failures"]?.value == "4")
        #expect(facts["pull_failures"]?.evidence?.text == row)
    }
}
