import Foundation

/// The errors of the registry check. The check itself reports problems in its result; these are
/// what a transport throws.
public enum RegistryCheckError: Error, Sendable, Hashable, LocalizedError {
    /// No HTTP answer came back.
    case connection(ConnectionFailure)

    /// The runtime-style message.
    public var errorDescription: String? {
        switch self {
        case .connection(let failure): failure.message
        }
    }
}

extension RegistryCheckError {
    /// The transport failure the error carries.
    var failure: ConnectionFailure {
        switch self {
        case .connection(let failure): failure
        }
    }
}
