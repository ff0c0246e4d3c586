import Dispatch
import Foundation
import TestSupport

#if canImport(Glibc)
import Glibc
#endif

/// Debian's headless `chromium`, driven over the DevTools protocol through `--remote-debugging-pipe`:
/// the browser reads commands from its file descriptor 3 and writes replies and events to 4, each a JSON
/// message ended by a NUL byte. The process is spawned with `posix_spawn` file actions that put the two
/// pipe ends there, so no WebSocket client is needed.
///
/// The browser can reach nothing but this machine: a dead proxy for every other address and a host
/// resolver that resolves nothing, so a page that tried to load something from outside would fail.
final class Chromium: @unchecked Sendable {
    /// Set to run `swift test` without a browser (the quick loop); CI never sets it.
    static let skipVariable = "ARXREC_SKIP_BROWSER_TESTS"
    static var skipped: Bool { !(ProcessInfo.processInfo.environment[skipVariable] ?? "").isEmpty }

    /// `chromium` (Debian) or `chromium-browser` on the PATH.
    static func locate() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    static let missingMessage =
        "chromium not found: run Scripts/install-system-packages --browser (Scripts/test does), or set ARXREC_SKIP_BROWSER_TESTS=1 to skip the browser tests"

    private let pid: pid_t
    private let commands: Int32
    private let replies: Int32
    private let profile: TemporaryDirectory
    private let queue = DispatchQueue(label: "arxrec.chromium")
    private var nextID = 1
    private var pending: [UInt8] = []
    private var closed = false
    /// How long one command may take before the test fails instead of hanging. Generous: alone the whole
    /// test takes 15 s, but in the full parallel suite on 2 cores the debug server's page (ranking a week of
    /// demo papers, Chinese rows through the term table) once took over 2 minutes to answer `Page.navigate`.
    static let timeoutMilliseconds: Int32 = 600_000

