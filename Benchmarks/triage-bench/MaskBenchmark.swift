import Foundation
import TriageSecrets

/// `triage-bench mask [FILE]`: masking throughput of `SecretMasker` beside the line-by-line
/// regular-expression redactor it replaced (`BaselineRedactor`), on the same inputs in one run.

/// A 16,000-line `kubectl get pods -o yaml`-like output: pods with env, args, images and
/// annotations, a few secrets among them (the shape of a long paste).
func generatedLongYAML(lines target: Int) -> String {
    var text = "apiVersion: v1\nitems:\n"
    var lines = 2, index = 0
    while lines < target {
        let pod = """
            - apiVersion: v1
              kind: Pod
              metadata:
                annotations:
                  checksum/config: 4f53cda18c2baa0c0354bb5f9a3ecbe5ed12ab4d8e11ba873c2f11161202b945
                name: web-\(index)-6d9f7c8b5-k2x7p
                namespace: shop
              spec:
                containers:
                - args:
                  - --listen=:8080
                  - --upstream=https://api.shop.svc.cluster.local:8443/v1
                  env:
                  - name: LOG_LEVEL
                    value: info
                  - name: DB_PASSWORD
                    value: s3cr3t-\(index)
                  image: registry.example.com/shop/web:2.4.\(index % 10)
                  name: web
                imagePullSecrets:
                - name: regcred
              status:
                containerStatuses:
                - image: registry.example.com/shop/web:2.4.\(index % 10)
                  state:
                    waiting:
                      message: 'Back-off pulling image "registry.example.com/shop/web:2.4.\(index % 10)"'
                      reason: ImagePullBackOff

            """
        text += pod
        lines += 25
        index += 1
    }
    return text
}

func measureMasking(_ label: String, text: String, repetitions: Int, baseline: Bool) {
    let masker = SecretMasker.standard
    let bytes = Array(text.utf8)
    let megabytes = Double(bytes.count) / 1e6
    func best(_ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<repetitions {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        return best
    }
    let lines = bytes.count(where: { $0 == 0x0A })
    let now = best { _ = masker.mask(bytes) }
    var row = String(
        format: "%@: %d lines, %.2f MB; SecretMasker best of %d: %.1f ms, %.1f MB/s", label, lines, megabytes, repetitions, now * 1000, megabytes / now)
    if baseline {
        // One run: the regular expressions take minutes on multi-megabyte inputs.
        let start = DispatchTime.now().uptimeNanoseconds
        _ = BaselineRedactor.redact(text)
        let before = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        row += String(format: "; before (regex redactor): %.1f ms, %.2f MB/s; %.0f× faster", before * 1000, megabytes / before, before / now)
    }
    print(row)
}

func maskBenchmark(arguments: [String]) -> Int32 {
    let baseline = !arguments.contains("--no-baseline")
    if let path = arguments.first(where: { !$0.hasPrefix("-") }) {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
            return 2
        }
        measureMasking(path, text: String(decoding: data, as: UTF8.self), repetitions: 3, baseline: baseline)
        return 0
    }
    measureMasking("16,000-line pod list (YAML)", text: generatedLongYAML(lines: 16_000), repetitions: 5, baseline: baseline)
    measureMasking("describe pod, 200 events", text: generatedDescribe(events: 200), repetitions: 20, baseline: baseline)
    measureMasking("busy cluster's events list (JSON, 10,000 events)", text: generatedClusterEventsJSON(count: 10_000), repetitions: 3, baseline: false)
    measureMasking("busy cluster's events list (JSON, 1,000 events)", text: generatedClusterEventsJSON(count: 1_000), repetitions: 3, baseline: baseline)
    return 0
}
