import Foundation

/// The JSON documents the check reads: distribution errors, tokens, manifests, image configs and
/// tag lists. Each decodes only the fields it needs.
enum RegistryDocuments {
    /// `{"errors":[{"code":"MANIFEST_UNKNOWN","message":"…"}]}`.
    struct Errors: Decodable {
        struct Entry: Decodable {
            var code: String?
            var message: String?
        }

        var errors: [Entry]?

        /// The error codes in `body`, empty when it is not a distribution error document.
        static func codes(in body: Data) -> [String] {
            ((try? JSONDecoder().decode(Errors.self, from: body))?.errors ?? []).compactMap(\.code)
        }
    }

    /// A token service's answer: `token` or, OAuth-style, `access_token`.
    struct Token: Decodable {
        var token: String?
        var accessToken: String?

        enum CodingKeys: String, CodingKey {
            case token
            case accessToken = "access_token"
        }
    }

    /// A platform as an index entry or an image config names it.
    struct Platform: Decodable {
        var os: String?
        var architecture: String?
        var variant: String?

        /// `os/architecture[/variant]`, or `nil` for an attestation's `unknown/unknown`.
        var name: String? {
            guard let os, let architecture, os != "unknown", architecture != "unknown" else { return nil }
            return [os, architecture, variant].compactMap { $0?.isEmpty == false ? $0 : nil }.joined(separator: "/")
        }
    }

    /// An index / manifest list, or a single manifest (whose `config` names the image config).
    struct Manifest: Decodable {
        struct Descriptor: Decodable {
            var mediaType: String?
            var digest: String?
            var platform: Platform?
        }

        var mediaType: String?
        var manifests: [Descriptor]?
        var config: Descriptor?
    }

    /// `{"name":"…","tags":[…]}`; `tags` may be `null`.
    struct TagList: Decodable {
        var tags: [String]?
    }
}
