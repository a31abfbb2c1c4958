/// Reads pasted Kubernetes/runtime output and says why image pulls failed.
///
/// Pure and synchronous: no I/O, no global state besides the compiled phrase tables.
public enum PullFailureDiagnoser {
    /// Diagnoses `text`. Empty or unrelated text gives a report with no findings and cause `other`.
    public static func diagnose(_ text: String) -> DiagnosisReport {
        diagnose(bytes: Array(text.utf8))
    }

    /// Checks raw bytes against the input limits (size, NUL bytes, emptiness) and diagnoses them.
    public static func diagnose(validating bytes: [UInt8]) throws(DiagnosisInputError) -> DiagnosisReport {
        _ = try DiagnosisInput.decode(bytes)
        return diagnose(bytes: bytes)
    }

    static func diagnose(bytes: [UInt8]) -> DiagnosisReport {
        let document = DocumentScanner.scan(bytes)
        var images = ImageTable()
        let records = resolve(document, images: &images)
        let findings = group(records).map { makeFinding($0, document: document, bytes: bytes, images: &images) }
            .sorted { ($0.cause.severity, -$0.evidence.line) > ($1.cause.severity, -$1.evidence.line) }
        return DiagnosisReport(findings: findings, inputKind: InputKindDetector.detect(bytes))
    }

    /// A classified record with its identity resolved against the document's structure.
    struct ResolvedRecord {
        let candidate: CandidateRecord
        let classification: Classification
        var image: String?
        /// The normalised image, used to match records and containers.
        var imageKey: String?
        var pod: String?
        var namespace: String?
        var container: String?
        var node: String?

        var weight: Int { classification.rule.weight }
        var cause: PullFailureCause { classification.rule.cause }
        var line: Int { candidate.segments[0].line }
    }

    static func resolve(_ document: ScannedDocument, images: inout ImageTable) -> [ResolvedRecord] {
        let classifier = RecordClassifier.shared
        func inherited(_ item: Int, _ field: KeyPath<ItemFacts, String?>) -> String? {
            var index: Int? = item
            while let current = index {
                if let value = document.items[current][keyPath: field] { return value }
                index = document.items[current].parent
            }
            return nil
        }
        var records: [ResolvedRecord] = []
        for candidate in document.candidates {
            guard let classification = classifier.classify(hits: candidate.hits, present: candidate.present,
                                                           documentHasPullContext: document.hasPullContext) else { continue }
            let facts = candidate.facts
            let image = facts.image ?? inherited(candidate.item, \.image) ?? candidate.precedingImage
            records.append(ResolvedRecord(
                candidate: candidate, classification: classification,
                image: image, imageKey: image.map { images.key(for: $0) },
                pod: facts.pod ?? inherited(candidate.item, \.pod),
                namespace: facts.namespace ?? inherited(candidate.item, \.namespace),
                container: facts.container ?? inherited(candidate.item, \.container),
                node: facts.node ?? inherited(candidate.item, \.node)))
        }
        // Containers known from the structure (describe sections, pod status) claim records naming their image.
        var containerByImage: [String: (container: String, pod: String?)] = [:]
        for item in document.items {
            if let container = item.container, let image = item.image { containerByImage[images.key(for: image)] = (container, item.pod) }
        }
        for record in records {
            if let container = record.container, let key = record.imageKey, containerByImage[key] == nil {
                containerByImage[key] = (container, record.pod)
            }
        }
        for index in records.indices where records[index].container == nil {
            if let key = records[index].imageKey, let owner = containerByImage[key] {
                records[index].container = owner.container
                records[index].pod = records[index].pod ?? owner.pod
            }
        }
        return records
    }

    /// Groups records per container, else per image, else per pod; records with no identity join
    /// the only group there is, and are dropped when they only repeat a status.
    static func group(_ records: [ResolvedRecord]) -> [[ResolvedRecord]] {
        var order: [String] = []
        var groups: [String: [ResolvedRecord]] = [:]
        for record in records {
            let key: String
            if let container = record.container { key = "c:\(record.pod ?? "")/\(container)" }
            else if let image = record.imageKey { key = "i:" + image }
            else if let pod = record.pod { key = "p:" + pod }
            else { key = "" }
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(record)
        }
        if let anonymous = groups[""], order.count > 1 {
            order.removeAll { $0.isEmpty }
            groups[""] = nil
            if order.count == 1 {
                groups[order[0]]!.append(contentsOf: anonymous)
            } else if anonymous.contains(where: { $0.weight > 1 }) {
                order.append("")
                groups[""] = anonymous
            }
        }
        return order.map { groups[$0]! }
    }

