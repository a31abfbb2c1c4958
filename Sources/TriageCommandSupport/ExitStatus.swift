import ArgumentParser
import Foundation

/// The exit statuses every Triage command ends with, so that a script can tell a found cause from
/// an all-clear and from a look that could not be taken.
public enum ExitStatus: Int32, CaseIterable, Sendable {
    /// A cause was found, or a replay reached its expected ending.
    case causeFound = 0
    /// Triage looked and found nothing wrong.
    case nothingWrong = 1
    /// Triage could not look: kubectl or the registry could not be asked (unreachable, Forbidden,
    /// expired credentials, a missing namespace, no kubectl on PATH).
    case couldNotLook = 2
    /// The session stopped before a diagnosis: a step needs a person or the node.
    case stoppedBeforeDiagnosis = 3
    /// The command line, or a file it names, is wrong (ArgumentParser's status for usage errors).
    case usage = 64

    /// The status as ArgumentParser's exit code.
    public var exitCode: ExitCode { ExitCode(rawValue) }

    /// The table printed in `triage --help` and README.md.
    public static let help = """
        Exit status:
          0   a cause was found (replay: the scenario reached its expected ending)
          1   Triage looked and found nothing wrong
          2   Triage could not look: kubectl or the registry could not be asked
              (unreachable, expired credentials, Forbidden, a missing namespace,
              no kubectl on PATH)
          3   stopped before a diagnosis: a step needs a person or the node
          64  usage error: a wrong option, argument or file
        """
}

/// An error that ends a command with a message on standard error and its exit status.
public struct CommandFailure: Error, CustomStringConvertible, Sendable {
    /// What went wrong, for the user.
    public var description: String
    /// The status the process exits with.
    public var status: ExitStatus

    /// A failure saying `description`, ending with `status`.
    public init(_ description: String, status: ExitStatus) {
        self.description = description
        self.status = status
    }
}
