/// A small deterministic random number generator (SplitMix64), so the same seed always shuffles
/// a step's choices the same way: a trainer can hand two trainees the same exercise.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    /// A generator for `seed`, mixed with `salt` (a node id) so every step shuffles differently.
    init(seed: UInt64, salt: String) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a over the salt
        for byte in salt.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        state = seed ^ hash
    }

    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
