import Testing
import TriageREPL
import TriageTerminal

/// The pod picker lists the pods some runbook covers, each with its state and that runbook, and
/// takes a number or a name.
struct PodPickerTests {
    static let pods = [
        PodPicker.Candidate(pod: "web-1", state: "Pending; setup (init): waiting ErrImagePull", runbook: "image-pull-backoff"),
        PodPicker.Candidate(
            pod: "api-1", state: "Running; api: waiting CrashLoopBackOff, last OOMKilled (exit 137), 4 restarts", runbook: "crash-loop-backoff"),
    ]

    func choose(_ lines: [String], from pods: [PodPicker.Candidate] = Self.pods) -> (PodPicker.Candidate?, String) {
        let console = REPLTests.CapturingConsole()
        let input = SharedLineReader(prompter: PlainLineReader(source: .lines(lines), echo: .promptAndInput, output: console.write))
        let chosen = PodPicker(input: input, console: console, styler: Styler(enabled: false)).choose(from: pods, namespace: "shop")
        return (chosen, console.text)
    }

    @Test func listsEachPodWithItsStateAndRunbook() {
        let (chosen, text) = choose(["3", "2"])
        #expect(chosen == Self.pods[1])
        #expect(text.contains("  1. web-1  Pending; setup (init): waiting ErrImagePull · image-pull-backoff"))
        #expect(text.contains("  2. api-1  Running; api: waiting CrashLoopBackOff, last OOMKilled (exit 137), 4 restarts · crash-loop-backoff"))
        #expect(text.contains("error: choose a number from 1 to 2 or a name from the list"))
        #expect(choose(["web-1"]).0?.runbook == "image-pull-backoff")
    }

    @Test func oneOrNoPod() {
        let (one, text) = choose([], from: [Self.pods[0]])
        #expect(
            one?.pod == "web-1" && text.contains("One pod in shop needs a runbook: web-1 (Pending; setup (init): waiting ErrImagePull) → image-pull-backoff."))
        let (none, empty) = choose([], from: [])
        #expect(none == nil && empty.contains("No pod in namespace shop is in a state a runbook covers."))
    }
}
