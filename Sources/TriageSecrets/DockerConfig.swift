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
              decoded.first(where: { !ByteText.isBlank($0) && $0 != 0x0A }) == 0x7B else { return nil }
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

    private static func escaped(_ host: String) -> String {
        String(host.unicodeScalars.filter { $0 != "\"" && $0 != "\\" && $0.value >= 0x20 }.map(Character.init))
    }
}
