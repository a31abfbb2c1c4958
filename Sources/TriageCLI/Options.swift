import ArgumentParser
import TriageCommandSupport
import TriageModel
import TriageTerminal

/// kubectl's own spelling of the flags that choose a cluster.
struct ClusterOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "The pod's namespace.", completion: Completions.namespaces)
    var namespace: String?

    @Option(help: "The kubeconfig context to use.", completion: Completions.contexts)
    var context: String?

    @Option(help: "The kubeconfig file to use (KUBECONFIG is honoured as kubectl does).", completion: .file())
    var kubeconfig: String?
}

/// How results are printed.
struct OutputOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: "Output format: text, wide (nothing cut), json or yaml.")
    var output: OutputFormat = .text

    @Flag(inversion: .prefixedNo, help: "Colour the text output (default: on a terminal, unless NO_COLOR is set).")
    var color: Bool?

    /// The terminal, detected once, with the flag winning over detection.
    var terminal: TerminalCapabilities {
        TerminalCapabilities.detect(colorOverride: color.map { $0 ? .always : .never })
    }
}

/// Where runbooks and scenarios are read from, before TRIAGE_PATH, the XDG data directories and
/// the built-in ones.
struct LibraryOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Folder of runbook files, searched first (then TRIAGE_PATH, $XDG_DATA_HOME/triage, $XDG_DATA_DIRS, the built-in ones).", valueName: "dir"),
        completion: .directory)
    var runbooks: String?

    @Option(
        help: ArgumentHelp(
            "Folder of scenario files, searched first (then TRIAGE_PATH, $XDG_DATA_HOME/triage, $XDG_DATA_DIRS, the built-in ones).", valueName: "dir"),
        completion: .directory)
    var scenarios: String?
}

/// A number of seconds given on the command line, checked before it becomes a `Duration`:
/// finite, and within bounds a person would mean.
enum SecondsOption {
    /// `value` as a duration, or a usage error naming `option` and what it accepts.
    static func duration(_ value: Double, option: String) throws -> Duration {
        guard value.isFinite, value >= Seconds.shortest, value <= Seconds.longest else {
            throw ValidationError("\(option) must be a number of seconds from \(Seconds.shortest) to \(Seconds.whole(Seconds.longest)) (one day), not \(value)")
        }
        return Seconds.duration(value)
    }
}
