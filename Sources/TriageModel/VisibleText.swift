/// Text from outside (command output, file names, arguments) made safe to show on a terminal:
/// control characters other than newline and tab are shown as visible escapes, so that an escape
/// sequence is read, never obeyed.
public enum VisibleText {
    /// `text` with C0 and C1 control characters (except `\n` and `\t`) and DEL written as `\u{…}`.
    public static func escapingControls(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isHidden) else { return text }
        var shown = ""
        for scalar in text.unicodeScalars {
            if isHidden(scalar) {
                shown += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }

    private static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: false
        case 0x00...0x1F, 0x7F...0x9F: true
        default: false
        }
    }
}
