import Foundation
import TriageDiagnosis

/// `triage-bench markers`: one long line repeating a marker phrase whose value never ends (no
/// closing quote, no ` to `, no `://`), at two sizes side by side. Reading a line is linear when
/// the larger input takes about twice as long as the smaller; a search from each marker to the
/// end of the line makes it four times.
func repeatedMarkersBenchmark() -> Int32 {
    let markers = [
        "Successfully assigned default/web",
        "Failed to pull image \"nginx",
        "reading manifest 1.0",
        "Error pulling image (1.0",
        "x/manifests/",
        "ctr: resolving ",
        "tag: Pulling from",
    ]
    print("marker repeated on one line             440 KB      880 KB   ratio   MB/s (880 KB)")
    for marker in markers {
        let small = String(repeating: marker + " ", count: 440_000 / (marker.utf8.count + 1))
        let large = small + small
        let times = [small, large].map { text in
            (0..<3).map { _ in
                let start = DispatchTime.now().uptimeNanoseconds
                _ = PullFailureDiagnoser.diagnose(text)
                return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            }.min() ?? 0
        }
        let megabytes = Double(large.utf8.count) / 1e6
        print(
            String(
                format: "%-38@ %8.3f s  %8.3f s  %5.2f   %7.1f", marker as NSString, times[0], times[1], times[1] / max(times[0], 1e-9),
                megabytes / max(times[1], 1e-9)))
    }
    return 0
}
