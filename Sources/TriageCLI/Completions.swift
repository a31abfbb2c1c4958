import ArgumentParser
import Foundation
import TriageExecution
import TriageModel
import TriageRunbooks

/// What the shell completes for each kind of value: ids from the runbook library, and cluster
/// names asked of kubectl (with a short timeout; nothing at all when kubectl cannot answer).
enum Completions {
    /// Scenario ids, then scenario files.
    static let scenarios = CompletionKind.custom { words, _, prefix in
        index(words)?.scenarioIDs.filter { $0.hasPrefix(prefix) } ?? []
    }

    /// Runbook ids.
    static let runbooks = CompletionKind.custom { words, _, prefix in
        index(words)?.runbookIDs.filter { $0.hasPrefix(prefix) } ?? []
    }

    /// Namespaces of the chosen cluster.
    static let namespaces = CompletionKind.custom { words, _, prefix async in
        await names(["get", "namespaces", "--output", "name"], words: words, scopedToNamespace: false, prefix: prefix)
    }

    /// Pods of the chosen namespace.
    static let pods = CompletionKind.custom { words, _, prefix async in
        await names(["get", "pods", "--output", "name"], words: words, scopedToNamespace: true, prefix: prefix)
    }

    /// Contexts of the kubeconfig.
    static let contexts = CompletionKind.custom { words, _, prefix async in
        await names(["config", "get-contexts", "--output", "name"], words: words, scopedToNamespace: false, prefix: prefix)
    }

    /// How long kubectl may take to answer a completion.
    static let timeout = Duration.seconds(3)

    /// The value of `flag` (or `short`) on the command line being completed.
    static func value(of flags: Set<String>, in words: [String]) -> String? {
        var found: String?
        for (index, word) in words.enumerated() {
            if flags.contains(word), index + 1 < words.count { found = words[index + 1] }
            for flag in flags where flag.hasPrefix("--") && word.hasPrefix(flag + "=") { found = String(word.dropFirst(flag.count + 1)) }
        }
        return found
    }

    /// The runbooks and scenarios the completed command would find (its --runbooks and
    /// --scenarios respected), known by their ids and none decoded: a Tab press stays quick.
    private static func index(_ words: [String]) -> Workspace.Index? {
        var arguments: [String] = []
        if let runbooks = value(of: ["--runbooks"], in: words) { arguments += ["--runbooks", runbooks] }
        if let scenarios = value(of: ["--scenarios"], in: words) { arguments += ["--scenarios", scenarios] }
        guard let options = try? LibraryOptions.parse(arguments) else { return nil }
        return Workspace(options).index(warning: false)
    }

    /// The names kubectl lists (`kind/name` lines, the kind dropped) that start with `prefix`;
    /// none when kubectl is missing, slow or fails.
    private static func names(_ arguments: [String], words: [String], scopedToNamespace: Bool, prefix: String) async -> [String] {
        let namespace = scopedToNamespace ? value(of: ["-n", "--namespace"], in: words) : nil
        guard
            let options = try? KubectlOptions(
                context: value(of: ["--context"], in: words), kubeconfig: value(of: ["--kubeconfig"], in: words), namespace: namespace
            )
        else { return [] }
        let runner = ClusterScopedRunner(base: LiveRunner(timeout: timeout, terminationGrace: .milliseconds(200)), options: options)
        let invocation = CommandInvocation(arguments: ["kubectl", "--request-timeout=\(timeout.components.seconds)s"] + arguments)
        guard let result = try? await runner.run(invocation), result.succeeded else { return [] }
        return result.stdout.lines(omittingEmpty: true).map { line in
            String(line.split(separator: "/", maxSplits: 1).last ?? line).trimmingCharacters(in: .whitespaces)
        }.filter { !$0.isEmpty && $0.hasPrefix(prefix) }
    }
}
