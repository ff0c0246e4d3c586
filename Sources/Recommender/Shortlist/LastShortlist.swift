public import ArxivFormats
import Foundation
public import Library

/// What `arxrec rate` is told to rate: an arXiv id in any form, or a position in the list shown last.
///
/// A number alone (`3`) is a position: no arXiv id is digits only (new ids have a dot, old ones a slash),
/// so the two never collide. Anything else is parsed as an id (`2512.19693`, `arXiv:…`, an abs URL).
public enum PaperReference: Sendable, Equatable {
    case id(ArxivID)
    /// 1-based, as the shortlist prints it.
    case position(Int)

    public init(parsing text: String) throws(ArxivIDError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if !trimmed.isEmpty, trimmed.count <= 6, trimmed.allSatisfy(\.isASCIIDigit), let position = Int(trimmed) {
            self = .position(position)
        } else {
            self = .id(try ArxivID(parsing: text))
        }
    }
}

/// The shortlist stored last for a profile — printed by `arxrec shortlist` or written by `arxrec daily` —
/// numbered as it was shown, so `arxrec rate 3 like` means the third paper the user saw, however the
/// ranking has moved since.
public struct LastShortlist: Sendable {
    public let profile: String
    public let day: String
    /// Base ids by rank (index 0 is #1).
    public let ids: [String]

    /// The newest stored shortlist of `profile`.
    /// - Throws: ``LastShortlistError/none(profile:)`` when no list was ever stored for it.
    public static func load(profile: String, from library: Library) throws -> LastShortlist {
        guard let stored = try library.latestShortlist(profile: profile) else { throw LastShortlistError.none(profile: profile) }
        let shortlist: Shortlist
        do {
            shortlist = try JSONDecoder().decode(Shortlist.self, from: stored.json)
        } catch {
            throw LastShortlistError.unreadable(profile: profile, day: stored.day)
        }
        return LastShortlist(profile: profile, day: stored.day, ids: shortlist.items.sorted { $0.rank < $1.rank }.map(\.id))
    }

    /// The paper shown at `position` (1-based).
    public func paper(at position: Int) throws -> ArxivID {
        guard ids.indices.contains(position - 1) else {
            throw LastShortlistError.outOfRange(position: position, count: ids.count, profile: profile, day: day)
        }
        return try ArxivID(parsing: ids[position - 1])
    }
}

public enum LastShortlistError: Error, Equatable, Sendable, CustomStringConvertible {
    case none(profile: String)
    case outOfRange(position: Int, count: Int, profile: String, day: String)
    case unreadable(profile: String, day: String)

    public var description: String {
        switch self {
        case .none(let profile):
            return "no shortlist was shown for profile \(profile) yet: run `arxrec shortlist\(Self.flag(profile))` first, or give an arXiv id"
        case .outOfRange(_, 0, let profile, let day):
            return "the last shortlist of profile \(profile) (\(day)) is empty: give an arXiv id"
        case .outOfRange(let position, let count, let profile, let day):
            return "#\(position) is not in the last shortlist of profile \(profile) (\(day), \(count) papers): give 1–\(count) or an arXiv id"
        case .unreadable(let profile, let day):
            return "the stored \(day) shortlist of profile \(profile) is unreadable: run `arxrec shortlist\(Self.flag(profile))` again"
        }
    }

    private static func flag(_ profile: String) -> String { profile == Library.defaultProfile ? "" : " --profile \(profile)" }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
