import ArxivFormats
import Foundation
import Library

/// `config.json` in the data directory: what the unattended `arxrec daily` job does.
///
/// ```json
/// {
///   "categories": ["cs.CV", "cs.CL"],
///   "digests": "~/digests",
///   "profiles": ["default"],
///   "top": 10,
///   "formats": ["md", "json", "html", "atom"],
///   "catchUpDays": 14,
///   "serveURL": "http://127.0.0.1:8080",
///   "mailTo": "me@example.org"
/// }
/// ```
/// Every key is optional. `digests` is a folder of digest files named `YYYY-MM-DD….md` (relative paths
/// are relative to the data directory); `categories` are fetched from arXiv's RSS listing (today) or
/// OAI-PMH (missed days) unless `--offline`. `top` and `catchUpDays` have the ranges of
/// ``CountRange/shortlistTop`` and ``CountRange/catchUpDays``; `profiles` follow `--profile`'s rule.
struct DailyConfig: Codable, Equatable {
    var categories: [String] = []
    var digests: String?
    var profiles: [String] = ["default"]
    var top: Int = 10
    var formats: [ShortlistFileFormat] = [.md, .json, .html, .atom]
    var catchUpDays: Int = 14
    /// Delivery (``DailyConfig/checkDelivery(path:)``): where `arxrec serve` runs, for rating links in
    /// the HTML and the feed, and the address `sendmail` mails each day's HTML to.
    var serveURL: String?
    var mailTo: String?

    enum ShortlistFileFormat: String, Codable, CaseIterable {
        case md, json, html, atom
    }

    static let fileName = "config.json"

    init() {}

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = DailyConfig()
        categories = try container.decodeIfPresent([String].self, forKey: .categories) ?? defaults.categories
        digests = try container.decodeIfPresent(String.self, forKey: .digests)
        profiles = try container.decodeIfPresent([String].self, forKey: .profiles) ?? defaults.profiles
        top = try container.decodeIfPresent(Int.self, forKey: .top) ?? defaults.top
        formats = try container.decodeIfPresent([ShortlistFileFormat].self, forKey: .formats) ?? defaults.formats
        catchUpDays = try container.decodeIfPresent(Int.self, forKey: .catchUpDays) ?? defaults.catchUpDays
        serveURL = try container.decodeIfPresent(String.self, forKey: .serveURL)
        mailTo = try container.decodeIfPresent(String.self, forKey: .mailTo)
    }

    /// Reads the config; a missing file is the default config, a broken or unreadable one a one-line error.
    static func load(from dataDirectory: URL) throws -> DailyConfig {
        let url = dataDirectory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return DailyConfig() }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw DailyConfigError.invalid(url.path, "cannot be read (a folder, or no permission)")
        }
        let config: DailyConfig
        do {
            config = try JSONDecoder().decode(DailyConfig.self, from: data)
        } catch let error as DecodingError {
            throw DailyConfigError.invalid(url.path, Self.explain(error))
        }
        try config.check(path: url.path)
        try config.checkDelivery(path: url.path)
        return config
    }

    func check(path: String) throws {
        do {
            try CountRange.shortlistTop.check(top, name: "\"top\"")
            try CountRange.catchUpDays.check(catchUpDays, name: "\"catchUpDays\"")
        } catch {
            throw DailyConfigError.invalid(path, error.description)
        }
        if profiles.isEmpty { throw DailyConfigError.invalid(path, "\"profiles\" must name at least one profile") }
        for profile in profiles where !Library.isValidProfileName(profile) {
            throw DailyConfigError.invalid(path, "\"profiles\": \(LibraryError.invalidProfileName(profile))")
        }
        for category in categories where !category.contains(".") && !category.allSatisfy({ $0.isLetter || $0 == "-" }) {
            throw DailyConfigError.invalid(path, "category '\(EchoedInput.shortened(category))' is not an arXiv category like cs.CV")
        }
    }

    /// The digest folder, with `~` expanded and relative paths taken from the data directory.
    func digestFolder(dataDirectory: URL) -> URL? {
        guard let digests, !digests.isEmpty else { return nil }
        let expanded = (digests as NSString).expandingTildeInPath
        return expanded.hasPrefix("/") ? URL(fileURLWithPath: expanded, isDirectory: true)
            : dataDirectory.appendingPathComponent(expanded, isDirectory: true)
    }

    private static func explain(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context):
            return "not valid JSON (\(context.underlyingError.map { "\($0)" } ?? context.debugDescription))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "\"\(key)\" has the wrong type: \(context.debugDescription)"
        case .keyNotFound(let key, _):
            return "missing \"\(key.stringValue)\""
        @unknown default:
            return "\(error)"
        }
    }
}

enum DailyConfigError: Error, CustomStringConvertible {
    case invalid(String, String)

    var description: String {
        switch self {
        case .invalid(let path, let reason):
            return "\(path): \(reason) — fix the file (see `arxrec daily --help` for its keys)"
        }
    }
}
