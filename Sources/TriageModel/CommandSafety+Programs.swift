/// Finds the program an argument vector really runs, looking through wrappers, and tells shells
/// and interpreters given a script apart from programs.
enum ProgramLocator {
    /// What an argument vector runs.
    enum Located: Equatable {
        /// The program at this index; the words after it are its arguments.
        case program(Int)
        /// A shell or interpreter given a script (or a program that builds commands from its input).
        case script(String)
        /// The program cannot be found with certainty.
        case unknowable(String)
    }

    /// The program `arguments` runs.
    static func locate(_ arguments: [String]) -> Located {
        var index = 0
        while index < arguments.count {
            let word = arguments[index]
            let name = CommandSafety.toolName(word)
            if let interpreter = interpreterKind(name) {
                return .script("`\(word)` is \(interpreter) and runs whatever script it is given")
            }
            if commandBuilders.contains(name) {
                return .script("`\(word)` runs commands it builds from its input")
            }
            if remoteShells.contains(name) {
                return .script("`\(word)` hands its command to a shell on another machine")
            }
            if name == "find", arguments[(index + 1)...].contains(where: findActions.contains) {
                return .script("`find` with -exec, -execdir, -ok or -delete runs or deletes what it finds")
            }
            if name == "busybox" {
                guard index + 1 < arguments.count else { return .program(index) }
                index += 1
                continue
            }
            if ["k3s", "k0s", "microk8s"].contains(name), index + 1 < arguments.count, arguments[index + 1] == "kubectl" {
                return .program(index + 1)
            }
            if name == "microk8s.kubectl" { return .program(index) }
            guard let wrapper = wrappers[name] else { return .program(index) }
            switch wrapper.wrapped(in: arguments, after: index) {
            case .word(let next): index = next
            case .end: return .script("`\(word)` without a program to run may start a shell")
            case .unknownOption(let option):
                return .unknowable("it cannot be told which program `\(word) \(option)` runs")
            }
        }
        return .unknowable("it names no program")
    }

    /// Programs that run their command through a shell elsewhere.
    static let remoteShells: Set<String> = ["ssh", "rsh", "dbclient"]

    /// `find` actions that run a command or delete.
    static let findActions: Set<String> = ["-exec", "-execdir", "-ok", "-okdir", "-delete"]

    /// Programs that run commands they read or build.
    static let commandBuilders: Set<String> = ["xargs", "parallel", "watch", "eval", "source"]

    /// Words for the kind of interpreter `name` is, when it is one.
    static func interpreterKind(_ name: String) -> String? {
        if shells.contains(name) { return "a shell" }
        let bare = name.prefix { !$0.isNumber && $0 != "." }
        if interpreters.contains(String(bare)) { return "an interpreter" }
        return nil
    }

    static let shells: Set<String> = [
        "sh", "bash", "dash", "zsh", "ksh", "mksh", "pdksh", "ash", "hush", "yash", "posh", "rbash",
        "fish", "csh", "tcsh", "pwsh", "powershell", "su", "runuser", "script",
    ]
    static let interpreters: Set<String> = [
        "python", "pypy", "perl", "ruby", "node", "nodejs", "deno", "bun", "php", "lua", "luajit",
        "tclsh", "wish", "Rscript", "awk", "gawk", "mawk", "nawk", "expect", "osascript", "jshell", "groovy",
    ]

