import Foundation
import TriageScan

/// `triage-bench scan FILE`: reads a pod dump with the streaming reader, groups it, and prints
/// the time, the throughput and the peak resident memory of this process.
func scanBenchmark(path: String) -> Int32 {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else {
        FileHandle.standardError.write(Data("cannot open \(path): \(String(cString: strerror(errno)))\n".utf8))
        return 2
    }
    defer { close(descriptor) }
    var source = FileDescriptorSource(descriptor: descriptor, name: path)
    var scan = PodScan()
    let start = DispatchTime.now().uptimeNanoseconds
    do {
        let summary = try PodListReader().read(from: &source) { scan.add($0) }
        let read = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        scan.totalPods = summary.pods
        let report = scan.report()
        let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print(
            String(
                format: "%d pods, %.1f MB: read %.3f s (%.0f MB/s), grouped %.3f s; %d failing containers in %d groups; peak RSS %.1f MB",
                summary.pods, Double(summary.bytes) / 1e6, read, Double(summary.bytes) / 1e6 / read, total - read,
                report.failing, report.groups.count, Double(usage.ru_maxrss) / 1024))
        return 0
    } catch {
        FileHandle.standardError.write(Data("\(path): \(error.localizedDescription)\n".utf8))
        return 1
    }
}
