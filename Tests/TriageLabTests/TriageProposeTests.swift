import Foundation
import Testing
import TriageTestSupport

/// The built `triage` in propose mode, driven through a pipe: pasting the real outputs of the
/// commands it proposes must reach the same ending as the live session.
@Suite("Lab: triage propose", .serialized, .enabled(if: LabGate.runs, "the real-runtime lab's parts are missing"))
struct TriageProposeTests {
    @Test("pasting the real outputs reaches the live session's ending", arguments: LabFault.allCases)
    func sameEnding(_ fault: LabFault) async throws {
        let observation = try #require(try await SharedLab.get().observations[fault])
        let objects = try Kubectl.objects(for: observation)
        let fixture = try KubeAPIFixture(objects: objects)
        defer { fixture.close() }
        let (live, _) = try TriageSessions.live(objects, fixture)
        let ending = try #require(live.ending, "\(fault): the live session reached no ending")
        let proposed = try TriageSessions.propose(objects, fixture, pasting: live.commands)
        #expect(proposed.stdout.contains("Diagnosis: \(fault.expectedCause)"), "\(fault):\n\(proposed.stdout)\n\(proposed.stderr)")
        #expect(proposed.stdout.contains(ending), "\(fault): no '\(ending)' in:\n\(proposed.stdout)")
    }
}
