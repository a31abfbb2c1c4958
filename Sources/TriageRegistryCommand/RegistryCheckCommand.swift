import ArgumentParser
import Foundation
import TriageCommandSupport
import TriageDiagnosis
import TriageRegistry
import TriageModel

/// `triage registry-check IMAGE [-o text|json] [--timeout S] [--insecure-http]`: asks the image's
/// registry directly, and anonymously, whether the tag or digest exists.
///
/// It is the root command of the `triage-registry-check` executable, which `triage registry-check`
/// runs, so that only this executable links the HTTP stack.
public struct RegistryCheckCommand: AsyncParsableCommand {
    /// Command name, help and exit status notes.
    public static let configuration = CommandConfiguration(
        commandName: "triage registry-check",
        abstract: RegistryCheckDescription.abstract,
        discussion: """
            Runs from where triage runs, anonymously: no credentials are ever sent. A missing tag lists the \
            nearest existing tags when the registry allows listing. Plain HTTP is used only for localhost \
            and loopback registries, as the runtimes do, unless --insecure-http allows it everywhere. \
            Exits 0 when the registry says the tag or repository is missing (a cause found), 1 when the image \
            exists, 2 when the registry could not be asked or would not say, and 64 when IMAGE is not a valid reference.
            """
    )

    /// The image reference to check.
    @Argument(help: "The image reference, e.g. nginx:1.25 or registry.example.com/team/app@sha256:….")
    public var image: String

    /// Text for people or JSON (sorted keys) for scripts.
    @Option(name: [.short, .customLong("output")], help: "Output format: text (or wide, the same: nothing is cut), json or yaml.")
    public var output: OutputFormat = .text

    /// Seconds the whole check may take.
    @Option(help: "Seconds the whole check may take, every request included.")
    public var timeout: Double = 10

    /// Allow plain HTTP for any registry, as for an insecure registry.
    @Flag(name: .customLong("insecure-http"), help: "Use plain HTTP with any registry that does not speak TLS, not only localhost.")
    public var insecureHTTP = false

    /// Creates the command with default options.
    public init() {}

    /// Rejects a timeout that is not a positive number of seconds up to five minutes.
    public func validate() throws {
        guard timeout > 0, timeout <= 300 else { throw ValidationError("--timeout must be between 0 and 300 seconds") }
    }

    /// Parses the reference, checks it and prints the result.
    public func run() async throws {
        let reference: ImageReference
        do {
            reference = try ImageReference.parse(image)
        } catch {
            throw CommandFailure(error.localizedDescription, status: .usage)
        }
        let options = RegistryCheckOptions(timeout: timeout, plainHTTP: insecureHTTP ? .always : .loopback)
        let result = await RegistryChecker(options: options).check(reference)
        switch output {
        case .text, .wide: StandardStreams.write(result.renderText())
        case .json, .yaml: try StructuredOutput.print(result, as: output)
        }
        let status = result.exitStatus
        if status != .causeFound { throw status.exitCode }
    }
}

extension RegistryCheckResult {
    /// A missing tag or repository is a cause found; an image that exists is nothing wrong; a
    /// registry that could not be reached, or would not say, was not checked.
    var exitStatus: ExitStatus {
        switch exists {
        case false?: .causeFound
        case true?: .nothingWrong
        case nil: .couldNotLook
        }
    }
}

extension RegistryCheckResult {
    /// The result as aligned lines for people. The values come from the registry (tags, digest,
    /// media type, platforms, its error messages): their control characters are shown, never
    /// obeyed.
    func renderText() -> String {
        func yesNo(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "unknown" }
        var lines = [
            ("image", image),
            ("registry", apiHost == registry ? registry : "\(registry) (API at \(apiHost))"),
            ("reachable", yesNo(reachable)),
            ("needs auth", yesNo(needsAuth)),
            ("exists", exists == false ? "no, the \(missing?.rawValue ?? "tag") is missing" : yesNo(exists)),
        ]
        if let digest { lines.append(("digest", digest)) }
        if let mediaType { lines.append(("media type", mediaType)) }
        if !platforms.isEmpty { lines.append(("platforms", platforms.joined(separator: ", "))) }
        if !nearestTags.isEmpty { lines.append(("nearest tags", nearestTags.joined(separator: ", "))) }
        if let error { lines.append(("error", (errorCause.map { "[\($0.rawValue)] " } ?? "") + error)) }
        lines += notes.map { ("note", $0) }
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { $0.0.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + VisibleText.escapingControls($0.1) + "\n" }.joined()
    }
}
