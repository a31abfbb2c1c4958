/// One occurrence of a phrase in a scanned byte buffer.
struct PhraseHit: Sendable, Equatable {
    /// Index of the phrase in the matcher's phrase list.
    let phrase: Int
    /// Byte offset where the occurrence starts.
    let start: Int
    /// Byte offset just past the occurrence.
    let end: Int
}

/// Finds every occurrence of a fixed set of ASCII phrases in one pass (an Aho–Corasick automaton
/// over byte classes). Matching ignores ASCII case.
///
/// Almost every state of the phrase trie has one child (the rest of a phrase, letter by letter),
/// so only the states that branch, and those near the root where most bytes of a text are read,
/// get a full row of transitions; a state with one child keeps that child and its failure state.
/// The automaton is then small (about 150 KB for 470 phrases, instead of 1.9 MB of rows for every
/// state), quick to build at start-up, and stays in cache while a text is scanned.
struct PhraseMatcher: Sendable {
    /// The phrases, lowercased, in the order given.
    let phrases: [String]
    private let lengths: [Int]
    private let byteClass: [UInt8]
    private let classCount: Int
    /// States are numbered by a code: a row state's code is the offset of its row in `rows`,
    /// below `rowLimit`; another state's code is `rowLimit` plus its index in the chain arrays.
    private let rowLimit: Int
    /// For each row state and byte class: the next state's code, shifted left by one, with the
    /// low bit set when phrases end in the next state.
    private let rows: [Int32]
    /// For each chain state: the class of its one child, or `noClass` when it has none.
    private let chainClass: [UInt8]
    /// For each chain state: its child's code shifted left by one, with the low bit set when
    /// phrases end in the child.
    private let chainNext: [Int32]
    /// For each chain state: the code of its failure state.
    private let chainFail: [Int32]
    /// For each state (row states first, by row), the phrases that end there, following failure
    /// links, flattened.
    private let outputStart: [Int32]
    private let outputs: [Int32]

    private static let noClass: UInt8 = 0xFF

