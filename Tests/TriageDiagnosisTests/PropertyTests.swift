import Testing
import TriageModel
import TriageTestSupport
@testable import TriageDiagnosis

/// Properties that must hold for any input: the fast paths agree with the full ones, and no input
/// (random bytes, cut-off documents, very long lines, deep nesting) crashes the diagnoser.
@Suite("Properties and fuzzing")
struct PropertyTests {
    /// Random strings built from the characters image references are made of, and a few that break them.
    static func randomReference(_ generator: inout SplitMix) -> String {
        let pieces = [
            "a", "b", "z", "0", "9", "A", "Q", ".", "-", "_", "__", "/", ":", "@", "sha256:", "sha512:", "localhost",
            "docker.io", "registry.example.com", ":5000", "[::1]", "library", "nginx", "${X}", "{{", "<tag>", " ", "é",
            String(repeating: "ab", count: 32), String(repeating: "c", count: 130), "docker://", "oci:",
        ]
        let count = Int(generator.next() % 9)
        return (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
    }

    @Test func quickReferenceParserAgreesWithTheFullGrammar() {
        var generator = SplitMix(seed: 7)
        var accepted = 0
        for _ in 0..<20_000 {
            let text = Self.randomReference(&generator)
            guard let quick = ImageReferenceQuickParser.parse(text) else { continue }
            accepted += 1
            #expect(quick == (try? ImageReferenceParser.parseFully(text)), "\(text)")
        }
        #expect(accepted > 500)
        for text in ["nginx", "a/b:c", "localhost:5000/x/y:1", "registry.example.com/a__b.c-d/e@sha256:" + String(repeating: "0", count: 64)] {
            #expect(ImageReferenceQuickParser.parse(text) != nil)
            #expect(ImageReferenceQuickParser.parse(text) == (try? ImageReferenceParser.parseFully(text)))
        }
    }

    @Test func typoCorrectionMatchesPlainEditDistance() {
        // The bounded distance must agree with an unbounded one wherever it answers.
        func plain(_ a: [UInt8], _ b: [UInt8]) -> Int {
            var d = (0...a.count).map { i in (0...b.count).map { j in i == 0 ? j : (j == 0 ? i : 0) } }
            for i in stride(from: 1, through: a.count, by: 1) {
                for j in stride(from: 1, through: b.count, by: 1) {
                    d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                    if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
                }
            }
            return d[a.count][b.count]
        }
        var generator = SplitMix(seed: 11)
        let letters = Array("nginxredisaplto".utf8)
        for _ in 0..<3_000 {
            let a = (0..<Int(generator.next() % 8)).map { _ in letters[Int(generator.next() % UInt64(letters.count))] }
            let b = (0..<Int(generator.next() % 8)).map { _ in letters[Int(generator.next() % UInt64(letters.count))] }
            let exact = plain(a, b)
            #expect(ImageSuggester.editDistance(a, b, atMost: 2) == (exact <= 2 ? exact : nil))
        }
        #expect(ImageInfo("nignx:1.27").suggestion == "docker.io/library/nginx:1.27")
        #expect(ImageInfo("nginx:1.27").suggestion == nil)
        #expect(ImageInfo("svc-1234:1").suggestion == nil)
    }

    static let documents = [
        """
        Name:         web-1
        Namespace:    shop
        Node:         worker-3/10.0.4.17
        Containers:
          web:
            Image:          registry.example.com/shop/web:2.4.1
            State:          Waiting
              Reason:       ErrImagePull
        Events:
          Type     Reason   Age   From     Message
          ----     ------   ----  ----     -------
          Warning  Failed   3s    kubelet  Failed to pull image "registry.example.com/shop/web:2.4.1": rpc error: code = NotFound desc = failed to pull and unpack image "registry.example.com/shop/web:2.4.1": failed to resolve reference "registry.example.com/shop/web:2.4.1": registry.example.com/shop/web:2.4.1: not found
        """,
        """
        apiVersion: v1
        items:
        - involvedObject:
            fieldPath: spec.containers{api}
            name: api-7d9
            namespace: prod
          message: 'Failed to pull image "ghcr.io/acme/api:3": failed to pull and unpack image
            "ghcr.io/acme/api:3": failed to resolve reference "ghcr.io/acme/api:3": unexpected
            status from HEAD request to https://ghcr.io/v2/acme/api/manifests/3: 403 Forbidden'
          reason: Failed
        kind: List
        """,
    ]

    /// Found by `Fuzz/run fuzz-diagnosis`: a scheme's `://` whose last slash starts the
    /// `/manifests/` marker, in the registry URL reader, and its relatives.
    @Test func aSchemeThatRunsIntoTheManifestsMarkerDoesNotCrash() {
        for scheme in ["docker://", "https://", "oci://", "://", "a:///", "x://v2/"] {
            let text = "pull image registry.i.internal:/5000/v2/team/api/\(scheme)manifests/3.1\": tls: x509: certificate signed by unknown authority"
            #expect(PullFailureDiagnoser.diagnose(bytes: Array(text.utf8)).cause == .tls)
        }
    }

    @Test func randomTruncationsNeverCrash() {
        var generator = SplitMix(seed: 3)
        for text in Self.documents {
            let bytes = Array(text.utf8)
            for _ in 0..<300 {
                let start = Int(generator.next() % UInt64(bytes.count))
                let end = start + Int(generator.next() % UInt64(bytes.count - start + 1))
                _ = PullFailureDiagnoser.diagnose(String(decoding: bytes[start..<end], as: UTF8.self))
            }
        }
    }

    @Test func veryLongLinesAndDeepNestingDoNotCrash() {
        let long = String(repeating: "x509: ", count: 200_000) + "Failed to pull image \"" + String(repeating: "a", count: 100_000) + "\""
        #expect(PullFailureDiagnoser.diagnose(long).cause == .tls)
        let noNewline = String(repeating: "manifest unknown ", count: 100_000)
        _ = PullFailureDiagnoser.diagnose(noNewline)
        let depth = 5_000
        var nested = ""
        for level in 0..<depth { nested += String(repeating: " ", count: level % 200) + "{ \"items\": [\n" }
        nested += "\"message\": \"Failed to pull image \\\"a:1\\\": manifest unknown\"\n"
        for level in (0..<depth).reversed() { nested += String(repeating: " ", count: level % 200) + "] }\n" }
        #expect(PullFailureDiagnoser.diagnose(nested).cause == .imageNotFound)
        let yamlDepth = (0..<2_000).map { String(repeating: " ", count: $0) + "k\($0):" }.joined(separator: "\n")
        _ = PullFailureDiagnoser.diagnose(yamlDepth + "\n" + String(repeating: " ", count: 2_000) + "message: pull access denied")
    }

    @Test func randomBytesWithAllValuesNeverCrash() {
        var generator = SplitMix(seed: 99)
        for _ in 0..<200 {
            let bytes = (0..<Int(generator.next() % 2_000)).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            _ = PullFailureDiagnoser.diagnose(String(decoding: bytes, as: UTF8.self))
            _ = try? PullFailureDiagnoser.diagnose(validating: bytes)
        }
    }

    @Test func repeatedIdenticalEventsCountAsOccurrences() throws {
        let event =
            #"  Warning  Failed  1m  kubelet  Failed to pull image "acme/api:9": rpc error: code = Unknown desc = Error response from daemon: manifest for acme/api:9 not found: manifest unknown: manifest unknown"#
        let text = "Events:\n  Type     Reason  Age  From     Message\n" + Array(repeating: event, count: 50).joined(separator: "\n")
        let finding = try #require(PullFailureDiagnoser.diagnose(text).findings.first)
        #expect(finding.cause == .imageNotFound)
        #expect(finding.occurrences == 50)
    }
}
