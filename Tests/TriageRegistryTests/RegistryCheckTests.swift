import Foundation
import Testing
import TriageDiagnosis
import TriageModel
import TriageRegistry
import TriageTestSupport

/// The registry check against real distribution registries on 127.0.0.1, with images built and
/// pushed by the test.
struct RegistryCheckTests {
    @Test func existingTagHasItsDigestMediaTypeAndPlatform() async throws {
        let registry = try RegistryFixture()
        defer { registry.stop() }
        let digest = try registry.push("shop/web", tag: "v1.2.0")

        let result = try await RegistryChecker(options: .patient).check("\(registry.server.host)/shop/web:v1.2.0")
        #expect(result.reachable)
        #expect(result.exists == true)
        #expect(result.needsAuth == false)
        #expect(result.digest == digest)
        #expect(result.mediaType == "application/vnd.oci.image.manifest.v1+json")
        #expect(result.platforms == ["linux/amd64"])
        #expect(result.error == nil && result.errorCause == nil && result.missing == nil)
        #expect(result.notes.contains { $0.contains("speaks plain HTTP") })

        let byDigest = try await RegistryChecker(options: .patient).check("\(registry.server.host)/shop/web@\(digest)")
        #expect(byDigest.exists == true)
        #expect(byDigest.digest == digest)
    }

    @Test func missingTagListsTheNearestTags() async throws {
        let registry = try RegistryFixture()
        defer { registry.stop() }
        for tag in ["v1.2.0", "v1.2.1", "v2.0.0"] { try registry.push("shop/web", tag: tag) }

        let result = try await RegistryChecker(options: .patient).check("\(registry.server.host)/shop/web:v1.2.2")
        #expect(result.reachable)
        #expect(result.exists == false)
        #expect(result.missing == .tag)
        #expect(result.errorCause == .imageNotFound)
        #expect(result.nearestTags == ["v1.2.1", "v1.2.0", "v2.0.0"])
        #expect(result.error?.contains("has no tag v1.2.2") == true)

        let typo = try await RegistryChecker(options: .patient).check("\(registry.server.host)/shop/web:v1.2.O")
        #expect(typo.missing == .tag)
        #expect(typo.nearestTags.first == "v1.2.0")

        let absentDigest = try await RegistryChecker(options: .patient).check("\(registry.server.host)/shop/web@sha256:" + String(repeating: "0", count: 64))
        #expect(absentDigest.missing == .digest)
        #expect(absentDigest.nearestTags.isEmpty)
    }

    @Test func missingRepositoryIsReportedAsSuch() async throws {
        let registry = try RegistryFixture()
        defer { registry.stop() }
        try registry.push("shop/web", tag: "v1")

        let result = try await RegistryChecker(options: .patient).check("\(registry.server.host)/shop/api:v1")
        #expect(result.exists == false)
        #expect(result.missing == .repository)
        #expect(result.errorCause == .imageNotFound)
        #expect(result.error?.hasPrefix("name unknown") == true)
    }

    @Test func indexListsItsPlatforms() async throws {
        let registry = try RegistryFixture()
        defer { registry.stop() }
        let digest = try registry.push("shop/web", tag: "multi", platforms: [.linuxAMD64, .linuxARM64])

        let result = try await RegistryChecker(options: .patient).check("\(registry.server.host)/shop/web:multi")
        #expect(result.exists == true)
        #expect(result.digest == digest)
        #expect(result.mediaType == "application/vnd.oci.image.index.v1+json")
        #expect(result.platforms == ["linux/amd64", "linux/arm64/v8"])
    }

    @Test func htpasswdRegistryNeedsAuthAndIsSentNoCredentials() async throws {
        let registry = try RegistryFixture(credentials: ("triage", "s3cret-pass"))
        defer { registry.stop() }
        try registry.push("shop/web", tag: "v1")

        let transport = RecordingTransport()
        let result = try await RegistryChecker(transport: transport, options: .patient).check("\(registry.server.host)/shop/web:v1")
        #expect(result.reachable)
        #expect(result.needsAuth == true)
        #expect(result.exists == nil)
        #expect(result.errorCause == .auth)
        #expect(result.error?.contains("Basic credentials (realm \"triage-test\")") == true)
        #expect(!transport.requests.isEmpty)
        #expect(transport.requests.allSatisfy { request in request.headers.keys.allSatisfy { $0.lowercased() != "authorization" } })
    }

    @Test func closedPortIsUnreachableOverTheNetwork() async throws {
        let server = try RegistryServer()
        let host = server.host
        server.stop()

        let result = try await RegistryChecker(options: .patient).check("\(host)/shop/web:v1")
        #expect(!result.reachable)
        #expect(result.errorCause == .network)
        #expect(result.error?.contains("connection refused") == true)
        #expect(result.exists == nil && result.needsAuth == nil)
    }

    /// A 200 that carries a web page is no manifest: the check says it could not tell, never that
    /// the image exists.
    @Test func aWebPageAnsweringForTheRegistryIsNotAnImageThatExists() async throws {
        let portal = try NetworkFaults.htmlPage()
        defer { portal.close() }

        let result = try await RegistryChecker(options: .patient).check("127.0.0.1:\(portal.port)/shop/web:v1")
        #expect(result.exists != true)
        #expect(result.errorCause == .other)
        #expect(result.error?.contains("with a text/html page (HTTP 200), not a manifest") == true)
    }

    @Test func plainHTTPRegistryAskedOverHTTPSIsATLSProblem() async throws {
        let registry = try RegistryFixture()
        defer { registry.stop() }

        let checker = RegistryChecker(options: RegistryCheckOptions(timeout: RegistryCheckOptions.patient.timeout, plainHTTP: .never))
        let result = try await checker.check("\(registry.server.host)/shop/web:v1")
        #expect(!result.reachable)
        #expect(result.errorCause == .tls)
        #expect(result.error?.contains("server gave HTTP response to HTTPS client") == true)
    }

    @Test func selfSignedCertificateIsAnX509Problem() async throws {
        let registry = try RegistryFixture(tls: true)
        defer { registry.stop() }

        let result = try await RegistryChecker(options: .patient).check("\(registry.server.host)/shop/web:v1")
        #expect(!result.reachable)
        #expect(result.errorCause == .tls)
        #expect(result.error?.contains("x509") == true)
        #expect(result.notes.isEmpty)
    }

    @Test func jsonHasEveryKeyWithNullsForTheUnknown() throws {
        let reference = try ImageReference.parse("nginx")
        let result = RegistryCheckResult(reference: reference, apiHost: "registry-1.docker.io")
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(result), as: UTF8.self)
        #expect(
            json
                == #"{"api_host":"registry-1.docker.io","digest":null,"error":null,"error_cause":null,"exists":null,"image":"docker.io\/library\/nginx:latest","media_type":null,"missing":null,"nearest_tags":[],"needs_auth":null,"notes":[],"platforms":[],"reachable":false,"registry":"docker.io"}"#
        )
        #expect(try JSONDecoder().decode(RegistryCheckResult.self, from: Data(json.utf8)) == result)
    }
}

extension RegistryCheckOptions {
    /// A budget no loaded test machine runs out of (the lab runs beside these tests); the
    /// checks' own limits are tested where they are the point.
    static let patient = RegistryCheckOptions(timeout: 60)
}
