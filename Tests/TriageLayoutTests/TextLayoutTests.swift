import Testing
import TriageLayout

@Suite("Display width")
struct DisplayWidthTests {
    @Test(arguments: [
        ("plain", 5), ("café", 4), ("cafe\u{301}", 4), ("日本語", 6), ("한국", 4), ("ｆｕｌｌ", 8),
        ("🚀", 2), ("👩‍💻", 2), ("🇩🇪", 2), ("a\u{200B}b", 2), ("\u{1B}[1;33mwarn\u{1B}[0m", 4), ("tab\there", 7),
    ])
    func columnsAreCountedAsATerminalDrawsThem(text: String, columns: Int) {
        #expect(text.displayWidth == columns)
    }
}

@Suite("Word wrapping")
struct WrapTests {
    private let sentence = "The kubelet pulls with the credentials named by the pod's imagePullSecrets, so both lists matter."

    @Test(arguments: [20, 33, 40, 57, 80])
    func linesFitAndNoWordIsBroken(width: Int) {
        let lines = TextLayout(width: width).wrap(sentence)
        #expect(lines.allSatisfy { $0.displayWidth <= width })
        #expect(lines.joined(separator: " ") == sentence)
    }

    @Test func continuationLinesKeepTheLeadsIndentation() {
        let lines = TextLayout(width: 30).wrap(sentence, lead: "  1. ")
        #expect(lines[0].hasPrefix("  1. The"))
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("     ") && !$0.hasPrefix("      ") })
        #expect(lines.allSatisfy { $0.displayWidth <= 30 })
    }

    @Test func aWordLongerThanTheLineIsCutAcrossLinesAndNothingIsLost() {
        let digest = "sha256:" + String(repeating: "0123456789abcdef", count: 4)
        let lines = TextLayout(width: 24).wrap("pull \(digest) failed")
        #expect(lines.allSatisfy { $0.displayWidth <= 24 })
        #expect(lines.joined().filter { $0 != " " } == "pull\(digest)failed")
    }

    @Test func wideCharactersAreMeasuredByColumnsNotCharacters() {
        let lines = TextLayout(width: 10).wrap("日本語 日本語 日本語")
        #expect(lines == ["日本語", "日本語", "日本語"])
        let long = TextLayout(width: 5).wrap("日本語日本語")
        #expect(long.allSatisfy { $0.displayWidth <= 5 })
        #expect(long.joined() == "日本語日本語")
    }

    @Test func aCodeSpanStaysOnOneLineWhenItFits() {
        let text = "Run it through `kubectl debug node/n1 -it --image=busybox` and paste what it prints."
        let lines = TextLayout(width: 50).wrap(text)
        #expect(lines.contains { $0.contains("`kubectl debug node/n1 -it --image=busybox`") })
        #expect(lines.allSatisfy { $0.displayWidth <= 50 })
    }

    @Test func withoutAWidthAParagraphIsOneWholeLine() {
        #expect(TextLayout.unbounded.wrap(sentence, lead: "> ") == ["> " + sentence])
    }
}

@Suite("Reflowing pre-wrapped prose")
struct ReflowTests {
    private let explain = """
        Start with what the kubelet said. A pod whose image cannot be pulled walks the chain
        Pending → ContainerCreating → ErrImagePull → ImagePullBackOff.

        Look for:
        - "not found" or "manifest unknown": the tag is missing, or was
          deleted by a retention policy;
        - "unauthorized": the credentials.

            kubectl describe pod web --namespace shop
        $ kubectl get events --namespace shop
        """

