import TriageModel

/// Checks a decoded runbook as a graph: every branch leads to a node that exists, every node can
/// be reached, nothing loops, every parser is known, and every fact or placeholder a node uses
/// can have been produced before it.
public struct RunbookValidator: Sendable {
    /// The parsers runbooks may name, with the facts each produces.
    public var parsers: [ParserSignature]

    /// Creates a `RunbookValidator` from its fields.
    public init(parsers: [ParserSignature]) {
        self.parsers = parsers
    }

    /// Every problem found, in file order.
    public func validate(_ runbook: Runbook) -> [RunbookDiagnostic] {
        var problems: [RunbookDiagnostic] = []
        let fallback = runbook.location ?? SourceLocation(file: "<runbook>", line: 1, column: 1)
        func report(_ location: SourceLocation?, _ message: String) {
            problems.append(RunbookDiagnostic(location: location ?? fallback, message: message))
        }

        let ids = runbook.nodes.map(\.id)
        let known = Set(ids)
        if !known.contains(runbook.start) {
            report(runbook.location, "'start' names node '\(runbook.start)', which does not exist\(Suggestion.didYouMean(runbook.start, in: ids))")
        }
        for node in runbook.nodes {
            for branch in node.branches where !known.contains(branch.target) {
                report(
                    branch.location ?? node.location,
                    "a branch of node '\(node.id)' goes to '\(branch.target)', which does not exist\(Suggestion.didYouMean(branch.target, in: ids))")
            }
            if let otherwise = node.otherwise, !known.contains(otherwise) {
                report(node.location, "node '\(node.id)' goes on to '\(otherwise)', which does not exist\(Suggestion.didYouMean(otherwise, in: ids))")
            }
            let verifyParser = node.diagnosis?.verify?.watch?.parser
            for parser in [node.parser, verifyParser].compactMap({ $0 }) where !parsers.contains(where: { $0.name == parser }) {
                let names = parsers.map(\.name)
                report(
                    node.location,
                    "node '\(node.id)' uses parser '\(parser)', which does not exist; known parsers: \(names.joined(separator: ", "))\(Suggestion.didYouMean(parser, in: names))"
                )
            }
        }

        let graph = Graph(runbook)
        let reachable = graph.reachable(from: runbook.start)
        for node in runbook.nodes where known.contains(runbook.start) && !reachable.contains(node.id) {
            report(node.location, "node '\(node.id)' can never be reached from '\(runbook.start)'")
        }
        if let cycle = graph.firstCycle(from: runbook.start) {
            let node = runbook.node(cycle[0])
            report(node?.location, "the nodes loop: \((cycle + [cycle[0]]).joined(separator: " → ")); a runbook must be a tree that always ends")
        }

        checkFacts(runbook, graph: graph, report: report)
        checkSelection(runbook, report: report)
        checkCommands(runbook, report: report)
        return problems.sorted { ($0.location.line, $0.location.column) < ($1.location.line, $1.location.column) }
    }

    /// Facts and placeholders: each must be an input or a fact some earlier node can produce.
    private func checkFacts(_ runbook: Runbook, graph: Graph, report: (SourceLocation?, String) -> Void) {
        let inputs = Set(runbook.inputs.map(\.name)).union(SessionFacts.all)
        let produced = Dictionary(uniqueKeysWithValues: runbook.nodes.map { ($0.id, facts(producedBy: $0)) })
        for node in runbook.nodes {
            let before = graph.ancestors(of: node.id).reduce(into: inputs) { $0.formUnion(produced[$1] ?? []) }
            let after = before.union(produced[node.id] ?? [])
            for branch in node.branches {
                for fact in branch.condition.factNames.sorted() where !after.contains(fact) {
                    report(
                        branch.location ?? node.location,
                        "the condition '\(branch.condition)' in node '\(node.id)' reads fact '\(fact)', which no input, parser, pattern or question before it produces\(Suggestion.didYouMean(fact, in: Array(after)))"
                    )
                }
            }
            if let command = node.command {
                checkPlaceholders(command.placeholders, available: before, at: command.sourceLocation ?? node.location, in: node, report: report)
            }
            if let watch = node.diagnosis?.verify?.watch {
                let polled = parsers.first { $0.name == watch.parser }?.facts ?? []
                let known = before.union(polled).union(CommandFacts.all)
                for fact in watch.until.factNames.sorted() where !known.contains(fact) {
                    report(
                        node.location,
                        "the verification of node '\(node.id)' waits until '\(watch.until)', but no input, earlier step or its parser produces fact '\(fact)'\(Suggestion.didYouMean(fact, in: Array(known)))"
                    )
                }
            }
            if let diagnosis = node.diagnosis {
                let steps = diagnosis.fix + (diagnosis.verify.map { [$0] } ?? [])
                var names = diagnosis.summary.placeholders + diagnosis.explanation.placeholders + (diagnosis.evidence?.placeholders ?? [])
                names += diagnosis.remedy?.placeholders ?? []
                for step in steps {
                    names += step.text.placeholders
                    for fact in step.when?.factNames.sorted() ?? [] where !before.contains(fact) {
                        report(
                            step.command?.sourceLocation ?? node.location,
                            "the condition '\(step.when.map(String.init(describing:)) ?? "")' of a fix step in node '\(node.id)' reads fact '\(fact)', which no input, parser, pattern or question before it produces\(Suggestion.didYouMean(fact, in: Array(before)))"
                        )
                    }
                    if let command = step.command {
                        checkPlaceholders(command.placeholders, available: before, at: command.sourceLocation ?? node.location, in: node, report: report)
                    }
                }
                checkPlaceholders(names, available: before, at: node.location, in: node, report: report)
            }
        }
    }

