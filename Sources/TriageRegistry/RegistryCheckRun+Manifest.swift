import Foundation
import TriageDiagnosis

/// The manifest steps: does it exist, which platforms does it offer, and which tags are near a
/// missing one.
extension RegistryCheckRun {
    /// `HEAD` the manifest (answering a late Bearer challenge once), `GET` it when `HEAD` gives
    /// no body to read an error from or is not supported, and record what the answer says.
    mutating func checkManifest() async -> Bool {
        let path = "/v2/\(reference.repository)/manifests/\(reference.digest ?? reference.tag ?? "latest")"
        let accept = ["Accept": RegistryClient.manifestAccept]
        var response: HTTPResponse
        do {
            response = try await client.send("HEAD", path: path, headers: accept)
            if response.status == 401, client.token == nil,
                let bearer = AuthenticateChallenge.parse(response.header("WWW-Authenticate") ?? "").first(where: { $0.scheme == "bearer" })
            {
                challenge = bearer
                guard await fetchToken() else { return false }
                response = try await client.send("HEAD", path: path, headers: accept)
            }
            if ![200, 401, 403, 429].contains(response.status) {
                response = try await client.send("GET", path: path, headers: accept)
            }
        } catch {
            return fail(error.failure)
        }
        noteRateLimit(response)
        switch response.status {
        case 200 where response.header("Content-Type").map(MediaType.bare)?.lowercased().hasPrefix("text/") == true:
            // A captive portal, a proxy's login page or a web server answers every path with a
            // page: that is no manifest, and says nothing about the image.
            let type = MediaType.bare(response.header("Content-Type") ?? "")
            return fail(
                .other,
                "\(client.host) answered the manifest request for \(reference.description) with a \(type) page (HTTP 200), not a manifest: a proxy, a captive portal or a web server stands where the registry should be"
            )
        case 200:
            result.exists = true
            result.needsAuth = false
            result.digest = response.header("Docker-Content-Digest") ?? reference.digest
            result.mediaType = response.header("Content-Type").map(MediaType.bare)
            return true
        case 404:
            result.exists = false
            result.needsAuth = false
            let codes = RegistryDocuments.Errors.codes(in: response.body)
            result.missing = codes.contains("NAME_UNKNOWN") ? .repository : reference.digest == nil ? .tag : .digest
            await lookForTags()
            return fail(.imageNotFound, missingMessage)
        case 401, 403:
            result.needsAuth = true
            noteDockerHubAmbiguity()
            return fail(
                .auth,
                "unauthorized: \(client.host) refused an anonymous pull of \(reference.repository) (HTTP \(response.status)); credentials are needed, or the repository does not exist"
            )
        case 429:
            return fail(.rateLimit, "toomanyrequests: \(client.host) rate-limited the manifest request (HTTP 429)")
        default:
            return fail(.other, "\(client.host) answered HTTP \(response.status) for the manifest of \(reference.description)")
        }
    }

    /// The runtime-style message for what ``RegistryCheckResult/missing`` says.
    var missingMessage: String {
        let name = "\(reference.registry)/\(reference.repository)"
        switch result.missing {
        case .repository?: return "name unknown: the repository \(name) does not exist"
        case .digest?: return "manifest unknown: \(name) has no manifest \(reference.digest ?? "")"
        case .tag?, nil: return "manifest unknown: \(name) has no tag \(reference.tag ?? "latest")"
        }
    }

    /// Lists the repository's tags: a repository that is unknown is missing as a whole;
    /// otherwise the tags nearest the missing one are reported.
    mutating func lookForTags() async {
        let lister = TagLister(client: client, repository: reference.repository, maximumPages: options.maximumTagPages, maximumTags: options.maximumTags)
        do {
            switch try await lister.list() {
            case .repositoryUnknown:
                result.missing = .repository
            case .tags(let tags, let truncated):
                if result.missing == .repository { result.missing = reference.digest == nil ? .tag : .digest }
                if reference.digest == nil {
                    result.nearestTags = NearestTags.rank(reference.tag ?? "latest", among: tags, limit: options.nearestTagCount)
                }
                if truncated { result.notes.append("only the first \(tags.count) tags were read to find the nearest ones") }
            case .refused(let status):
                result.notes.append("the registry does not allow listing the tags of \(reference.repository) (HTTP \(status)), so no nearest tags are known")
            }
        } catch {
            result.notes.append("listing the tags failed: \(error.failure.message)")
        }
    }

    /// Reads the platforms: every entry of an index, or a single image's config.
    mutating func listPlatforms() async {
        let path = "/v2/\(reference.repository)/manifests/\(result.digest ?? reference.tag ?? "latest")"
        do {
            let response = try await client.send("GET", path: path, headers: ["Accept": RegistryClient.manifestAccept])
            guard response.status == 200, let manifest = try? JSONDecoder().decode(RegistryDocuments.Manifest.self, from: response.body) else {
                result.notes.append("the platforms are unknown: the manifest could not be read (HTTP \(response.status))")
                return
            }
            if let entries = manifest.manifests {
                var seen: Set<String> = []
                result.platforms = entries.compactMap { $0.platform?.name }.filter { seen.insert($0).inserted }
            } else if let config = manifest.config?.digest {
                let blob = try await client.send("GET", path: "/v2/\(reference.repository)/blobs/\(config)")
                if blob.status == 200, let name = (try? JSONDecoder().decode(RegistryDocuments.Platform.self, from: blob.body))?.name {
                    result.platforms = [name]
                }
            }
        } catch {
            result.notes.append("the platforms are unknown: \(error.failure.message)")
        }
    }
}
