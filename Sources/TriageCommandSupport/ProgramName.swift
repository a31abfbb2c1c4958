/// What the user typed to run Triage, for help and messages: installed as `kubectl-triage`,
/// Triage is the kubectl plugin `kubectl triage`.
public enum ProgramName {
    /// `kubectl triage` or `triage`, from this process's `argv[0]`.
    public static let current = name(forArgumentZero: CommandLine.arguments.first ?? "triage")

    /// `kubectl triage` when `argumentZero`'s file name is `kubectl-triage`, else `triage`.
    public static func name(forArgumentZero argumentZero: String) -> String {
        argumentZero.split(separator: "/").last == "kubectl-triage" ? "kubectl triage" : "triage"
    }
}
