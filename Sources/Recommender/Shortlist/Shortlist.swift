/// A ranked shortlist for one day and one profile, in the stable JSON schema scripts rely on:
/// `{"date":…, "profile":…, "items":[{"rank":1, "id":"2512.19693", "version":"v1", "title":…,
/// "score":…, "reason":{"nearest":{"id":…, "similarity":…}, "terms":[…]}}]}` plus a few extra fields.
public struct Shortlist: Codable, Sendable, Equatable {
    public var date: String
    public var profile: String
    public var model: String
    /// How many candidates were considered (the day's papers minus those already rated).
    public var candidates: Int
    public var items: [ShortlistItem]
    /// The bar and filters the list was steered by (absent when nothing steered it: `serve`).
    public var steering: SteeringReport?

    public init(date: String, profile: String, model: String, candidates: Int, items: [ShortlistItem]) {
        self.date = date
        self.profile = profile
        self.model = model
        self.candidates = candidates
        self.items = items
    }
}

public struct ShortlistItem: Codable, Sendable, Equatable {
    public var rank: Int
    public var id: String
    public var version: String?
    public var title: String
    public var authors: [String]
    /// The paper's arXiv categories (`nil` in a shortlist saved before issue 18).
    public var categories: [String]?
    /// The day of its first version, `YYYY-MM-DD` (`nil` when unknown, or saved before issue 18).
    public var published: String?
    public var url: String
    public var score: Float
    public var reason: Reason
    /// Language of the text that was scored (`en`, `zh`, …).
    public var scoredLanguage: String
    /// True when the scored text is a translation (no English metadata known): say so to the reader.
    public var scoredOnTranslation: Bool
    /// The abstract shown to the reader (the digest's translation when that is what the user reads).
    public var abstract: String

    public struct Reason: Codable, Sendable, Equatable {
        public var nearest: Nearest?
        /// The n-grams that contributed most to the score.
        public var terms: [String]

        public init(nearest: Nearest?, terms: [String]) {
            self.nearest = nearest
            self.terms = terms
        }
    }

    public struct Nearest: Codable, Sendable, Equatable {
        public var id: String
        public var similarity: Float
        /// The liked paper's title, given for rows scored on a translation (the reader of a Chinese row
        /// may not know the English paper by its id); nil, and left out of the JSON, otherwise.
        public var title: String?

        public init(id: String, similarity: Float, title: String? = nil) {
            self.id = id
            self.similarity = similarity
            self.title = title
        }
    }

    /// One human sentence: "close to 2512.19693 you liked (0.41); matched: diffusion model, video".
    public var reasonText: String {
        var parts: [String] = []
        if let nearest = reason.nearest, nearest.similarity > 0 {
            let paper = nearest.title.map { "\(nearest.id) “\($0)”" } ?? nearest.id
            parts.append("close to \(paper) you liked (\(String(twoDecimals: nearest.similarity)))")
        }
        if !reason.terms.isEmpty { parts.append("matched: " + reason.terms.joined(separator: ", ")) }
        if scoredOnTranslation { parts.append("scored on the \(scoredLanguage) text: no English metadata") }
        return parts.isEmpty ? "no overlap with your ratings" : parts.joined(separator: "; ")
    }
}
