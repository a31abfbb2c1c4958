import Foundation

/// Executables installed beside `triage` that some subcommands hand over to, as git does with
/// its `git-*` programs.
enum Companion {
    /// The running executable's path, symbolic links resolved.
    static let ownExecutable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]

    /// Where the companion `name` is: the directory of the running `triage`.
    static func path(of name: String) -> String {
        (ownExecutable as NSString).deletingLastPathComponent + "/" + name
    }

    /// Replaces this process with `executable`, called with `arguments` (no shell), so that its
    /// output, exit status and signals are the command's own. Returns only when that fails, with
    /// the system's reason.
    static func replaceProcess(with executable: String, arguments: [String]) -> String {
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        execv(executable, argv)
        let reason = String(cString: strerror(errno))
        argv.forEach { free($0) }
        return reason
    }
}
