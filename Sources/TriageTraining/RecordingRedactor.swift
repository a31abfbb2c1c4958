import Foundation
import TriageEngine
import TriageModel

/// Removes secrets from a recorded command result before it is written to a scenario.
///
/// Text goes through `SecretRedactor`. `kubectl get secret -o json` output is rebuilt instead, so
/// it stays JSON the pull-secrets parser can read: every `data` value is replaced, a docker config
/// by one that keeps only the registry host names (with empty credentials), anything else by an
/// empty value; `last-applied-configuration` annotations (which repeat the data) are dropped and
/// the other annotations go through `SecretRedactor`.
struct RecordingRedactor {
    /// Applied to every host name and account id kept (identity unless anonymising).
    var rename: (String) -> String = { $0 }

    func redact(_ result: CommandResult) -> CommandResult {
        var redacted = result
        redacted.stdout = secretListing(result.stdout) ?? rename(SecretRedactor.redact(result.stdout))
        redacted.stderr = rename(SecretRedactor.redact(result.stderr))
        return redacted
    }

    /// The output rebuilt without secret values when it is a Secret or a List holding Secrets; nil otherwise.
    func secretListing(_ output: String) -> String? {
        guard let data = output.data(using: .utf8),
              var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return nil }
        if object["kind"] as? String == "Secret" {
            object = sanitised(secret: object)
        } else if var items = object["items"] as? [[String: Any]], items.contains(where: { $0["kind"] as? String == "Secret" }) {
            items = items.map { $0["kind"] as? String == "Secret" ? sanitised(secret: $0) : $0 }
            object["items"] = items
        } else {
            return nil
        }
        guard let json = try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]) else { return nil }
        return rename(String(decoding: json, as: UTF8.self)) + "\n"
    }

    private func sanitised(secret: [String: Any]) -> [String: Any] {
        var secret = secret
        var data: [String: Any] = [:]
        for (key, value) in secret["data"] as? [String: Any] ?? [:] {
            switch key {
            case ".dockerconfigjson": data[key] = Self.base64(hostsOnly(value, legacy: false))
            case ".dockercfg": data[key] = Self.base64(hostsOnly(value, legacy: true))
            default: data[key] = ""
            }
        }
        secret["data"] = data
        secret.removeValue(forKey: "stringData")
        if var metadata = secret["metadata"] as? [String: Any], var annotations = metadata["annotations"] as? [String: Any] {
            annotations.removeValue(forKey: "kubectl.kubernetes.io/last-applied-configuration")
            metadata["annotations"] = annotations.mapValues { value in (value as? String).map(SecretRedactor.redact) ?? value }
            secret["metadata"] = metadata
        }
        return secret
    }

    /// `{"auths":{"HOST":{}}}` (or `{"HOST":{}}` for the legacy format) for the hosts of an encoded config.
    private func hostsOnly(_ value: Any, legacy: Bool) -> String {
        guard let encoded = value as? String, let decoded = Data(base64Encoded: encoded),
              let config = (try? JSONSerialization.jsonObject(with: decoded)) as? [String: Any] else { return legacy ? "{}" : "{\"auths\":{}}" }
        let entries = legacy ? config : (config["auths"] as? [String: Any] ?? [:])
        let hosts = entries.keys.sorted().map { "\"\(rename($0).replacingOccurrences(of: "\"", with: ""))\":{}" }.joined(separator: ",")
        return legacy ? "{\(hosts)}" : "{\"auths\":{\(hosts)}}"
    }

    private static func base64(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
    }
}
