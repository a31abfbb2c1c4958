import ArgumentParser
import Foundation
import TriageCommandSupport

/// The `triage` command: subcommands parse and validate, then hand off to the libraries.
public struct TriageCommand: AsyncParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: ProgramName.current,
            abstract: "Interactive troubleshooting runbooks for Kubernetes: ImagePullBackOff, CrashLoopBackOff and your own.",
            discussion: """
                Examples:
                  Read the pod, then walk the runbook that applies to it, live against the cluster:
                    \(ProgramName.current) run --pod web-7d4b9 -n shop
                  Run nothing; show each command, paste its output back:
                    \(ProgramName.current) run --pod web-7d4b9 -n shop --propose
                  Follow the tree unattended and read-only, for scripts:
                    \(ProgramName.current) run --pod web-7d4b9 -n shop --no-input -o json
                  Replay the built-in training scenario offline:
                    \(ProgramName.current) replay
                  Check that a scenario still reaches its ending:
                    \(ProgramName.current) replay nginx-tag-typo --no-input -o json
                  Name the cause of a pasted pull failure:
                    kubectl describe pod web-7d4b9 | \(ProgramName.current) diagnose
                  Check every runbook and replay every scenario:
                    \(ProgramName.current) lint

                \(ExitStatus.help)
                  lint: 0 when every runbook and scenario is sound, 1 when it finds a problem
                """,
            version: "0.1.0",
            subcommands: [Run.self, Replay.self, Diagnose.self, Lint.self, List.self, RegistryCheck.self, Scan.self, Train.self, New.self]
        )
    }

    public init() {}
}
