/// Escape sequences a cluster or a paste may carry, which a terminal would obey: a window title
/// (OSC 0), a clipboard write (OSC 52), a cleared screen (CSI 2J), a C1 control sequence
/// introducer, and DEL.
public enum HostileEscapes {
    public static let title = "\u{1B}]0;owned-title\u{07}"
    public static let clipboard = "\u{1B}]52;c;ZWNobyBvd25lZA==\u{1B}\\"
    public static let clear = "\u{1B}[2J"
    public static let c1 = "\u{9B}31m"
    public static let delete = "\u{7F}"
    /// A carriage return that sends the cursor back to write over what the line said.
    public static let overwrite = "\r"
    /// Right-to-left override and a left-to-right isolate (Trojan Source): the text reads in
    /// another order than it is.
    public static let bidi = "\u{202E}\u{2066}"
    /// A zero-width space and a zero-width joiner, which make two different names look the same.
    public static let zeroWidth = "\u{200B}\u{200D}"

    /// All of them on one line of otherwise ordinary pull-failure output.
    public static let line =
        "Warning  Failed  kubelet  Failed to pull image \"nginx:1.2\"\(title)\(clipboard)\(clear)\(c1)\(delete)\(bidi)\(zeroWidth)\(overwrite): not found"

    /// Whether `text` holds any character a terminal would act on or that hides what the text
    /// says: a control character (all but `\n`, `\t`, and `\r` before `\n`), a bidirectional
    /// override or isolate, a zero-width character.
    public static func hasRawControls(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.indices.contains { index in
            let scalar = scalars[index]
            switch scalar.value {
            case 0x0A, 0x09: return false
            case 0x0D: return index + 1 < scalars.count && scalars[index + 1] != "\n"
            case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029: return true
            default: return scalar.properties.generalCategory == .format
            }
        }
    }
}
