import Recommender

/// The fixed words around a published shortlist (headings, column names), in the day's language: a day
/// whose papers are mostly known only in Chinese (a Chinese digest) is a Chinese day, every other day
/// an English one. The papers' own texts stay in their language, each marked with it where it differs.
struct ShortlistWording {
    /// A BCP 47 tag, `en` or `zh`, for `lang` and `xml:lang`.
    let language: String

    init(_ shortlist: Shortlist) {
        language = Self.language(of: shortlist)
    }

    /// The language most of the items are shown in (`scoredLanguage`: the language of the title and
    /// abstract printed); `en` for an empty list or a tie.
    static func language(of shortlist: Shortlist) -> String {
        let chinese = shortlist.items.filter { $0.scoredLanguage == "zh" }.count
        return chinese * 2 > shortlist.items.count ? "zh" : "en"
    }

    var isChinese: Bool { language == "zh" }

    /// The digest's own header on a Chinese day, so that day's markdown reads (and `arxrec ingest`s) like
    /// the digest it came from.
    var markdownTableHeader: String {
        isChinese ? "| 标题 | 作者 | PDF链接 |  摘要 |" : "| Title | Authors | PDF | Abstract |"
    }

    func reasonsHeading(profile: String) -> String {
        isChinese ? "推荐理由（profile \(profile)）" : "Why these papers (profile \(profile))"
    }

    func pageHeading(date: String) -> String {
        isChinese ? "\(date) 论文推荐" : "Shortlist for \(date)"
    }

    func summary(profile: String, shown: Int, candidates: Int) -> String {
        isChinese ? "profile \(profile) · \(candidates) 篇候选中的 \(shown) 篇"
            : "Profile \(profile) · \(shown) of \(candidates) candidates"
    }

    var abstractLabel: String { isChinese ? "摘要" : "Abstract" }
    var rateLabel: String { isChinese ? "评分" : "Rate" }
}