    static func makeFinding(_ group: [ResolvedRecord], document: ScannedDocument, bytes: [UInt8], images: inout ImageTable) -> Finding {
        let best = group.max { ($0.weight, $0.cause.severity, $0.line) < ($1.weight, $1.cause.severity, $1.line) }!
        let rule = best.classification.rule
        let imageText = group.lazy.compactMap(\.image).first
        let image = imageText.map { images.info(for: $0) }
        let registry = imageText.flatMap { images.registryHost(for: $0) }.map(RegistryInfo.init(host:))
        let runtime = RuntimeMarkers.runtime(for: document.runtimeFamilies)
        let subject = Advice.Subject(image: image, registry: registry, runtime: runtime,
                                     pod: group.lazy.compactMap(\.pod).first, namespace: group.lazy.compactMap(\.namespace).first,
                                     node: group.lazy.compactMap(\.node).first)
        var alternatives: [PullFailureCause] = rule.alternatives
        for record in group where record.weight >= 2 && record.cause != rule.cause && record.cause != .other && !alternatives.contains(record.cause) {
            alternatives.append(record.cause)
        }
        return Finding(
            cause: rule.cause,
            alternatives: alternatives.map { Alternative(cause: $0, howToTell: Advice.howToTell(rule.cause, $0, subject: subject)) },
            evidence: EvidenceLocator.evidence(for: best.candidate, hit: best.classification.evidence, document: document, bytes: bytes),
            occurrences: group.count, image: image, registry: registry, runtime: runtime,
            pod: subject.pod, namespace: subject.namespace, container: group.lazy.compactMap(\.container).first, node: subject.node,
            explanation: Advice.explanation(cause: rule.cause, meaning: rule.meaning, subject: subject),
            fix: Advice.fix(for: rule.cause, subject: subject))
    }
}

/// Parses each distinct image text once per diagnosis.
struct ImageTable {
    private var references: [String: ImageReference?] = [:]
    private var infos: [String: ImageInfo] = [:]

    private mutating func reference(_ text: String) -> ImageReference? {
        if let known = references[text] { return known }
        let parsed = try? ImageReference.parse(text)
        references[text] = parsed
        return parsed
    }

    /// The normalised reference, or the text itself when it does not parse.
    mutating func key(for text: String) -> String { reference(text)?.description ?? text }

    /// The registry host, also for references that do not parse but plainly start with a host
    /// (redacted `<PROJECT_ID>` or `####` placeholders).
    mutating func registryHost(for text: String) -> String? {
        if let parsed = reference(text) { return parsed.registry }
        guard let slash = text.firstIndex(of: "/") else { return nil }
        let first = text[..<slash]
        return first.contains(".") && !first.contains(" ") ? String(first) : nil
    }

    /// The reported image details.
    mutating func info(for text: String) -> ImageInfo {
        if let known = infos[text] { return known }
        let info = ImageInfo(text)
        infos[text] = info
        return info
    }
}

/// Maps a phrase hit in a record back to the input line and the character span it came from.
enum EvidenceLocator {
    static func evidence(for record: CandidateRecord, hit: PhraseHit, document: ScannedDocument, bytes: [UInt8]) -> Evidence {
        let segment = record.segments.last { $0.recordOffset <= hit.start } ?? record.segments[0]
        let cleanedStart = segment.cleanedOffset + max(0, hit.start - segment.recordOffset)
        let cleanedEnd = min(segment.cleanedOffset + segment.length, cleanedStart + (hit.end - hit.start))
        var raw = bytes[document.lineRanges[segment.line]]
        while raw.last == 0x0D { raw = raw.dropLast() }
        var cleaned: [UInt8] = []
        var origins: [Int]? = []
        TextCleaner.clean(raw, into: &cleaned, origins: &origins)
        let map = origins ?? []
        let text = String(decoding: raw, as: UTF8.self)
        guard cleanedStart < map.count, cleanedEnd > cleanedStart else {
            return Evidence(line: segment.line + 1, text: text, start: 0, end: 0, match: "")
        }
        let byteStart = map[cleanedStart]
        var byteEnd = map[cleanedEnd - 1] + 1
        while byteEnd < raw.count, raw[raw.startIndex + byteEnd] & 0xC0 == 0x80 { byteEnd += 1 }
        func scalars(upTo offset: Int) -> Int { raw.prefix(offset).reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
        let start = scalars(upTo: byteStart), end = scalars(upTo: byteEnd)
        let match = String(decoding: raw[(raw.startIndex + byteStart)..<(raw.startIndex + byteEnd)], as: UTF8.self)
        return Evidence(line: segment.line + 1, text: text, start: start, end: end, match: match)
    }
}
