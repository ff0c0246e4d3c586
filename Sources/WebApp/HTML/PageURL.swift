/// A link to one of the server's own pages: a fixed path and query values that are percent-encoded, so
/// a profile name or a search term can never end the query, add a parameter or leave the site.
public struct PageURL: Sendable, Equatable, CustomStringConvertible {
    public let path: String
    public let query: [(name: String, value: String)]

    init(_ path: String, _ query: [(name: String, value: String)] = []) {
        self.path = path
        self.query = query
    }

    /// `path?name=value&…`, each value percent-encoded.
    public var string: String {
        guard !query.isEmpty else { return path }
        return path + "?" + query.map { "\($0.name)=\(Self.percentEncoded($0.value))" }.joined(separator: "&")
    }

    public var description: String { string }

    /// The same page with one more query value.
    func adding(_ name: String, _ value: String) -> PageURL { PageURL(path, query + [(name, value)]) }

    /// Everything but RFC 3986's unreserved characters (`A–Z a–z 0–9 - . _ ~`) as `%XX` of its UTF-8 bytes.
    static func percentEncoded(_ text: String) -> String {
        var encoded = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = Array("0123456789ABCDEF".unicodeScalars)
                encoded.unicodeScalars.append("%")
                encoded.unicodeScalars.append(hex[Int(byte >> 4)])
                encoded.unicodeScalars.append(hex[Int(byte & 0x0F)])
            }
        }
        return encoded
    }

    public static func == (lhs: PageURL, rhs: PageURL) -> Bool { lhs.string == rhs.string }
}
