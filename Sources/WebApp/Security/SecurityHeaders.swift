import HTTPTypes

/// The headers every response carries: nothing may load from elsewhere, run inline, frame the page, sniff
/// a type or leak the page's address (which holds profile names and searches) to the links it opens.
enum SecurityHeaders {
    static let contentSecurityPolicy =
        "default-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// Name and value, by the names browsers read (some are not among HTTPTypes' predefined names).
    static let fields: [(name: String, value: String)] = [
        ("Content-Security-Policy", contentSecurityPolicy),
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "DENY"),
        ("Referrer-Policy", "no-referrer"),
        ("Cross-Origin-Opener-Policy", "same-origin"),
        ("Cross-Origin-Resource-Policy", "same-origin"),
    ]

    static func apply(to headers: inout HTTPFields) {
        for field in fields {
            if let name = HTTPField.Name(field.name) { headers[name] = field.value }
        }
        // Pages hold ratings: a shared or back-button cache must not keep them.
        if headers[.cacheControl] == nil { headers[.cacheControl] = "no-store" }
    }
}
