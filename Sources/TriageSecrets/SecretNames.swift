/// Which names label a secret value: keys, flags, environment variables and headers.
///
/// A name is compared in ASCII lower case with `-`, `_` and `.` removed, so `REGISTRY_PASSWORD`,
/// `--docker-password`, `registryPassword` and `.dockerconfigjson` are all recognised.
enum SecretNames {
    /// Whole names that are secrets.
    static let exact: [StaticString] = ["auth", "pass", "pwd", "dockerconfigjson", "dockercfg", "creds", "credential", "credentials"]
    /// Endings that make a name a secret (any name ending in PASSWORD, TOKEN, SECRET, KEY …, and
    /// a kubeconfig's `client-key-data`).
    static let endings: [StaticString] = [
        "password", "passwd", "passphrase", "pass", "token", "secret", "creds", "credential", "credentials", "apikey", "auth", "key",
        "keydata",
    ]

    /// Whether the name in `bytes` (leading dashes allowed) labels a secret value. Reads the name
    /// in place, from its end, without building the normal form.
    static func isSecret(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count <= 96 else { return false }
        var letters = 0
        for byte in bytes {
            switch byte {
            case 0x2D, 0x5F, 0x2E: continue
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39: letters += 1
            default: return false
            }
        }
        for name in exact where letters == name.utf8CodeUnitCount && normalEnding(bytes, is: name) { return true }
        // A bare `key` names a key (tolerations, secretKeyRef), not a secret.
        guard letters > 3 else { return false }
        return endings.contains { letters >= $0.utf8CodeUnitCount && normalEnding(bytes, is: $0) }
    }

    /// Whether the name's normal form (lower case, no `-`, `_`, `.`) ends with `ending`.
    private static func normalEnding(_ bytes: UnsafeBufferPointer<UInt8>, is ending: StaticString) -> Bool {
        var index = bytes.count - 1
        var offset = ending.utf8CodeUnitCount - 1
        let text = ending.utf8Start
        while offset >= 0 {
            while index >= 0 && (bytes[index] == 0x2D || bytes[index] == 0x5F || bytes[index] == 0x2E) { index -= 1 }
            guard index >= 0, ByteText.lower(bytes[index]) == text[offset] else { return false }
            index -= 1
            offset -= 1
        }
        return true
    }

    /// Whether `bytes` is the Secret field whose whole value is secret: `data` or `stringData`.
    static func isSecretData(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteText.equals(bytes, "data") || ByteText.equals(bytes, "stringData")
    }
}
