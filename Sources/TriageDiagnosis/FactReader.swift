import TriageModel

/// Reads the value that follows a marker phrase in a record's text.
enum FactReader {
    /// Tokens that follow marker words but are not image names.
    static let notImages: Set<String> = [
        "does", "the", "for", "is", "not", "with", "name", "from", "repository", "image", "to", "of", "in", "a", "and", "failed", "error",
    ]

    /// The length of the longest of ``notImages``.
    static let longestNotImage = notImages.map(\.utf8.count).max() ?? 0

    /// The most bytes a value after a marker may span (and the farthest any search around a marker
    /// looks): image references longer than this are refused anyway, and Kubernetes names are at
    /// most 253 bytes. Bounding every search keeps reading a line linear in its length however
    /// many markers it repeats.
    static let valueWindow = 512

    /// `os/arch` strings that follow "manifest for" in platform errors.
    static let platformPrefixes = ["linux/", "windows/", "darwin/", "freebsd/", "unknown"]

    /// The value at `start` in the given style, or `nil` when there is none.
    static func value(in text: [UInt8], from start: Int, style: ValueStyle) -> String? {
        switch style {
        case .until(let closing):
            guard let end = text[start..<min(text.count, start + valueWindow + 1)].firstIndex(of: closing) else { return nil }
            return String(decoding: text[start..<end], as: UTF8.self)
        case .bare, .readingManifest, .pullingFrom, .parenthesisedTag, .precedingReference, .manifestURL:
            return bareToken(in: text, from: start).map { String(decoding: text[$0], as: UTF8.self) }
        }
    }

    /// The image named at a marker hit, validated to look like a reference.
    static func image(in text: [UInt8], hit: PhraseHit, style: ValueStyle) -> String? {
        let candidate: String?
        switch style {
        case .until, .bare:
            candidate = value(in: text, from: hit.end, style: style)
        case .readingManifest:
            guard let tagRange = bareToken(in: text, from: hit.end), starts(" in ", in: text, at: tagRange.upperBound),
                let repoRange = bareToken(in: text, from: tagRange.upperBound + 4)
            else { return nil }
            let tag = String(decoding: text[tagRange], as: UTF8.self)
            let repository = String(decoding: text[repoRange], as: UTF8.self)
            candidate = repository + (tag.hasPrefix("sha256:") ? "@" : ":") + tag
        case .pullingFrom:
            var tagStart = hit.start
            let limit = max(0, hit.start - valueWindow)
            while tagStart > limit, text[tagStart - 1] != 0x20 { tagStart -= 1 }
            guard tagStart < hit.start, let repoRange = bareToken(in: text, from: hit.end) else { return nil }
            candidate = String(decoding: text[repoRange], as: UTF8.self) + ":" + String(decoding: text[tagStart..<hit.start], as: UTF8.self)
        case .precedingReference:
            var end = hit.start
            while end > max(0, hit.start - valueWindow), text[end - 1] == 0x20 { end -= 1 }
            guard end > 0, text[end - 1] == 0x3A else { return nil }
            var start = end - 1
            while start > max(0, end - 1 - valueWindow), text[start - 1] != 0x20 { start -= 1 }
            let token = text[start..<(end - 1)]
            candidate = token.contains(0x2F) ? String(decoding: token, as: UTF8.self) : nil
        case .manifestURL:
            candidate = manifestURLImage(in: text, hit: hit)
        case .parenthesisedTag:
            guard let close = text[hit.end..<min(text.count, hit.end + valueWindow + 1)].firstIndex(of: 0x29),
                starts(" from ", in: text, at: close + 1), let repoRange = bareToken(in: text, from: close + 7)
            else { return nil }
            candidate = String(decoding: text[repoRange], as: UTF8.self) + ":" + String(decoding: text[hit.end..<close], as: UTF8.self)
        }
        guard let candidate, !candidate.isEmpty, candidate.utf8.count <= 512,
            candidate.utf8.count > longestNotImage || !notImages.contains(candidate.lowercased()),
            let first = candidate.unicodeScalars.first, first.properties.isAlphabetic || ("0"..."9").contains(first) || "${:<#".unicodeScalars.contains(first),
            !platformPrefixes.contains(where: { candidate.hasPrefix($0) })
        else { return nil }
        return candidate
    }

    /// Whether an image reference names its registry (see ``ImageReference/isDomain(_:)``).
    static func namesRegistry(_ reference: String) -> Bool {
        var reference = reference
        return reference.withUTF8 { bytes in
            guard let slash = bytes.firstIndex(of: 0x2F) else { return false }
            return ImageReference.isDomain(UnsafeBufferPointer(rebasing: bytes[..<slash]))
        }
    }

