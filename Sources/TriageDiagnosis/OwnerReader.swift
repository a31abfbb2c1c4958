import TriageKubernetes

/// Reads which object controls the pod in a pasted `kubectl describe pod` (`Controlled By:
/// ReplicaSet/web-6d9f7c8b5`) or pod JSON/YAML (`ownerReferences`), with the pod's
/// `pod-template-hash` label, and names the workload a fix must change.
enum OwnerReader {
    /// The workload (`deployment/web`) named by the input's one owner; `nil` when the input names
    /// no owner, or owners of more than one pod.
    static func workload(in bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { text in
            var owners = Set<String>()
            for marker in ["Controlled By:", "ownerReferences"] {
                var pattern = marker
                pattern.withUTF8 { pattern in
                    var from = 0
                    while let at = ByteSearch.firstIndex(of: pattern, in: text, from: from) {
                        from = at + pattern.count
                        if let owner = marker.hasPrefix("C") ? describedOwner(text, after: from) : referencedOwner(text, after: from) {
                            owners.insert(owner.kind + "/" + owner.name)
                        }
                    }
                }
            }
            guard owners.count == 1, let owner = owners.first, let slash = owner.firstIndex(of: "/") else { return nil }
            let reference = OwnerReference(kind: String(owner[..<slash]), name: String(owner[owner.index(after: slash)...]), controller: true)
            return WorkloadResolver().workload(
                namespace: "", podName: "", owners: [reference],
                templateHash: value(of: "pod-template-hash", in: text)
            ).reference
        }
    }

    /// `KIND/NAME` after describe's `Controlled By:`.
    private static func describedOwner(_ text: UnsafeBufferPointer<UInt8>, after start: Int) -> (kind: String, name: String)? {
        guard let token = token(in: text, from: skip(text, from: start, over: [0x20, 0x09])),
            let slash = token.firstIndex(of: "/")
        else { return nil }
        let kind = String(token[..<slash]), name = String(token[token.index(after: slash)...])
        return isKind(kind) && isName(name) ? (kind, name) : nil
    }

    /// The first `kind` and `name` of the owner reference list that starts at `start`, JSON or YAML.
    private static func referencedOwner(_ text: UnsafeBufferPointer<UInt8>, after start: Int) -> (kind: String, name: String)? {
        let window = UnsafeBufferPointer(rebasing: text[start..<min(text.count, start + 1024)])
        guard let kind = value(of: "kind", in: window), let name = value(of: "name", in: window), isKind(kind), isName(name) else { return nil }
        return (kind, name)
    }

    /// The value of the first `key` in `text` written as a JSON member, a YAML key or a
    /// `key=value` label.
    private static func value(of key: String, in text: UnsafeBufferPointer<UInt8>) -> String? {
        var pattern = key
        return pattern.withUTF8 { pattern in
            var from = 0
            while let at = ByteSearch.firstIndex(of: pattern, in: text, from: from) {
                from = at + pattern.count
                guard at == 0 || [0x20, 0x09, 0x22, 0x0A, 0x7B, 0x2C].contains(text[at - 1]) else { continue }
                var i = from
                if i < text.count, text[i] == 0x22 { i += 1 }
                guard i < text.count, text[i] == 0x3A || text[i] == 0x3D else { continue }
                i = skip(text, from: i + 1, over: [0x20, 0x09, 0x22])
                if let value = token(in: text, from: i) { return value }
            }
            return nil
        }
    }

    private static func skip(_ text: UnsafeBufferPointer<UInt8>, from start: Int, over bytes: [UInt8]) -> Int {
        var i = start
        while i < text.count, bytes.contains(text[i]) { i += 1 }
        return i
    }

    /// The run of name characters (letters, digits, `-`, `.`, `/`) at `start`.
    private static func token(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> String? {
        var end = start
        while end < text.count, end - start < 300 {
            let byte = text[end] | 0x20
            guard (0x61...0x7A).contains(byte) || (0x30...0x39).contains(text[end]) || text[end] == 0x2D || text[end] == 0x2E || text[end] == 0x2F else {
                break
            }
            end += 1
        }
        return end > start ? String(decoding: UnsafeBufferPointer(rebasing: text[start..<end]), as: UTF8.self) : nil
    }

    private static func isKind(_ kind: String) -> Bool {
        kind.first?.isUppercase == true && kind.utf8.allSatisfy { ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A }
    }

    private static func isName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 253 && !name.contains("/") && name.utf8.first != 0x2D
    }
}
