/// The secret redactor as it was before issue 16 (per line, several regular expressions), kept
/// only so `triage-bench mask` can show the masker's throughput beside it in the same run.
enum BaselineRedactor {
    /// What replaces a secret value.
    static let mask = "<redacted>"

    /// Keys whose values are secrets wherever they appear (JSON, YAML, `key=value`).
    static let sensitiveKeys: Set<String> = [
        ".dockerconfigjson", ".dockercfg", "auth", "password", "passwd", "pass", "token", "identitytoken",
        "registrytoken", "access_token", "refresh_token", "id_token", "secret", "client_secret", "apikey",
        "api_key", "api-key", "private_key", "docker-password", "aws_secret_access_key", "aws_session_token",
    ]

    /// `text` with secret values masked.
    static func redact(_ text: String) -> String {
        guard !text.isEmpty else { return text }
        var inSecretData = false
        var dataIndent = 0
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var line = String(line)
            // YAML `data:`/`stringData:` blocks of a Secret: every value under them is secret.
            let indent = line.prefix { $0 == " " }.count
            let trimmed = line.drop { $0 == " " }
            if inSecretData {
                if trimmed.isEmpty || indent > dataIndent {
                    line = maskYAMLValue(line)
                } else {
                    inSecretData = false
                }
            }
            if !inSecretData, trimmed == "data:" || trimmed == "stringData:" {
                inSecretData = true
                dataIndent = indent
            }
            line = maskKeyedValues(line)
            line = maskAuthorizationHeaders(line)
            line = maskKnownTokens(line)
            line = maskOpaqueBlobs(line)
            return line
        }
        return lines.joined(separator: "\n")
    }

    /// `"key": "value"`, `key: value`, `--key=value` and `key=value` for sensitive keys.
    static func maskKeyedValues(_ line: String) -> String {
        var result = line
        for regex in keyedValuePatterns {
            result = result.replacing(regex) { match in
                guard sensitiveKeys.contains(String(match.output.1).lowercased()) else { return String(match.output.0) }
                return String(match.output.0.prefix(match.output.0.count - match.output.2.count)) + mask
            }
        }
        return result
    }

    /// `Authorization: Bearer …`, `Basic …` credentials.
    static func maskAuthorizationHeaders(_ line: String) -> String {
        line.replacing(/(?i)(bearer|basic)\s+[A-Za-z0-9._~+\/=-]{8,}/) { match in
            "\(match.output.1) \(mask)"
        }
    }

    /// Registry and forge tokens recognisable by their prefix, however short: GitHub (`ghp_`,
    /// `gho_`, `ghs_`, `github_pat_`), GitLab (`glpat-`, `gldt-`), Docker Hub (`dckr_pat_`), AWS
    /// access key ids (`AKIA`, `ASIA`).
    static func maskKnownTokens(_ line: String) -> String {
        line.replacing(/(?:ghp_|gho_|ghs_|github_pat_|glpat-|gldt-|dckr_pat_|AKIA|ASIA)[A-Za-z0-9_-]{8,}/, with: mask)
    }

    /// Long base64 or JWT-looking runs that are not digests: docker configs, tokens.
    static func maskOpaqueBlobs(_ line: String) -> String {
        line.replacing(/(^|[^A-Za-z0-9+\/:=_-])([A-Za-z0-9+\/_-]{40,}={0,2})/) { match in
            let text = match.output.2
            let isHex = text.allSatisfy(\.isHexDigit)
            let hasUpper = text.contains(where: \.isUppercase)
            let hasLower = text.contains(where: \.isLowercase)
            let isPath = text.filter { $0 == "/" }.count > 2
            let kept = isHex || !hasUpper || !hasLower || isPath
            return String(match.output.1) + (kept ? String(text) : mask)
        }
    }

    static func maskYAMLValue(_ line: String) -> String {
        guard let colon = line.firstIndex(of: ":") else { return line }
        let value = line[line.index(after: colon)...].trimmingPrefix(" ")
        return value.isEmpty ? line : String(line[...colon]) + " " + mask
    }

    nonisolated(unsafe) static let keyedValuePatterns: [Regex<(Substring, Substring, Substring)>] = [
        /"([A-Za-z0-9._-]+)"\s*:\s*("(?:[^"\\]|\\.)*")/,
        /(?m)^\s*-?\s*([A-Za-z0-9._-]+)\s*:\s+(\S.*)$/,
        /(?:^|\s)--?([A-Za-z0-9._-]+)[= ]("[^"]*"|'[^']*'|\S+)/,
        /(?:^|[\s,;?&])([A-Za-z0-9._-]+)=("[^"]*"|'[^']*'|[^\s,;&]+)/,
    ]
}
