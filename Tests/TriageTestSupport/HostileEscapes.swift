/// Escape sequences a cluster or a paste may carry, which a terminal would obey: a window title
/// (OSC 0), a clipboard write (OSC 52), a cleared screen (CSI 2J), a C1 control sequence
/// introducer, and DEL.
public enum HostileEscapes {
    public static let title = "\u{1B}]0;owned-title\u{07}"
    public static let clipboard = "\u{1B}]52;c;ZWNobyBvd25lZA==\u{1B}\\"
    public static let clear = "\u{1B}[2J"
    public static let c1 = "\u{9B}31m"
    public static let delete = "\u{7F}"

    /// All of them on one line of otherwise ordinary pull-failure output.
    public static let line = "Warning  Failed  kubelet  Failed to pull image \"nginx:1.2\"\(title)\(clipboard)\(clear)\(c1)\(delete): not found"

    /// Whether `text` holds any control character a terminal would act on (all but `\n`, `\t`,
    /// and `\r` before `\n`).
    public static func hasRawControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { scalar in
            scalar.value != 0x0A && scalar.value != 0x09 && scalar.value != 0x0D && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
        }
    }
}
