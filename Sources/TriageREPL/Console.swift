/// Where the REPL writes what a person reads.
public protocol Console: Sendable {
    func write(_ text: String)
}

extension Console {
    /// Writes `text` and a line end.
    public func line(_ text: String = "") {
        write(text + "\n")
    }
}
