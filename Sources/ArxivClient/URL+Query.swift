import Foundation

extension URL {
    /// This URL with `items` as its query, each name and value percent-encoded so that only RFC 3986
    /// unreserved characters (plus `,`, `:` and `/`, which id lists, old-style ids and set names use)
    /// stay literal. `URLQueryItem` would leave `+` alone, and a `+` in an OAI-PMH resumption token
    /// would then reach the server as a space.
    func appendingQuery(_ items: [(name: String, value: String)]) -> URL {
        let query = items.map { "\(Self.encode($0.name))=\(Self.encode($0.value))" }.joined(separator: "&")
        guard var components = URLComponents(url: self, resolvingAgainstBaseURL: false) else { return self }
        components.percentEncodedQuery = query
        return components.url ?? self
    }

    private static let literal: CharacterSet = {
        var set = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        set.insert(charactersIn: "-._~,:/")
        return set
    }()

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: literal) ?? text
    }
}
