import Testing
import TriageModel
@testable import TriageDiagnosis

@Suite("Image reference grammar")
struct ImageReferenceTests {
    @Test(
        "valid references are normalised",
        arguments: [
            ("nginx", "docker.io/library/nginx:latest", "docker.io", "library/nginx"),
            ("bitnami/redis:7.2", "docker.io/bitnami/redis:7.2", "docker.io", "bitnami/redis"),
            ("index.docker.io/library/alpine:3.20", "docker.io/library/alpine:3.20", "docker.io", "library/alpine"),
            ("localhost:5000/team/app:dev", "localhost:5000/team/app:dev", "localhost:5000", "team/app"),
            ("localhost/app", "localhost/app:latest", "localhost", "app"),
            ("registry.example.com:8443/a/b/c:v1.2.3-rc.1", "registry.example.com:8443/a/b/c:v1.2.3-rc.1", "registry.example.com:8443", "a/b/c"),
            ("[fd00::1]:5000/img:1", "[fd00::1]:5000/img:1", "[fd00::1]:5000", "img"),
            ("ghcr.io/org/my__tool.x-y:Tag_1", "ghcr.io/org/my__tool.x-y:Tag_1", "ghcr.io", "org/my__tool.x-y"),
        ])
    func normalises(input: String, normalised: String, registry: String, repository: String) throws {
        let reference = try ImageReference.parse(input)
        #expect(reference.description == normalised)
        #expect(reference.registry == registry)
        #expect(reference.repository == repository)
    }

    @Test func digestsKeepTagOptional() throws {
        let digest = "sha256:" + String(repeating: "ab", count: 32)
        let byDigest = try ImageReference.parse("quay.io/org/app@" + digest)
        #expect(byDigest.tag == nil)
        #expect(byDigest.digest == digest)
        #expect(byDigest.description == "quay.io/org/app@" + digest)
        let both = try ImageReference.parse("app:1.0@" + digest)
        #expect(both.description == "docker.io/library/app:1.0@" + digest)
    }

    @Test(
        "families come from the host",
        arguments: [
            ("123456789012.dkr.ecr.eu-west-1.amazonaws.com/svc:1", RegistryFamily.ecr),
            ("public.ecr.aws/nginx/nginx", .ecrPublic), ("gcr.io/p/i", .gcr), ("eu.gcr.io/p/i", .gcr),
            ("europe-west4-docker.pkg.dev/p/r/i", .gar), ("acme.azurecr.io/i", .acr), ("ghcr.io/o/i", .ghcr),
            ("quay.io/o/i", .quay), ("registry.k8s.io/pause:3.9", .k8sRegistry), ("k8s.gcr.io/pause", .k8sRegistry),
            ("mcr.microsoft.com/dotnet/runtime", .mcr), ("registry.gitlab.com/g/p", .gitlab), ("nginx", .dockerhub),
            ("harbor.corp.example/p/i", .harbor), ("acme.jfrog.io/docker/i", .artifactory), ("localhost:5000/i", .selfHosted),
        ])
    func family(reference: String, family: RegistryFamily) throws {
        #expect(try ImageReference.parse(reference).family == family)
    }

    @Test(
        "invalid references say exactly what is wrong",
        arguments: [
            ("", ImageReferenceError.empty),
            ("repo/app :1.0", .whitespace(offset: 8)),
            ("docker-pullable://repo/app", .transportPrefix("docker-pullable://")),
            ("${IMAGE}", .unexpandedTemplate("${IMAGE}")),
            ("app:{{ .Values.tag }}", .whitespace(offset: 6)),
            ("app:{{.Values.tag}}", .unexpandedTemplate("{{.Values.tag}}")),
            (":1.4", .missingName),
            ("repo//app", .emptyPathComponent),
            ("registry.example.com/Team/app", .uppercaseRepository(component: "Team")),
            ("MyApp:1", .uppercaseRepository(component: "MyApp")),
            ("app::1", .multipleTagSeparators(count: 2)),
            ("host.example/a/b:host.example/a/b:2", .multipleTagSeparators(count: 2)),
            ("app:", .emptyTag),
            ("app:-beta", .invalidTag(tag: "-beta", reason: "must start with a letter, digit or underscore")),
            ("app:v1+build", .invalidTag(tag: "v1+build", reason: "contains \"+\"")),
            ("app@", .emptyDigest),
            ("app@sha256:abc", .invalidDigest(digest: "sha256:abc", reason: "must be 64 lowercase hexadecimal characters after \"sha256:\" (it has 3)")),
            ("app@md5", .invalidDigest(digest: "md5", reason: "has no \"algorithm:\" prefix")),
            ("my_host:5000/app", .invalidDomain("my_host:5000")),
            ("a..b", .invalidPathComponent(component: "a..b", reason: "has the invalid separator \"..\"")),
            ("app-/x", .invalidPathComponent(component: "app-", reason: "must start and end with a lowercase letter or digit")),
            (String(repeating: "a", count: 64).replacingOccurrences(of: "a", with: "f"), .hexadecimalName),
        ])
    func invalid(input: String, expected: ImageReferenceError) {
        #expect(throws: expected) { try ImageReference.parse(input) }
    }

