import ArxivFormats
import Foundation

/// The merge rules for a record arriving for a paper the library may already hold.
///
/// - Same language as the stored main text: a newer version, or the same/unknown version with
///   different text, replaces the text and takes the record's non-empty metadata; an older
///   version only fills metadata the stored paper lacks (the newer text is kept).
/// - English arriving for a paper known only in another language (a digest's Chinese): English
///   becomes the main text, the old text moves to the translation columns, and the paper is
///   re-embedded from the English.
/// - Another language arriving for a paper with main text (typically Chinese for an English paper):
///   stored as the translation; the main text and its vector are untouched.
/// - `listed_on` is the UTC day of the first publication date the library learns and then stays.
enum PaperMerge {
    /// What a merge did to the stored row.
    enum Change: Equatable {
        case inserted
        case updated
        case unchanged
    }

    /// The row a record produces for a new id.
    static func newRecord(_ paper: Paper, origin: String, now: Date) -> PaperRecord {
        PaperRecord(
            baseID: paper.id.base, version: paper.id.version, title: paper.title, abstract: paper.abstract,
            authors: paper.authors, categories: paper.categories, primaryCategory: paper.primaryCategory,
            published: paper.published, updated: paper.updated, listedOn: paper.published.map(listingDay),
            language: paper.language, source: paper.source.rawValue, origin: origin,
            titleTranslated: nil, abstractTranslated: nil, translationLanguage: nil,
            vectorRow: nil, textHash: TextHash.hex(of: paper.embeddingText), ingestedAt: now)
    }

    /// `existing` with `paper` merged in (the vector row is left to the caller).
    static func merged(_ paper: Paper, into existing: PaperRecord, origin: String) -> PaperRecord {
        var record = existing
        if paper.language == existing.language {
            let isOlder = paper.id.version.map { incoming in existing.version.map { incoming < $0 } ?? false } ?? false
            if isOlder {
                fillMissingMetadata(of: &record, from: paper)
            } else {
                replaceText(of: &record, with: paper, origin: origin)
                takeMetadata(of: &record, from: paper)
            }
        } else if paper.language == "en" {
            record.titleTranslated = existing.title
            record.abstractTranslated = existing.abstract
            record.translationLanguage = existing.language
            replaceText(of: &record, with: paper, origin: origin)
            takeMetadata(of: &record, from: paper)
        } else {
            record.titleTranslated = paper.title
            record.abstractTranslated = paper.abstract
            record.translationLanguage = paper.language
            fillMissingMetadata(of: &record, from: paper)
        }
        return record
    }

    /// `YYYY-MM-DD` of `date` in UTC: the listing day of a paper published then.
    static func listingDay(_ date: Date) -> String {
        let parts = utcCalendar.dateComponents([.year, .month, .day], from: date)
        let year = parts.year ?? 0, month = parts.month ?? 0, day = parts.day ?? 0
        return String(format: "%04d-%02d-%02d", year, month, day)
    }

    private static let utcCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? TimeZone(secondsFromGMT: 0) ?? calendar.timeZone
        return calendar
    }()

    private static func replaceText(of record: inout PaperRecord, with paper: Paper, origin: String) {
        record.title = paper.title
        record.abstract = paper.abstract
        record.language = paper.language
        record.version = paper.id.version ?? record.version
        record.source = paper.source.rawValue
        record.origin = origin
        record.textHash = TextHash.hex(of: paper.embeddingText)
    }

    /// Takes every piece of metadata the record has.
    private static func takeMetadata(of record: inout PaperRecord, from paper: Paper) {
        if !paper.authors.isEmpty { record.authors = paper.authors }
        if !paper.categories.isEmpty {
            record.categories = paper.categories
            record.primaryCategory = paper.primaryCategory
        }
        if let published = paper.published {
            record.published = published
            // A paper's listing day never moves: the day's shortlist must not lose a digest paper
            // when its English metadata (submitted the evening before) arrives later.
            if record.listedOn == nil { record.listedOn = listingDay(published) }
        }
        if let updated = paper.updated { record.updated = updated }
    }

    /// Takes only the metadata the stored paper lacks.
    private static func fillMissingMetadata(of record: inout PaperRecord, from paper: Paper) {
        if record.authors.isEmpty { record.authors = paper.authors }
        if record.categories.isEmpty {
            record.categories = paper.categories
            record.primaryCategory = paper.primaryCategory
        }
        if record.published == nil, let published = paper.published {
            record.published = published
            record.listedOn = listingDay(published)
        }
        if record.updated == nil { record.updated = paper.updated }
    }
}
