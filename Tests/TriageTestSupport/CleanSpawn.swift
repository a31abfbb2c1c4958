import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// Starts `arguments` (the program looked up in `PATH`) with an empty signal mask and every
/// signal at its default action, standard input from `input` and standard output and error
/// written to files (created 0600). A child of the test runner would otherwise inherit its
/// blocked signals and could not be stopped with SIGTERM.
/// - Returns: the child's pid, or the `errno` that `posix_spawnp` reported.
func spawnWithCleanSignals(
    _ arguments: [String], environment: [String], input: String, standardOutput: String, standardError: String
) -> Result<pid_t, SpawnError> {
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var noSignals = sigset_t()
    sigemptyset(&noSignals)
    posix_spawnattr_setsigmask(&attributes, &noSignals)
    var allSignals = sigset_t()
    sigfillset(&allSignals)
    posix_spawnattr_setsigdefault(&attributes, &allSignals)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, standardOutput, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, standardError, O_WRONLY | O_CREAT | O_TRUNC, 0o600)

    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer {
        argv.forEach { free($0) }
        envp.forEach { free($0) }
    }
    var pid: pid_t = 0
    let error = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
    return error == 0 ? .success(pid) : .failure(SpawnError(message: String(cString: strerror(error))))
}

/// Why a program could not be started.
struct SpawnError: Error {
    let message: String
}
