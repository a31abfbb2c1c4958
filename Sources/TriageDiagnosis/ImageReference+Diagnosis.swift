import Foundation
import TriageModel

extension ImageReference {
    /// The family of registry the reference points at.
    public var family: RegistryFamily { RegistryFamily(host: registry) }

    /// What the user probably meant: a repaired form of an invalid reference (trimmed, lowercased,
    /// without transport prefix or dangling separator) or, for a Docker Hub official image whose
    /// name is a near miss of a well-known one (`nginxy`), that image. `nil` when nothing better is known.
    public static func suggestion(for text: String) -> String? {
        ImageSuggester.suggestion(for: text)
    }
}

extension ImageReferenceError: LocalizedError {
    /// The complaint (see ``description``).
    public var errorDescription: String? { description }
}
