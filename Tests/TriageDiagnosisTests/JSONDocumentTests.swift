import Testing
import TriageTestSupport
@testable import TriageDiagnosis

/// JSON documents are read value by value: the same findings whatever the layout, evidence that
/// points at the raw bytes (escapes included), and the line reader when the JSON is broken.
@Suite("JSON documents")
struct JSONDocumentTests {
    /// Two kubelet events of a `kubectl get events -o json` list, to be laid out by each test.
    static func event(pod: String, container: String, node: String, message: String) -> String {
        #"{"apiVersion":"v1","involvedObject":{"fieldPath":"spec.containers{\#(container)}","kind":"Pod","name":"\#(pod)","namespace":"shop"},"kind":"Event","message":"\#(message)","reason":"Failed","source":{"component":"kubelet","host":"\#(node)"},"type":"Warning"}"#
    }

    static let notFound =
        #"Failed to pull image \"reg.corp.test/shop/cart:4.2\": rpc error: code = NotFound desc = failed to pull and unpack image \"reg.corp.test/shop/cart:4.2\": failed to resolve reference \"reg.corp.test/shop/cart:4.2\": reg.corp.test/shop/cart:4.2: not found"#
    static let throttled =
        #"Failed to pull image \"redis:7\": rpc error: code = Unknown desc = failed to pull and unpack image \"docker.io/library/redis:7\": unexpected status from HEAD request to https://registry-1.docker.io/v2/library/redis/manifests/7: 429 Too Many Requests"#

