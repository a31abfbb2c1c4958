/// Which names label a secret value: keys, flags, environment variables and headers.
///
/// A name is compared in ASCII lower case with `-`, `_` and `.` removed, so `REGISTRY_PASSWORD`,
/// `--docker-password`, `registryPassword` and `.dockerconfigjson` are all recognised.
enum SecretNames {
    /// Whole names that are secrets.
    static let exact: Set<String> = [
        "auth", "pass", "pwd", "dockerconfigjson", "dockercfg", "creds", "credential", "credentials",
    ]
    /// Endings that make a name a secret (any name ending in PASSWORD, TOKEN, SECRET, KEY …).
    static let endings: [String] = [
        "password", "passwd", "passphrase", "pass", "token", "secret", "creds", "credential", "credentials",
        "apikey", "auth", "key",
    ]

    /// Whether the name in `bytes` (leading dashes allowed) labels a secret value.
    static func isSecret(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var normal: [UInt8] = []
        normal.reserveCapacity(min(bytes.count, 64))
        for byte in bytes {
            switch byte {
            case 0x2D, 0x5F, 0x2E: continue
            case 0x41...0x5A: normal.append(byte | 0x20)
            case 0x61...0x7A, 0x30...0x39: normal.append(byte)
            default: return false
            }
            if normal.count > 64 { return false }
        }
        // A bare `key` names a key (tolerations, secretKeyRef), not a secret.
        guard normal.count > 3 || normal == Array("pwd".utf8) else { return false }
        let name = String(decoding: normal, as: UTF8.self)
        if exact.contains(name) { return true }
        return endings.contains { name.hasSuffix($0) }
    }

    /// Whether `bytes` is the Secret field whose whole value is secret: `data` or `stringData`.
    static func isSecretData(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteText.equals(bytes, "data") || ByteText.equals(bytes, "stringData")
    }
}
