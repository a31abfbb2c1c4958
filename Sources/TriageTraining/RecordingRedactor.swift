import TriageModel
import TriageSecrets

/// Removes secrets from the commands and outputs of a recording before it is written.
///
/// The secret values are gathered from every raw output and argument first, so a value the masker
/// recognises in one place (a `--password` flag, a Secret's data) is also masked where it is
/// repeated in plain words. Everything then goes through ``SecretMasker``: a pull secret's docker
/// config keeps its (renamed) registry hosts, so the recording still replays to the same ending.
struct RecordingRedactor {
    /// Applied to every text kept (identity unless anonymising).
    var rename: (String) -> String = { $0 }
    private let masker: SecretMasker

    /// A redactor for these raw recordings.
    init(recordings: [Scenario.Recording], rename: @escaping (String) -> String = { $0 }) {
        self.rename = rename
        var values: Set<String> = []
        for recording in recordings {
            values.formUnion(SecretMasker.secretValues(in: recording.result.stdout))
            values.formUnion(SecretMasker.secretValues(in: recording.result.stderr))
            values.formUnion(SecretMasker.secretValues(in: recording.arguments.joined(separator: " ")))
            if SecretMasker.printsSecretValues(recording.arguments) {
                values.formUnion(recording.result.stdout.split(whereSeparator: \.isNewline).map(String.init))
            }
        }
        masker = SecretMasker(knownValues: values, keepsRegistryHosts: true)
    }

    /// `recording` with its secrets masked and its names renamed.
    func redact(_ recording: Scenario.Recording) -> Scenario.Recording {
        var result = recording.result
        result.stdout = SecretMasker.printsSecretValues(recording.arguments) ? SecretMasker.maskingEveryLine(result.stdout) : text(result.stdout)
        result.stderr = text(result.stderr)
        return Scenario.Recording(arguments: recording.arguments.map(text), result: result)
    }

    /// `text` with its secrets masked, its control characters made visible and its names renamed.
    func text(_ text: String) -> String {
        VisibleText.escapingControls(rename(masker.mask(text, renamingHosts: rename)))
    }
}
