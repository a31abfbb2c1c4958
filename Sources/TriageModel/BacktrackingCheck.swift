/// Finds the shapes of regular expression that backtrack exponentially on a line that almost
/// matches: a group repeated without bound whose body can itself repeat (`(a+)+`, `(\w+\s?)*`,
/// `(.*)*`), or whose alternatives can start with the same character (`(a|ab)*`, `(\w|\d)+`).
enum BacktrackingCheck {
    /// Why `source` is prone to catastrophic backtracking, or nil.
    static func reason(in source: String) -> String? {
        var parser = Parser(Array(source.unicodeScalars))
        return parser.parseAlternatives().reason
    }

    /// The ASCII characters an atom can start with; everything else counts as one more member.
    struct CharacterSet: Equatable {
        var bits: (UInt64, UInt64, Bool) = (0, 0, false)

        static let all = CharacterSet(bits: (.max, .max, true))

        static func == (lhs: CharacterSet, rhs: CharacterSet) -> Bool {
            lhs.bits.0 == rhs.bits.0 && lhs.bits.1 == rhs.bits.1 && lhs.bits.2 == rhs.bits.2
        }

        mutating func insert(_ scalar: Unicode.Scalar) {
            let value = scalar.value
            if value < 64 { bits.0 |= 1 << value } else if value < 128 { bits.1 |= 1 << (value - 64) } else { bits.2 = true }
        }

        mutating func insert(where test: (Unicode.Scalar) -> Bool) {
            for value in UInt32(0)..<128 where test(Unicode.Scalar(value)!) { insert(Unicode.Scalar(value)!) }
        }

        mutating func formUnion(_ other: CharacterSet) {
            bits = (bits.0 | other.bits.0, bits.1 | other.bits.1, bits.2 || other.bits.2)
        }

        func intersects(_ other: CharacterSet) -> Bool {
            bits.0 & other.bits.0 != 0 || bits.1 & other.bits.1 != 0 || (bits.2 && other.bits.2)
        }

        var inverted: CharacterSet { CharacterSet(bits: (~bits.0, ~bits.1, true)) }
    }

    /// What a piece of a pattern can do, as far as backtracking is concerned.
    struct Shape {
        /// Some quantifier inside lets it match more and more of the same text.
        var repeats = false
        /// What its first character can be.
        var first = CharacterSet()
        /// It can match the empty string.
        var canBeEmpty = true
        /// Two of its alternatives can start with the same character (or match nothing).
        var overlapping = false
        /// The first reason found to refuse the pattern.
        var reason: String?
    }

    struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        init(_ scalars: [Unicode.Scalar]) {
            self.scalars = scalars
        }

        var peek: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

        /// `a|b|c` up to a `)` or the end.
        mutating func parseAlternatives() -> Shape {
            var alternatives = [parseSequence()]
            while peek == "|" {
                index += 1
                alternatives.append(parseSequence())
            }
            var shape = Shape(repeats: false, first: CharacterSet(), canBeEmpty: false)
            for alternative in alternatives {
                shape.repeats = shape.repeats || alternative.repeats
                shape.first.formUnion(alternative.first)
                shape.canBeEmpty = shape.canBeEmpty || alternative.canBeEmpty
                shape.reason = shape.reason ?? alternative.reason
            }
            if alternatives.count > 1 {
                for (offset, left) in alternatives.enumerated() {
                    for right in alternatives[(offset + 1)...] where left.first.intersects(right.first) || left.canBeEmpty || right.canBeEmpty {
                        shape.overlapping = true
                    }
                }
            }
            return shape
        }

        mutating func parseSequence() -> Shape {
            var shape = Shape()
            while let next = peek, next != "|", next != ")" {
                let start = index
                var atom = parseAtom()
                let (minimum, unbounded, possessive) = parseQuantifier()
                let text = String(String.UnicodeScalarView(scalars[start..<index]))
                if unbounded, !possessive, atom.isGroup, shape.reason == nil, atom.shape.reason == nil {
                    if atom.shape.repeats {
                        atom.shape.reason = "the group in '\(text)' is repeated, and what it holds repeats by itself; repeat one of them only"
                    } else if atom.shape.overlapping {
                        atom.shape.reason = "the group in '\(text)' is repeated, and its alternatives can match the same text; make them start differently"
                    }
                }
                var piece = atom.shape
                if minimum == 0 { piece.canBeEmpty = true }
                if unbounded { piece.repeats = true }
                if shape.canBeEmpty { shape.first.formUnion(piece.first) }
                shape.canBeEmpty = shape.canBeEmpty && piece.canBeEmpty
                shape.repeats = shape.repeats || piece.repeats
                shape.reason = shape.reason ?? piece.reason
            }
            return shape
        }

        struct Atom {
            var shape: Shape
            var isGroup: Bool
        }

