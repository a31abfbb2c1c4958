/// What a command printed and how it ended. A non-zero exit or a timeout is a result, not an
/// error: the runbook's branches decide what it means.
public struct CommandResult: Codable, Hashable, Sendable {
    /// Standard output, decoded as UTF-8 (invalid bytes replaced).
    public var stdout: String
    /// Standard error, decoded as UTF-8 (invalid bytes replaced).
    public var stderr: String
    /// The exit status; for a process ended by a signal, 128 + the signal number, as a shell reports it.
    public var exitStatus: Int32
    /// How long the command ran, in seconds.
    public var duration: Double
    /// Whether the runner stopped the command because it ran past its timeout.
    public var timedOut: Bool
    /// For a command stopped at its timeout, that timeout in seconds: what a person was waiting
    /// for, and what `--timeout` changes (``duration`` adds the moments stopping it took).
    public var timeLimit: Double?

    /// Creates a `CommandResult` from its fields.
    public init(
        stdout: String, stderr: String = "", exitStatus: Int32 = 0, duration: Double = 0, timedOut: Bool = false, timeLimit: Double? = nil
    ) {
        self.stdout = stdout
        self.stderr = stderr
        self.exitStatus = exitStatus
        self.duration = duration
        self.timedOut = timedOut
        self.timeLimit = timeLimit
    }

    /// Whether the command exited with status 0 in time.
    public var succeeded: Bool { exitStatus == 0 && !timedOut }

    /// Standard output followed by standard error, the text a parser reads.
    public var combinedOutput: String {
        if stderr.isEmpty { return stdout }
        if stdout.isEmpty { return stderr }
        return stdout.hasSuffix("\n") ? stdout + stderr : stdout + "\n" + stderr
    }
}
