import Foundation
import Testing
import TriageRegistry
@testable import TriageRegistryCommand
import TriageTestSupport

/// `triage registry-check` hands over to the `triage-registry-check` executable beside `triage`,
/// so that `triage` itself never loads the HTTP stack.
struct RegistryCheckCommandTests {
    @Test func triageAsksARealRegistryThroughItsCompanion() throws {
        let registry = try RegistryServer()
        defer { registry.stop() }
        let run = try TriageBinary.run(["registry-check", "\(registry.host)/team/ghost:1.0", "-o", "json"])
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "stdout: \(run.stdout)")
        #expect(object["reachable"] as? Bool == true)
        #expect(object["exists"] as? Bool == false)
        #expect(object["missing"] as? String == "repository")
    }

    /// What a registry answers is outside text: tags holding escape sequences are shown as text.
    @Test func aRegistrysAnswersAreShownNotObeyed() async throws {
        let registry = try NetworkFaults.hostileTags()
        defer { registry.close() }
        let result = try await RegistryChecker(options: RegistryCheckOptions(timeout: 60, plainHTTP: .always)).check("127.0.0.1:\(registry.port)/app:1.0")
        let text = result.renderText()
        #expect(result.exists == false, "\(text)")
        #expect(text.contains("nearest tags") && text.contains("]0;owned-title"), "\(text)")
        #expect(!HostileEscapes.hasRawControls(text), "\(text.debugDescription)")
    }

    @Test func aRegistryThatCannotBeAskedIsNotAnAllClear() throws {
        let run = try TriageBinary.run(["registry-check", "127.0.0.1:1/team/app:1.0", "--timeout", "5"])
        #expect(run.status == 2, "stdout: \(run.stdout) stderr: \(run.stderr)")
        #expect(run.stdout.contains("reachable   no"), "stdout: \(run.stdout)")
    }

    @Test func helpAndReferenceErrorsComeFromTheCompanion() throws {
        let help = try TriageBinary.run(["registry-check", "--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: triage registry-check <image>"))
        #expect(help.stdout.contains("--insecure-http"))

        let invalid = try TriageBinary.run(["registry-check", "Team/App:1"])
        #expect(invalid.status == 64, "a reference that is not one is a usage error")
        #expect(invalid.stderr.contains("error:"))
        #expect(invalid.stderr.lowercased().contains("uppercase"), "stderr: \(invalid.stderr)")
    }

    @Test func aMissingCompanionIsNamedWithHowToBuildIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("triage-alone-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let alone = folder.appendingPathComponent("triage")
        try FileManager.default.copyItem(at: TriageBinary.url, to: alone)

        let run = try TriageBinary.run(["registry-check", "nginx:1.27"], executable: alone)
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(folder.path)/triage-registry-check is missing"), "stderr: \(run.stderr)")
        #expect(run.stderr.contains("swift build --product triage-registry-check"))
    }

    /// The point of the split: loading FoundationNetworking (libcurl, gnutls, krb5, ldap) tripled
    /// the start-up time of every command.
    @Test func triageDoesNotLinkTheHTTPStack() throws {
        let triage = try Data(contentsOf: TriageBinary.url)
        let companion = try Data(contentsOf: TriageBinary.url.deletingLastPathComponent().appendingPathComponent("triage-registry-check"))
        // Dynamically linked, the binary names libFoundationNetworking.so; statically, libcurl.so.
        let libraries = ["libFoundationNetworking.so", "libcurl.so"].map { Data($0.utf8) }
        #expect(libraries.contains { companion.range(of: $0) != nil }, "the companion links the HTTP stack, so the probe itself works")
        #expect(libraries.allSatisfy { triage.range(of: $0) == nil }, "triage must not need libFoundationNetworking.so or libcurl.so")
    }
}
