import Foundation
import TriageDiagnosis
import TriageSecrets

/// `triage-bench corpus [PATH]` and `triage-bench speed`: accuracy on the labelled corpus and throughput.

/// One labelled item of the development corpus.
struct CorpusItem: Decodable {
    let id: String
    let label: String
    let altLabels: [String]
    let text: String

    enum CodingKeys: String, CodingKey {
        case id, label, text
        case altLabels = "alt_labels"
    }
}

/// Where the corpus lives when no path is given: `../shared/corpus` beside the package root.
func defaultCorpusPath() -> String {
    let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus/dev-pull-failures.jsonl").path
}

/// `masked`: diagnose each text after `SecretMasker`, as `triage diagnose` does, to show the
/// masking costs no accuracy.
func runCorpus(path: String, verbose: Bool, masked: Bool) -> Int32 {
    guard let data = FileManager.default.contents(atPath: path), let content = String(data: data, encoding: .utf8) else {
        FileHandle.standardError.write(Data("cannot read corpus at \(path)\n".utf8))
        return 2
    }
    let decoder = JSONDecoder()
    var total = 0, correct = 0
    var perLabel: [String: (correct: Int, total: Int)] = [:]
    var misses: [String] = []
    for line in content.split(separator: "\n") where !line.isEmpty {
        guard let item = try? decoder.decode(CorpusItem.self, from: Data(line.utf8)) else { continue }
        let report = PullFailureDiagnoser.diagnose(masked ? SecretMasker.standard.mask(item.text) : item.text)
        let predicted = report.cause.rawValue
        let ok = predicted == item.label || item.altLabels.contains(predicted)
        total += 1
        if ok {
            correct += 1
        } else {
            misses.append(
                "\(item.id) expected \(item.label)\(item.altLabels.isEmpty ? "" : " (alt \(item.altLabels.joined(separator: ",")))") got \(predicted)")
            if verbose, let finding = report.findings.first { misses.append("    evidence: line \(finding.evidence.line) \"\(finding.evidence.match)\"") }
        }
        perLabel[item.label, default: (0, 0)].total += 1
        if ok { perLabel[item.label, default: (0, 0)].correct += 1 }
    }
    guard total > 0 else { print("no items in \(path)"); return 2 }
    print(String(format: "overall: %d/%d = %.1f%%", correct, total, 100.0 * Double(correct) / Double(total)))
    for label in perLabel.keys.sorted() {
        let entry = perLabel[label]!
        print(String(format: "  %-16@ %3d/%-3d %.1f%%", label as NSString, entry.correct, entry.total, 100.0 * Double(entry.correct) / Double(entry.total)))
    }
    if !misses.isEmpty { print("misclassified:"); misses.forEach { print("  " + $0) } }
    return 0
}

