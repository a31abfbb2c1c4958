import TriageDiagnosis
import TriageKubernetes
import TriageModel
import TriageParserSignatures

/// Reads `kubectl get events -o json` for one pod through the Kubernetes model: how often and
/// when its pulls failed and the kubelet backed off, where the kubelet's back-off stands, and
/// which images the events are about — those the pod's spec no longer uses are history.
///
/// The kubelet's wait follows `ImagePullBackOff`. The count comes from the events, which the API
/// server keeps for about an hour, so after a long outage it is a lower bound and the wait is
/// already at its cap.
struct PodEventsParser: OutputParser {
    let signature = ParserSignatures.podEvents

    func facts(from result: CommandResult, context: ParserContext) -> Facts {
        guard let events = try? Event.decodeList(result.stdout) else { return [:] }
        let json = JSONFacts(result.stdout, node: context.node)
        var facts: Facts = ["events_found": Fact(events.isEmpty ? "false" : "true")]
        let failures = events.filter { $0.reason == "Failed" && $0.message?.hasPrefix("Failed to pull image") == true }
        let backOffs = events.filter { $0.reason == "BackOff" && $0.message?.hasPrefix("Back-off pulling image") == true }
        let pullEvents = events.filter { Self.imageNamed(in: $0) != nil }

        let failureCount = failures.reduce(0) { $0 + $1.occurrences }
        let firstFailure = failures.compactMap(\.firstSeen).min(), lastFailure = failures.compactMap(\.lastSeen).max()
        if failureCount > 0 {
            facts["pull_failures"] = json.fact(String(failureCount), seenAt: "Failed to pull image")
            facts["pull_failures_first_seen"] = firstFailure.flatMap { json.fact($0.text) }
            facts["pull_failures_last_seen"] = lastFailure.flatMap { json.fact($0.text) }
            let latest = failures.max { ($0.lastSeen?.secondsSinceEpoch ?? 0) < ($1.lastSeen?.secondsSinceEpoch ?? 0) }
            facts["last_pull_error"] = latest?.message.flatMap { json.fact($0, seenAt: "Failed to pull image") }
            let delay = ImagePullBackOff.delay(afterFailures: failureCount)
            facts["backoff_delay_seconds"] = Fact(String(delay))
            facts["backoff_capped"] = Fact(delay == ImagePullBackOff.maximumSeconds ? "true" : "false")
            facts["next_pull_due"] = lastFailure.map { Fact($0.adding(seconds: delay).text) }
        }
        let backOffCount = backOffs.reduce(0) { $0 + $1.occurrences }
        if backOffCount > 0 {
            facts["back_offs"] = json.fact(String(backOffCount), seenAt: "Back-off pulling image")
            facts["back_offs_first_seen"] = backOffs.compactMap(\.firstSeen).min().flatMap { json.fact($0.text) }
            facts["back_offs_last_seen"] = backOffs.compactMap(\.lastSeen).max().flatMap { json.fact($0.text) }
        }
        var seen: Set<String> = []
        let images = pullEvents.compactMap(Self.imageNamed).filter { seen.insert($0).inserted }
        facts["event_images"] = json.fact(images)
        if let specImages = context.facts["images"]?.values {
            let current = Set(specImages.map(Self.normalized))
            facts["stale_event_images"] = json.fact(images.filter { !current.contains(Self.normalized($0)) })
        }
        var containers: Set<String> = []
        facts["event_containers"] = Fact.list(pullEvents.compactMap(\.involvedObject.container?.name).filter { containers.insert($0).inserted })
        return facts
    }

    /// The image a pull event names in quotes (`Pulling image "x"`, `Failed to pull image "x": …`,
    /// `Back-off pulling image "x"`, `Container image "x" is not present with pull policy of Never`).
    static func imageNamed(in event: Event) -> String? {
        guard let message = event.message,
            ["Pulling image \"", "Pulled image", "Successfully pulled image \"", "Failed to pull image \"", "Back-off pulling image \"", "Container image \""]
                .contains(where: message.hasPrefix),
            let open = message.firstIndex(of: "\""),
            let close = message[message.index(after: open)...].firstIndex(of: "\"")
        else { return nil }
        let image = String(message[message.index(after: open)..<close])
        return image.isEmpty ? nil : image
    }

    /// An image as the registry sees it (`nginx` is `docker.io/library/nginx:latest`), so that the
    /// spec's and the events' spellings compare equal.
    private static func normalized(_ image: String) -> String {
        (try? ImageReference.parse(image))?.description ?? image
    }
}
