import TriageJSON

/// A docker config (`.dockerconfigjson`, or the legacy `.dockercfg`) read for what may be shown:
/// its registry host names. Its credentials are kept only to be masked wherever else they appear.
struct DockerConfig {
    /// The registries the config has credentials for, in the config's order.
    var hosts: [String] = []
    /// Whether it is the legacy format (hosts at the top level, no `auths`).
    var legacy = false
    /// The credentials it holds: `auth` (as written and decoded), passwords and tokens.
    var credentials: [String] = []

    /// The config encoded in base64 in `encoded`; nil when it is not one.
    init?(base64 encoded: UnsafeBufferPointer<UInt8>) {
        guard encoded.count >= 8, let decoded = ByteText.base64Decode(encoded),
            decoded.first(where: { !ByteText.isBlank($0) && $0 != 0x0A }) == 0x7B
        else { return nil }
        let parsed: DockerConfig? = decoded.withUnsafeBufferPointer { bytes in
            var cursor = JSONCursor(bytes: bytes, isFinal: true, baseOffset: 0)
            return try? Self.read(&cursor)
        }
        guard let parsed else { return nil }
        self = parsed
    }

    private init() {}

    private static func read(_ cursor: inout JSONCursor) throws(JSONStop) -> DockerConfig? {
        var config = DockerConfig()
        guard try cursor.enterObject() else { return nil }
        var first = true
        var sawAuths = false
        while let key = try cursor.nextKey(first: &first) {
            if cursor.equals(key, "auths") {
                sawAuths = true
                guard try cursor.enterObject() else { try cursor.skipValue(); continue }
                try readEntries(&cursor, into: &config)
            } else if try cursor.peek() == 0x7B, !sawAuths {
                // Legacy: `{"HOST": {"auth": …}}`.
                config.legacy = true
                config.hosts.append(cursor.decode(key))
                try cursor.expect(0x7B, "{")
                try readCredentials(&cursor, into: &config)
            } else {
                try cursor.skipValue()
            }
        }
        if sawAuths { config.legacy = false }
        return sawAuths || config.legacy ? config : nil
    }

    private static func readEntries(_ cursor: inout JSONCursor, into config: inout DockerConfig) throws(JSONStop) {
        var first = true
        while let host = try cursor.nextKey(first: &first) {
            config.hosts.append(cursor.decode(host))
            if try cursor.enterObject() {
                try readCredentials(&cursor, into: &config)
            } else {
                try cursor.skipValue()
            }
        }
    }

    /// The members of one registry's entry, after its `{`.
    private static func readCredentials(_ cursor: inout JSONCursor, into config: inout DockerConfig) throws(JSONStop) {
        var first = true
        while let key = try cursor.nextKey(first: &first) {
            let name = cursor.decode(key).lowercased()
            if name == "username" || name == "email" {
                try cursor.skipValue()
                continue
            }
            guard let value = try cursor.optionalString() else { continue }
            let text = cursor.decode(value)
            config.credentials.append(text)
            if name == "auth", let decoded = Array(text.utf8).withUnsafeBufferPointer(ByteText.base64Decode) {
                let pair = String(decoding: decoded, as: UTF8.self)
                config.credentials.append(pair)
                if let colon = pair.firstIndex(of: ":") { config.credentials.append(String(pair[pair.index(after: colon)...])) }
            }
        }
    }

    /// The same config with only its hosts, each with empty credentials, in base64: what a parser
    /// needs to name the registries, and nothing that lets anyone pull.
    var hostsOnlyBase64: [UInt8] {
        let entries = hosts.map { "\"\(Self.escaped($0))\":{}" }.joined(separator: ",")
        let json = legacy ? "{\(entries)}" : "{\"auths\":{\(entries)}}"
        return ByteText.base64Encode(Array(json.utf8))
    }

    /// The text that stands for the config where people read it: its credentials masked, its
    /// registry hosts in words (`<redacted; registries: ghcr.io, docker.io>`). A host that does not
    /// read as a host name, or that holds user info or a secret-shaped word, is masked too.
    var shownHosts: [UInt8] {
        let names = hosts.map { Self.isShowable(Array($0.utf8)) ? $0 : SecretMasker.mask }
        return Array((Self.shownPrefix + (names.isEmpty ? "none" : names.joined(separator: ", ")) + ">").utf8)
    }

    private static let shownPrefix = String(SecretMasker.mask.dropLast()) + "; registries: "

    /// Whether `value` is a config as ``shownHosts`` writes it, so that masking shown text again
    /// keeps it as it is.
    static func isShownHosts(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
        let prefix = shownPrefix.utf8
        guard value.count > prefix.count, value.last == 0x3E, value.starts(with: prefix) else { return false }
        let list = String(decoding: value[prefix.count..<(value.count - 1)], as: UTF8.self)
        return list == "none"
            || list.split(separator: ", ", omittingEmptySubsequences: false).allSatisfy { $0 == SecretMasker.mask || isShowable(Array($0.utf8)) }
    }

    /// Whether `host` may be shown: the bytes of a registry address (`https://index.docker.io/v1/`,
    /// `registry.example.com:5000`, `[::1]:5000`), no user info, and no word the wording rules
    /// would mask.
    private static func isShowable(_ host: [UInt8]) -> Bool {
        guard !host.isEmpty, host.count <= 300, host.allSatisfy(isHostByte) else { return false }
        var secret = false
        host.withUnsafeBufferPointer { bytes in WordingRules.scan(bytes, end: bytes.count) { _ in secret = true } }
        return !secret
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F, ByteText.colon, 0x2F, 0x5B, 0x5D: true
        default: false
        }
    }

    private static func escaped(_ host: String) -> String {
        String(host.unicodeScalars.filter { $0 != "\"" && $0 != "\\" && $0.value >= 0x20 }.map(Character.init))
    }
}
