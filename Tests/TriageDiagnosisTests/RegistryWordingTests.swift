import Testing
@testable import TriageDiagnosis

/// Registry-specific wordings (ACR, Artifact Registry/GCR, ECR and ECR Public, Harbor, Quay, GitLab,
/// Artifactory, Nexus, GHCR, Docker Hub, MCR, NGC, registry.k8s.io, Aliyun) and the tools around
/// them, written by hand in the shapes users paste, with invented hosts, projects and accounts.
/// Each case checks the cause and, where the text names it, the image and the registry family.
@Suite("Registry wordings")
struct RegistryWordingTests {
    /// A pasted text and what its diagnosis must say.
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let cause: PullFailureCause
        var alternative: PullFailureCause?
        /// A cause that must not be offered as an alternative.
        var notAlternative: PullFailureCause?
        var family: RegistryFamily?
        var image: String?
        let text: String
        var testDescription: String { name }
    }

    static func example(
        _ name: String, _ cause: PullFailureCause, alt: PullFailureCause? = nil, notAlt: PullFailureCause? = nil,
        family: RegistryFamily? = nil, image: String? = nil, _ text: String
    ) -> Case {
        Case(name: name, cause: cause, alternative: alt, notAlternative: notAlt, family: family, image: image, text: text)
    }

    /// Diagnoses the case's text and checks every expectation it carries.
    static func check(_ example: Case) throws {
        let report = PullFailureDiagnoser.diagnose(example.text)
        let finding = try #require(report.findings.first, "no finding")
        #expect(report.cause == example.cause, "evidence: \(finding.evidence.match)")
        let alternatives = finding.alternatives.map(\.cause)
        if let alternative = example.alternative { #expect(alternatives.contains(alternative)) }
        if let unwanted = example.notAlternative { #expect(!alternatives.contains(unwanted)) }
        if let family = example.family { #expect(finding.registry?.family == family) }
        if let image = example.image { #expect(finding.image?.original == image) }
        let evidence = finding.evidence
        #expect(!evidence.match.isEmpty)
        let scalars = Array(evidence.text.unicodeScalars)
        try #require(evidence.start <= evidence.end && evidence.end <= scalars.count)
        #expect(String(String.UnicodeScalarView(scalars[evidence.start..<evidence.end])) == evidence.match)
    }

    static let registries: [Case] = [
        example(
            "acr aka.ms authorization", .auth, family: .acr, image: "shopacr.azurecr.io/cart/api:2.1",
            #"Failed to pull image "shopacr.azurecr.io/cart/api:2.1": rpc error: code = Unknown desc = failed to pull and unpack image "shopacr.azurecr.io/cart/api:2.1": failed to resolve reference "shopacr.azurecr.io/cart/api:2.1": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://shopacr.azurecr.io/oauth2/token?scope=repository%3Acart%2Fapi%3Apull&service=shopacr.azurecr.io: 401 Unauthorized"#
        ),
        example(
            "acr docker unauthorized visit aka.ms", .auth, family: .acr,
            #"Error response from daemon: Head "https://shopacr.azurecr.io/v2/cart/api/manifests/2.1": unauthorized: authentication required, visit https://aka.ms/acr/authorization for more information."#
        ),
        example(
            "acr kubelet bracketed list", .auth, family: .acr, image: "shopacr.azurecr.io/cart/api:2.1",
            #"Failed to pull image "shopacr.azurecr.io/cart/api:2.1": [rpc error: code = Unknown desc = failed to pull and unpack image "shopacr.azurecr.io/cart/api:2.1": failed to resolve reference "shopacr.azurecr.io/cart/api:2.1": failed to authorize: failed to fetch anonymous token: unexpected status: 401 Unauthorized, rpc error: code = Unknown desc = failed to pull and unpack image "shopacr.azurecr.io/cart/api:2.1": failed to resolve reference "shopacr.azurecr.io/cart/api:2.1": failed to authorize: failed to fetch oauth token: unexpected status: 401 Unauthorized]"#
        ),
        example(
            "acr login refresh token", .auth,
            #"Error: CONNECTIVITY_REFRESH_TOKEN_ERROR. Access to registry 'shopacr.azurecr.io' was denied. Response code: 403. Please try running 'az login' again to refresh permissions."#
        ),
        example(
            "acr firewall client ip", .auth, family: .acr,
            #"Failed to pull image "shopacr.azurecr.io/cart/api:2.1": rpc error: code = Unknown desc = failed to pull and unpack image "shopacr.azurecr.io/cart/api:2.1": failed to resolve reference "shopacr.azurecr.io/cart/api:2.1": unexpected status from HEAD request to https://shopacr.azurecr.io/v2/cart/api/manifests/2.1: 403 Forbidden\#ndenied: client with IP '203.0.113.7' is not allowed access. Refer https://aka.ms/acr/firewall to grant access."#
        ),
        example(
            "acr firewall docker", .auth,
            #"Error response from daemon: denied: client with IP '203.0.113.7' is not allowed access. Refer https://aka.ms/acr/firewall to grant access."#),
        example(
            "acr anonymous pull disabled", .auth, family: .acr,
            #"Error response from daemon: Head "https://shopacr.azurecr.io/v2/cart/api/manifests/2.1": unauthorized: anonymous pull is disabled"#),
        example(
            "acr manifest tagged by", .imageNotFound, family: .acr,
            #"Failed to pull image "shopacr.azurecr.io/cart/api:9.9": rpc error: code = NotFound desc = failed to pull and unpack image "shopacr.azurecr.io/cart/api:9.9": failed to resolve reference "shopacr.azurecr.io/cart/api:9.9": shopacr.azurecr.io/cart/api:9.9: not found"#
        ),
        example(
            "acr docker manifest tagged by not found", .imageNotFound, family: .acr, image: "shopacr.azurecr.io/cart/api:9.9",
            #"Error response from daemon: manifest for shopacr.azurecr.io/cart/api:9.9 not found: manifest unknown: manifest tagged by "9.9" is not found"#),
        example(
            "acr dns error", .network,
            #"Error: CONNECTIVITY_DNS_ERROR. DNS lookup to shopacr.azurecr.io failed. Please check if the spelling of the registry name is correct."#),
        example(
            "acr private endpoint timeout", .network, family: .acr,
            #"Failed to pull image "shopacr.azurecr.io/cart/api:2.1": rpc error: code = Unknown desc = failed to pull and unpack image "shopacr.azurecr.io/cart/api:2.1": failed to resolve reference "shopacr.azurecr.io/cart/api:2.1": failed to do request: Head "https://shopacr.azurecr.io/v2/cart/api/manifests/2.1": dial tcp 10.4.0.9:443: i/o timeout"#
        ),
        example(
            "aks check-acr", .auth,
            #"[2024-03-01T10:11:12Z] Checking ACR authentication... Failed\#n[2024-03-01T10:11:12Z] ACR authentication failed: unauthorized: authentication required"#
        ),
        example(
            "gar permission denied", .auth, family: .gar, image: "europe-west1-docker.pkg.dev/shop-prod/apps/cart:3",
            #"Failed to pull image "europe-west1-docker.pkg.dev/shop-prod/apps/cart:3": rpc error: code = Unknown desc = failed to pull and unpack image "europe-west1-docker.pkg.dev/shop-prod/apps/cart:3": failed to resolve reference "europe-west1-docker.pkg.dev/shop-prod/apps/cart:3": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://europe-west1-docker.pkg.dev/v2/token?scope=repository%3Ashop-prod%2Fapps%2Fcart%3Apull&service=europe-west1-docker.pkg.dev: 403 Forbidden"#
        ),
        example(
            "gar docker permission on resource", .auth, alt: .imageNotFound, family: .gar,
            #"Error response from daemon: Head "https://europe-west1-docker.pkg.dev/v2/shop-prod/apps/cart/manifests/3": denied: Permission "artifactregistry.repositories.downloadArtifacts" denied on resource "projects/shop-prod/locations/europe-west1/repositories/apps" (or it may not exist)"#
        ),
        example(
            "gar api disabled", .auth, family: .gar,
            #"Error response from daemon: Head "https://us-docker.pkg.dev/v2/shop-dev/apps/cart/manifests/3": denied: Artifact Registry API has not been used in project 123456789 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/artifactregistry.googleapis.com/overview?project=123456789 then retry."#
        ),
        example(
            "gar api disabled 403 containerd", .auth, family: .gar,
            #"failed to resolve reference "us-docker.pkg.dev/shop-dev/apps/cart:3": unexpected status from HEAD request to https://us-docker.pkg.dev/v2/shop-dev/apps/cart/manifests/3: 403 Forbidden\#ndenied: Artifact Registry API has not been used in project 123456789 before or it is disabled."#
        ),
        example(
            "gar manifest unknown failed to fetch", .imageNotFound, family: .gar,
            #"Error response from daemon: manifest for europe-west1-docker.pkg.dev/shop-prod/apps/cart:4 not found: manifest unknown: Failed to fetch "4""#),
        example(
            "gar requested entity", .imageNotFound, family: .gar,
            #"Failed to pull image "europe-west1-docker.pkg.dev/shop-prod/apps/cart:4": rpc error: code = NotFound desc = failed to pull and unpack image "europe-west1-docker.pkg.dev/shop-prod/apps/cart:4": failed to resolve reference "europe-west1-docker.pkg.dev/shop-prod/apps/cart:4": europe-west1-docker.pkg.dev/shop-prod/apps/cart:4: not found"#
        ),
        example(
            "gcloud requested entity", .imageNotFound,
            #"ERROR: (gcloud.artifacts.docker.images.describe) NOT_FOUND: Requested entity was not found. This command is authenticated as dev@shop.example which is the active account specified by the [core/account] property.\#nFailed to pull image europe-west1-docker.pkg.dev/shop-prod/apps/cart:4"#
        ),
        example(
            "gcr needed permissions", .auth,
            #"Error response from daemon: unauthorized: You don't have the needed permissions to perform this operation, and you may have invalid credentials. To authenticate your request, follow the steps in: https://cloud.google.com/container-registry/docs/advanced-authentication"#
        ),
        example(
            "gcr manifest unknown", .imageNotFound, family: .gcr, image: "gcr.io/shop-prod/cart:5",
            #"Failed to pull image "gcr.io/shop-prod/cart:5": rpc error: code = Unknown desc = Error response from daemon: manifest for gcr.io/shop-prod/cart:5 not found: manifest unknown: Failed to fetch "5" from request "/v2/shop-prod/cart/manifests/5"."#
        ),
        example(
            "gcr redirect to ar denied", .auth, family: .gcr,
            #"Failed to pull image "gcr.io/shop-old/cart:5": rpc error: code = Unknown desc = failed to pull and unpack image "gcr.io/shop-old/cart:5": failed to resolve reference "gcr.io/shop-old/cart:5": pulling from host gcr.io failed with status code [manifests 5]: 403 Forbidden"#
        ),
        example(
            "ecr no basic auth containerd", .auth, family: .ecr,
            #"Failed to pull image "111122223333.dkr.ecr.eu-west-1.amazonaws.com/cart:7": rpc error: code = Unknown desc = failed to pull and unpack image "111122223333.dkr.ecr.eu-west-1.amazonaws.com/cart:7": failed to resolve reference "111122223333.dkr.ecr.eu-west-1.amazonaws.com/cart:7": pull access denied, repository does not exist or may require authorization: authorization failed: no basic auth credentials"#
        ),
        example(
            "ecr token expired", .auth, notAlt: .imageNotFound, family: .ecr,
            #"Error response from daemon: pull access denied for 111122223333.dkr.ecr.eu-west-1.amazonaws.com/cart, repository does not exist or may require 'docker login': denied: Your authorization token has expired. Reauthenticate and try again."#
        ),
        example(
            "ecr token expired containerd", .auth, family: .ecr,
            #"failed to resolve reference "111122223333.dkr.ecr.eu-west-1.amazonaws.com/cart:7": unexpected status from HEAD request to https://111122223333.dkr.ecr.eu-west-1.amazonaws.com/v2/cart/manifests/7: 403 Forbidden\#ndenied: Your authorization token has expired. Reauthenticate and try again."#
        ),
        example(
            "ecr batchgetimage", .auth, family: .ecr,
            #"Failed to pull image "111122223333.dkr.ecr.eu-west-1.amazonaws.com/cart:7": rpc error: code = Unknown desc = failed to pull and unpack image "111122223333.dkr.ecr.eu-west-1.amazonaws.com/cart:7": failed to resolve reference "111122223333.dkr.ecr.eu-west-1.amazonaws.com/cart:7": unexpected status from HEAD request to https://111122223333.dkr.ecr.eu-west-1.amazonaws.com/v2/cart/manifests/7: 403 Forbidden"#
        ),
        example(
            "ecr batchgetimage docker", .auth,
            #"Error response from daemon: denied: User: arn:aws:sts::111122223333:assumed-role/shop-node-role/i-0abc123 is not authorized to perform: ecr:BatchGetImage on resource: arn:aws:ecr:eu-west-1:111122223333:repository/cart because no resource-based policy allows the ecr:BatchGetImage action"#
        ),
        example(
            "ecr repository not found docker", .imageNotFound, family: .ecr,
            #"Error response from daemon: repository 111122223333.dkr.ecr.eu-west-1.amazonaws.com/carts not found: name unknown: The repository with name 'carts' does not exist in the registry with id '111122223333'"#
        ),
        example(
            "ecr requested image not found", .imageNotFound, family: .ecr,
            #"Error response from daemon: manifest for 111122223333.dkr.ecr.eu-west-1.amazonaws.com/cart:8 not found: manifest unknown: Requested image not found"#
        ),
        example(
            "ecr pull through cache create repo", .auth, family: .ecr,
            #"failed to resolve reference "111122223333.dkr.ecr.eu-west-1.amazonaws.com/hub-cache/library/redis:7": unexpected status from HEAD request to https://111122223333.dkr.ecr.eu-west-1.amazonaws.com/v2/hub-cache/library/redis/manifests/7: 403 Forbidden\#ndenied: User: arn:aws:sts::111122223333:assumed-role/shop-node-role/i-0abc123 is not authorized to perform: ecr:CreateRepository on resource: arn:aws:ecr:eu-west-1:111122223333:repository/hub-cache/library/redis"#
        ),
        example(
            "ecr pull through upstream not found", .imageNotFound, family: .ecr,
            #"Error response from daemon: manifest for 111122223333.dkr.ecr.eu-west-1.amazonaws.com/hub-cache/library/redis:99 not found: manifest unknown: Requested image not found"#
        ),
        example("ecr public rate exceeded", .rateLimit, #"Error response from daemon: toomanyrequests: Rate exceeded"#),
        example(
            "ecr public rate exceeded containerd", .rateLimit, family: .ecrPublic,
            #"Failed to pull image "public.ecr.aws/shopco/cart:1": rpc error: code = Unknown desc = failed to pull and unpack image "public.ecr.aws/shopco/cart:1": failed to copy: httpReadSeeker: failed open: unexpected status code https://public.ecr.aws/v2/shopco/cart/blobs/sha256:aa11: 429 Too Many Requests - Server message: toomanyrequests: Rate exceeded"#
        ),
        example(
            "ecr public expired token", .auth, family: .ecrPublic,
            #"Error response from daemon: pull access denied for public.ecr.aws/shopco/cart, repository does not exist or may require 'docker login': denied: Your authorization token has expired. Reauthenticate and try again."#
        ),
        example(
            "harbor unauthorized to access repository", .auth,
            #"Error response from daemon: unauthorized: unauthorized to access repository: shop/cart, action: pull: unauthorized to access repository: shop/cart, action: pull"#
        ),
        example(
            "harbor containerd unauthorized", .auth, alt: .imageNotFound, family: .harbor,
            #"Failed to pull image "harbor.shop.test/shop/cart:1": rpc error: code = Unknown desc = failed to pull and unpack image "harbor.shop.test/shop/cart:1": failed to resolve reference "harbor.shop.test/shop/cart:1": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"#
        ),
        example("harbor project not found", .imageNotFound, #"Error response from daemon: unknown: project shopx not found: project shopx not found"#),
        example("harbor artifact not found", .imageNotFound, #"Error response from daemon: unknown: artifact shop/cart:9 not found"#),
        example(
            "harbor manifest unknown artifact", .imageNotFound, family: .harbor,
            #"Failed to pull image "harbor.shop.test/shop/cart:9": rpc error: code = NotFound desc = failed to pull and unpack image "harbor.shop.test/shop/cart:9": failed to resolve reference "harbor.shop.test/shop/cart:9": harbor.shop.test/shop/cart:9: not found"#
        ),
        example(
            "harbor podman", .imageNotFound, family: .harbor, image: "harbor.shop.test/shop/cart:9",
            #"Error: initializing source docker://harbor.shop.test/shop/cart:9: reading manifest 9 in harbor.shop.test/shop/cart: manifest unknown: artifact shop/cart:9 not found"#
        ),
        example(
            "quay not authorized", .auth, alt: .imageNotFound, family: .quay,
            #"Failed to pull image "quay.io/shopco/cart:1": rpc error: code = Unknown desc = reading manifest 1 in quay.io/shopco/cart: unauthorized: access to the requested resource is not authorized"#
        ),
        example(
            "quay docker not authorized", .auth, alt: .imageNotFound,
            #"Error response from daemon: unauthorized: access to the requested resource is not authorized"#),
        example(
            "gitlab access forbidden", .auth,
            #"Error response from daemon: Get "https://registry.gitlab.com/v2/shopco/cart/manifests/1": denied: access forbidden"#),
        example(
            "gitlab http basic", .auth,
            #"Error response from daemon: Get "https://registry.gitlab.com/v2/": unauthorized: HTTP Basic: Access denied. The provided password or token is incorrect or your account has 2FA enabled and you must use a personal access token instead of a password."#
        ),
        example(
            "gitlab 403 containerd", .auth, family: .gitlab,
            #"Failed to pull image "registry.gitlab.com/shopco/cart:1": rpc error: code = Unknown desc = failed to pull and unpack image "registry.gitlab.com/shopco/cart:1": failed to resolve reference "registry.gitlab.com/shopco/cart:1": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://gitlab.com/jwt/auth?scope=repository%3Ashopco%2Fcart%3Apull&service=container_registry: 403 Forbidden"#
        ),
        example(
            "artifactory requested artifact", .imageNotFound, #"Error response from daemon: unknown: The requested artifact docker-local/cart/1 does not exist"#
        ),
        example(
            "artifactory html 404", .imageNotFound,
            #"Error response from daemon: error parsing HTTP 404 response body: invalid character '<' looking for beginning of value: "<!DOCTYPE html><html><head><title>404 Not Found</title></head><body>Not Found</body></html>""#
        ),
        example(
            "artifactory html 403", .auth,
            #"Error response from daemon: error parsing HTTP 403 response body: invalid character '<' looking for beginning of value: "<html><head><title>Access Denied</title></head></html>""#
        ),
        example(
            "artifactory unable to find", .imageNotFound, family: .artifactory, image: "shop.jfrog.io/docker/cart:1",
            #"Unable to find image 'shop.jfrog.io/docker/cart:1' locally\#ndocker: Error response from daemon: manifest for shop.jfrog.io/docker/cart:1 not found: manifest unknown: The named manifest is not known to the registry.\#nSee 'docker run --help'."#
        ),
        example(
            "artifactory unable to find auth", .auth, family: .artifactory,
            #"Unable to find image 'shop.jfrog.io/docker/cart:1' locally\#ndocker: Error response from daemon: Get "https://shop.jfrog.io/v2/docker/cart/manifests/1": unknown: Authentication is required.\#nSee 'docker run --help'."#
        ),
        example(
            "nexus not found", .imageNotFound, family: .nexus,
            #"Error response from daemon: manifest for nexus.shop.test:8082/cart:1 not found: manifest unknown: manifest unknown"#),
        example(
            "nexus unknown not found", .imageNotFound, family: .nexus,
            #"Failed to pull image "nexus.shop.test:8082/cart:1": rpc error: code = Unknown desc = Error response from daemon: unknown: Not Found"#),
        example(
            "nexus html 400", .other,
            #"Error response from daemon: error parsing HTTP 400 response body: invalid character '<' looking for beginning of value: "<html><body>400 Bad Request</body></html>""#
        ),
        example("ghcr bare denied", .auth, family: .ghcr, #"Error response from daemon: Head "https://ghcr.io/v2/shopco/cart/manifests/1": denied"#),
        example(
            "ghcr denied containerd", .auth, family: .ghcr,
            #"Failed to pull image "ghcr.io/shopco/cart:1": rpc error: code = Unknown desc = failed to pull and unpack image "ghcr.io/shopco/cart:1": failed to resolve reference "ghcr.io/shopco/cart:1": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Ashopco%2Fcart%3Apull&service=ghcr.io: 401 Unauthorized"#
        ),
        example("ghcr permission_denied", .auth, #"Error response from daemon: denied: permission_denied: The token provided does not match expected scopes."#),
        example(
            "dockerhub unauthenticated limit", .rateLimit, family: .dockerhub, image: "redis:7",
            #"Failed to pull image "redis:7": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/redis:7": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/redis/manifests/sha256:aa11: 429 Too Many Requests - Server message: toomanyrequests: You have reached your unauthenticated pull rate limit. https://www.docker.com/increase-rate-limit"#
        ),
        example(
            "dockerhub manifest for not found", .imageNotFound, family: .dockerhub, image: "shopco/cart:9",
            #"Error response from daemon: manifest for shopco/cart:9 not found: manifest unknown: manifest unknown"#),
        example(
            "dockerhub may require docker login", .auth, alt: .imageNotFound, family: .dockerhub, image: "shopco/kart",
            #"Error response from daemon: pull access denied for shopco/kart, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"#
        ),
        example(
            "mcr tagged by", .imageNotFound, family: .mcr,
            #"Error response from daemon: manifest for mcr.microsoft.com/dotnet/aspnet:5.9 not found: manifest unknown: manifest tagged by "5.9" is not found"#),
        example(
            "nvcr unauthorized", .auth, family: .nvcr,
            #"Failed to pull image "nvcr.io/nvidia/shop-tool:1.0": rpc error: code = Unknown desc = failed to pull and unpack image "nvcr.io/nvidia/shop-tool:1.0": failed to resolve reference "nvcr.io/nvidia/shop-tool:1.0": failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://authn.nvidia.com/token?scope=repository%3Anvidia%2Fshop-tool%3Apull&service=ngc: 401 Unauthorized"#
        ),
        example(
            "k8s.gcr.io frozen tag", .imageNotFound, family: .k8sRegistry,
            #"Failed to pull image "k8s.gcr.io/shop-addon:v1.99": rpc error: code = NotFound desc = failed to pull and unpack image "k8s.gcr.io/shop-addon:v1.99": failed to resolve reference "k8s.gcr.io/shop-addon:v1.99": k8s.gcr.io/shop-addon:v1.99: not found"#
        ),
        example(
            "registry.k8s.io redirect 403", .auth, family: .k8sRegistry,
            #"Failed to pull image "registry.k8s.io/shop-addon:v1": rpc error: code = Unknown desc = failed to pull and unpack image "registry.k8s.io/shop-addon:v1": failed to copy: httpReadSeeker: failed open: unexpected status code https://europe-west2-docker.pkg.dev/v2/k8s-artifacts-prod/images/shop-addon/blobs/sha256:aa11: 403 Forbidden"#
        ),
        example(
            "aliyun denied", .auth, alt: .imageNotFound, family: .aliyun,
            #"Error response from daemon: pull access denied for registry.cn-hangzhou.aliyuncs.com/shopco/cart, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"#
        ),
        example(
            "aliyun manifest unknown", .imageNotFound, family: .aliyun,
            #"Failed to pull image "registry.cn-hangzhou.aliyuncs.com/shopco/cart:1": rpc error: code = NotFound desc = failed to pull and unpack image "registry.cn-hangzhou.aliyuncs.com/shopco/cart:1": failed to resolve reference "registry.cn-hangzhou.aliyuncs.com/shopco/cart:1": registry.cn-hangzhou.aliyuncs.com/shopco/cart:1: not found"#
        ),
    ]

    static let toolsAndRegistryPolicies: [Case] = [
        example(
            "harbor vuln policy", .other,
            #"Error response from daemon: unknown: current image with 12 vulnerabilities cannot be pulled due to configured policy in 'Prevent images with vulnerability severity of "High" or higher from running.' To continue with pull, please contact your project administrator to exempt matched vulnerabilities through configuring the CVE allowlist."#
        ),
        example(
            "harbor not signed", .other,
            #"Failed to pull image "harbor.shop.test/shop/cart:1": rpc error: code = Unknown desc = failed to pull and unpack image "harbor.shop.test/shop/cart:1": failed to copy: httpReadSeeker: failed open: unexpected status code https://harbor.shop.test/v2/shop/cart/manifests/sha256:aa11: 412 Precondition Failed - Server message: unknown: The image is not signed by cosign."#
        ),
        example(
            "xray block", .other,
            #"Error response from daemon: unknown: Artifact download request rejected: shop/cart/1 was not downloaded due to the download blocking policy configured in Xray for docker-local."#
        ),
        example(
            "old podman errors list", .auth,
            #"Error: error pulling image "shopco/cart:9": unable to pull shopco/cart:9: unable to pull image: Error initializing source docker://shopco/cart:9: Error reading manifest 9 in docker.io/shopco/cart: errors:\#ndenied: requested access to the resource is denied\#nunauthorized: authentication required"#
        ),
        example(
            "windows utility vm in use", .runtime,
            #"Error response from daemon: failed to register layer: re-exec error: exit status 1: output: ProcessUtilityVMImage \\?\C:\ProgramData\docker\windowsfilter\aa11\UtilityVM: The process cannot access the file because it is being used by another process."#
        ),
        example(
            "ecr pull through 400 upstream", .auth, family: .ecr, image: "111122223333.dkr.ecr.eu-west-1.amazonaws.com/ghcr-cache/shopco/cart:1",
            #"failed to resolve reference "111122223333.dkr.ecr.eu-west-1.amazonaws.com/ghcr-cache/shopco/cart:1": unexpected status from HEAD request to https://111122223333.dkr.ecr.eu-west-1.amazonaws.com/v2/ghcr-cache/shopco/cart/manifests/1: 403 Forbidden"#
        ),
        example(
            "containerd mirror ns", .imageNotFound, family: .dockerhub, image: "docker.io/library/redis:99",
            #"time="2024-05-01T10:11:12Z" level=info msg="fetch failed" error="unexpected status from HEAD request to https://mirror.shop.test/v2/library/redis/manifests/99?ns=docker.io: 404 Not Found" host=mirror.shop.test"#
        ),
        example(
            "docker login throttle", .rateLimit,
            #"Error response from daemon: Get "https://registry-1.docker.io/v2/": toomanyrequests: too many failed login attempts for username or IP address"#),
        example(
            "dockerhub 2025 authenticated limit", .rateLimit,
            #"Error response from daemon: toomanyrequests: You have reached your pull rate limit as 'shopbot': dckr_jti_abc123. You may increase the limit by upgrading. https://www.docker.com/increase-rate-limit"#
        ),
        example(
            "gar digest manifest unknown", .imageNotFound, family: .gar,
            #"Failed to pull image "us-docker.pkg.dev/shop-prod/apps/cart@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef": rpc error: code = NotFound desc = failed to pull and unpack image "us-docker.pkg.dev/shop-prod/apps/cart@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef": failed to resolve reference "us-docker.pkg.dev/shop-prod/apps/cart@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef": us-docker.pkg.dev/shop-prod/apps/cart@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef: not found"#
        ),
        example(
            "crio 3 errors occurred", .imageNotFound,
            #"Failed to pull image "cart:9": rpc error: code = Unknown desc = 2 errors occurred while pulling:\#n * initializing source docker://registry.shop.test/cart:9: reading manifest 9 in registry.shop.test/cart: manifest unknown\#n * initializing source docker://docker.io/library/cart:9: reading manifest 9 in docker.io/library/cart: manifest unknown"#
        ),
        example(
            "podman requested access", .auth, alt: .imageNotFound,
            #"Trying to pull docker.io/shopco/cart:9...\#nError: initializing source docker://shopco/cart:9: reading manifest 9 in docker.io/shopco/cart: requested access to the resource is denied"#
        ),
        example(
            "kubelet event 1.29 ErrImagePull reason", .auth, family: .ghcr,
            #"  Warning  Failed     4s    kubelet            Failed to pull image "ghcr.io/shopco/cart:1": failed to pull and unpack image "ghcr.io/shopco/cart:1": failed to resolve reference "ghcr.io/shopco/cart:1": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Ashopco%2Fcart%3Apull&service=ghcr.io: 403 Forbidden"#
        ),
        example("gcr old docker not found", .imageNotFound, #"Error response from daemon: manifest for gcr.io/shop-prod/cart:5 not found"#),
        example(
            "docker mirror unauthorized", .auth, image: "mirror.shop.test/library/redis:7",
            #"Error response from daemon: Head "https://mirror.shop.test/v2/library/redis/manifests/7": unauthorized: "#),
        example(
            "nerdctl fatal", .imageNotFound, image: "docker.io/shopco/cart:9",
            #"FATA[0001] failed to resolve reference "docker.io/shopco/cart:9": docker.io/shopco/cart:9: not found"#),
        example(
            "skopeo inspect", .auth, image: "reg.shop.test/team/cart:2",
            #"FATA[0000] Error parsing image name "docker://reg.shop.test/team/cart:2": reading manifest 2 in reg.shop.test/team/cart: unauthorized: authentication required"#
        ),
        example(
            "buildkit resolve", .imageNotFound,
            #"ERROR: failed to solve: reg.shop.test/team/base:9: failed to resolve source metadata for reg.shop.test/team/base:9: reg.shop.test/team/base:9: not found"#
        ),
        example(
            "buildkit pull access", .auth, alt: .imageNotFound,
            #"ERROR: failed to solve: shopco/base:9: failed to resolve source metadata for docker.io/shopco/base:9: pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed"#
        ),
        example(
            "compose pull", .imageNotFound, image: "shopco/cart:9",
            #" cart Error manifest for shopco/cart:9 not found: manifest unknown: manifest unknown\#nError response from daemon: manifest for shopco/cart:9 not found: manifest unknown: manifest unknown"#
        ),
        example(
            "compose v2 pull access", .auth, alt: .imageNotFound,
            #" cart Error pull access denied for shopco/cart, repository does not exist or may require 'docker login': denied: requested access to the resource is denied"#
        ),
    ]

    @Test(arguments: registries)
    func registryWording(_ example: Case) throws { try Self.check(example) }

    @Test(arguments: toolsAndRegistryPolicies)
    func toolOrPolicyWording(_ example: Case) throws { try Self.check(example) }
}
