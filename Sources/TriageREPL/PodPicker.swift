import Foundation
import TriageEngine
import TriageKubernetes
import TriageTerminal

/// Lets the user choose, among the pods failing image pulls, the one to walk the runbook for.
public struct PodPicker {
    let input: SharedLineReader
    let console: any Console
    let styler: Styler

    public init(input: SharedLineReader, console: any Console, styler: Styler) {
        self.input = input
        self.console = console
        self.styler = styler
    }

    /// The chosen pod's name; nil when there is none to choose or input ended.
    public func choose(from pods: [FailingPod], namespace: String) -> String? {
        guard !pods.isEmpty else {
            console.line("No pod in namespace \(namespace) is failing to pull an image.")
            return nil
        }
        if pods.count == 1 {
            console.line("One pod in \(namespace) is failing to pull: \(pods[0].name) (\(pods[0].failures.map(\.reason).joined(separator: ", "))).")
            return pods[0].name
        }
        console.line(styler.apply(.heading, to: "Pods in \(namespace) failing to pull an image:"))
        for (index, pod) in pods.enumerated() {
            let images = Set(pod.failures.map(\.image)).sorted().joined(separator: ", ")
            console.line("  \(index + 1). \(pod.name)  " + styler.apply(.dim, to: "\(pod.failures.map(\.reason).joined(separator: ", ")) · \(images)"))
        }
        let names = pods.map(\.name)
        while let reply = input.readLine(prompt: styler.apply(.prompt, to: "pod (number or name) >") + " ", completion: { _ in names }) {
            let answer = reply.trimmingCharacters(in: .whitespaces)
            if let number = Int(answer), pods.indices.contains(number - 1) { return pods[number - 1].name }
            if names.contains(answer) { return answer }
            console.line(styler.apply(.error, to: "error: ") + "choose a number from 1 to \(pods.count) or a name from the list")
        }
        return nil
    }
}
