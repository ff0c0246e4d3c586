import Foundation
import TestSupport

/// Runs the `arxrec` binary in a private mount namespace (`unshare -m`) after a mount that exists only
/// there — a read-only bind of the data directory, a tiny tmpfs — so that a test meets a real read-only
/// file system or a real full disk, even as root, and leaves no mount behind when the child exits.
enum MountNamespace {
    static let unshare = "/usr/bin/unshare"

    /// Whether this machine lets the tests do it (root, and `unshare` present and permitted).
    static let isAvailable: Bool = {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: unshare) else { return false }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: unshare)
        probe.arguments = ["-m", "true"]
        guard (try? probe.run()) != nil else { return false }
        probe.waitUntilExit()
        return probe.terminationStatus == 0
    }()

    /// `arxrec arguments…` with `directory` bind-mounted read-only onto itself.
    static func runReadOnly(_ directory: URL, _ arguments: [String]) throws -> ArxrecProcess.Result {
        let path = directory.path
        return try run(setup: "mount --bind '\(path)' '\(path)' && mount -o remount,ro,bind '\(path)'", arguments)
    }

    /// `arxrec arguments…` with a tmpfs of `size` (e.g. `1m`) mounted on `directory`.
    static func runOnSmallDisk(_ directory: URL, size: String, _ arguments: [String]) throws -> ArxrecProcess.Result {
        try run(setup: "mount -t tmpfs -o size=\(size) tmpfs '\(directory.path)'", arguments)
    }

    private static func run(setup: String, _ arguments: [String]) throws -> ArxrecProcess.Result {
        // `sh -c SCRIPT arxrec args…`: the script mounts, then execs "$0" "$@" — the binary and its arguments.
        try ArxrecProcess.run(arguments, launcher: [unshare, "-m", "/bin/sh", "-c", "\(setup) && exec \"$0\" \"$@\""])
    }
}