/// A `kubectl get events -A -o json` document with `count` image-pull events of varied causes.
func generatedEventsJSON(count: Int) -> String {
    let messages = [
        "Failed to pull image \\\"registry.example.com/team/app-%d:1.%d\\\": rpc error: code = NotFound desc = failed to pull and unpack image \\\"registry.example.com/team/app-%d:1.%d\\\": failed to resolve reference \\\"registry.example.com/team/app-%d:1.%d\\\": registry.example.com/team/app-%d:1.%d: not found",
        "Failed to pull image \\\"svc-%d:%d\\\": rpc error: code = Unknown desc = failed to pull and unpack image \\\"docker.io/library/svc-%d:%d\\\": failed to resolve reference \\\"docker.io/library/svc-%d:%d\\\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed",
        "Back-off pulling image \\\"quay.io/org/worker-%d:v%d\\\"",
        "Failed to pull image \\\"ghcr.io/org/api-%d:%d\\\": failed to pull and unpack image \\\"ghcr.io/org/api-%d:%d\\\": failed to resolve reference: failed to do request: Head \\\"https://ghcr.io/v2/org/api/manifests/%d\\\": dial tcp 140.82.112.33:443: i/o timeout",
        "Pulling image \\\"nginx:1.%d.%d\\\"",
    ]
    var json = "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n"
    for index in 0..<count {
        let template = messages[index % messages.count]
        let message = String(format: template.replacingOccurrences(of: "%d", with: "\(index)"))
        let reason = index % messages.count == 2 ? "BackOff" : (index % messages.count == 4 ? "Pulling" : "Failed")
        json += """
                    {
                        "apiVersion": "v1",
                        "count": \(index % 7 + 1),
                        "firstTimestamp": "2025-01-01T10:00:00Z",
                        "involvedObject": {
                            "apiVersion": "v1",
                            "fieldPath": "spec.containers{app-\(index % 50)}",
                            "kind": "Pod",
                            "name": "app-\(index % 400)-7d9f8c6b5-x\(index)",
                            "namespace": "ns-\(index % 20)",
                            "resourceVersion": "\(100000 + index)",
                            "uid": "0b6f2c1e-\(index)"
                        },
                        "kind": "Event",
                        "lastTimestamp": "2025-01-01T10:05:00Z",
                        "message": "\(message)",
                        "metadata": {
                            "name": "app-\(index % 400).17a\(index)",
                            "namespace": "ns-\(index % 20)"
                        },
                        "reason": "\(reason)",
                        "source": {
                            "component": "kubelet",
                            "host": "node-\(index % 30)"
                        },
                        "type": "\(reason == "Pulling" ? "Normal" : "Warning")"
                    }\(index == count - 1 ? "" : ",")

            """
    }
    return json + "    ],\n    \"kind\": \"List\"\n}\n"
}