    static func list(_ items: [String]) -> String { #"{"apiVersion":"v1","items":["# + items.joined(separator: ",") + #"],"kind":"List"}"# }

    /// The span the evidence claims, cut out of its text.
    func quoted(_ evidence: Evidence) -> String {
        String(String.UnicodeScalarView(evidence.text.unicodeScalars.dropFirst(evidence.start).prefix(evidence.end - evidence.start)))
    }

    /// A person reads the message, not its JSON: the evidence of JSON input carries the string
    /// it was found in as the JSON reader decodes it, and the text report shows that.
    @Test func evidenceInsideAJSONStringIsQuotedDecoded() throws {
        let text = Self.list([Self.event(pod: "cart-7d9f", container: "cart", node: "node-1", message: Self.notFound)])
        let report = PullFailureDiagnoser.diagnose(text)
        let evidence = try #require(report.findings.first?.evidence)
        #expect(evidence.text.contains(#"\"reg.corp.test/shop/cart:4.2\""#))
        #expect(evidence.quote?.hasPrefix(#"Failed to pull image "reg.corp.test/shop/cart:4.2": rpc error"#) == true)
        #expect(evidence.quote?.contains("\\") == false)
        #expect(report.renderText().contains(#"): Failed to pull image "reg.corp.test/shop/cart:4.2": rpc error"#))
        let plain = try #require(PullFailureDiagnoser.diagnose("Failed to pull image \"nginx:9\": not found").findings.first?.evidence)
        #expect(plain.quote == nil)
    }

    @Test func oneLineEventsGiveOneFindingPerContainer() throws {
        let text = Self.list([
            Self.event(pod: "cart-7d9f", container: "cart", node: "node-1", message: Self.notFound),
            Self.event(pod: "cache-5b6c", container: "redis", node: "node-2", message: Self.throttled),
        ])
        let report = PullFailureDiagnoser.diagnose(text)
        #expect(report.findings.count == 2)
        let cart = try #require(report.findings.first { $0.container == "cart" })
        #expect(cart.cause == .imageNotFound)
        #expect((cart.pod, cart.namespace, cart.node) == ("cart-7d9f", "shop", "node-1"))
        #expect(cart.image?.normalized == "reg.corp.test/shop/cart:4.2")
        #expect(cart.evidence.line == 1)
        #expect(quoted(cart.evidence) == cart.evidence.match)
        let redis = try #require(report.findings.first { $0.container == "redis" })
        #expect(redis.cause == .rateLimit)
        #expect(redis.node == "node-2")
        #expect(quoted(redis.evidence) == redis.evidence.match)
        #expect(redis.evidence.match.contains("429"))
    }

    @Test func evidenceSpansTheRawBytesOfEscapedText() throws {
        // `\u0022` is a quote, `\u00e9` an é (two UTF-8 bytes from one six-byte escape), `\n` joins two errors.
        let message =
            #"Failed to pull image \u0022reg.corp.test/caf\u00e9/app:1\u0022: failed to resolve reference: unexpected status from HEAD request: 404 Not Found\nname unknown: repository name not known to registry"#
        let text = "{\n  \"items\": [\n    " + Self.event(pod: "app-1", container: "app", node: "n1", message: message) + "\n  ]\n}"
        let report = PullFailureDiagnoser.diagnose(text)
        let finding = try #require(report.findings.first)
        #expect(finding.cause == .imageNotFound)
        #expect(finding.evidence.line == 3)
        #expect(!finding.evidence.match.isEmpty)
        #expect(quoted(finding.evidence) == finding.evidence.match)
        #expect(message.contains(finding.evidence.match))
    }

    @Test func aLongOneLineDocumentShowsTheMessageNotTheLine() throws {
        let events = (0..<40).map { Self.event(pod: "cart-\($0)", container: "cart", node: "node-\($0)", message: Self.notFound) }
        let text = Self.list(events)
        #expect(text.utf8.count > EvidenceLocator.longestLineShown)
        let report = PullFailureDiagnoser.diagnose(text)
        let finding = try #require(report.findings.first)
        #expect(finding.cause == .imageNotFound)
        #expect(finding.evidence.text == Self.notFound)
        #expect(quoted(finding.evidence) == finding.evidence.match)
    }

    @Test func brokenJSONIsReadLineByLine() throws {
        let whole = "{\n  \"items\": [\n    " + Self.event(pod: "cache-5b6c", container: "redis", node: "node-2", message: Self.throttled) + "\n  ]\n}"
        for text in [String(whole.dropLast(6)), "> " + whole, whole + "\nkubectl exited 0"] {
            let bytes = Array(text.utf8)
            #expect(DocumentScanner.scanJSON(bytes, lines: DocumentScanner.lineRanges(of: bytes)) == nil)
            let report = PullFailureDiagnoser.diagnose(text)
            #expect(report.findings.first?.cause == .rateLimit, "\(text.prefix(20))…")
        }
    }

    @Test func identityValuesWithEscapesAreDecoded() throws {
        let text = Self.list([Self.event(pod: "cart-7d9f", container: "c\\u0061rt", node: "node\\u002d1", message: Self.notFound)])
        let finding = try #require(PullFailureDiagnoser.diagnose(text).findings.first)
        #expect(finding.container == "cart")
        #expect(finding.node == "node-1")
    }

    /// Messages built from pull-failure words with every kind of JSON escape between them: the
    /// evidence of each finding is a span of its own text that quotes the matched words.
    @Test func evidenceSpansHoldForRandomEscapes() {
        let words = [
            #"Failed to pull image \"reg.corp.test/app:1\":"#, "manifest unknown", "429 Too Many Requests", "x509: certificate signed by unknown authority",
            #"failed to do request: Head \"https://reg.corp.test/v2/app/manifests/1\": dial tcp 10.0.0.1:443: i/o timeout"#, "no space left on device",
            "pull access denied", "no match for platform in manifest",
        ]
        let escapes = [#"\n"#, #"\""#, #"\\"#, #"\/"#, #"\t"#, #"\u00e9"#, #"\u0000"#, #"\ud83d\ude00"#, #"\ud800"#, "é", " "]
        var generator = SplitMix(seed: 7)
        func pick<T>(_ items: [T]) -> T { items[Int(generator.next() % UInt64(items.count))] }
        for round in 0..<200 {
            let message = (0..<(1 + Int(generator.next() % 6))).map { _ in pick(words) + pick(escapes) + pick(escapes) }.joined()
            let event = Self.event(pod: "p-\(round)", container: "c", node: "n", message: message)
            let text = round.isMultiple(of: 2) ? Self.list([event, event]) : "{\n  \"items\": [\n    " + event + "\n  ]\n}"
            let findings = PullFailureDiagnoser.diagnose(text).findings
            #expect(!findings.isEmpty, "\(message)")
            for finding in findings {
                #expect(quoted(finding.evidence) == finding.evidence.match, "\(message)")
                #expect(!finding.evidence.match.isEmpty, "\(message)")
            }
        }
    }
}