    @Test func singleLineEndsInAParagraphAreSpacesAndListsAndCodeKeepTheirLines() {
        #expect(
            Prose.blocks(explain) == [
                .paragraph(
                    "Start with what the kubelet said. A pod whose image cannot be pulled walks the chain Pending → ContainerCreating → ErrImagePull → ImagePullBackOff."
                ),
                .blank,
                .paragraph("Look for:"),
                .item(marker: "- ", text: "\"not found\" or \"manifest unknown\": the tag is missing, or was deleted by a retention policy;"),
                .item(marker: "- ", text: "\"unauthorized\": the credentials."),
                .blank,
                .verbatim("    kubectl describe pod web --namespace shop"),
                .verbatim("$ kubectl get events --namespace shop"),
            ])
    }

    @Test(arguments: [40, 60, 80, 120])
    func reflowedTextFitsAndKeepsEveryWord(width: Int) {
        let lines = TextLayout(width: width).reflow(explain, indent: "  ")
        #expect(lines.allSatisfy { $0.displayWidth <= width })
        let words = lines.joined(separator: " ").split(separator: " ").filter { $0 + " " != TextLayout.continuationMark }
        #expect(words == explain.split(whereSeparator: { $0 == " " || $0 == "\n" }))
        if width >= 60 { #expect(lines.contains("      kubectl describe pod web --namespace shop")) }
    }

    @Test func listItemsHangUnderTheirMarker() {
        let lines = TextLayout(width: 40).reflow("- one two three four five six seven eight nine ten")
        #expect(lines == ["- one two three four five six seven", "  eight nine ten"])
    }

    @Test func fencedCodeIsKeptAsWritten() {
        let text = "Before\n```\n  a  b\n```\nafter"
        #expect(TextLayout(width: 80).reflow(text) == ["Before", "```", "  a  b", "```", "after"])
    }
}

@Suite("Verbatim lines and commands")
struct VerbatimTests {
    @Test func aLineThatFitsIsUntouched() {
        #expect(TextLayout(width: 80).verbatim("Failed to pull image \"x\"", lead: "  ") == ["  Failed to pull image \"x\""])
    }

    @Test func aLongLineIsBrokenWithAMarkedContinuation() {
        let line = "Warning  Failed  12s  kubelet  Failed to pull image \"registry.example.com/team/app:1.2\": not found"
        let lines = TextLayout(width: 40).verbatim(line, lead: "  ")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.displayWidth <= 40 })
        #expect(lines.dropFirst().allSatisfy { $0.hasPrefix("  " + TextLayout.continuationMark) })
        let rebuilt = lines.map { $0.replacingPrefix("  " + TextLayout.continuationMark).replacingPrefix("  ") }.joined()
        #expect(rebuilt.filter { $0 != " " } == line.filter { $0 != " " })
    }

    @Test func aLongCommandBreaksBetweenArgumentsAsAShellReadsIt() {
        let words = [
            "kubectl", "get", "events", "--namespace", "shop", "--field-selector", "involvedObject.name=web-6d9f7c8b5-k2x7p", "--sort-by=.lastTimestamp",
        ]
        let lines = TextLayout(width: 50).command(words, lead: "$ ")
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.displayWidth <= 50 })
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix(" \\") })
        #expect(lines.map { $0.replacingPrefix("$ ").trimmingBackslash() }.joined(separator: " ").split(separator: " ").map(String.init) == words)
        #expect(TextLayout.unbounded.command(words, lead: "$ ") == ["$ " + words.joined(separator: " ")])
    }
}

@Suite("Tables")
struct TextTableTests {
    private var table: TextTable {
        var table = TextTable(columns: [
            .init(title: "CAUSE", minimum: 8, shrinkOrder: 2),
            .init(title: "IMAGE", minimum: 12, shrinkOrder: 3, keepsEnd: true),
            .init(title: "NAMESPACES", minimum: 10, shrinkOrder: 1, hideOrder: 1),
        ])
        table.rows = [["image-not-found", "registry.example.com/platform/team/service-with-a-long-name:2024.11.05-rc1", "production-eu-west-1 +3"]]
        return table
    }

    @Test func withoutAWidthEveryValueIsWhole() {
        let lines = table.render(width: nil)
        #expect(lines[1].contains("registry.example.com/platform/team/service-with-a-long-name:2024.11.05-rc1"))
        #expect(lines[1].contains("production-eu-west-1 +3"))
    }

    @Test(arguments: [40, 60, 80])
    func withAWidthItFitsCuttingTheLeastImportantFirst(width: Int) {
        let lines = table.render(width: width)
        #expect(lines.allSatisfy { $0.displayWidth <= width })
        #expect(lines[1].contains("…"))
        #expect(lines[1].contains("rc1"))
    }

    @Test func cellsAreMeasuredInColumns() {
        var table = TextTable(columns: [.init(title: "A", minimum: 1), .init(title: "B", minimum: 1)])
        table.rows = [["日本", "x"], ["ab", "y"]]
        let lines = table.render(width: 80)
        #expect(lines[1] == "日本  x")
        #expect(lines[2] == "ab    y")
    }
}

extension String {
    fileprivate func replacingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }

    fileprivate func trimmingBackslash() -> String {
        hasSuffix(" \\") ? String(dropLast(2)) : self
    }
}