    init(phrases: [String]) {
        let lowered = phrases.map { $0.lowercased() }
        self.phrases = lowered
        lengths = lowered.map(\.utf8.count)
        var classes = [UInt8](repeating: 0, count: 256)
        var nextClass = 1
        for phrase in lowered {
            for byte in phrase.utf8 where classes[Int(byte)] == 0 {
                precondition(nextClass < Int(Self.noClass), "too many distinct bytes in the phrases")
                classes[Int(byte)] = UInt8(nextClass)
                nextClass += 1
            }
        }
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(upper)] = classes[Int(upper + 32)] }
        byteClass = classes
        classCount = nextClass
        let trie = Trie(phrases: lowered, classes: classes)
        let stateCount = trie.label.count
        let width = classCount

        // Row states: the root, the states near it, and every state with more than one child.
        var isRow = [Bool](repeating: false, count: stateCount)
        var code = [Int](repeating: 0, count: stateCount)
        var order: [Int] = []
        order.reserveCapacity(stateCount)
        for state in 0..<stateCount where trie.depth[state] <= 2 || trie.childCount(state) > 1 {
            isRow[state] = true
            code[state] = order.count * width
            order.append(state)
        }
        let rowLimit = order.count * width
        for state in 0..<stateCount where !isRow[state] {
            code[state] = rowLimit + order.count - rowLimit / width
            order.append(state)
        }
        self.rowLimit = rowLimit

        // Breadth first, so that a state's failure state, which is shallower, is complete before
        // it is needed: a child's failure state is where its parent's failure state goes on the
        // child's byte, and a row is its failure state's transitions (a chain state's are the row
        // its failure links reach, with the children met on the way) with its own children over them.
        var fail = [Int](repeating: 0, count: stateCount)
        var rowStates = [Int](repeating: 0, count: rowLimit)
        func transition(_ state: Int, _ byteClass: Int) -> Int {
            var state = state
            while !isRow[state] {
                let child = trie.firstChild[state]
                if child >= 0, Int(trie.label[Int(child)]) == byteClass { return Int(child) }
                state = fail[state]
            }
            return rowStates[code[state] + byteClass]
        }
        var queue = [0]
        queue.reserveCapacity(stateCount)
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            if isRow[state], state != 0 {
                let base = code[state]
                var chain: [Int] = []
                var link = fail[state]
                while !isRow[link] {
                    chain.append(link)
                    link = fail[link]
                }
                for byteClass in 0..<width { rowStates[base + byteClass] = rowStates[code[link] + byteClass] }
                for link in chain.reversed() {
                    let child = trie.firstChild[link]
                    if child >= 0 { rowStates[base + Int(trie.label[Int(child)])] = Int(child) }
                }
            }
            var child = trie.firstChild[state]
            while child >= 0 {
                let next = Int(child)
                fail[next] = state == 0 ? 0 : transition(fail[state], Int(trie.label[next]))
                if isRow[state] { rowStates[code[state] + Int(trie.label[next])] = next }
                queue.append(next)
                child = trie.nextSibling[next]
            }
        }

        // Each state's outputs: its own phrases, then those of the states its failure links reach.
        // Few states end a phrase, so each state keeps a link to the nearest one its failure
        // links reach (set breadth first, like the failure links), and only those are visited.
        var ownOutputs = [[Int32]](repeating: [], count: stateCount)
        for (phrase, state) in trie.terminal.enumerated() { ownOutputs[state].append(Int32(phrase)) }
        var outputLink = [Int](repeating: 0, count: stateCount)
        for state in queue.dropFirst() {
            let link = fail[state]
            outputLink[state] = ownOutputs[link].isEmpty ? outputLink[link] : link
        }
        var starts: [Int32] = []
        var flat: [Int32] = []
        var hasOutputs = [Bool](repeating: false, count: stateCount)
        starts.reserveCapacity(stateCount + 1)
        for state in order {
            starts.append(Int32(flat.count))
            var link = ownOutputs[state].isEmpty ? outputLink[state] : state
            while link != 0 {
                flat += ownOutputs[link]
                link = outputLink[link]
            }
            hasOutputs[state] = Int(starts[starts.count - 1]) < flat.count
        }
        starts.append(Int32(flat.count))
        let entry = { (state: Int) in Int32(code[state] << 1 | (hasOutputs[state] ? 1 : 0)) }
        rows = rowStates.map(entry)
        let chainStates = order.dropFirst(rowLimit / width)
        chainClass = chainStates.map { state in trie.firstChild[state] < 0 ? Self.noClass : trie.label[Int(trie.firstChild[state])] }
        chainNext = chainStates.map { state in trie.firstChild[state] < 0 ? 0 : entry(Int(trie.firstChild[state])) }
        chainFail = chainStates.map { Int32(code[fail[$0]]) }
        outputStart = starts
        outputs = flat
    }

    /// Appends every phrase occurrence in `bytes` to `hits`, in order of end position.
    func scan(_ bytes: [UInt8], into hits: inout [PhraseHit]) {
        let width = classCount
        let rowLimit = self.rowLimit
        rows.withUnsafeBufferPointer { rows in
            byteClass.withUnsafeBufferPointer { classes in
                chainClass.withUnsafeBufferPointer { chainClass in
                    chainNext.withUnsafeBufferPointer { chainNext in
                        chainFail.withUnsafeBufferPointer { chainFail in
                            bytes.withUnsafeBufferPointer { text in
                                var state = 0
                                for index in 0..<text.count {
                                    let byteClass = classes[Int(text[index])]
                                    var from = state
                                    var entry: Int
                                    while true {
                                        if from < rowLimit {
                                            entry = Int(rows[from + Int(byteClass)])
                                            break
                                        }
                                        let chain = from - rowLimit
                                        if chainClass[chain] == byteClass {
                                            entry = Int(chainNext[chain])
                                            break
                                        }
                                        from = Int(chainFail[chain])
                                    }
                                    state = entry >> 1
                                    guard entry & 1 != 0 else { continue }
                                    let node = state < rowLimit ? state / width : rowLimit / width + state - rowLimit
                                    for k in Int(outputStart[node])..<Int(outputStart[node + 1]) {
                                        let phrase = Int(outputs[k])
                                        hits.append(PhraseHit(phrase: phrase, start: index + 1 - lengths[phrase], end: index + 1))
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The phrases as a trie of byte classes, each state's children as a linked list: the form the
/// matcher is built from.
private struct Trie {
    /// For each state, the class of the byte that leads to it (0 for the root).
    var label: [UInt8] = [0]
    var depth: [Int] = [0]
    var firstChild: [Int32] = [-1]
    var nextSibling: [Int32] = [-1]
    /// For each phrase, the state where it ends.
    var terminal: [Int] = []

    init(phrases: [String], classes: [UInt8]) {
        for phrase in phrases {
            var state = 0
            for byte in phrase.utf8 {
                let byteClass = classes[Int(byte)]
                if let next = child(state, byteClass) {
                    state = next
                    continue
                }
                let next = label.count
                label.append(byteClass)
                depth.append(depth[state] + 1)
                firstChild.append(-1)
                nextSibling.append(firstChild[state])
                firstChild[state] = Int32(next)
                state = next
            }
            terminal.append(state)
        }
    }

    func child(_ state: Int, _ byteClass: UInt8) -> Int? {
        var child = firstChild[state]
        while child >= 0 {
            if label[Int(child)] == byteClass { return Int(child) }
            child = nextSibling[Int(child)]
        }
        return nil
    }

    func childCount(_ state: Int) -> Int {
        var count = 0
        var child = firstChild[state]
        while child >= 0 {
            count += 1
            child = nextSibling[Int(child)]
        }
        return count
    }
}
