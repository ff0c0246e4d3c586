/// The per-session secrets a state-changing request must present (CSRF): each is 32 bytes from the
/// system's cryptographic generator, given to the browser in a `SameSite=Strict` cookie and repeated in
/// every form as a hidden field.
///
/// A POST counts only if its cookie holds a token this server issued and its form repeats that token:
/// another site cannot read the token (same-origin policy) nor send the cookie (`SameSite=Strict`), and a
/// cookie planted from another local port (cookies ignore ports) is refused because this server never
/// issued it. Tokens live in memory: a restarted server issues new ones at the next page view.
actor SessionTokens {
    /// Sessions kept before the oldest is forgotten: one person's browsers, with room to spare.
    static let capacity = 4_096
    /// Hex digits in a token (32 random bytes).
    static let length = 64

    private var issued: Set<String> = []
    private var order: [String] = []

    /// A new random token, remembered.
    func issue() -> String {
        var generator = SystemRandomNumberGenerator()
        var token = ""
        for _ in 0..<4 {
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            token += String(repeating: "0", count: 16 - hex.count) + hex
        }
        issued.insert(token)
        order.append(token)
        if order.count > Self.capacity { issued.remove(order.removeFirst()) }
        return token
    }

    /// Whether this server issued `token` (and has not forgotten it).
    func isIssued(_ token: String) -> Bool {
        token.utf8.count == Self.length && issued.contains(token)
    }

    /// Compares two tokens in time that depends only on their lengths, so a guesser learns nothing from
    /// how long a refusal took.
    nonisolated static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for index in x.indices { difference |= x[index] ^ y[index] }
        return difference == 0
    }
}