    init(executable: String) throws {
        profile = try TemporaryDirectory(prefix: "arxrec-chromium")
        var toBrowser: [Int32] = [0, 0]
        var fromBrowser: [Int32] = [0, 0]
        guard pipe(&toBrowser) == 0, pipe(&fromBrowser) == 0 else { throw ChromiumError.spawn(errno) }
        // Only the two ends dup'ed to 3 and 4 reach the browser; dup2 clears close-on-exec on those.
        for descriptor in toBrowser + fromBrowser { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        var arguments = [
            executable, "--headless", "--remote-debugging-pipe", "--user-data-dir=\(profile.url.path)",
            "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--no-default-browser-check",
            "--disable-extensions", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-domain-reliability", "--disable-client-side-phishing-detection",
            "--no-pings", "--mute-audio", "--hide-scrollbars", "--metrics-recording-only",
            "--disable-features=Translate,OptimizationHints,MediaRouter,AutofillServerCommunication",
            "--proxy-server=127.0.0.1:9", "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
            "about:blank",
        ]
        // Chromium refuses to run as root with its sandbox on.
        if geteuid() == 0 { arguments.insert("--no-sandbox", at: 1) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, toBrowser[0], 3)
        posix_spawn_file_actions_adddup2(&actions, fromBrowser[1], 4)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, profile.file("stdout.log").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, profile.file("stderr.log").path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var child = pid_t()
        let status = posix_spawn(&child, executable, &actions, nil, argv, environ)
        Glibc.close(toBrowser[0])
        Glibc.close(fromBrowser[1])
        guard status == 0 else {
            Glibc.close(toBrowser[1])
            Glibc.close(fromBrowser[0])
            throw ChromiumError.spawn(status)
        }
        pid = child
        commands = toBrowser[1]
        replies = fromBrowser[0]
    }

    /// Sends one command (to a page when `session` is given) and returns its `result`; events are skipped.
    func send(_ method: String, _ params: [String: Any] = [:], session: String? = nil) async throws -> [String: Any] {
        let message = try JSONSerialization.data(withJSONObject: params)
        return try await withCheckedThrowingContinuation { continuation in
            queue.async {
                continuation.resume(with: Result { try self.exchange(method, params: message, session: session) })
            }
        }
    }

    /// Evaluates `expression` in the page and returns its value (awaiting a promise).
    func evaluate(_ expression: String, session: String) async throws -> Any? {
        let result = try await send(
            "Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true], session: session)
        if let exception = result["exceptionDetails"] { throw ChromiumError.script(expression, "\(exception)") }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// A new tab, attached: the session id that page commands go to.
    func openPage() async throws -> String {
        let target = try await send("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else { throw ChromiumError.protocolError("no targetId") }
        let attached = try await send("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw ChromiumError.protocolError("no sessionId") }
        return session
    }

    /// Navigates and waits until the document has loaded.
    func load(_ url: String, session: String) async throws {
        _ = try await send("Page.navigate", ["url": url], session: session)
        try await waitUntil(session: session, "document.readyState === 'complete' && location.href === \(Self.quoted(url))")
    }

    /// Polls `condition` (a JavaScript expression) until it is true; fails after the timeout.
    func waitUntil(session: String, _ condition: String) async throws {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(Self.timeoutMilliseconds) * 1_000_000
        while DispatchTime.now().uptimeNanoseconds < deadline {
            if (try? await evaluate(condition, session: session)) as? Bool == true { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw ChromiumError.timeout(condition)
    }

    /// Closes the browser and reaps it (also on deinit, so a failed test leaves no browser behind).
    func close() {
        queue.sync {
            guard !closed else { return }
            closed = true
            _ = try? exchange("Browser.close", params: Data("{}".utf8), session: nil)
            Glibc.close(commands)
            Glibc.close(replies)
            var status: Int32 = 0
            for _ in 0..<100 where waitpid(pid, &status, WNOHANG) == 0 { usleep(50_000) }
            if waitpid(pid, &status, WNOHANG) == 0 {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
            }
        }
    }

    deinit { close() }

    static func quoted(_ text: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [text])) ?? Data("[\"\"]".utf8)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }

    // MARK: The pipe (on `queue`)

    private func exchange(_ method: String, params: Data, session: String?) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        var message = Data("{\"id\":\(id),\"method\":\(Self.quoted(method)),\"params\":".utf8) + params
        if let session { message += Data(",\"sessionId\":\(Self.quoted(session))".utf8) }
        message += Data("}".utf8) + Data([0])
        try message.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(commands, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                guard written > 0 else { throw ChromiumError.pipe("write", errno) }
                offset += written
            }
        }
        while true {
            let reply = try readMessage()
            guard let object = try JSONSerialization.jsonObject(with: reply) as? [String: Any],
                  object["id"] as? Int == id
            else { continue }
            if let error = object["error"] { throw ChromiumError.protocolError("\(method): \(error)") }
            return object["result"] as? [String: Any] ?? [:]
        }
    }

    private func readMessage() throws -> Data {
        while true {
            if let end = pending.firstIndex(of: 0) {
                let message = Data(pending[..<end])
                pending.removeSubrange(...end)
                return message
            }
            var poller = pollfd(fd: replies, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Self.timeoutMilliseconds)
            guard ready > 0 else { throw ChromiumError.timeout("a DevTools reply") }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = read(replies, &chunk, chunk.count)
            guard count > 0 else { throw ChromiumError.pipe("read (the browser exited?)", errno) }
            pending += chunk[..<count]
        }
    }
}

enum ChromiumError: Error, CustomStringConvertible {
    case spawn(Int32)
    case pipe(String, Int32)
    case protocolError(String)
    case script(String, String)
    case timeout(String)

    var description: String {
        switch self {
        case .spawn(let code): return "cannot start chromium: \(String(cString: strerror(code)))"
        case .pipe(let what, let code): return "DevTools pipe \(what) failed: \(String(cString: strerror(code)))"
        case .protocolError(let what): return "DevTools: \(what)"
        case .script(let expression, let exception): return "script `\(expression.prefix(80))` threw: \(exception)"
        case .timeout(let what): return "chromium did not answer in time: \(what)"
        }
    }
}