        mutating func parseAtom() -> Atom {
            let scalar = scalars[index]
            index += 1
            switch scalar {
            case "(":
                skipGroupPrefix()
                let inner = parseAlternatives()
                if peek == ")" { index += 1 }
                return Atom(shape: inner, isGroup: true)
            case "[":
                return Atom(shape: single(parseClass()), isGroup: false)
            case ".":
                return Atom(shape: single(.all), isGroup: false)
            case "^", "$":
                return Atom(shape: Shape(), isGroup: false)
            case "\\":
                guard let escaped = peek else { return Atom(shape: Shape(), isGroup: false) }
                index += 1
                if let set = Self.classEscape(escaped) { return Atom(shape: single(set), isGroup: false) }
                if "bBAzZG".unicodeScalars.contains(escaped) { return Atom(shape: Shape(), isGroup: false) }
                if "upxN".unicodeScalars.contains(escaped) { return Atom(shape: single(.all), isGroup: false) }
                var set = CharacterSet()
                set.insert(Self.controlEscape(escaped))
                return Atom(shape: single(set), isGroup: false)
            default:
                var set = CharacterSet()
                set.insert(scalar)
                return Atom(shape: single(set), isGroup: false)
            }
        }

        func single(_ set: CharacterSet) -> Shape {
            Shape(repeats: false, first: set, canBeEmpty: false)
        }

        /// Skips `?:`, `?<name>`, `?=`, `?!`, `?<=`, `?<!`, `?'name'` and inline flags.
        mutating func skipGroupPrefix() {
            guard peek == "?" else { return }
            index += 1
            if peek == "<" || peek == "'" || peek == "P" {
                while let next = peek, next != ">", next != "'" || index == 0 {
                    index += 1
                    if next == "=" || next == "!" { return }
                }
                if peek == ">" || peek == "'" { index += 1 }
                return
            }
            while let next = peek, next != ")", next != ":" {
                index += 1
                if next == "=" || next == "!" { return }
            }
            if peek == ":" { index += 1 }
        }

        /// `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each maybe lazy (`?`) or possessive (`+`).
        mutating func parseQuantifier() -> (minimum: Int, unbounded: Bool, possessive: Bool) {
            var minimum = 1
            var unbounded = false
            switch peek {
            case "*": index += 1; minimum = 0; unbounded = true
            case "+": index += 1; unbounded = true
            case "?": index += 1; minimum = 0
            case "{":
                let start = index
                index += 1
                var digits = ""
                while let next = peek, next.properties.numericType != nil { digits.unicodeScalars.append(next); index += 1 }
                guard !digits.isEmpty else { index = start + 1; return (1, false, false) }
                minimum = Int(digits) ?? 1
                if peek == "," {
                    index += 1
                    var upper = ""
                    while let next = peek, next.properties.numericType != nil { upper.unicodeScalars.append(next); index += 1 }
                    unbounded = upper.isEmpty || (Int(upper) ?? 2) > 1
                }
                if peek == "}" { index += 1 } else { index = start + 1; return (1, false, false) }
            default:
                return (1, false, false)
            }
            var possessive = false
            if peek == "?" { index += 1 } else if peek == "+" { index += 1; possessive = true }
            return (minimum, unbounded, possessive)
        }

        /// A bracketed class after its `[`, up to and including its `]`.
        mutating func parseClass() -> CharacterSet {
            var set = CharacterSet()
            let negated = peek == "^"
            if negated { index += 1 }
            var first = true
            var previous: Unicode.Scalar?
            while let next = peek, next != "]" || first {
                first = false
                index += 1
                if next == "[" { return .all }
                if next == "\\", let escaped = peek {
                    index += 1
                    if let escapedSet = Self.classEscape(escaped) { set.formUnion(escapedSet); previous = nil; continue }
                    let literal = Self.controlEscape(escaped)
                    set.insert(literal)
                    previous = literal
                    continue
                }
                if next == "-", let low = previous, let high = peek, high != "]" {
                    index += 1
                    if low.value <= high.value {
                        for value in low.value...min(high.value, 127) { if let scalar = Unicode.Scalar(value) { set.insert(scalar) } }
                        if high.value > 127 { set.bits.2 = true }
                    }
                    previous = nil
                    continue
                }
                set.insert(next)
                previous = next
            }
            if peek == "]" { index += 1 }
            return negated ? set.inverted : set
        }

        static func classEscape(_ scalar: Unicode.Scalar) -> CharacterSet? {
            var set = CharacterSet()
            switch scalar {
            case "d", "D": set.insert { $0.properties.numericType != nil && $0.value < 128 }
            case "w", "W": set.insert { $0 == "_" || ($0.value < 128 && ($0.properties.isAlphabetic || $0.properties.numericType != nil)) }; set.bits.2 = true
            case "s", "S": set.insert { $0 == " " || ($0.value >= 9 && $0.value <= 13) }
            case "h", "H": set.insert { $0 == " " || $0 == "\t" }
            default: return nil
            }
            return scalar.properties.isUppercase ? set.inverted : set
        }

        static func controlEscape(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
            switch scalar {
            case "n": "\n"
            case "t": "\t"
            case "r": "\r"
            case "f": "\u{0C}"
            case "v": "\u{0B}"
            default: scalar
            }
        }
    }
}
