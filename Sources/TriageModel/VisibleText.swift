/// Text from outside (command output, file names, arguments) made safe to show on a terminal:
/// control characters other than newline and tab are shown as visible escapes, so that an escape
/// sequence is read, never obeyed; so are the invisible characters that make text read otherwise
/// than it is (bidirectional overrides and isolates, zero-width spaces and joiners, line and
/// paragraph separators).
public enum VisibleText {
    /// `text` with C0 and C1 control characters (except `\n` and `\t`), DEL, format characters
    /// (Unicode's `Cf`: U+200B–U+200F, U+202A–U+202E, U+2066–U+2069, U+FEFF …) and U+2028/U+2029
    /// written as `\u{…}`.
    public static func escapingControls(_ text: String) -> String {
        replacingHidden(in: text) { "\\u{" + String($0.value, radix: 16, uppercase: true) + "}" }
    }

    /// `text` with each character that ``isHidden(_:)`` names replaced by `escape(scalar)`: the
    /// escapes of another notation (JSON's, YAML's).
    public static func replacingHidden(in text: String, with escape: (Unicode.Scalar) -> String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var shown = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                shown.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                shown.append(scalar)
            }
        }
        return String(shown)
    }

    /// Whether `scalar` is a control or an invisible character that must be shown as an escape.
    public static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: true
        case 0xA0..<0xAD: false
        case 0xAD...: scalar.properties.generalCategory == .format
        default: false
        }
    }
}
