/// Which `Host` headers name this server: the defence against DNS rebinding, where a page of another site
/// resolves its own name to 127.0.0.1 and then talks to the server as if it were same-origin. Such a request
/// carries the attacker's host name, so only names that mean this server are accepted, with the port the
/// server listens on.
///
/// - Bound to a loopback address (the default): `127.0.0.1`, `localhost` and `[::1]` (and the address itself).
/// - Bound to another address or name (`--host 192.168.1.5`): that address or name only.
/// - Bound to every interface (`0.0.0.0`, `::`): IP literals, `localhost` and this machine's host name — no
///   other name, since that is what rebinding would send.
public struct HostPolicy: Sendable, Equatable {
    /// The address the server was told to listen on.
    public let bindHost: String
    let machineName: String

    public init(bindHost: String, machineName: String) {
        self.bindHost = bindHost.lowercased()
        self.machineName = machineName.lowercased()
    }

    /// Whether `authority` (the Host header: `name[:port]`) names this server listening on `port`.
    public func allows(authority: String, port: Int) -> Bool {
        guard let (name, given) = Self.split(authority.lowercased()), (given ?? 80) == port else { return false }
        if Self.isLoopback(bindHost) { return Self.loopbackNames.contains(name) || name == Self.bracketed(bindHost) }
        if Self.isWildcard(bindHost) {
            return Self.isIPLiteral(name) || name == "localhost" || (!machineName.isEmpty && name == machineName)
        }
        return name == Self.bracketed(bindHost)
    }

    /// Whether the address only this machine can reach.
    public static func isLoopback(_ host: String) -> Bool {
        let host = host.lowercased()
        return host == "localhost" || host == "::1" || host == "[::1]" || (host.hasPrefix("127.") && isIPv4(host))
    }

    static func isWildcard(_ host: String) -> Bool { host == "0.0.0.0" || host == "::" || host == "[::]" }

    static let loopbackNames: Set<String> = ["127.0.0.1", "localhost", "[::1]"]

    /// An IPv6 address as it appears in a Host header.
    static func bracketed(_ host: String) -> String { host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host }

    /// `name` and the port, if any; `nil` when malformed.
    static func split(_ authority: String) -> (String, Int?)? {
        guard !authority.isEmpty, authority.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0 != "/" && $0 != "@" })
        else { return nil }
        var name = Substring(authority)
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            name = authority[...close]
            let rest = authority[authority.index(after: close)...]
            if !rest.isEmpty {
                guard rest.first == ":" else { return nil }
                portText = rest.dropFirst()
            }
        } else if let colon = authority.firstIndex(of: ":") {
            name = authority[..<colon]
            portText = authority[authority.index(after: colon)...]
        }
        guard !name.isEmpty else { return nil }
        guard let portText else { return (String(name), nil) }
        guard (1...5).contains(portText.count), portText.allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(portText),
              port <= 65_535
        else { return nil }
        return (String(name), port)
    }

    static func isIPLiteral(_ name: String) -> Bool {
        isIPv4(name) || (name.hasPrefix("[") && name.hasSuffix("]") && name.dropFirst().dropLast().allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." })
    }

    static func isIPv4(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            (1...3).contains(part.count) && part.allSatisfy { $0.isASCII && $0.isNumber } && (Int(part) ?? 256) <= 255
        }
    }
}
