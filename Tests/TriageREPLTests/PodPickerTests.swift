import Testing
import TriageKubernetes
import TriageREPL
import TriageTerminal

/// The pod picker lists the failing pods read through the Kubernetes model, every kind of
/// container included, and takes a number or a name.
struct PodPickerTests {
    static let pods = [
        FailingPod(namespace: "shop", name: "web-1", failures: [
            ContainerFailure(name: "setup", kind: .initContainer, image: "busybox:lates", reason: "ErrImagePull", message: ""),
        ]),
        FailingPod(namespace: "shop", name: "api-1", failures: [
            ContainerFailure(name: "api", image: "ghcr.io/acme/api:3.1", reason: "ImagePullBackOff", message: ""),
            ContainerFailure(name: "debugger", kind: .ephemeral, image: "busybox:1.37", reason: "RegistryUnavailable", message: ""),
        ]),
    ]

    func choose(_ lines: [String], from pods: [FailingPod] = Self.pods) -> (String?, String) {
        let console = REPLTests.CapturingConsole()
        let input = SharedLineReader(prompter: PlainLineReader(source: .lines(lines), echo: .promptAndInput, output: console.write))
        let chosen = PodPicker(input: input, console: console, styler: Styler(enabled: false)).choose(from: pods, namespace: "shop")
        return (chosen, console.text)
    }

    @Test func listsEachPodWithItsReasonsAndImages() {
        let (chosen, text) = choose(["3", "2"])
        #expect(chosen == "api-1")
        #expect(text.contains("  1. web-1  ErrImagePull · busybox:lates"))
        #expect(text.contains("  2. api-1  ImagePullBackOff, RegistryUnavailable · busybox:1.37, ghcr.io/acme/api:3.1"))
        #expect(text.contains("error: choose a number from 1 to 2 or a name from the list"))
        #expect(choose(["web-1"]).0 == "web-1")
    }

    @Test func oneOrNoPod() {
        let (one, text) = choose([], from: [Self.pods[0]])
        #expect(one == "web-1" && text.contains("One pod in shop is failing to pull: web-1 (ErrImagePull)."))
        let (none, empty) = choose([], from: [])
        #expect(none == nil && empty.contains("No pod in namespace shop is failing to pull an image."))
    }
}
