/// One occurrence of a phrase in a scanned byte buffer.
struct PhraseHit: Sendable, Equatable {
    /// Index of the phrase in the matcher's phrase list.
    let phrase: Int
    /// Byte offset where the occurrence starts.
    let start: Int
    /// Byte offset just past the occurrence.
    let end: Int
}

/// Finds every occurrence of a fixed set of ASCII phrases in one pass (Aho–Corasick automaton,
/// compiled into a dense table over byte classes). Matching ignores ASCII case.
struct PhraseMatcher: Sendable {
    /// The phrases, lowercased, in the order given.
    let phrases: [String]
    private let lengths: [Int]
    private let byteClass: [UInt8]
    private let classCount: Int
    /// For each state and byte class: the next state's offset in this table (state × class count),
    /// shifted left by one, with the low bit set when phrases end in the next state.
    private let transitions: [Int32]
    /// For each state, the phrases that end there (following failure links), flattened.
    private let outputStart: [Int32]
    private let outputs: [Int32]

    init(phrases: [String]) {
        let lowered = phrases.map { $0.lowercased() }
        self.phrases = lowered
        lengths = lowered.map(\.utf8.count)
        var classes = [UInt8](repeating: 0, count: 256)
        var nextClass: UInt8 = 1
        for phrase in lowered {
            for byte in phrase.utf8 where classes[Int(byte)] == 0 {
                classes[Int(byte)] = nextClass
                nextClass += 1
            }
        }
        for upper in UInt8(ascii: "A")...UInt8(ascii: "Z") { classes[Int(upper)] = classes[Int(upper + 32)] }
        byteClass = classes
        classCount = Int(nextClass)
        // Trie.
        var children: [[Int32]] = [[Int32](repeating: -1, count: classCount)]
        var terminal: [[Int32]] = [[]]
        for (index, phrase) in lowered.enumerated() {
            var state = 0
            for byte in phrase.utf8 {
                let c = Int(classes[Int(byte)])
                if children[state][c] < 0 {
                    children[state][c] = Int32(children.count)
                    children.append([Int32](repeating: -1, count: classCount))
                    terminal.append([])
                }
                state = Int(children[state][c])
            }
            terminal[state].append(Int32(index))
        }
        // Breadth-first failure links, turning the trie into a complete automaton.
        var fail = [Int32](repeating: 0, count: children.count)
        var table = [Int32](repeating: 0, count: children.count * classCount)
        var queue: [Int] = []
        for c in 0..<classCount {
            let child = children[0][c]
            if child >= 0 { queue.append(Int(child)); table[c] = child }
        }
        var head = 0
        var order: [Int] = [0]
        while head < queue.count {
            let state = queue[head]
            head += 1
            order.append(state)
            for c in 0..<classCount {
                let child = children[state][c]
                let fallback = table[Int(fail[state]) * classCount + c]
                if child >= 0 {
                    fail[Int(child)] = fallback
                    table[state * classCount + c] = child
                    queue.append(Int(child))
                } else {
                    table[state * classCount + c] = fallback
                }
            }
        }
        var starts = [Int32](repeating: 0, count: children.count + 1)
        var flat: [Int32] = []
        var merged = [[Int32]](repeating: [], count: children.count)
        for state in order {
            merged[state] = terminal[state] + (state == 0 ? [] : merged[Int(fail[state])])
        }
        for state in 0..<children.count {
            starts[state] = Int32(flat.count)
            flat.append(contentsOf: merged[state])
        }
        starts[children.count] = Int32(flat.count)
        let width = Int32(self.classCount)
        transitions = table.map { next in (next * width) << 1 | (starts[Int(next)] != starts[Int(next) + 1] ? 1 : 0) }
        outputStart = starts
        outputs = flat
    }

    /// Appends every phrase occurrence in `bytes` to `hits`, in order of end position.
    func scan(_ bytes: [UInt8], into hits: inout [PhraseHit]) {
        let width = self.classCount
        transitions.withUnsafeBufferPointer { table in
            byteClass.withUnsafeBufferPointer { classes in
                bytes.withUnsafeBufferPointer { text in
                    var state = 0
                    for index in 0..<text.count {
                        let entry = Int(table[state + Int(classes[Int(text[index])])])
                        state = entry >> 1
                        guard entry & 1 != 0 else { continue }
                        let node = state / width
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
