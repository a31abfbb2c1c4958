import Foundation

/// Calls containerd's CRI image service the way the kubelet does:
/// `runtime.v1.ImageService/PullImage` over gRPC on the unix socket, with a hand-encoded
/// `PullImageRequest{image: ImageSpec{image}}`.
///
/// The gRPC client is Debian's `python3-grpcio` run by `/usr/bin/python3` (a small script, no
/// generated code). The error is rendered as Go's gRPC status prints it, which is the text the
/// kubelet puts in the pod's events: `rpc error: code = NotFound desc = failed to pull …`.
public enum CRIImageClient {
    /// The interpreter that has `python3-grpcio`.
    public static let python = "/usr/bin/python3"

    /// Whether the interpreter can import `grpc`.
    public static var isAvailable: Bool {
        guard FileManager.default.isExecutableFile(atPath: python),
            let directory = try? LabDirectory("cri-probe"),
            let probe = try? LabProcess.run([python, "-c", "import grpc"], in: directory.url, timeout: .seconds(20))
        else { return false }
        return probe.status == 0
    }

    /// Pulls `image`; returns nil on success or the error as the kubelet prints it.
    public static func pull(_ image: String, socket: URL, scratch: URL, timeout: Duration) throws -> String? {
        let script = scratch.appendingPathComponent("cri-pull.py")
        if !FileManager.default.fileExists(atPath: script.path) {
            try Self.script.write(to: script, atomically: true, encoding: .utf8)
        }
        let seconds = timeout.components.seconds
        let result = try LabProcess.run(
            [python, script.path, socket.path, image, "\(seconds)"], in: scratch,
            timeout: timeout + .seconds(10))
        switch result.status {
        case 0: return nil
        case 1: return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        default: throw LabError.commandFailed(["cri-pull.py", image], result)
        }
    }

    /// Exit 0 on success; exit 1 with the Go-style status line on an RPC error; anything else is
    /// a broken client.
    static let script = #"""
        import sys, grpc

        def varint(n):
            out = bytearray()
            while True:
                low, n = n & 0x7F, n >> 7
                out.append(low | (0x80 if n else 0))
                if not n:
                    return bytes(out)

        def field(number, payload):
            return bytes([number << 3 | 2]) + varint(len(payload)) + payload

        socket, image, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
        request = field(1, field(1, image.encode()))  # PullImageRequest{image: ImageSpec{image}}
        channel = grpc.insecure_channel("unix:" + socket)
        pull = channel.unary_unary("/runtime.v1.ImageService/PullImage")
        try:
            pull(request, timeout=seconds)
        except grpc.RpcError as error:
            names = {"CANCELLED": "Canceled", "OK": "OK"}
            code = error.code().name
            name = names.get(code) or "".join(part.capitalize() for part in code.split("_"))
            print("rpc error: code = %s desc = %s" % (name, error.details()))
            sys.exit(1)
        """#
}
