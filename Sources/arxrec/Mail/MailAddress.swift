/// One recipient address for `daily --mail-to`, checked before it reaches a mail header or `sendmail`'s
/// command line.
///
/// Only a plain `local@domain` of printable ASCII passes: no CR or LF (which would end the `To:` header
/// and let the rest add headers or recipients), no space, comma, semicolon, angle bracket, quote or
/// parenthesis (which would name further recipients or a display name), and no leading `-` (which
/// `sendmail` would read as an option; it is also passed after `--`). A quoted local part or an
/// internationalised address is refused rather than half-supported.
struct MailAddress: Equatable, CustomStringConvertible {
    let description: String

    /// RFC 5321's limit on a whole address.
    static let maximumLength = 254

    init(_ text: String) throws(MailError) {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.utf8.count <= Self.maximumLength, parts.count == 2,
              let local = parts.first, let domain = parts.last,
              !local.isEmpty, !domain.isEmpty, !text.hasPrefix("-"),
              local.unicodeScalars.allSatisfy(Self.isLocalPartScalar),
              domain.unicodeScalars.allSatisfy(Self.isDomainScalar),
              !domain.hasPrefix("."), !domain.hasSuffix("."), !domain.hasPrefix("-")
        else { throw .invalidAddress(text) }
        description = text
    }

    /// RFC 5322's `atext` and the dot: what an unquoted local part may hold.
    private static func isLocalPartScalar(_ scalar: Unicode.Scalar) -> Bool {
        isAlphanumeric(scalar) || "!#$%&'*+-/=?^_`{|}~.".unicodeScalars.contains(scalar)
    }

    private static func isDomainScalar(_ scalar: Unicode.Scalar) -> Bool {
        isAlphanumeric(scalar) || scalar == "-" || scalar == "."
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a" ... "z", "A" ... "Z", "0" ... "9": return true
        default: return false
        }
    }
}
