import TriageJSON
import TriageKubernetes
import TriageModel

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
        try DiagnosisInput.check(bytes)
        return diagnose(bytes: bytes)
    }

    static func diagnose(bytes: [UInt8]) -> DiagnosisReport {
        let document = DocumentScanner.scan(bytes)
        var images = ImageTable()
        let records = resolve(document, images: &images)
        let pods = Set(records.compactMap(\.pod))
        let owner = pods.count <= 1 ? OwnerReader.workload(in: bytes) : nil
        var findings = group(records).map { makeFinding($0, of: records, document: document, bytes: bytes, owner: owner, images: &images) }
        // Most severe first, then earliest line, then input order.
        var keyed = findings.enumerated().map { (severity: $1.cause.severity, line: $1.evidence.line, position: $0) }
        keyed.sort { ($0.severity, -$0.line, -$0.position) > ($1.severity, -$1.line, -$1.position) }
        findings = keyed.map { findings[$0.position] }
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

        var weight: Int { classification.weight }
        var cause: PullFailureCause { classification.cause }
        var line: Int { candidate.segments[0].line }
    }

    static func resolve(_ document: ScannedDocument, images: inout ImageTable) -> [ResolvedRecord] {
        let classifier = RecordClassifier.shared
        // Each item's facts completed from its enclosing items (parents come before their children).
        var itemFacts = document.items
        for index in itemFacts.indices {
            guard let parent = itemFacts[index].parent else { continue }
            let inherited = itemFacts[parent]
            itemFacts[index].image = itemFacts[index].image ?? inherited.image
            itemFacts[index].pod = itemFacts[index].pod ?? inherited.pod
            itemFacts[index].namespace = itemFacts[index].namespace ?? inherited.namespace
            itemFacts[index].container = itemFacts[index].container ?? inherited.container
            itemFacts[index].node = itemFacts[index].node ?? inherited.node
        }
        var records: [ResolvedRecord] = []
        for candidate in document.candidates {
            // Context is borrowed only within the record's own structured item, never from the whole document.
            let inPullContext = candidate.hasPullContext || (candidate.item != 0 && document.pullContextItems.contains(candidate.item))
            let classification =
                inPullContext
                ? candidate.classificationInPullContext
                : classifier.classify(hits: candidate.hits, present: candidate.present, inPullContext: false)
            guard let classification else { continue }
            let facts = candidate.facts, item = itemFacts[candidate.item]
            let image = facts.image ?? item.image ?? candidate.precedingImage
            records.append(
                ResolvedRecord(
                    candidate: candidate, classification: classification,
                    image: image, imageKey: image.map { images.key(for: $0) },
                    pod: facts.pod ?? item.pod, namespace: facts.namespace ?? item.namespace,
                    container: facts.container ?? item.container, node: facts.node ?? item.node))
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
    /// the only group there is, and are dropped when they only repeat a status. Groups are lists
    /// of indices into `records`, in input order.
    static func group(_ records: [ResolvedRecord]) -> [[Int]] {
        var groupOfKey: [GroupKey: Int] = [:]
        var keys: [GroupKey] = []
        var members: [[Int]] = []
        for (index, record) in records.enumerated() {
            let key: GroupKey
            if let container = record.container {
                key = .container(pod: record.pod ?? "", container)
            } else if let image = record.imageKey {
                key = .image(image)
            } else if let pod = record.pod {
                key = .pod(pod)
            } else {
                key = .anonymous
            }
            if let existing = groupOfKey[key] {
                members[existing].append(index)
            } else {
                groupOfKey[key] = members.count
                keys.append(key)
                members.append([index])
            }
        }
        guard let anonymousGroup = groupOfKey[.anonymous], members.count > 1 else { return members }
        let anonymous = members.remove(at: anonymousGroup)
        if members.count == 1 {
            members[0] += anonymous
        } else if anonymous.contains(where: { records[$0].weight > 1 }) {
            members.append(anonymous)
        }
        return members
    }

    /// What a group of records is about.
    enum GroupKey: Hashable {
        case container(pod: String, String)
        case image(String)
        case pod(String)
        case anonymous
    }

    /// `image` as the runtime spelt what it pulled, when `image` names no registry and a record
    /// of the group names the same repository on another registry than Docker Hub (CRI-O's
    /// short-name search: `team/app` pulled as `quay.io/team/app`); else `image` itself.
    static func runtimeSpelling(of image: String?, members: [Int], records: [ResolvedRecord], images: inout ImageTable) -> String? {
        guard let image, !FactReader.namesRegistry(image), let repository = images.repository(for: image) else { return image }
        for member in members {
            // Docker Hub's own spelling of a short name changes nothing: skip it before parsing.
            guard let qualified = records[member].candidate.facts.qualifiedImage,
                let host = qualified.split(separator: "/", maxSplits: 1).first, !ImageReference.isDockerHub(host)
            else { continue }
            if images.repository(for: qualified) == repository { return qualified }
        }
        return image
    }

    /// The finding of the records at `members` (indices into `records`).
    /// `owner` is the workload the input names as the pod's controller, when it names one pod.
    static func makeFinding(
        _ members: [Int], of records: [ResolvedRecord], document: ScannedDocument, bytes: [UInt8], owner: String?,
        images: inout ImageTable
    ) -> Finding {
        func first(_ field: (ResolvedRecord) -> String?) -> String? {
            for member in members { if let value = field(records[member]) { return value } }
            return nil
        }
        let best = members.max {
            (records[$0].weight, records[$0].cause.severity, records[$0].line) < (records[$1].weight, records[$1].cause.severity, records[$1].line)
        }!
        let bestRecord = records[best]
        let rule = bestRecord.classification.rule
        let imageText = runtimeSpelling(of: first(\.image), members: members, records: records, images: &images)
        let image = imageText.map { images.info(for: $0) }
        let registry = imageText.flatMap { images.registryHost(for: $0) }.map { images.registry(host: $0) }
        let runtime = RuntimeMarkers.runtime(for: document.runtimeFamilies)
        let pod = first(\.pod)
        let subject = Advice.Subject(
            image: image, registry: registry, runtime: runtime, pod: pod, namespace: first(\.namespace),
            container: first(\.container), workload: owner ?? pod.flatMap { WorkloadResolver.deployment(ofPodNamed: $0, namespace: "")?.reference },
            node: first(\.node))
        var alternatives: [PullFailureCause] = rule.alternatives
        for member in members {
            let cause = records[member].cause
            if records[member].weight >= 2 && cause != rule.cause && cause != .other && !alternatives.contains(cause) { alternatives.append(cause) }
        }
        return Finding(
            cause: rule.cause,
            alternatives: alternatives.map { Alternative(cause: $0, howToTell: Advice.howToTell(rule.cause, $0, subject: subject)) },
            evidence: EvidenceLocator.evidence(for: bestRecord.candidate, hit: bestRecord.classification.evidence, document: document, bytes: bytes),
            occurrences: members.count, image: image, registry: registry, runtime: runtime,
            pod: subject.pod, namespace: subject.namespace, container: subject.container, node: subject.node,
            advice: .derived(cause: rule.cause, meaning: rule.meaning, subject: subject))
    }
}

/// Parses each distinct image text once per diagnosis.
struct ImageTable {
    private struct Entry {
        let reference: ImageReference?
        let key: String
        var info: ImageInfo?
    }

    private var index: [String: Int] = [:]
    private var entries: [Entry] = []
    private var registries: [String: RegistryInfo] = [:]

    private mutating func entry(_ text: String) -> Int {
        if let known = index[text] { return known }
        let reference = try? ImageReference.parse(text)
        entries.append(Entry(reference: reference, key: reference?.description ?? text))
        index[text] = entries.count - 1
        return entries.count - 1
    }

    /// The normalised reference, or the text itself when it does not parse.
    mutating func key(for text: String) -> String { entries[entry(text)].key }

    /// The registry details of a host.
    mutating func registry(host: String) -> RegistryInfo {
        if let known = registries[host] { return known }
        let info = RegistryInfo(host: host)
        registries[host] = info
        return info
    }

    /// The repository path of a reference that parses (`library/nginx` for `nginx`).
    mutating func repository(for text: String) -> String? { entries[entry(text)].reference?.repository }

    /// The registry host, also for references that do not parse but plainly start with a host
    /// (redacted `<PROJECT_ID>` or `####` placeholders).
    mutating func registryHost(for text: String) -> String? {
        if let parsed = entries[entry(text)].reference { return parsed.registry }
        guard let slash = text.firstIndex(of: "/") else { return nil }
        let first = text[..<slash]
        return first.contains(".") && !first.contains(" ") ? String(first) : nil
    }

    /// The reported image details.
    mutating func info(for text: String) -> ImageInfo {
        let position = entry(text)
        if let known = entries[position].info { return known }
        let info = entries[position].reference.map { ImageInfo(text, parsed: .success($0), normalized: entries[position].key) } ?? ImageInfo(text)
        entries[position].info = info
        return info
    }
}

/// Maps a phrase hit in a record back to the input line and the character span it came from.
enum EvidenceLocator {
    /// Lines longer than this (JSON printed on one line) are shown as the JSON string holding
    /// the evidence rather than whole.
    static let longestLineShown = 4096

    static func evidence(for record: CandidateRecord, hit: PhraseHit, document: ScannedDocument, bytes: [UInt8]) -> Evidence {
        let segment = record.segments.last { $0.recordOffset <= hit.start } ?? record.segments[0]
        var raw = bytes[document.lineRanges[segment.line]]
        while raw.last == 0x0D { raw = raw.dropLast() }
        let recordStart = max(0, hit.start - segment.recordOffset)
        let recordEnd = min(segment.length, recordStart + (hit.end - hit.start))
        var located: Range<Int>?
        var shift = 0
        if segment.jsonString {
            let contents = raw.withUnsafeBufferPointer { jsonStringContents(of: $0, from: segment.cleanedOffset) }
            if recordEnd > recordStart {
                located = raw.withUnsafeBufferPointer { line in
                    JSONCursor.rawRange(ofDecoded: recordStart..<recordEnd, in: UnsafeBufferPointer(rebasing: line[contents]))
                }.map { (contents.lowerBound + $0.lowerBound)..<(contents.lowerBound + $0.upperBound) }
            }
            if raw.count > longestLineShown {
                raw = raw[(raw.startIndex + contents.lowerBound)..<(raw.startIndex + contents.upperBound)]
                shift = contents.lowerBound
            }
        } else {
            located = raw.withUnsafeBufferPointer { line in
                rawRange(ofCleaned: (segment.cleanedOffset + recordStart)..<(segment.cleanedOffset + recordEnd), of: line)
            }
        }
        let text = String(decoding: raw, as: UTF8.self)
        let quote = segment.jsonString ? String(decoding: record.text, as: UTF8.self) : nil
        guard var (byteStart, byteEnd) = located.map({ ($0.lowerBound - shift, $0.upperBound - shift) }), byteEnd <= raw.count else {
            return Evidence(line: segment.line + 1, text: text, start: 0, end: 0, match: "", quote: quote)
        }
        while byteEnd < raw.count, raw[raw.startIndex + byteEnd] & 0xC0 == 0x80 { byteEnd += 1 }
        while byteStart > 0, raw[raw.startIndex + byteStart] & 0xC0 == 0x80 { byteStart -= 1 }
        func scalars(in bytes: ArraySlice<UInt8>) -> Int { bytes.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }
        let start = scalars(in: raw.prefix(byteStart))
        let end = start + scalars(in: raw[(raw.startIndex + byteStart)..<(raw.startIndex + byteEnd)])
        let match = String(decoding: raw[(raw.startIndex + byteStart)..<(raw.startIndex + byteEnd)], as: UTF8.self)
        return Evidence(line: segment.line + 1, text: text, start: start, end: end, match: match, quote: quote)
    }

    /// The bytes of `line` that cleaning turned into `cleaned` bytes of the cleaned line.
    private static func rawRange(ofCleaned cleaned: Range<Int>, of line: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var output: [UInt8] = []
        var origins: [TextCleaner.Origin]? = []
        TextCleaner.clean(line, into: &output, origins: &origins)
        let map = origins ?? []
        guard cleaned.lowerBound < output.count, !cleaned.isEmpty else { return nil }
        let start = TextCleaner.inputOffset(ofOutput: cleaned.lowerBound, in: map)
        return start..<(TextCleaner.inputOffset(ofOutput: min(cleaned.upperBound, output.count) - 1, in: map) + 1)
    }

    /// The offsets in `line` of the contents of the JSON string that starts at `start` (after its
    /// opening quote), up to its closing quote or the end of the line.
    private static func jsonStringContents(of line: UnsafeBufferPointer<UInt8>, from start: Int) -> Range<Int> {
        let start = min(start, line.count)
        var end = start
        while end < line.count, line[end] != 0x22 { end += line[end] == 0x5C ? 2 : 1 }
        return start..<min(end, line.count)
    }
}
