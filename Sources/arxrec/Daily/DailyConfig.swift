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
///   "mailTo": "me@example.org",
///   "steering": {"threshold": "auto", "exclude": ["pose estimation"]},
///   "profileSteering": {"default": {"include": ["speculative decoding"], "categories": ["cs.CL"]}}
/// }
/// ```
/// Every key is optional. `digests` is a folder of digest files named `YYYY-MM-DD….md` (relative paths
/// are relative to the data directory); `categories` are fetched from arXiv's RSS listing (today) or
/// OAI-PMH (missed days) unless `--offline`. `top` and `catchUpDays` have the ranges of
/// ``CountRange/shortlistTop`` and ``CountRange/catchUpDays``; `profiles` follow `--profile`'s rule.
/// `steering` applies to every profile and `profileSteering` to one of `profiles` (``SteeringConfig``).
/// An unknown key, here or in a steering object, is an error naming the valid ones (``UnknownKeys``).
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
    var steering = SteeringConfig()
    var profileSteering: [String: SteeringConfig] = [:]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case categories, digests, profiles, top, formats, catchUpDays, serveURL, mailTo, steering, profileSteering
    }

    enum ShortlistFileFormat: String, Codable, CaseIterable {
        case md, json, html, atom
    }

    static let fileName = DataDirectory.dailyConfigFileName

    init() {}

    init(from decoder: any Decoder) throws {
        try UnknownKeys.reject(in: decoder, valid: CodingKeys.self)
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
        steering = try container.decodeIfPresent(SteeringConfig.self, forKey: .steering) ?? defaults.steering
        profileSteering = try container.decodeIfPresent([String: SteeringConfig].self, forKey: .profileSteering)
            ?? defaults.profileSteering
    }

    /// The steering of `profile`: its own keys over the shared ones.
    func resolvedSteering(for profile: String) -> SteeringConfig {
        profileSteering[profile].map(steering.overridden) ?? steering
    }

    /// Reads the config for `daily`; a missing file is an error (the job would have nothing to read from,
    /// and would report "no new papers" for ever), as is a broken or unreadable one.
    static func load(from dataDirectory: URL) throws -> DailyConfig {
        guard let config = try loadIfPresent(from: dataDirectory) else {
            throw DailyConfigError.missing(dataDirectory.appendingPathComponent(fileName).path)
        }
        return config
    }

    /// Reads the config where it is optional (`shortlist` takes its steering from it): `nil` when missing.
    static func loadIfPresent(from dataDirectory: URL) throws -> DailyConfig? {
        let url = dataDirectory.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
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
        for name in profileSteering.keys.sorted() where !profiles.contains(name) {
            throw DailyConfigError.invalid(path, "\"profileSteering\" names '\(EchoedInput.shortened(name))', which is not in \"profiles\" (\(profiles.joined(separator: ", ")))")
        }
        for (name, steering) in [("steering", steering)] + profileSteering.sorted(by: { $0.key < $1.key }).map({ ("profileSteering.\($0.key)", $0.value) }) {
            for category in steering.categories ?? [] where !SteeringOptions.isCategory(category) {
                throw DailyConfigError.invalid(path, "\"\(name).categories\": '\(EchoedInput.shortened(category))' is not an arXiv category like cs.CL or an archive like cs")
            }
        }
        for category in categories where !category.contains(".") && !category.allSatisfy({ $0.isLetter || $0 == "-" }) {
            throw DailyConfigError.invalid(path, "category '\(EchoedInput.shortened(category))' is not an arXiv category like cs.CV")
        }
    }

    /// A configured digest folder that is missing (or not a folder) is a config error: otherwise every day
    /// would quietly be "no new papers".
    func checkDigestFolder(dataDirectory: URL) throws {
        guard let folder = digestFolder(dataDirectory: dataDirectory) else { return }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue,
              FileManager.default.isReadableFile(atPath: folder.path) else {
            throw DailyConfigError.missingDigestFolder(dataDirectory.appendingPathComponent(Self.fileName).path, folder.path)
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
        case .dataCorrupted(let context) where context.underlyingError == nil && !context.codingPath.isEmpty:
            return "\"\(context.codingPath.map(\.stringValue).joined(separator: "."))\": \(context.debugDescription)"
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
    case missing(String)
    case missingDigestFolder(String, String)

    var description: String {
        switch self {
        case .missing(let path):
            return "\(path): no config for the daily job: create it, e.g. {\"digests\": \"~/digests\", \"categories\": [\"cs.CL\"]} (see `arxrec daily --help` for its keys)"
        case .missingDigestFolder(let path, let folder):
            return "\(path): \"digests\" names \(folder), which is not a readable folder: create it or fix \"digests\""
        case .invalid(let path, let reason):
            return "\(path): \(reason) — fix the file (see `arxrec daily --help` for its keys)"
        }
    }
}