    @Test func tooLongNamesAndTags() {
        #expect(throws: ImageReferenceError.nameTooLong(length: 318)) { try ImageReference.parse(String(repeating: "a", count: 300)) }
        #expect(throws: ImageReferenceError.tagTooLong(length: 129)) { try ImageReference.parse("app:" + String(repeating: "t", count: 129)) }
    }

    @Test func complaintsUseTheRuntimesWording() {
        let message = ImageReferenceError.uppercaseRepository(component: "Team").errorDescription ?? ""
        #expect(message.contains("repository name must be lowercase"))
        #expect(message.contains("\"Team\""))
    }

    @Test(
        "typos of well-known images are caught",
        arguments: [
            ("nginxy", "docker.io/library/nginx:latest"), ("ngnix:1.27", "docker.io/library/nginx:1.27"),
            ("busybx", "docker.io/library/busybox:latest"), ("postgress:16", "docker.io/library/postgres:16"),
            ("alpne", "docker.io/library/alpine:latest"), ("redis:7", nil), ("acme/nginxy", nil),
        ])
    func typo(input: String, expected: String?) {
        #expect(ImageReference.suggestion(for: input) == expected)
    }

    /// Found by `Fuzz/run fuzz-image-reference`: the limit of 255 counts the name as the runtimes
    /// normalise it, so a reference is refused when its printed form would be.
    @Test(
        "the name's length limit counts the normalised name",
        arguments: [
            (String(repeating: "a", count: 237), true), (String(repeating: "a", count: 238), false),
            ("acme/" + String(repeating: "b", count: 240), true), ("acme/" + String(repeating: "b", count: 241), false),
            ("index.docker.io/acme/" + String(repeating: "c", count: 240), true),
            ("registry.example.com/" + String(repeating: "d", count: 234) + ":v1", true),
            ("registry.example.com/" + String(repeating: "d", count: 235) + ":v1", false),
        ])
    func normalisedNameLength(input: String, accepted: Bool) throws {
        if accepted {
            let printed = try ImageReference.parse(input).description
            #expect(try ImageReference.parse(printed).description == printed)
        } else {
            #expect(throws: ImageReferenceError.nameTooLong(length: 256)) { try ImageReference.parse(input) }
        }
    }

    /// Found by `Fuzz/run fuzz-image-reference`: a name with over 127 of one letter overflowed
    /// the suggester's byte counts. No well-known image is that long, so there is no suggestion.
    @Test(
        "long names get no typo suggestion",
        arguments: [
            String(repeating: "j", count: 128), "o" + String(repeating: "j", count: 150) + "h.s",
            String(repeating: "a", count: 237), String(repeating: "nginx", count: 40) + ":1", "library/" + String(repeating: "z", count: 200),
        ])
    func longNames(input: String) throws {
        _ = try ImageReference.parse(input)
        #expect(ImageReference.suggestion(for: input) == nil)
    }

    @Test(
        "invalid references get a repaired suggestion",
        arguments: [
            ("Registry.Example.com/Team/App:1", "Registry.Example.com/team/app:1"),
            ("docker-pullable://acme/web:2", "docker.io/acme/web:2"),
            ("acme/web:", "docker.io/acme/web:latest"),
            ("host.example/a/b:host.example/a/b:2", "host.example/a/b:2"),
        ])
    func repaired(input: String, expected: String) {
        let suggestion = ImageReference.suggestion(for: input)
        #expect(suggestion.map { (try? ImageReference.parse($0))?.description ?? $0 } == (try? ImageReference.parse(expected))?.description ?? expected)
    }
}
