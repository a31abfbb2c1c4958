import Foundation
import Testing
import TriageModel
import TriageTestSupport
@testable import TriageDiagnosis

@Suite("Paste noise and robustness")
struct NoiseAndRobustnessTests {
    static let base =
        #"Failed to pull image "acme/web:1": rpc error: code = Unknown desc = Error response from daemon: toomanyrequests: You have reached your pull rate limit."#

    @Test(
        "noise does not change the cause",
        arguments: [
            "> " + base,
            ">> " + base,
            "`" + base + "`",
            "```\n" + base + "\n```",
            base.replacingOccurrences(of: "\"", with: "\u{201C}"),
            "\u{1B}[31m" + base + "\u{1B}[0m",
            "\u{2502} " + base + " \u{2502}",
            "  Warning\tFailed\t3m\tkubelet\t" + base + "\r\n",
            base.replacingOccurrences(of: "toomanyrequests", with: "toomany\u{200B}requests"),
        ])
    func noise(text: String) throws {
        let report = PullFailureDiagnoser.diagnose(text)
        #expect(report.cause == .rateLimit)
        let evidence = try #require(report.findings.first?.evidence)
        #expect(evidence.match.lowercased().replacingOccurrences(of: "\u{200B}", with: "").contains("toomanyrequests"))
    }

    @Test func terminalWrapInsideAWord() {
        let text = """
            Failed to pull image "acme/big:2": failed to pull and unpack image "docker.io/acme/big:2": failed to extract layer sha256:1: write /var/lib/rancher/k3s/agent/contai
            nerd/io.containerd.snapshotter.v1.overlayfs/snapshots/120/fs/usr/lib/x: no spa
            ce left on device: unknown
            """
        #expect(PullFailureDiagnoser.diagnose(text).cause == .disk)
    }

    @Test func crlfInput() throws {
        let text = "docker pull acme/tool:2\r\nError response from daemon: manifest for acme/tool:2 not found: manifest unknown\r\n"
        let finding = try #require(PullFailureDiagnoser.diagnose(text).findings.first)
        #expect(finding.cause == .imageNotFound)
        #expect(!finding.evidence.text.hasSuffix("\r"))
    }

    @Test func inputLimits() {
        #expect(throws: DiagnosisInputError.empty) { try PullFailureDiagnoser.diagnose(validating: Array(" \n\t".utf8)) }
        #expect(throws: DiagnosisInputError.binary(offset: 3)) { try PullFailureDiagnoser.diagnose(validating: [0x61, 0x62, 0x63, 0, 0x64]) }
        let huge = [UInt8](repeating: 0x61, count: DiagnosisInput.maximumBytes + 1)
        #expect(throws: DiagnosisInputError.tooLarge(bytes: huge.count, limit: DiagnosisInput.maximumBytes)) {
            try PullFailureDiagnoser.diagnose(validating: huge)
        }
        #expect(DiagnosisInputError.empty.errorDescription?.contains("empty") == true)
        #expect(PullFailureDiagnoser.diagnose("").findings.isEmpty)
    }

    @Test func randomBytesNeverCrash() {
        var generator = SplitMix(seed: 42)
        let alphabet = Array("abc :/\"'`{}[]-_.\n\t\r>\\@$x509 429 manifest unknown failed to pull image ".utf8) + [0xE2, 0x80, 0x9C, 0xC2, 0xA0, 0x1B, 0xFF]
        for _ in 0..<300 {
            let length = Int(generator.next() % 400)
            let bytes = (0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            _ = PullFailureDiagnoser.diagnose(String(decoding: bytes, as: UTF8.self))
        }
    }

    @Test func truncatedInputsNeverCrash() {
        let texts = [
            NoiseAndRobustnessTests.base,
            """
            {
                "items": [
                    {
                        "involvedObject": { "name": "a", "fieldPath": "spec.containers{b}" },
                        "message": "Failed to pull image \\"x:1\\": manifest unknown"
                    }
                ]
            }
            """,
        ]
        for text in texts {
            let scalars = Array(text.unicodeScalars)
            for cut in 0...scalars.count {
                _ = PullFailureDiagnoser.diagnose(String(String.UnicodeScalarView(scalars[0..<cut])))
                _ = ImageReference.suggestion(for: String(String.UnicodeScalarView(scalars[0..<min(cut, 40)])))
            }
        }
    }

    @Test func jsonShapeIsStableAndSnakeCase() throws {
        let report = PullFailureDiagnoser.diagnose(#"Back-off pulling image "acme/web:1""#)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let object = try #require(try JSONSerialization.jsonObject(with: encoder.encode(report)) as? [String: Any])
        #expect(Set(object.keys) == ["cause", "findings", "input_kind"])
        let finding = try #require((object["findings"] as? [[String: Any]])?.first)
        #expect(
            Set(finding.keys) == [
                "cause", "alternatives", "evidence", "occurrences", "image", "registry", "runtime", "pod",
                "namespace", "container", "node", "explanation", "fix",
            ])
        #expect(finding["pod"] is NSNull)
        #expect(Set((finding["evidence"] as? [String: Any])?.keys ?? [:].keys) == ["line", "text", "start", "end", "match"])
        let decoded = try JSONDecoder().decode(DiagnosisReport.self, from: encoder.encode(report))
        #expect(decoded == report)
    }

    @Test func textRendering() {
        let text = PullFailureDiagnoser.diagnose(
            #"Failed to pull image "nginxy:1": rpc error: code = Unknown desc = Error response from daemon: pull access denied for nginxy, repository does not exist or may require 'docker login'"#
        ).renderText()
        #expect(text.contains("auth"))
        #expect(text.contains("did you mean: docker.io/library/nginx:1"))
        #expect(text.contains("next steps:"))
        #expect(PullFailureDiagnoser.diagnose("hello").renderText().contains("No image pull failure"))
    }
}
