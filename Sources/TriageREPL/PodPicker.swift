import Foundation
import TriageEngine
import TriageTerminal

/// Lets the user choose, among the pods some runbook applies to, the one to walk a runbook for.
public struct PodPicker {
    /// A pod on offer: its name, its state in a few words, and the runbook that applies to it.
    public struct Candidate: Sendable, Equatable {
        /// The pod's name.
        public var pod: String
        /// Its state (`Running; app: waiting CrashLoopBackOff, last OOMKilled (exit 137)`).
        public var state: String
        /// The id of the runbook that applies.
        public var runbook: String

        /// Creates a candidate.
        public init(pod: String, state: String, runbook: String) {
            self.pod = pod
            self.state = state
            self.runbook = runbook
        }

        /// The first runbook that applies to each pod of `choices`, for pods some runbook applies to.
        public static func from(_ choices: [RunbookSelector.Choice]) -> [Candidate] {
            choices.compactMap { choice in
                choice.runbooks.first.map { Candidate(pod: choice.pod, state: choice.state, runbook: $0.id) }
            }
        }
    }

    let input: SharedLineReader
    let console: any Console
    let styler: Styler

    /// A picker reading from `input` and writing to `console`.
    public init(input: SharedLineReader, console: any Console, styler: Styler) {
        self.input = input
        self.console = console
        self.styler = styler
    }

    /// The chosen pod; nil when there is none to choose or input ended.
    public func choose(from pods: [Candidate], namespace: String) -> Candidate? {
        guard !pods.isEmpty else {
            console.line("No pod in namespace \(namespace) is in a state a runbook covers.")
            return nil
        }
        if pods.count == 1 {
            console.line("One pod in \(namespace) needs a runbook: \(pods[0].pod) (\(pods[0].state)) → \(pods[0].runbook).")
            return pods[0]
        }
        console.line(styler.apply(.heading, to: "Pods in \(namespace) that a runbook covers:"))
        for (index, pod) in pods.enumerated() {
            console.line("  \(index + 1). \(pod.pod)  " + styler.apply(.dim, to: "\(pod.state) · \(pod.runbook)"))
        }
        let names = pods.map(\.pod)
        while let reply = input.readLine(prompt: styler.apply(.prompt, to: "pod (number or name) >") + " ", completion: { _ in names }) {
            let answer = reply.trimmingCharacters(in: .whitespaces)
            if let number = Int(answer), pods.indices.contains(number - 1) { return pods[number - 1] }
            if let pod = pods.first(where: { $0.pod == answer }) { return pod }
            console.line(styler.apply(.error, to: "error: ") + "choose a number from 1 to \(pods.count) or a name from the list")
        }
        return nil
    }
}
