import Testing
@testable import TriageRegistry

/// `WWW-Authenticate` values as registries send them.
struct AuthenticateChallengeTests {
    @Test func dockerHubBearer() {
        let challenges = AuthenticateChallenge.parse(
            #"Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull""#)
        #expect(
            challenges == [
                AuthenticateChallenge(
                    scheme: "bearer",
                    parameters: [
                        "realm": "https://auth.docker.io/token", "service": "registry.docker.io", "scope": "repository:library/nginx:pull",
                    ])
            ])
        #expect(challenges.first?.realm == "https://auth.docker.io/token")
    }

    @Test func basicWithRealm() {
        #expect(AuthenticateChallenge.parse(#"Basic realm="triage-test""#) == [AuthenticateChallenge(scheme: "basic", parameters: ["realm": "triage-test"])])
    }

    @Test func severalChallengesSpacesAndBareTokens() {
        let challenges = AuthenticateChallenge.parse(#"Basic realm="a, b", BEARER realm = "https://ghcr.io/token" , service=ghcr.io"#)
        #expect(challenges.map(\.scheme) == ["basic", "bearer"])
        #expect(challenges.first?.realm == "a, b")
        #expect(challenges.last?.parameters == ["realm": "https://ghcr.io/token", "service": "ghcr.io"])
    }

    @Test func escapedQuotesAndEmptyInput() {
        #expect(AuthenticateChallenge.parse(#"Bearer realm="say \"hi\"""#).first?.realm == #"say "hi""#)
        #expect(AuthenticateChallenge.parse("").isEmpty)
        #expect(AuthenticateChallenge.parse("Bearer").first?.parameters.isEmpty == true)
    }
}