    /// `selects:` is evaluated over the standard pod reading alone, before any step has run.
    private func checkSelection(_ runbook: Runbook, report: (SourceLocation?, String) -> Void) {
        guard let selection = runbook.selection else { return }
        guard let signature = parsers.first(where: { $0.name == PodReading.parser }) else {
            report(selection.location, "'selects' is read from the '\(PodReading.parser)' parser's facts, and that parser is not known here")
            return
        }
        let available = Set(signature.facts)
        for fact in selection.condition.factNames.sorted() where !available.contains(fact) {
            report(
                selection.location,
                "'selects' reads fact '\(fact)', which the pod reading ('\(PodReading.parser)') does not produce (its facts: 'triage list --parsers')\(Suggestion.didYouMean(fact, in: available.sorted()))"
            )
        }
    }

    private func checkPlaceholders(
        _ names: [String], available: Set<String>, at location: SourceLocation?, in node: Node, report: (SourceLocation?, String) -> Void
    ) {
        var seen: Set<String> = []
        for name in names where !available.contains(name) && seen.insert(name).inserted {
            report(
                location,
                "placeholder '{{\(name)}}' in node '\(node.id)' names no input and no fact produced before it\(Suggestion.didYouMean(name, in: Array(available)))"
            )
        }
    }

    /// What running (or asking at) `node` can add to the facts.
    private func facts(producedBy node: Node) -> Set<String> {
        var names = node.ownFacts
        if node.command != nil { names.formUnion(CommandFacts.all) }
        if let parser = node.parser, let signature = parsers.first(where: { $0.name == parser }) {
            names.formUnion(signature.facts)
        }
        return names
    }
}

/// The runbook's nodes and edges, for reachability and loop checks.
struct Graph {
    private let successors: [String: [String]]
    private let predecessors: [String: [String]]
    private let order: [String]

    init(_ runbook: Runbook) {
        var successors: [String: [String]] = [:]
        var predecessors: [String: [String]] = [:]
        for node in runbook.nodes {
            successors[node.id] = node.successors
            for next in node.successors { predecessors[next, default: []].append(node.id) }
        }
        self.successors = successors
        self.predecessors = predecessors
        self.order = runbook.nodes.map(\.id)
    }

    func reachable(from start: String) -> Set<String> {
        closure(from: start, edges: successors)
    }

    /// Every node from which `id` can be reached, not counting `id` itself unless it loops.
    func ancestors(of id: String) -> Set<String> {
        var result = Set<String>()
        var stack = predecessors[id] ?? []
        while let next = stack.popLast() {
            if result.insert(next).inserted { stack += predecessors[next] ?? [] }
        }
        return result
    }

    /// The first loop found walking from `start`, as the nodes on it in order.
    func firstCycle(from start: String) -> [String]? {
        var state: [String: Bool] = [:]  // false: on the current path, true: finished
        var path: [String] = []
        func visit(_ id: String) -> [String]? {
            if let done = state[id] {
                if done { return nil }
                return path.firstIndex(of: id).map { Array(path[$0...]) }
            }
            state[id] = false
            path.append(id)
            for next in successors[id] ?? [] where successors[next] != nil {
                if let cycle = visit(next) { return cycle }
            }
            path.removeLast()
            state[id] = true
            return nil
        }
        if successors[start] != nil, let cycle = visit(start) { return cycle }
        for id in order where state[id] == nil {
            if let cycle = visit(id) { return cycle }
        }
        return nil
    }

    private func closure(from start: String, edges: [String: [String]]) -> Set<String> {
        var seen: Set<String> = [start]
        var stack = [start]
        while let next = stack.popLast() {
            for neighbour in edges[next] ?? [] where seen.insert(neighbour).inserted {
                stack.append(neighbour)
            }
        }
        return seen
    }
}
