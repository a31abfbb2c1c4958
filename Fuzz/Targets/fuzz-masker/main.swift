import Foundation
import TriageSecrets

import FuzzDriver

/// A password planted in each form the masker must recognise, each form on a line of its own
/// between two halves of the input: whatever the input says around it, the password, its base64
/// and the docker config holding it never survive, and masking keeps every line and changes
/// nothing more when run again.
let password = "Fz9-planted-Passw0rd"
let base64Password = Data(password.utf8).base64EncodedString()
let auth = Data("robot:\(password)".utf8).base64EncodedString()
let dockerConfig = Data(#"{"auths":{"registry.example.com":{"username":"robot","password":"\#(password)","auth":"\#(auth)"}}}"#.utf8)
    .base64EncodedString()
let planted = [password, base64Password, auth, dockerConfig]
let forms = [
    "docker login -u robot -p \(password) registry.example.com",
    "REGISTRY_PASSWORD=\(password)",
    "  password: \(password)",
    "error: password:\(password)",
    "--registry-token=\(password)",
    "Authorization: Bearer \(password)",
    "https://robot:\(password)@registry.example.com/v2/",
    "authorization: Basic \(auth)",
    #"{"kind": "Secret", "data": {"weird.key": "\#(base64Password)", ".dockerconfigjson": "\#(dockerConfig)"}}"#,
    #"{"name": "DB_SECRET", "value": "\#(password)"}"#,
    "data:\n  anything: \(base64Password)\n  .dockerconfigjson: \(dockerConfig)",
]

FuzzDriver.run { input in
    let text = String(decoding: input, as: UTF8.self)
    guard !planted.contains(where: text.contains) else { return }
    let middle = input.count / 2
    let before = String(decoding: input[..<middle], as: UTF8.self), after = String(decoding: input[middle...], as: UTF8.self)
    for form in forms {
        let document = before + "\n" + form + "\n" + after
        let masked = SecretMasker.standard.mask(document)
        for secret in planted {
            require(!masked.contains(secret), "\(secret.prefix(12))… survived in \(form.debugDescription) within \(text.debugDescription)")
        }
        let kept = SecretMasker.keepingRegistryHosts.mask(document)
        require(!kept.contains(password) && !kept.contains(auth), "a credential survived keeping hosts in \(text.debugDescription)")
    }
    let masked = SecretMasker.standard.mask(Array(input))
    require(masked.count(where: { $0 == 0x0A }) == input.count(where: { $0 == 0x0A }), "the line count changed for \(text.debugDescription)")
    _ = SecretMasker.secretValues(in: text)
}
