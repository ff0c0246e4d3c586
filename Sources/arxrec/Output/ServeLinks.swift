import ArxivFormats
import Foundation
import WebApp

/// Links from a published shortlist (the HTML, the Atom feed) to a running `arxrec serve`: the address
/// the user reads it at (`serveURL` in config.json, `--serve-url` on `shortlist`), joined with the
/// server's own paths (``Paths``), so a mail or a feed entry opens the paper's rating page.
///
/// The address is checked once, here: `http` or `https`, a host, an optional path prefix (a reverse
/// proxy), and no query, fragment or credentials, which a link could otherwise carry to the reader.
struct ServeLinks: Equatable {
    /// `scheme://host[:port][/prefix]`, without a trailing slash.
    let base: String

    init(parsing text: String) throws(ServeLinksError) {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = components.host, !host.isEmpty
        else { throw .invalid(text, "is not an http:// or https:// address with a host, like http://127.0.0.1:8080") }
        guard components.query == nil, components.fragment == nil, components.user == nil, components.password == nil,
              text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value < 0x7F })
        else { throw .invalid(text, "must be a plain address: no query, fragment, credentials, spaces or controls") }
        var base = text
        while base.hasSuffix("/") { base.removeLast() }
        self.base = base
    }

    /// The paper's page, where it is rated (and its similar papers listed).
    func ratingPage(id: String, profile: String) -> String { base + Paths.paper(id, profile: profile).string }

    /// The day's shortlist page.
    func shortlistPage(day: String, profile: String) -> String { base + Paths.shortlist(profile: profile, day: day).string }
}

enum ServeLinksError: Error, CustomStringConvertible {
    case invalid(String, String)

    var description: String {
        switch self {
        case .invalid(let text, let reason): return "serve address '\(EchoedInput.shortened(text))' \(reason)"
        }
    }
}
