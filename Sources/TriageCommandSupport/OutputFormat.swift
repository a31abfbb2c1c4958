import ArgumentParser

/// How a command prints its results: for people, or for scripts.
public enum OutputFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case text
    case json
}
