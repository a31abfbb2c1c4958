import Foundation
import TriageModel

/// A runbook whose one step changes something on this machine that a test can see: it creates a
/// marker file. Every mode must ask before it runs, so the file exists only after a yes.
public struct ChangingStep: Sendable {
    /// The file the step creates; it does not exist until the step runs.
    public let marker: String

    /// A step whose marker is a fresh path in the temporary directory.
    public init() {
        marker = FileManager.default.temporaryDirectory.appendingPathComponent("triage-change-\(UUID().uuidString)").path
    }

    /// Whether the step ran.
    public var ran: Bool { FileManager.default.fileExists(atPath: marker) }

    /// The runbook: `change` runs `touch MARKER` (marked as a change), then `done` ends it.
    public var yaml: String {
        """
        id: changer
        title: A step that changes things
        start: change
        nodes:
          change:
            title: Change something
            run: [touch, "\(marker)"]
            mutates: true
            next: done
          done:
            title: Done
            diagnosis: {cause: other, summary: done, fix: []}
        """
    }

    /// The same runbook with `mutates: true` left out, as a careless author writes it: Triage must
    /// still know that `touch` changes something.
    public var unmarkedYAML: String {
        yaml.replacingOccurrences(of: "    mutates: true\n", with: "")
    }

    /// What a scenario recorded when the step ran.
    public var recording: Scenario.Recording {
        Scenario.Recording(arguments: ["touch", marker], result: CommandResult(stdout: "touched by the recording\n"))
    }

    /// A scenario of the runbook that recorded the step.
    public var scenario: Scenario {
        Scenario(
            id: "changer-scenario", runbook: "changer", title: "A change", difficulty: .beginner, teaches: "asking first", inputs: [:],
            recordings: [recording], answers: [:], expectation: .init(ending: "done"))
    }

    /// Removes the marker.
    public func clean() {
        try? FileManager.default.removeItem(atPath: marker)
    }
}
