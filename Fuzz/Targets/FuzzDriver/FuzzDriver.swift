import Foundation

/// libFuzzer's driver, from the `libclang_rt.fuzzer` archive that `-sanitize=fuzzer` links.
@_extern(c, "LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ body: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Runs libFuzzer with the process's arguments, giving each input to one Swift closure.
///
/// SwiftPM renames an executable's `main` on Linux, so libFuzzer's own `main` cannot be used: each
/// fuzz target's `main.swift` calls ``run(_:)`` instead.
public enum FuzzDriver {
    nonisolated(unsafe) private static var body: (UnsafeBufferPointer<UInt8>) -> Void = { _ in }

    /// Fuzzes `body` with the options on the command line; returns libFuzzer's exit status.
    public static func run(_ body: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Never {
        Self.body = body
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzDriver.body(UnsafeBufferPointer(start: data, count: size))
            return 0
        }
        exit(status)
    }
}

/// Stops the run with `message` when `condition` does not hold. Unlike `precondition`, which drops
/// its message in release builds, it writes the message to libFuzzer's log (as `fatalError` does).
public func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition { fatalError(message()) }
}
