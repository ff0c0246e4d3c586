import Foundation

/// An arXiv identifier: a base id plus an optional version.
///
/// arXiv has two id schemes. New ids (April 2007 on) are `YYMM.NNNN` (to 1412) or `YYMM.NNNNN`
/// (1501 on); old ids are `archive(.SUBJECT)?/YYMMNNN`, e.g. `hep-th/9901001` or `math.GT/0309136`.
/// Users paste either scheme bare, with a `vN` suffix, behind an `arXiv:` prefix, or as an abs/pdf
/// URL, so ``init(parsing:)`` accepts all of those and normalises them to ``base`` + ``version``.
///
/// Normalisation: the `arXiv:` prefix, URL scheme/host, `abs/`/`pdf/` path and a `.pdf` suffix are
/// removed; the archive of an old id is lower-cased and its subject class dropped, because arXiv
/// files `math.GT/0309136` under `math/0309136`.
public struct ArxivID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
    /// The version-less id, e.g. `2512.19693` or `hep-th/9901001`.
    public let base: String
    /// The version number (`v2` → 2), or `nil` when the input named none.
    public let version: Int?

    /// Creates an id from an already-normalised base id; validated like any parsed input.
    public init(base: String, version: Int? = nil) throws(ArxivIDError) {
        let parsed = try ArxivID(parsing: base)
        guard parsed.version == nil else { throw .invalid(base) }
        if let version, version < 1 { throw .invalid("\(base)v\(version)") }
        self.base = parsed.base
        self.version = version
    }

    /// Parses any form a user pastes: `2512.19693`, `2512.19693v1`, `arXiv:2512.19693`,
    /// `https://arxiv.org/abs/2512.19693v2`, `https://arxiv.org/pdf/2512.19693v1.pdf`,
    /// `hep-th/9901001v3`, `math.GT/0309136`.
    public init(parsing input: String) throws(ArxivIDError) {
        var text = Substring(input.trimmingCharacters(in: .whitespacesAndNewlines))
        guard !text.isEmpty else { throw .empty }
        for prefix in ["https://", "http://"] where text.lowercased().hasPrefix(prefix) {
            text = text.dropFirst(prefix.count)
            // Host: arxiv.org, www.arxiv.org, export.arxiv.org …
            guard let slash = text.firstIndex(of: "/") else { throw .invalid(input) }
            let host = text[..<slash].lowercased()
            guard host == "arxiv.org" || host.hasSuffix(".arxiv.org") else { throw .notArxivURL(input) }
            text = text[text.index(after: slash)...]
            var path = text
            if let cut = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<cut] }
            let parts = path.split(separator: "/", maxSplits: 1)
            guard parts.count == 2, ["abs", "pdf", "html", "format"].contains(parts[0].lowercased()) else {
                throw .notArxivURL(input)
            }
            text = parts[1]
            while text.hasSuffix("/") { text = text.dropLast() }
        }
        if text.lowercased().hasPrefix("arxiv:") { text = text.dropFirst(6) }
        if text.lowercased().hasSuffix(".pdf") { text = text.dropLast(4) }
        guard let (base, version) = ArxivID.split(text) else { throw .invalid(input) }
        self.base = base
        self.version = version
    }

    /// The id as arXiv prints it: `base` or `basevN`.
    public var description: String { version.map { "\(base)v\($0)" } ?? base }

    /// The version as a string (`"v1"`), or `nil`.
    public var versionString: String? { version.map { "v\($0)" } }

    /// The same paper without a version.
    public var unversioned: ArxivID { ArxivID(uncheckedBase: base) }

    /// The same paper at the version a source labels `v3` (or `V3`).
    ///
    /// - Throws: ``ArxivIDError/invalidVersion(id:label:)`` when the label is not `v` and a number ≥ 1
    ///   (``versionNumber(label:)``).
    public func atVersion(label: some StringProtocol) throws(ArxivIDError) -> ArxivID {
        guard let number = Self.versionNumber(label: label) else {
            throw .invalidVersion(id: base, label: String(label))
        }
        return ArxivID(uncheckedBase: base, version: number)
    }

    /// The number of a version label, `v3` or `V3` → 3; `nil` for anything else (`v0`, `v-1`, `v`,
    /// `3`, a number too large for `Int`).
    ///
    /// The one rule for a version, used for ids (`2512.19693v2`) and for the version lists of
    /// snapshot and OAI-PMH records alike: arXiv numbers versions from 1, and the library's
    /// `papers.version` column refuses anything below 1 (a CHECK constraint), so a record that
    /// names version 0 is rejected here, as a skipped record, rather than failing its whole batch
    /// in SQLite.
    public static func versionNumber(label: some StringProtocol) -> Int? {
        let text = label.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.first == "v" || text.first == "V" else { return nil }
        return versionNumber(digits: text.dropFirst())
    }

    /// `https://arxiv.org/abs/<id>`.
    public var absURL: String { "https://arxiv.org/abs/\(description)" }

    /// `https://arxiv.org/pdf/<id>`.
    public var pdfURL: String { "https://arxiv.org/pdf/\(description)" }

    /// Whether this is an old-style `archive/YYMMNNN` id.
    public var isOldStyle: Bool { base.contains("/") }

    public static func < (lhs: ArxivID, rhs: ArxivID) -> Bool {
        (lhs.base, lhs.version ?? 0) < (rhs.base, rhs.version ?? 0)
    }

    /// An id from a base that is already valid and a version that is nil or ≥ 1.
    private init(uncheckedBase base: String, version: Int? = nil) {
        self.base = base
        self.version = version
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        self = try ArxivID(parsing: text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Splits `base[vN]` and validates the base against both id schemes.
    private static func split(_ text: Substring) -> (String, Int?)? {
        var body = text
        var version: Int?
        if let v = text.lastIndex(where: { $0 == "v" || $0 == "V" }) {
            let digits = text[text.index(after: v)...]
            if !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) {
                guard let n = versionNumber(digits: digits) else { return nil }
                version = n
                body = text[..<v]
            }
        }
        if let base = newStyleBase(body) ?? oldStyleBase(body) { return (base, version) }
        return nil
    }

    /// The number written by `digits` when it is a valid version: ASCII digits only, 1 or more.
    private static func versionNumber(digits: Substring) -> Int? {
        guard !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit), let number = Int(digits), number >= 1 else { return nil }
        return number
    }

    /// `YYMM.NNNN` (0704–1412) or `YYMM.NNNNN` (1501 on).
    private static func newStyleBase(_ s: Substring) -> String? {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, parts[0].allSatisfy(\.isASCIIDigit),
              parts[1].allSatisfy(\.isASCIIDigit), let yymm = Int(parts[0]) else { return nil }
        let month = yymm % 100
        guard (1...12).contains(month) else { return nil }
        let expected = yymm >= 1501 ? 5 : 4
        guard parts[1].count == expected, yymm >= 704 else { return nil }
        return String(s)
    }

    /// `archive(.SUBJECT)?/YYMMNNN`, e.g. `hep-th/9901001`, `math.GT/0309136`.
    private static func oldStyleBase(_ s: Substring) -> String? {
        let parts = s.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 7, parts[1].allSatisfy(\.isASCIIDigit) else { return nil }
        let archiveAndClass = parts[0].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let archive = archiveAndClass[0].lowercased()
        guard !archive.isEmpty, archive.first?.isLetter == true,
              archive.allSatisfy({ ($0.isASCII && $0.isLetter) || $0 == "-" }) else { return nil }
        if archiveAndClass.count == 2 {
            let subject = archiveAndClass[1]
            guard !subject.isEmpty, subject.allSatisfy({ $0.isASCII && $0.isLetter || $0 == "-" }) else { return nil }
        }
        guard let month = Int(parts[1].prefix(4)).map({ $0 % 100 }), (1...12).contains(month) else { return nil }
        return "\(archive)/\(parts[1])"
    }
}

/// Why a string is not an arXiv id.
public enum ArxivIDError: Error, Equatable, Sendable, CustomStringConvertible {
    case empty
    case invalid(String)
    case notArxivURL(String)
    /// A record names a version of `id` that is not `v` and a number ≥ 1 (e.g. `v0`).
    case invalidVersion(id: String, label: String)

    public var description: String {
        switch self {
        case .empty:
            return "empty arXiv id: give an id like 2512.19693, hep-th/9901001 or an arxiv.org/abs URL"
        case .invalid(let text):
            return "'\(text.excerpt)' is not an arXiv id: expected e.g. 2512.19693, 2512.19693v1, hep-th/9901001 or an arxiv.org/abs URL"
        case .notArxivURL(let text):
            return "'\(text.excerpt)' is not an arxiv.org abs/pdf URL: expected e.g. https://arxiv.org/abs/2512.19693"
        case .invalidVersion(let id, let label):
            return "\(id) has version '\(label.excerpt)': versions are v1, v2, …"
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
