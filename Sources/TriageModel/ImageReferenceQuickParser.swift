/// A byte-level parser for the common case: a plainly valid ASCII reference. It accepts exactly
/// what ``ImageReferenceParser`` accepts for such input and returns `nil` for everything else
/// (invalid references, IPv6 hosts, templates, transports, non-ASCII), which the full parser
/// then handles to produce the exact complaint.
package enum ImageReferenceQuickParser {
    package static func parse(_ text: String) -> ImageReference? {
        var contiguous = text
        return contiguous.withUTF8 { bytes in parse(bytes, original: text) }
    }

    private static func parse(_ b: UnsafeBufferPointer<UInt8>, original: String) -> ImageReference? {
        let n = b.count
        guard n > 0 else { return nil }
        var at = n, slash = -1
        for i in 0..<n {
            let byte = b[i]
            // Printable ASCII only; template openers and IPv6 brackets go to the full parser.
            guard byte > 0x20, byte < 0x7F, byte != 0x24, byte != 0x7B, byte != 0x3C, byte != 0x5B else { return nil }
            if byte == 0x40, at == n { at = i }
            if byte == 0x2F, slash < 0, i < at { slash = i }
        }
        for prefix in transportPrefixes where hasPrefix(b, prefix) { return nil }
        var digest: String?
        if at < n {
            guard validDigest(b, from: at + 1, to: n) else { return nil }
            digest = string(b, at + 1, n)
        }
        guard at > 0 else { return nil }
        let hasDomain = slash > 0 && ImageReference.isDomain(UnsafeBufferPointer(rebasing: b[0..<slash]))
        let pathStart = hasDomain ? slash + 1 : 0
        var colon = -1
        for i in pathStart..<at where b[i] == 0x3A {
            guard colon < 0 else { return nil }
            colon = i
        }
        let pathEnd = colon < 0 ? at : colon
        var tag: String?
        if colon >= 0 {
            guard validTag(b, from: colon + 1, to: at) else { return nil }
            tag = string(b, colon + 1, at)
        }
        guard pathEnd > pathStart else { return nil }
        if hasDomain, !validDomain(b, to: slash) { return nil }
        guard validPath(b, from: pathStart, to: pathEnd) else { return nil }
        if !hasDomain, pathEnd - pathStart == 64, (pathStart..<pathEnd).allSatisfy({ isHex(b[$0]) }) { return nil }
        var registry = hasDomain ? string(b, 0, slash) : "docker.io"
        if ImageReference.dockerHubAliases.contains(registry) { registry = "docker.io" }
        var repository = string(b, pathStart, pathEnd)
        if registry == "docker.io", !(pathStart..<pathEnd).contains(where: { b[$0] == 0x2F }) { repository = "library/" + repository }
        guard registry.utf8.count + 1 + repository.utf8.count <= ImageReference.maximumNameLength else { return nil }
        return ImageReference(original: original, registry: registry, repository: repository, tag: tag, digest: digest)
    }

    private static let transportPrefixes = ImageReferenceParser.transports.map { Array($0.utf8) }

    private static func hasPrefix(_ b: UnsafeBufferPointer<UInt8>, _ prefix: [UInt8]) -> Bool {
        guard b.count >= prefix.count else { return false }
        for i in prefix.indices where b[i] != prefix[i] { return false }
        return true
    }

    private static func string(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: b[from..<to]), as: UTF8.self)
    }

    private static func isLowerAlnum(_ c: UInt8) -> Bool { (c >= 0x61 && c <= 0x7A) || (c >= 0x30 && c <= 0x39) }
    private static func isWord(_ c: UInt8) -> Bool { isLowerAlnum(c) || (c >= 0x41 && c <= 0x5A) || c == 0x5F }
    private static func isHex(_ c: UInt8) -> Bool { (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) }

    /// `algorithm:encoded`, with the exact length of lowercase hex for the SHA-2 algorithms.
    private static func validDigest(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        var colon = -1
        for i in from..<to where b[i] == 0x3A { colon = i; break }
        guard colon > from, colon + 1 < to else { return false }
        for i in from..<colon {
            let c = b[i]
            guard isLowerAlnum(c) || c == 0x2B || c == 0x2E || c == 0x5F || c == 0x2D else { return false }
        }
        for i in (colon + 1)..<to {
            let c = b[i]
            guard isWord(c) || c == 0x3D || c == 0x2D else { return false }
        }
        let algorithm = String(decoding: UnsafeBufferPointer(rebasing: b[from..<colon]), as: UTF8.self)
        let expected = algorithm == "sha256" ? 64 : algorithm == "sha384" ? 96 : algorithm == "sha512" ? 128 : nil
        guard let expected else { return true }
        return to - colon - 1 == expected && ((colon + 1)..<to).allSatisfy { isHex(b[$0]) }
    }

    /// `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`.
    private static func validTag(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        guard to > from, to - from <= 128, isWord(b[from]) else { return false }
        for i in from..<to {
            let c = b[i]
            guard isWord(c) || c == 0x2E || c == 0x2D else { return false }
        }
        return true
    }

    /// `host[:port]` with non-empty DNS labels that neither start nor end with `-`.
    private static func validDomain(_ b: UnsafeBufferPointer<UInt8>, to end: Int) -> Bool {
        var hostEnd = end
        for i in 0..<end where b[i] == 0x3A { hostEnd = i; break }
        if hostEnd < end {
            guard end - hostEnd >= 2 else { return false }
            for i in (hostEnd + 1)..<end where !(b[i] >= 0x30 && b[i] <= 0x39) { return false }
        }
        guard hostEnd > 0 else { return false }
        var labelStart = 0
        for i in 0...hostEnd where i == hostEnd || b[i] == 0x2E {
            guard i > labelStart, b[labelStart] != 0x2D, b[i - 1] != 0x2D else { return false }
            for j in labelStart..<i {
                let c = b[j]
                guard isLowerAlnum(c) || (c >= 0x41 && c <= 0x5A) || c == 0x2D else { return false }
            }
            labelStart = i + 1
        }
        return true
    }

    /// Components of `[a-z0-9]+` joined by `.`, `_`, `__` or runs of `-`, separated by `/`.
    private static func validPath(_ b: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Bool {
        var componentStart = from
        for i in from...to where i == to || b[i] == 0x2F {
            guard i > componentStart, isLowerAlnum(b[componentStart]), isLowerAlnum(b[i - 1]) else { return false }
            var runStart = -1
            for j in componentStart..<i {
                let c = b[j]
                if isLowerAlnum(c) {
                    if runStart >= 0 {
                        let length = j - runStart, first = b[runStart]
                        let ok =
                            (length == 1 && (first == 0x2E || first == 0x5F)) || (length == 2 && first == 0x5F && b[runStart + 1] == 0x5F)
                            || (runStart..<j).allSatisfy { b[$0] == 0x2D }
                        guard ok else { return false }
                        runStart = -1
                    }
                } else if c == 0x2E || c == 0x5F || c == 0x2D {
                    if runStart < 0 { runStart = j }
                } else {
                    return false
                }
            }
            componentStart = i + 1
        }
        return true
    }
}