/// A `kubectl get events -A -o json` document of `count` events as a busy cluster lists them:
/// pods of 200 Deployments (8 replicas each, in 40 namespaces) being scheduled, pulled, created and
/// started, ReplicaSets creating them, readiness probes failing and containers restarting, and the
/// pods of 10 Deployments (5 %) failing to pull their image, each with its own cause, in the
/// kubelet's event sequence (Pulling, Failed with the runtime's error, ErrImagePull, BackOff,
/// ImagePullBackOff).
func generatedClusterEventsJSON(count: Int) -> String {
    let failures = [
        #"rpc error: code = NotFound desc = failed to pull and unpack image \"registry.example.com/team/app-%D:1.4\": failed to resolve reference \"registry.example.com/team/app-%D:1.4\": registry.example.com/team/app-%D:1.4: not found"#,
        #"rpc error: code = Unknown desc = failed to pull and unpack image \"docker.io/library/app-%D:1.4\": failed to resolve reference \"docker.io/library/app-%D:1.4\": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"#,
        #"rpc error: code = Unknown desc = failed to pull and unpack image \"registry.example.com/team/app-%D:1.4\": failed to resolve reference \"registry.example.com/team/app-%D:1.4\": failed to do request: Head \"https://registry.example.com/v2/team/app-%D/manifests/1.4\": dial tcp 10.20.0.5:443: i/o timeout"#,
        #"rpc error: code = Unknown desc = failed to pull and unpack image \"registry.example.com/team/app-%D:1.4\": failed to resolve reference \"registry.example.com/team/app-%D:1.4\": failed to do request: Head \"https://registry.example.com/v2/team/app-%D/manifests/1.4\": tls: failed to verify certificate: x509: certificate signed by unknown authority"#,
        #"rpc error: code = Unknown desc = failed to pull and unpack image \"docker.io/library/app-%D:1.4\": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/app-%D/manifests/sha256:9f1c: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit."#,
    ]
    var events:
        [(kind: String, object: String, namespace: String, fieldPath: String?, reason: String, type: String, message: String, source: String, host: String?)] =
            []
    var pod = 0
    while events.count < count {
        let deployment = pod / 8 % 200, namespace = "ns-\(deployment % 40)", node = "node-\(pod % 30)"
        let name = "app-\(deployment)-7d9f8c6b5-\(String(pod, radix: 36))", image = "registry.example.com/team/app-\(deployment):1.4"
        let container = "spec.containers{app}"
        func add(_ reason: String, _ type: String, _ message: String, kind: String = "Pod", object: String? = nil, source: String = "kubelet") {
            events.append(
                (
                    kind, object ?? name, namespace, kind == "Pod" && source == "kubelet" ? container : nil, reason, type, message,
                    source, source == "kubelet" ? node : nil
                ))
        }
        add("SuccessfulCreate", "Normal", "Created pod: \(name)", kind: "ReplicaSet", object: "app-\(deployment)-7d9f8c6b5", source: "replicaset-controller")
        add("Scheduled", "Normal", "Successfully assigned \(namespace)/\(name) to \(node)", source: "default-scheduler")
        add("Pulling", "Normal", #"Pulling image \"\#(image)\""#)
        if deployment % 20 == 7 {
            let failure = failures[deployment / 20 % failures.count].replacingOccurrences(of: "%D", with: "\(deployment)")
            add("Failed", "Warning", #"Failed to pull image \"\#(image)\": \#(failure)"#)
            add("Failed", "Warning", "Error: ErrImagePull")
            add("BackOff", "Normal", #"Back-off pulling image \"\#(image)\""#)
            add("Failed", "Warning", "Error: ImagePullBackOff")
        } else {
            add("Pulled", "Normal", #"Successfully pulled image \"\#(image)\" in 1.42s (1.42s including waiting). Image size: 48213421 bytes."#)
            add("Created", "Normal", "Created container app")
            add("Started", "Normal", "Started container app")
            if pod % 9 == 4 {
                add(
                    "Unhealthy", "Warning",
                    #"Readiness probe failed: Get \"http://10.1.\#(pod % 250).7:8080/ready\": dial tcp 10.1.\#(pod % 250).7:8080: connect: connection refused"#)
                add("BackOff", "Warning", "Back-off restarting failed container app in pod \(name)_\(namespace)(0b6f2c1e-\(pod))")
            }
        }
        pod += 1
    }
    var json = "{\n    \"apiVersion\": \"v1\",\n    \"items\": [\n"
    for (index, event) in events.prefix(count).enumerated() {
        json += """
                    {
                        "apiVersion": "v1",
                        "count": \(index % 7 + 1),
                        "firstTimestamp": "2025-01-01T10:00:00Z",
                        "involvedObject": {
                            "apiVersion": "v1",\(event.fieldPath.map { "\n                \"fieldPath\": \"\($0)\"," } ?? "")
                            "kind": "\(event.kind)",
                            "name": "\(event.object)",
                            "namespace": "\(event.namespace)",
                            "resourceVersion": "\(100000 + index)",
                            "uid": "0b6f2c1e-\(index)"
                        },
                        "kind": "Event",
                        "lastTimestamp": "2025-01-01T10:05:00Z",
                        "message": "\(event.message)",
                        "metadata": {
                            "name": "\(event.object).17a\(String(index, radix: 16))",
                            "namespace": "\(event.namespace)"
                        },
                        "reason": "\(event.reason)",
                        "source": {
                            "component": "\(event.source)"\(event.host.map { ",\n                \"host\": \"\($0)\"" } ?? "")
                        },
                        "type": "\(event.type)"
                    }\(index == count - 1 ? "" : ",")

            """
    }
    return json + "    ],\n    \"kind\": \"List\"\n}\n"
}

/// A `kubectl describe pod` output with `events` rows.
func generatedDescribe(events: Int) -> String {
    var text = """
        Name:             web-6c9d8f7b9-k2x8p
        Namespace:        shop
        Node:             worker-3/10.0.4.17
        Containers:
          web:
            Image:          registry.example.com/shop/web:2.4.1
            State:          Waiting
              Reason:       ImagePullBackOff
        Events:
          Type     Reason     Age                  From               Message
          ----     ------     ----                 ----               -------

        """
    for index in 0..<events {
        switch index % 4 {
        case 0: text += "  Normal   Pulling    \(index)m (x\(index + 1) over 2h)  kubelet            Pulling image \"registry.example.com/shop/web:2.4.1\"\n"
        case 1:
            text +=
                "  Warning  Failed     \(index)m (x\(index + 1) over 2h)  kubelet            Failed to pull image \"registry.example.com/shop/web:2.4.1\": failed to pull and unpack image \"registry.example.com/shop/web:2.4.1\": failed to resolve reference \"registry.example.com/shop/web:2.4.1\": failed to do request: Head \"https://registry.example.com/v2/shop/web/manifests/2.4.1\": tls: failed to verify certificate: x509: certificate signed by unknown authority\n"
        case 2: text += "  Warning  Failed     \(index)m (x\(index + 1) over 2h)  kubelet            Error: ErrImagePull\n"
        default:
            text +=
                "  Normal   BackOff    \(index)m (x\(index + 1) over 2h)  kubelet            Back-off pulling image \"registry.example.com/shop/web:2.4.1\"\n"
        }
    }
    return text
}

func measure(_ label: String, messages: Int, text: String, repetitions: Int) {
    _ = PullFailureDiagnoser.diagnose(text)
    var best = Double.infinity
    var findings = 0
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        findings = PullFailureDiagnoser.diagnose(text).findings.count
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    print(
        String(
            format: "%@: %d messages, %.1f KiB, best of %d: %.2f ms, %.0f messages/s, %.1f MiB/s, %d findings",
            label, messages, Double(text.utf8.count) / 1024, repetitions, best * 1000, Double(messages) / best,
            Double(text.utf8.count) / 1_048_576 / best, findings))
}

/// Writes the synthetic inputs of `speed` into `directory`, for `triage diagnose`, hyperfine and profilers.
func writeInputs(to directory: String) -> Int32 {
    let files = [
        ("events-10000.json", generatedEventsJSON(count: 10_000)), ("cluster-events-10000.json", generatedClusterEventsJSON(count: 10_000)),
        ("describe-200.txt", generatedDescribe(events: 200)),
    ]
    for (name, text) in files {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            FileHandle.standardError.write(Data("cannot write \(path)\n".utf8))
            return 2
        }
        print(path)
    }
    return 0
}

/// Diagnoses the file at `path` `times` times and prints the first report's cause, for profilers
/// (`valgrind --tool=callgrind`) that should see the diagnoser and not the input generator.
func diagnoseFile(path: String, times: Int) -> Int32 {
    guard let data = FileManager.default.contents(atPath: path) else {
        FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
        return 2
    }
    let bytes = [UInt8](data)
    var findings = 0
    for _ in 0..<max(times, 1) { findings = (try? PullFailureDiagnoser.diagnose(validating: bytes))?.findings.count ?? 0 }
    print("\(findings) findings")
    return 0
}

let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "corpus":
    exit(
        runCorpus(
            path: arguments.dropFirst().first { !$0.hasPrefix("-") } ?? defaultCorpusPath(), verbose: arguments.contains("-v"),
            masked: arguments.contains("--masked")))
case "speed":
    measure("get events -A -o json, every event a different failure", messages: 10_000, text: generatedEventsJSON(count: 10_000), repetitions: 5)
    measure("get events -A -o json, a busy cluster (5 % of pods failing)", messages: 10_000, text: generatedClusterEventsJSON(count: 10_000), repetitions: 5)
    measure("describe pod", messages: 200, text: generatedDescribe(events: 200), repetitions: 50)
case "write" where arguments.count == 2:
    exit(writeInputs(to: arguments.last!))
case "diagnose" where arguments.count >= 2:
    exit(diagnoseFile(path: arguments.dropFirst().first!, times: arguments.dropFirst(2).first.flatMap { Int($0) } ?? 1))
case "gen-pods" where arguments.count >= 2: exit(PodDumpGenerator.main(Array(arguments.dropFirst())))
case "scan" where arguments.count == 2: exit(scanBenchmark(path: arguments.last!))
case "mask": exit(maskBenchmark(arguments: Array(arguments.dropFirst())))
case "markers": exit(repeatedMarkersBenchmark())
default:
    print(
        "usage: triage-bench corpus [PATH] [-v] [--masked] | triage-bench speed | triage-bench write DIR | triage-bench diagnose FILE [TIMES] | triage-bench gen-pods N [FILE] | triage-bench scan FILE | triage-bench markers | triage-bench mask [FILE] [--no-baseline]"
    )
    exit(arguments.isEmpty ? 0 : 2)
}
