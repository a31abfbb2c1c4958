import TriageLayout

/// The text output of a scan, for people: a table of groups, each group's fix, and the failing
/// containers numbered for `triage scan --run N`, then the containers that cannot start or keep
/// running.
public struct ScanText: Sendable {
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
        guard !report.groups.isEmpty else {
            lines.append("No image pull failures.")
            lines += restarting(report, layout)
            return lines.joined(separator: "\n") + "\n"
        }
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
            table.rows.append([
                "G\(index + 1)", group.cause.rawValue, "\(group.count)", group.registry, group.image,
                workloads + Self.more(group.workloads.count), (group.namespaces.first ?? "-") + Self.more(group.namespaces.count),
            ])
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
                lines += layout.wrap(
                    "… \(group.pods.count - podsPerGroup) more (numbers \(group.pods[podsPerGroup].number)–\(group.pods.last!.number); -o json lists all)",
                    lead: "   ")
            }
        }
        lines += restarting(report, layout)
        lines.append("")
        lines += layout.wrap("triage scan --run N starts the runbook that applies to container N.", lead: "")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The containers that cannot start or keep running, with how each ended last and the
    /// runbook that applies.
    private func restarting(_ report: ScanReport, _ layout: TextLayout) -> [String] {
        guard !report.restarting.isEmpty else { return [] }
        let lines = [""] + layout.wrap("Containers that cannot start or keep running (\(report.restarting.count)):", lead: "")
        var table = TextTable(columns: [
            .init(title: "   N", minimum: 4, alignRight: true),
            .init(title: "NAMESPACE", minimum: 8, shrinkOrder: 3),
            .init(title: "POD", minimum: 14, shrinkOrder: 4, keepsEnd: true),
            .init(title: "CONTAINER", minimum: 8, shrinkOrder: 2),
            .init(title: "REASON", minimum: 8, shrinkOrder: 5),
            .init(title: "LAST STATE", minimum: 10, shrinkOrder: 6),
            .init(title: "RESTARTS", minimum: 8, alignRight: true, hideOrder: 1),
            .init(title: "RUNBOOK", minimum: 8, shrinkOrder: 1, hideOrder: 2),
        ])
        for entry in report.restarting {
            table.rows.append([
                "\(entry.number)", entry.namespace, entry.pod, entry.container + (entry.initContainer ? " (init)" : ""), entry.reason,
                entry.lastState ?? "-", entry.restarts.map(String.init) ?? "-", entry.runbook ?? "-",
            ])
        }
        return lines + table.render(width: width)
    }

    private func summary(_ report: ScanReport) -> String {
        "Scanned \(report.totalPods) pods: \(report.failing) failing containers in \(report.failingPods) pods, \(report.groups.count) groups"
            + (report.restarting.isEmpty ? "" : "; \(report.restarting.count) containers that cannot start or keep running")
            + (report.unscanned.isEmpty ? "." : "; \(report.unscanned.count) namespaces not scanned.")
    }

    private static func more(_ count: Int) -> String { count > 1 ? " +\(count - 1)" : "" }
}