    /// Programs that run another program given on their command line, and how to find it.
    static let wrappers: [String: Wrapper] = [
        "env": Wrapper(
            options: OptionGrammar(
                valued: ["u", "unset", "C", "chdir", "P"],
                flags: ["i", "ignore-environment", "0", "null", "v", "debug"]
            ),
            skipsAssignments: true
        ),
        "sudo": Wrapper(
            options: OptionGrammar(
                valued: [
                    "u", "user", "g", "group", "C", "close-from", "D", "chdir", "h", "host", "p", "prompt", "r", "role", "t", "type", "T", "command-timeout",
                    "U", "other-user",
                ],
                flags: [
                    "A", "askpass", "b", "background", "E", "preserve-env", "H", "set-home", "k", "reset-timestamp", "n", "non-interactive", "P",
                    "preserve-groups", "S", "stdin", "B", "bell", "N", "no-update",
                ]
            ),
            skipsAssignments: true
        ),
        "doas": Wrapper(options: OptionGrammar(valued: ["u", "C"], flags: ["n"])),
        "nice": Wrapper(options: OptionGrammar(valued: ["n", "adjustment"], flags: [])),
        "nohup": Wrapper(options: OptionGrammar(valued: [], flags: [])),
        "setsid": Wrapper(options: OptionGrammar(valued: [], flags: ["c", "ctty", "f", "fork", "w", "wait"])),
        "stdbuf": Wrapper(options: OptionGrammar(valued: ["i", "input", "o", "output", "e", "error"], flags: [])),
        "ionice": Wrapper(options: OptionGrammar(valued: ["c", "class", "n", "classdata"], flags: ["t", "ignore"])),
        "chrt": Wrapper(
            options: OptionGrammar(
                valued: ["T", "P", "D"],
                flags: [
                    "b", "d", "f", "i", "o", "r", "R", "v", "a", "all-tasks", "batch", "deadline", "fifo", "idle", "other", "rr", "reset-on-fork", "verbose",
                ]), positionals: 1),
        "taskset": Wrapper(options: OptionGrammar(valued: [], flags: ["a", "all-tasks", "c", "cpu-list"]), positionals: 1),
        "time": Wrapper(
            options: OptionGrammar(valued: ["f", "format", "o", "output"], flags: ["p", "portability", "a", "append", "v", "verbose", "q", "quiet"])),
        "timeout": Wrapper(
            options: OptionGrammar(valued: ["s", "signal", "k", "kill-after"], flags: ["preserve-status", "foreground", "v", "verbose"]), positionals: 1),
        "chroot": Wrapper(options: OptionGrammar(valued: ["userspec", "groups"], flags: ["skip-chdir"]), positionals: 1),
        "nsenter": Wrapper(
            options: OptionGrammar(
                valued: ["t", "target", "S", "setuid", "G", "setgid", "r", "root", "w", "wd", "W", "wdns", "env"],
                flags: [
                    "a", "all", "m", "mount", "u", "uts", "i", "ipc", "n", "net", "p", "pid", "U", "user", "C", "cgroup", "T", "time", "F", "no-fork",
                    "preserve-credentials", "Z", "follow-context",
                ]
            )
        ),
        "unshare": Wrapper(
            options: OptionGrammar(
                valued: [],
                flags: [
                    "m", "mount", "u", "uts", "i", "ipc", "n", "net", "p", "pid", "U", "user", "C", "cgroup", "T", "time", "f", "fork", "r", "map-root-user",
                ])),
        "flock": Wrapper(
            options: OptionGrammar(
                valued: ["w", "timeout", "E", "conflict-exit-code"],
                flags: ["s", "shared", "x", "exclusive", "u", "unlock", "n", "nonblock", "o", "close", "F", "no-fork", "verbose"]), positionals: 1),
        "command": Wrapper(options: OptionGrammar(valued: [], flags: ["p"])),
        "exec": Wrapper(options: OptionGrammar(valued: ["a"], flags: ["c", "l"])),
    ]

    /// A program that runs another: its options, the words it takes before the program, and
    /// whether `NAME=VALUE` words come first (`env`, `sudo`).
    struct Wrapper: Sendable {
        var options: OptionGrammar
        /// Words the wrapper itself takes before the program (timeout's duration, chroot's root).
        var positionals = 0
        var skipsAssignments = false

        /// Where the wrapped program is in `arguments`, given the wrapper at `index`.
        func wrapped(in arguments: [String], after index: Int) -> OptionGrammar.Found {
            var next = index + 1
            for _ in 0...positionals {
                switch options.nextWord(in: arguments, from: next) {
                case .word(let found): next = found + 1
                case let other: return other
                }
            }
            next -= 1
            if skipsAssignments {
                while next < arguments.count, Self.isAssignment(arguments[next]) { next += 1 }
                guard next < arguments.count else { return .end }
            }
            return .word(next)
        }

        /// `NAME=VALUE`, or `env`'s lone `-` (an empty environment).
        private static func isAssignment(_ word: String) -> Bool {
            if word == "-" { return true }
            guard let equals = word.firstIndex(of: "="), equals != word.startIndex else { return false }
            return word[..<equals].allSatisfy { $0 == "_" || $0.isLetter || $0.isNumber }
        }
    }
}