    /// `HOST/REPO:REF` from `https://HOST/v2/REPO/manifests/REF[?ns=UPSTREAM]`, where the marker
    /// hit is `/manifests/`; `nil` unless the URL has that shape.
    static func manifestURLImage(in text: [UInt8], hit: PhraseHit) -> String? {
        var start = hit.start
        let limit = max(0, hit.start - valueWindow)
        while start > limit, text[start - 1] != 0x20, text[start - 1] != 0x22, text[start - 1] != 0x27, text[start - 1] != 0x28 { start -= 1 }
        // `://` must end before the hit: in `docker://manifests/…` its last slash is the hit's first.
        guard let scheme = (start..<hit.start).first(where: { starts("://", in: text, at: $0) }), scheme + 3 <= hit.start,
            let hostEnd = text[(scheme + 3)..<hit.start].firstIndex(of: 0x2F), hostEnd > scheme + 3,
            text[hostEnd..<hit.start].starts(with: "/v2/".utf8), hostEnd + 4 < hit.start,
            let refRange = bareToken(in: text, from: hit.end), refRange.lowerBound == hit.end
        else { return nil }
        var host = String(decoding: text[(scheme + 3)..<hostEnd], as: UTF8.self)
        let repository = String(decoding: text[(hostEnd + 4)..<hit.start], as: UTF8.self)
        var reference = text[refRange]
        if let query = reference.firstIndex(of: 0x3F) {
            let parameters = text[(query + 1)..<refRange.upperBound]
            if parameters.starts(with: "ns=".utf8) {
                let upstream = parameters.dropFirst(3).prefix { $0 != 0x26 }
                if !upstream.isEmpty { host = String(decoding: upstream, as: UTF8.self) }
            }
            reference = reference[..<query]
        }
        guard !reference.isEmpty else { return nil }
        if ImageReference.dockerHubAliases.contains(host) { host = "docker.io" }
        let ref = String(decoding: reference, as: UTF8.self)
        return host + "/" + repository + (ref.hasPrefix("sha256:") ? "@" : ":") + ref
    }

    /// A run of non-separator bytes after optional spaces, without a trailing `:`, `,` or `...`;
    /// `nil` when there is none, or when it runs past ``valueWindow``.
    static func bareToken(in text: [UInt8], from start: Int) -> Range<Int>? {
        var i = start
        while i < text.count, i - start < valueWindow, text[i] == 0x20 { i += 1 }
        let begin = i
        while i < text.count {
            if i - begin > valueWindow { return nil }
            let byte = text[i]
            if byte == 0x20 || byte == 0x2C || byte == 0x3B || byte == 0x29 || byte == 0x28 || byte == 0x5D || byte == 0x22 || byte == 0x27 { break }
            if byte == 0x3A, i + 1 == text.count || text[i + 1] == 0x20 { break }
            i += 1
        }
        var end = i
        while end > begin, text[end - 1] == 0x2E || text[end - 1] == 0x3A { end -= 1 }
        return end > begin ? begin..<end : nil
    }

    /// Whether `text` holds `needle` at `offset`.
    static func starts(_ needle: StaticString, in text: [UInt8], at offset: Int) -> Bool {
        let count = needle.utf8CodeUnitCount
        guard offset >= 0, offset + count <= text.count else { return false }
        return needle.withUTF8Buffer { text[offset..<(offset + count)].elementsEqual($0) }
    }

    /// The offset of `needle` in `text` at or after `start`.
    static func find(_ needle: [UInt8], in text: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, text.count >= needle.count else { return nil }
        var i = start
        while i + needle.count <= text.count {
            if text[i] == needle[0], text[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Splits `ns/name` and, in the kubelet's quoted form, `name_ns(uid)` into namespace and pod name.
    static func splitPodName(_ value: String, kubeletForm: Bool) -> (String?, String) {
        var name = Substring(value)
        if let paren = name.firstIndex(of: "(") { name = name[..<paren] }
        if let slash = name.firstIndex(of: "/") {
            return (String(name[..<slash]), String(name[name.index(after: slash)...]))
        }
        if kubeletForm, let underscore = name.firstIndex(of: "_") {
            return (String(name[name.index(after: underscore)...]), String(name[..<underscore]))
        }
        return (nil, String(name))
    }

    /// `Successfully assigned ns/pod to node`.
    static func assignment(in text: [UInt8], from start: Int) -> (String?, String, String?)? {
        guard let podRange = bareToken(in: text, from: start) else { return nil }
        let (namespace, pod) = splitPodName(String(decoding: text[podRange], as: UTF8.self), kubeletForm: false)
        var node: String?
        if starts(" to ", in: text, at: podRange.upperBound), let nodeRange = bareToken(in: text, from: podRange.upperBound + 4) {
            node = String(decoding: text[nodeRange], as: UTF8.self)
        }
        return (namespace, pod, node)
    }
}
