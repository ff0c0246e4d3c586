import Library
import LinearAlgebra
import TextEmbedding

/// The reason of a Chinese-only row scored through the term table: the nearest liked paper by title, and
/// the Chinese words that carried the score with the English terms they were read as —
/// "强化学习 (reinforcement learning)". A row whose translation shares nothing with the profile gets no
/// invented reason: no term without a positive contribution, no nearest paper closer than the row is to
/// the library at large (its hubness).
struct CrossLanguageReason {
    let profile: Profile
    let features: ProfileFeatures
    let liked: [String: StoredPaper]
    /// Readable English n-grams of the liked papers by bucket (the first name of a bucket wins).
    let englishNames: [Int32: String]

    init(profile: Profile, features: ProfileFeatures, liked: [String: StoredPaper]) {
        self.profile = profile
        self.features = features
        self.liked = liked
        var names: [Int32: String] = [:]
        for id in profile.likeIDs {
            guard let paper = liked[id] else { continue }
            let text = ScoringText(paper)
            guard !text.isChinese else { continue }
            for (bucket, name) in features.linearFeatureNames(of: text.text) where names[bucket] == nil { names[bucket] = name }
        }
        englishNames = names
    }

    func reason(
        text: String, translation: Translator.Translation, candidate: ProfileVector, score: Profile.Score, limit: Int = 5
    ) -> ShortlistItem.Reason {
        var nearest: ShortlistItem.Nearest? = nil
        if let like = score.nearestLike, like.similarity > score.hubness {
            let id = profile.likeIDs[like.index]
            nearest = ShortlistItem.Nearest(id: id, similarity: like.similarity, title: liked[id]?.title)
        }
        return ShortlistItem.Reason(nearest: nearest, terms: terms(text: text, translation: translation, candidate: candidate, limit: limit))
    }

    /// "中文词 (english term)" for translated buckets, the Latin term itself for the text's own terms.
    func terms(text: String, translation: Translator.Translation, candidate: ProfileVector, limit: Int) -> [String] {
        let strongest = profile.contributions(candidate.linear, limit: limit * 12)
        guard !strongest.isEmpty else { return [] }
        var chineseNames: [Int32: String] = [:]
        var ownNames: [Int32: String] = [:]
        for feature in features.model.features(of: text) where feature.isReadable && !feature.hasStopWord {
            let bucket = Int32(feature.bucket)
            if feature.kind == .cjkWord {
                if chineseNames[bucket] == nil { chineseNames[bucket] = feature.text }
            } else if ownNames[bucket] == nil {
                ownNames[bucket] = feature.text
            }
        }
        var terms: [String] = []
        var usedWords: Set<String> = []
        for part in strongest {
            let term: String
            if let origin = translation.origins[part.bucket] {
                guard let word = chineseNames[origin], !usedWords.contains(word) else { continue }
                usedWords.insert(word)
                term = gloss(of: origin).map { "\(word) (\($0))" } ?? word
            } else {
                guard let name = ownNames[part.bucket], !usedWords.contains(name) else { continue }
                usedWords.insert(name)
                term = name
            }
            terms.append(term)
            if terms.count == limit { break }
        }
        return terms
    }

    /// The English gloss of the Chinese word in bucket `word`: the liked papers' name for the word's table
    /// entry with the best evidence (the largest weight), not for the bucket that happened to match — a
    /// word's lesser entries are often the company it keeps (基准测试 → "language" beside "benchmark").
    /// None when the word's best entry is weak (``minimumGlossWeight``: the table could not tell its
    /// entries apart) or the likes have no name for it.
    func gloss(of word: Int32) -> String? {
        guard let table = features.model.translation?.table else { return nil }
        return Self.gloss(of: word, table: table, names: englishNames)
    }

    /// ``gloss(of:)`` for a given table and names.
    static func gloss(of word: Int32, table: TermTable, names: [Int32: String]) -> String? {
        let best = table.translations(of: word).reduce(nil as (bucket: Int32, weight: Float)?) { best, entry in
            abs(entry.weight) > abs(best?.weight ?? 0) ? entry : best
        }
        guard let best, abs(best.weight) >= minimumGlossWeight else { return nil }
        return names[best.bucket]
    }

    /// Below this weight a word's best table entry is no gloss: a word's weights sum to 1 over at most
    /// three entries, so a best entry near 1/3 is not ahead of the others (in v7's table 7 % of the words;
    /// the median word's best entry has 0.44).
    static let minimumGlossWeight: Float = 0.36
}
