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
        // Trie, as one flat table of child states (-1 = none), with a linked list of the phrases
        // ending at each state. The same table then becomes the automaton in place, so start-up
        // touches one table (about 1 MB) instead of three.
        let width = classCount
        var table = [Int32](repeating: -1, count: width)
        table.reserveCapacity(lowered.reduce(1) { $0 + $1.utf8.count } * width)
        var firstTerminal: [Int32] = [-1]
        var nextTerminal = [Int32](repeating: -1, count: lowered.count)
        for (index, phrase) in lowered.enumerated() {
            var state = 0
            for byte in phrase.utf8 {
                let slot = state * width + Int(classes[Int(byte)])
                if table[slot] < 0 {
                    table[slot] = Int32(firstTerminal.count)
                    table.append(contentsOf: repeatElement(-1, count: width))
                    firstTerminal.append(-1)
                }
                state = Int(table[slot])
            }
            // Keep the phrases of a state in the order given.
            if firstTerminal[state] < 0 {
                firstTerminal[state] = Int32(index)
            } else {
                var last = Int(firstTerminal[state])
                while nextTerminal[last] >= 0 { last = Int(nextTerminal[last]) }
                nextTerminal[last] = Int32(index)
            }
        }
        let stateCount = firstTerminal.count
        // Breadth-first failure links: a missing child takes the transition of the state's failure
        // state, which is complete already because it is shallower.
        var fail = [Int32](repeating: 0, count: stateCount)
        var order: [Int] = []
        order.reserveCapacity(stateCount)
        table.withUnsafeMutableBufferPointer { table in
            for c in 0..<width {
                if table[c] >= 0 { order.append(Int(table[c])) } else { table[c] = 0 }
            }
            var head = 0
            while head < order.count {
                let state = order[head]
                head += 1
                let base = state * width, fallbackBase = Int(fail[state]) * width
                for c in 0..<width {
                    let child = table[base + c]
                    let fallback = table[fallbackBase + c]
                    if child >= 0 {
                        fail[Int(child)] = fallback
                        order.append(Int(child))
                    } else {
                        table[base + c] = fallback
                    }
                }
            }
        }
        // Each state's outputs: its own phrases, then those of the states its failure links reach.
        var starts = [Int32](repeating: 0, count: stateCount + 1)
        var flat: [Int32] = []
        for state in 0..<stateCount {
            starts[state] = Int32(flat.count)
            var link = state
            while link != 0 {
                var phrase = firstTerminal[link]
                while phrase >= 0 {
                    flat.append(phrase)
                    phrase = nextTerminal[Int(phrase)]
                }
                link = Int(fail[link])
            }
        }
        starts[stateCount] = Int32(flat.count)
        let scaled = Int32(width)
        table.withUnsafeMutableBufferPointer { table in
            for slot in table.indices {
                let next = Int(table[slot])
                table[slot] = (Int32(next) * scaled) << 1 | (starts[next] != starts[next + 1] ? 1 : 0)
            }
        }
        transitions = table
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
