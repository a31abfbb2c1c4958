/// Recognises the shape of the pasted text from its first lines.
enum InputKindDetector {
    /// How much of the input is looked at.
    static let window = 16 * 1024

    static func detect(_ bytes: [UInt8]) -> InputKind {
        let head = bytes.prefix(window).map(\.asciiLowercased)
        let lines = head.split(separator: 0x0A).map { $0.drop { $0 == 0x20 || $0 == 0x3E || $0 == 0x60 }.droppingCarriageReturn }
        func has(_ phrase: String) -> Bool { ByteSearch.contains(head[...], phrase) }
        let jsonStart = lines.contains { $0.first == 0x7B || $0.first == 0x5B }
        if jsonStart, has("\"involvedobject\"") { return .eventsJSON }
        if jsonStart, has("\"containerstatuses\"") || has("\"waiting\"") || has("\"initcontainerstatuses\"") { return .podJSON }
        if has("involvedobject:") { return .eventsYAML }
        if has("containerstatuses:") || (has("waiting:") && has("reason:")) { return .podYAML }
        if lines.contains(where: { isTableHeader($0, ["last seen", "type", "reason"]) || isTableHeader($0, ["lastseen", "firstseen", "count"]) }) {
            return .getEvents
        }
        if lines.contains(where: { $0.starts(with: "events:".utf8) })
            || lines.contains(where: { isTableHeader($0, ["type", "reason", "age", "from", "message"]) })
            || lines.contains(where: { isTableHeader($0, ["firstseen", "lastseen", "count", "from"]) }) || lines.contains(where: isDescribeEventRow)
        {
            return .describe
        }
        if lines.contains(where: { isTableHeader($0, ["name", "ready", "status", "restarts"]) }) { return .getPods }
        for (kind, phrases) in ordered where phrases.contains(where: has) { return kind }
        return .text
    }

    private static let ordered: [(InputKind, [String])] = [
        (.kubeadmPull, ["kubeadm", "[error imagepull]", "error execution phase preflight"]),
        (.crictlPull, ["crictl", "fata[0", "pulling image: rpc error", "pulling image failed:"]),
        (.ctrPull, ["ctr: ", "ctr image", "ctr images", "ctr i ", "resolving      |"]),
        (
            .podmanPull,
            [
                "podman", "copying blob", "getting image source signatures", "trying to pull registry", "trying to pull docker.io/",
                "trying to pull quay.io", "trying to pull ghcr.io",
            ]
        ),
        (.dockerPull, ["docker pull", "docker run", "error response from daemon", ": pulling from", "pulling fs layer", "unable to find image"]),
        (.kubeletLog, ["kubelet[", "kubenswrapper[", "remote_image.go", "kuberuntime_image.go", "kuberuntime_manager.go"]),
        (.containerdLog, ["containerd[", "msg=\"pullimage", "level=error msg=\"pullimage", "msg=\"trying next host"]),
        (.crioLog, ["crio[", "cri-o["]),
        (.eventMessage, ["failed to pull image", "back-off pulling image", "failed to apply default image tag", "errimageneverpull"]),
    ]

    /// Whether the lowercased `line` has every column name of a table header, in order.
    static func isTableHeader(_ line: ArraySlice<UInt8>, _ columns: [String]) -> Bool {
        var rest = line
        for column in columns {
            var pattern = column
            guard let found = rest.withUnsafeBufferPointer({ text in pattern.withUTF8 { ByteSearch.firstIndex(of: $0, in: text, from: 0) } })
            else { return false }
            rest = rest.dropFirst(found + column.utf8.count)
        }
        return line.count < 400 || String(decoding: line, as: UTF8.self).count < 400
    }

    /// `Warning  Failed  3m (x4 over 5m)  kubelet  …`: a describe event row without its header.
    static func isDescribeEventRow(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.starts(with: "warning ".utf8) || line.starts(with: "normal ".utf8) else { return false }
        return ByteSearch.contains(line, " kubelet") || ByteSearch.contains(line, "default-scheduler")
    }
}

extension ArraySlice<UInt8> {
    /// The slice without one trailing carriage return.
    fileprivate var droppingCarriageReturn: ArraySlice<UInt8> { last == 0x0D ? dropLast() : self }
}
