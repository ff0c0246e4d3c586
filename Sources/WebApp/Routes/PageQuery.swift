import Foundation
import ArxivFormats
import Hummingbird
import Library

/// The values a request names — in its query (GET) or its checked form (POST) — each validated before use:
/// a profile name by the rule every command uses, a day as `YYYY-MM-DD`, a paper as an arXiv id. A value
/// that fails is a 400 page; nothing unvalidated reaches the library.
struct PageQuery {
    let fields: FormFields

    init(_ request: Request, context: WebRequestContext) {
        fields = request.method == .post ? context.form : FormFields(urlEncoded: request.uri.query ?? "")
    }

    /// `profile`, else the default profile.
    func profile(_ name: String = "profile") throws -> String {
        guard let value = fields[name], !value.isEmpty else { return Library.defaultProfile }
        do { try Library.validateProfileName(value) } catch { throw WebError.badRequest(error.description) }
        return value
    }

    /// `date` as `YYYY-MM-DD`, or `nil` when absent.
    func day() throws -> String? {
        guard let value = fields["date"], !value.isEmpty else { return nil }
        guard let day = Day(value) else { throw WebError.badRequest("'\(value.prefix(40))' is not a day: use YYYY-MM-DD") }
        return day.description
    }

    /// `id`, parsed as an arXiv id in any of its forms.
    func arxivID() throws -> ArxivID {
        guard let value = fields["id"] else { throw WebError.badRequest("no paper named: add ?id=2512.19693") }
        do {
            return try ArxivID(parsing: String(value.prefix(200)))
        } catch {
            throw WebError.badRequest(error.description)
        }
    }

    /// `top` within 1…``maximumTop``, else `standard`.
    func top(standard: Int) throws -> Int {
        guard let value = fields["top"], !value.isEmpty else { return standard }
        guard let top = Int(value), (1...Self.maximumTop).contains(top) else {
            throw WebError.badRequest("top must be a number from 1 to \(Self.maximumTop)")
        }
        return top
    }

    /// Free text (a search), trimmed and bounded.
    func text(_ name: String) -> String {
        String((fields[name] ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(Self.maximumText))
    }

    /// A path on this server to go back to after a POST: `/…` with printable ASCII only, never `//…` or a
    /// backslash (which browsers would read as another host). Anything else means the shortlist.
    func localPath(_ name: String = "back", fallback: PageURL) -> String {
        guard let value = fields[name], value.hasPrefix("/"), !value.hasPrefix("//"), value.utf8.count <= 2_048,
              value.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" })
        else { return fallback.string }
        return value
    }

    static let maximumTop = 200
    static let maximumText = 500
}
