import ArgumentParser
import Foundation
import TriageCommandSupport

/// `triage registry-check …`: runs the `triage-registry-check` executable installed beside
/// `triage`, passing every argument on.
///
/// The check is a separate executable because it needs an HTTP client: FoundationNetworking brings
/// libcurl and its TLS, Kerberos and LDAP libraries, whose loading tripled the start-up time of
/// every other `triage` command.
struct RegistryCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry-check",
        abstract: RegistryCheckDescription.abstract,
        discussion: "Runs the triage-registry-check executable installed beside triage; `\(ProgramName.current) registry-check --help` shows its options."
    )

    /// Everything after `registry-check`, `--help` included, for the helper to parse.
    @Argument(parsing: .captureForPassthrough, help: "IMAGE and the check's options.")
    var arguments: [String] = []

    func run() throws {
        let helper = Companion.path(of: "triage-registry-check")
        let problem: String
        if FileManager.default.isExecutableFile(atPath: helper) {
            problem = "cannot run \(helper): \(Companion.replaceProcess(with: helper, arguments: arguments))"
        } else {
            problem = """
                \(helper) is missing; build it with `swift build` (every product) or \
                `swift build --product triage-registry-check`, and install it in the directory that holds triage
                """
        }
        throw CommandFailure(problem, status: .couldNotLook)
    }
}
