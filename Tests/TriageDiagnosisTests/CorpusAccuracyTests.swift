import Foundation
import Testing
import TriageDiagnosis

/// Reads `../shared/corpus/dev-pull-failures.jsonl` (beside the package root) in place; the texts
/// are never copied into this repository. Skipped only when that folder is absent.
@Suite("Development corpus")
struct CorpusAccuracyTests {
    static let corpusFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/corpus")

    struct Item: Decodable {
        let id: String
        let label: String
        let alt_labels: [String]
        let text: String
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: corpusFolder.path), "../shared/corpus is absent"))
    func accuracyIsAtLeast97Percent() throws {
        let data = try Data(contentsOf: Self.corpusFolder.appendingPathComponent("dev-pull-failures.jsonl"))
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n")
        let items = try lines.map { try JSONDecoder().decode(Item.self, from: Data($0.utf8)) }
        #expect(items.count > 0)
        var misses: [String] = []
        for item in items {
            let predicted = PullFailureDiagnoser.diagnose(item.text).cause.rawValue
            if predicted != item.label && !item.alt_labels.contains(predicted) { misses.append("\(item.id): \(item.label) → \(predicted)") }
        }
        let accuracy = Double(items.count - misses.count) / Double(items.count)
        #expect(accuracy >= 0.97, "accuracy \(accuracy); misses: \(misses)")
    }
}
