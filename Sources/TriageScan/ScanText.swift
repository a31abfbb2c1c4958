import TriageLayout

/// The text output of a scan, for people: a table of groups, each group's fix, and the failing
/// containers numbered for `triage scan --run N`.
public struct ScanText {
    /// Columns available; nil (a pipe, or `-o wide`) for whole values and lines.
    public var width: Int?
    /// Containers listed per group (nil: all); the JSON output lists all of them.
    public var podsPerGroup: Int?

    /// A renderer for `width` columns (nil: no limit) listing at most `podsPerGroup` containers
    /// per group (nil: all).
    public init(width: Int?, podsPerGroup: Int? = 5) {
        self.width = width.map { max(40, $0) }
        self.podsPerGroup = podsPerGroup
    }

    /// The whole text, ending with a newline.
    public func render(_ report: ScanReport) -> String {
        let layout = TextLayout(width: width)
        let podsPerGroup = self.podsPerGroup ?? Int.max
        var lines = layout.wrap(summary(report), lead: "")
        for skipped in report.unscanned {
            lines += layout.wrap("\(skipped.namespace): \(skipped.reason)", lead: "not scanned: ")
        }
        guard !report.groups.isEmpty else { return (lines + ["No image pull failures."]).joined(separator: "\n") + "\n" }
        var table = TextTable(columns: [
            .init(title: "#", minimum: 1, alignRight: true),
            .init(title: "CAUSE", minimum: 8, shrinkOrder: 5),
            .init(title: "COUNT", minimum: 5, alignRight: true),
            .init(title: "REGISTRY", minimum: 10, shrinkOrder: 2, hideOrder: 1),
            .init(title: "IMAGE", minimum: 16, shrinkOrder: 4, keepsEnd: true),
            .init(title: "WORKLOADS", minimum: 14, shrinkOrder: 3, hideOrder: 3),
            .init(title: "NAMESPACES", minimum: 10, shrinkOrder: 1, hideOrder: 2),
        ])
        for (index, group) in report.groups.enumerated() {
            let workloads = group.workloads.first.map { "\($0.kind.lowercased())/\($0.name)" } ?? "-"
            table.rows.append(["G\(index + 1)", group.cause.rawValue, "\(group.count)", group.registry, group.image,
                               workloads + Self.more(group.workloads.count), (group.namespaces.first ?? "-") + Self.more(group.namespaces.count)])
        }
        lines.append("")
        lines += table.render(width: width)
        for (index, group) in report.groups.enumerated() {
            lines.append("")
            lines += layout.wrap("\(group.title), \(group.image) (\(group.count))", lead: "G\(index + 1) ")
            lines += layout.wrap(group.fix, lead: "   fix: ")
            if !group.explained { lines += layout.wrap(group.message, lead: "   status says: ") }
            var pods = TextTable(columns: [
                .init(title: "   N", minimum: 4, alignRight: true),
                .init(title: "NAMESPACE", minimum: 8, shrinkOrder: 3),
                .init(title: "POD", minimum: 14, shrinkOrder: 4, keepsEnd: true),
                .init(title: "CONTAINER", minimum: 8, shrinkOrder: 2),
                .init(title: "NODE", minimum: 8, shrinkOrder: 1, hideOrder: 1),
            ])
            for entry in group.pods.prefix(podsPerGroup) {
                pods.rows.append(["\(entry.number)", entry.namespace, entry.pod, entry.container + (entry.initContainer ? " (init)" : ""), entry.node ?? "-"])
            }
            lines += pods.render(width: width)
            if group.pods.count > podsPerGroup {
                lines += layout.wrap("… \(group.pods.count - podsPerGroup) more (numbers \(group.pods[podsPerGroup].number)–\(group.pods.last!.number); -o json lists all)", lead: "   ")
            }
        }
        lines.append("")
        lines += layout.wrap("triage scan --run N starts the ImagePullBackOff runbook on container N.", lead: "")
        return lines.joined(separator: "\n") + "\n"
    }

    private func summary(_ report: ScanReport) -> String {
        "Scanned \(report.totalPods) pods: \(report.failing) failing containers in \(report.failingPods) pods, \(report.groups.count) groups"
            + (report.unscanned.isEmpty ? "." : "; \(report.unscanned.count) namespaces not scanned.")
    }

    private static func more(_ count: Int) -> String { count > 1 ? " +\(count - 1)" : "" }
}
