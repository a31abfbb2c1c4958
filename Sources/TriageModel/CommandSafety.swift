/// What an argument vector does, judged from the vector alone: whether it changes things, whether
/// it hands a script to a shell or an interpreter, and whether it is kubectl.
///
/// The judgement does not trust the runbook: a node marked `mutates: false` that runs
/// `kubectl delete pod` still ``changes``. Wrappers that run another program (`env`, `sudo`,
/// `timeout`, `nice`, `chroot`, `busybox APPLET`, `k3s kubectl` …) are looked through. When the
/// vector cannot be read with certainty (an option whose arity is unknown stands where the verb
/// should be, a kubectl plugin, a program none of the tables knows, a kubectl flag that chooses
/// another cluster or identity), the command is taken to change things: a wrong "it only reads"
/// is the mistake that must not happen.
public struct CommandSafety: Hashable, Sendable {
    /// Why the command changes something (the cluster, the node, a file, a kubeconfig), in words;
    /// `nil` when it only reads.
    public let change: String?
    /// Which shell or interpreter runs a script, in words, when the command is one; scripts are
    /// refused by `lint` and count as changes, since what they do cannot be known.
    public let script: String?
    /// The position of the word `kubectl` in the argument vector when the command runs kubectl;
    /// flags that choose the cluster go right after it.
    public let kubectlIndex: Int?

    /// Judges `arguments` (program first).
    public init(_ arguments: [String]) {
        let program = ProgramLocator.locate(arguments)
        switch program {
        case .unknowable(let why):
            change = why
            script = nil
            kubectlIndex = nil
        case .script(let why):
            change = "it runs a script, whose effects cannot be known: \(why)"
            script = why
            kubectlIndex = nil
        case .program(let index):
            script = nil
            let words = Array(arguments[index...])
            let tool = Self.toolName(words[0])
            kubectlIndex = Self.kubectlNames.contains(tool) ? index : nil
            let environment = arguments[..<index].first { !$0.hasPrefix("-") && $0.contains("=") }
            change =
                if let environment {
                    "`\(environment)` sets the environment of `\(tool)`, which can change what it runs and which cluster or credentials it uses"
                } else if kubectlIndex != nil {
                    KubectlVerbs.change(words)
                } else if Self.containerCLIs.contains(tool) {
                    ContainerCLIVerbs.change(words, tool: tool)
                } else if tool == "crictl" {
                    CrictlVerbs.change(words)
                } else if tool == "ctr" {
                    CtrVerbs.change(words)
                } else {
                    ToolVerbs.change(words, tool: tool)
                }
        }
    }

    /// Whether the command changes anything.
    public var changes: Bool { change != nil }

    /// Whether the command runs kubectl (by any path, or through a wrapper).
    public var isKubectl: Bool { kubectlIndex != nil }

    /// Programs that speak kubectl's command line.
    static let kubectlNames: Set<String> = ["kubectl", "oc"]
    /// Programs that speak Docker's command line.
    static let containerCLIs: Set<String> = ["docker", "podman", "nerdctl"]

    /// The file name of `program` without its directory, as the tables name programs.
    static func toolName(_ program: String) -> String {
        let name = program.split(separator: "/", omittingEmptySubsequences: false).last.map(String.init) ?? program
        return name.hasSuffix(".exe") ? String(name.dropLast(4)) : name
    }
}

/// How the options of one command line are spelt: which take a value and which do not, so the
/// first word that is not an option (the verb) can be found with certainty.
struct OptionGrammar: Sendable {
    /// Options that take a value (long names without `--`, short ones as one letter).
    var valued: Set<String>
    /// Options that take none.
    var flags: Set<String>

    /// The result of looking for the next word that is not an option.
    enum Found: Equatable {
        /// The word at this index.
        case word(Int)
        /// None before the end (or a `--`).
        case end
        /// An option of unknown arity stands in the way: the next word may be its value.
        case unknownOption(String)
    }

    /// The first word at or after `start` that is neither an option nor an option's value.
    func nextWord(in words: [String], from start: Int) -> Found {
        var index = start
        while index < words.count {
            let word = words[index]
            if word == "--" { return index + 1 < words.count ? .word(index + 1) : .end }
            guard word.hasPrefix("-"), word.count > 1 else { return .word(index) }
            if word.hasPrefix("--") {
                let name = String(word.dropFirst(2))
                if name.contains("=") || flags.contains(name) {
                    index += 1
                } else if valued.contains(name) {
                    index += 2
                } else {
                    return .unknownOption(word)
                }
                continue
            }
            switch shortCluster(word) {
            case .none: return .unknownOption(word)
            case .some(let takesNext): index += takesNext ? 2 : 1
            }
        }
        return .end
    }

    /// The index of the first word from `start` that is not an option, for the verb of `command`;
    /// without an index, why it cannot be told (or `nil` when there is no verb at all).
    func verb(in words: [String], from start: Int, of command: String) -> (index: Int?, unknowable: String?) {
        switch nextWord(in: words, from: start) {
        case .word(let index): (index, nil)
        case .end: (nil, nil)
        case .unknownOption(let option): (nil, "the option `\(option)` stands before the verb of `\(command)`, so what it does cannot be told")
        }
    }

    /// For `-abc`: whether the cluster's last option takes the next word as its value; `nil` when
    /// a letter is unknown.
    private func shortCluster(_ word: String) -> Bool? {
        let letters = Array(word.dropFirst())
        for (offset, letter) in letters.enumerated() {
            let name = String(letter)
            if valued.contains(name) { return offset == letters.count - 1 }
            if letter == "=" { return false }
            guard flags.contains(name) else { return nil }
        }
        return false
    }
}
