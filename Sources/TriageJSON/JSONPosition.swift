/// One step into a JSON document: a member of an object or an element of an array.
public enum JSONStep: Sendable, Hashable {
    /// The member called this.
    case member(String)
    /// The element at this index, from 0.
    case element(Int)
}

/// A 1-based line and column (in bytes, as ``JSONReadError`` counts them) in a JSON document.
public struct JSONPosition: Sendable, Hashable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// 1-based column, in bytes.
    public var column: Int

    /// Creates a position.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// The position of the byte at `offset` in `bytes`.
    init(offset: Int, in bytes: UnsafeBufferPointer<UInt8>) {
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A {
            line += 1
            lineStart = index + 1
        }
        self.init(line: line, column: offset - lineStart + 1)
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }

    /// Where the value that `steps` lead to starts in the JSON document `text`: so that a value a
    /// decoder refused can be shown at its line and column. When the document stops short of the
    /// path (a member is missing), the deepest value on it that exists; nil when `text` is not JSON.
    public static func of(_ steps: [JSONStep], in text: String) -> JSONPosition? {
        var text = text
        return text.withUTF8 { of(steps, in: $0) }
    }

    /// Where the value that `steps` lead to starts in the UTF-8 JSON document `bytes` (see
    /// ``of(_:in:)-(_,String)``).
    public static func of(_ steps: [JSONStep], in bytes: UnsafeBufferPointer<UInt8>) -> JSONPosition? {
        var cursor = JSONCursor(bytes: bytes, isFinal: true, baseOffset: 0)
        do throws(JSONStop) {
            _ = try cursor.peek()
            var found = cursor.position
            for step in steps {
                guard try cursor.enter(step) else { break }
                found = cursor.position
            }
            return JSONPosition(offset: found, in: bytes)
        } catch {
            return nil
        }
    }
}

extension JSONCursor {
    /// Moves to the start of the value `step` names inside the value at the cursor; false, having
    /// moved past it or into it, when that value has no such member or element.
    fileprivate mutating func enter(_ step: JSONStep) throws(JSONStop) -> Bool {
        var first = true
        switch step {
        case .member(let name):
            // The last of a repeated member is the one that counts, as for ``JSONValue``.
            guard try enterObject() else { return false }
            var found: Int?
            while let key = try nextKey(first: &first) {
                _ = try peek()
                if decode(key) == name { found = position }
                try skipValue()
            }
            guard let found else { return false }
            position = found
            return true
        case .element(let index):
            guard try enterArray() else { return false }
            var current = 0
            while try nextElement(first: &first) {
                if current == index {
                    _ = try peek()
                    return true
                }
                try skipValue()
                current += 1
            }
        }
        return false
    }
}
