import Foundation
import TriageDiagnosis
import TriageModel
import TriageParserSignatures

/// Reads any pull-failure text (describe, events, pod status, runtime output) with the
/// diagnosis classifier and turns its most severe finding into facts; from the Events table of
/// `kubectl describe`, it also tells where the kubelet's pull back-off stands.
struct PullFailureParser: OutputParser {
    let signature = ParserSignatures.pullFailure

    func facts(from result: CommandResult, context: ParserContext) -> Facts {
        var facts = Self.backOffFacts(result.stdout, node: context.node)
        facts.merge(classifiedFacts(result, node: context.node)) { _, classified in classified }
        return facts
    }

    /// How often the pulls failed (`Failed to pull image` rows of describe's Events), how long ago
    /// the last one was when describe ran, the kubelet's wait now, and how long after describe
    /// its next pull is due (0: any moment). The events last about an hour, so after a long
    /// outage the count is a lower bound and the wait is at its cap.
    static func backOffFacts(_ output: String, node: String) -> Facts {
        var failures = 0, last: (row: DescribeEventRow, line: Int, text: String)?
        for (index, bytes) in output.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let line = Substring(bytes.last == UInt8(ascii: "\r") ? bytes.dropLast() : bytes)
            guard let row = DescribeEventRow(line), row.reason == "Failed", row.message.hasPrefix("Failed to pull image") else { continue }
            failures += row.count
            if last.map({ row.ageSeconds < $0.row.ageSeconds }) ?? true { last = (row, index + 1, String(line)) }
        }
        guard let last, failures > 0 else { return [:] }
        let evidence = Evidence(line: last.line, text: last.text, node: node)
        let delay = ImagePullBackOff.delay(afterFailures: failures)
        return [
            "pull_failures": Fact(String(failures), evidence: evidence),
            "last_pull_failure_age": Fact(last.row.age, evidence: evidence),
            "backoff_delay_seconds": Fact(String(delay), evidence: evidence),
            "backoff_capped": Fact(delay == ImagePullBackOff.maximumSeconds ? "true" : "false"),
            "next_pull_in_seconds": Fact(String(max(0, delay - last.row.ageSeconds)), evidence: evidence),
        ]
    }

    private func classifiedFacts(_ result: CommandResult, node: String) -> Facts {
        let report = PullFailureDiagnoser.diagnose(result.combinedOutput)
        guard let primary = report.findings.first else { return [:] }
        let evidence = TriageModel.Evidence(line: primary.evidence.line, text: primary.evidence.text, node: node)
        func fact(_ values: [String]) -> Fact? {
            values.isEmpty ? nil : Fact(values: values, evidence: evidence)
        }
        var facts: Facts = [:]
        facts["cause"] = fact([primary.cause.rawValue])
        facts["causes"] = fact(uniqued(report.findings.map(\.cause.rawValue)))
        facts["alternatives"] = fact(primary.alternatives.map(\.cause.rawValue))
        facts["evidence"] = fact([primary.evidence.quote ?? blanksTrimmed(primary.evidence.text)])
        if let image = primary.image {
            facts["image"] = fact([image.normalized ?? image.original])
            facts["image_as_written"] = fact([image.original])
            facts["image_problem"] = fact(image.problem.map { [$0] } ?? [])
            facts["image_suggestion"] = fact(image.suggestion.map { [$0] } ?? [])
            facts["repository"] = fact(image.repository.map { [$0] } ?? [])
        }
        if let registry = primary.registry {
            facts["registry"] = fact([registry.host])
            facts["registry_family"] = fact([registry.family.rawValue])
            facts["registry_address"] = fact([registry.apiAddress])
            facts["registry_hostname"] = fact([registry.apiHostName])
            facts["ecr_region"] = fact(registry.ecrRegion.map { [$0] } ?? [])
            facts["acr_name"] = fact(registry.azureRegistryName.map { [$0] } ?? [])
        }
        if primary.runtime != .unknown { facts["runtime"] = fact([primary.runtime.rawValue]) }
        facts["runtime_service"] = fact([primary.runtime.serviceName])
        facts["pod"] = fact(primary.pod.map { [$0] } ?? [])
        facts["container"] = fact(primary.container.map { [$0] } ?? [])
        facts["failing_containers"] = fact(uniqued(report.findings.compactMap(\.container)))
        facts["node"] = fact(primary.node.map { [$0] } ?? [])
        return facts
    }

    /// `text` without the blanks around it: tabs and Unicode's space separators, what
    /// Foundation's `.whitespaces` holds, without building that character set at start-up.
    private func blanksTrimmed(_ text: String) -> String {
        func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator }
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isBlank($0) }), let last = scalars.lastIndex(where: { !isBlank($0) }) else { return "" }
        return String(scalars[first...last])
    }

    private func uniqued(_ values: [String]) -> [String] {
        var seen: Set<String> = []
        return values.filter { seen.insert($0).inserted }
    }
}
