import Foundation
import Testing
import TriageDiagnosis
import TriageTestSupport

/// Real pulls through a private containerd, with `ctr` as an operator on the node runs it and
/// through CRI `PullImage` as the kubelet calls it: each fault's real error text must be named
/// by the diagnoser with the right cause, image and evidence.
@Suite("Lab: containerd pulls", .serialized, .enabled(if: LabGate.runs, "the real-runtime lab's parts are missing"))
struct ContainerdPullTests {
    @Test("the harness can pull an image that exists, with ctr and with CRI")
    func controlPullSucceeds() async throws {
        let lab = try await SharedLab.get()
        #expect(lab.ctrControl.status == 0, "ctr: \(lab.ctrControl.stderr)")
        #expect(lab.criControl == nil, "CRI: \(lab.criControl ?? "")")
    }

    @Test("ctr images pull: the error names the cause", arguments: LabFault.allCases)
    func ctrError(_ fault: LabFault) async throws {
        let observation = try #require(try await SharedLab.get().observations[fault])
        #expect(observation.ctr.status != 0, "ctr pulled \(observation.image) although the fault should stop it")
        #expect(!observation.ctrError.isEmpty, "ctr printed no `ctr:` error line: \(observation.ctr.stderr)")
        // What the operator's terminal shows: the progress lines (which name the image), then the error.
        expectDiagnosis(
            of: observation.ctr.stdout + observation.ctr.stderr, fault: fault, image: observation.image,
            mustQuote: observation.ctrError)
    }

    @Test("CRI PullImage: the kubelet's error names the cause", arguments: LabFault.allCases)
    func criError(_ fault: LabFault) async throws {
        let observation = try #require(try await SharedLab.get().observations[fault])
        let error = try #require(observation.cri, "CRI pulled \(observation.image) although the fault should stop it")
        #expect(error.hasPrefix("rpc error: code = "))
        expectDiagnosis(of: error, fault: fault, image: observation.image, mustQuote: error)
        // As the kubelet reports it in the pod's Failed event.
        let event = "Failed to pull image \"\(observation.image)\": \(error)"
        expectDiagnosis(of: event, fault: fault, image: observation.image, mustQuote: error)
    }

    /// Expects `text` diagnosed as `fault`'s cause, for `image` (which ctr may name only on its
    /// progress lines), with `error` as the evidence.
    private func expectDiagnosis(
        of text: String, fault: LabFault, image: String, mustQuote error: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let report = PullFailureDiagnoser.diagnose(text)
        let finding = report.findings.first
        #expect(
            report.cause.rawValue == fault.expectedCause,
            "\(fault): expected \(fault.expectedCause), got \(report.cause.rawValue) for:\n\(text)", sourceLocation: sourceLocation)
        #expect(
            finding?.image?.original == image,
            "\(fault): image \(finding?.image?.original ?? "none") instead of \(image)", sourceLocation: sourceLocation)
        let evidence = finding?.evidence.text ?? ""
        #expect(
            error.contains(evidence) || evidence.contains(error),
            "\(fault): evidence line \"\(evidence)\" is not the error line \"\(error)\"", sourceLocation: sourceLocation)
    }
}
