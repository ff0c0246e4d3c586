/// Results of `similar` / `search`: `{"query":"…", "items":[{"id":…, "title":…, "similarity":…}]}`.
public struct SimilarResult: Codable, Sendable, Equatable {
    public var query: String
    public var title: String?
    public var items: [SimilarItem]
    /// The language of the query: the paper's main text, or the searched text.
    public var language: String
    /// Whether the whole library was compared in one bilingual dense space (a bilingual model); false for
    /// an English-only model, where a query in another language (`zh`) is compared on the sparse view
    /// with that language's papers only.
    public var acrossLanguages: Bool

    public init(query: String, title: String?, items: [SimilarItem], language: String, acrossLanguages: Bool) {
        self.query = query
        self.title = title
        self.items = items
        self.language = language
        self.acrossLanguages = acrossLanguages
    }
}

public struct SimilarItem: Codable, Sendable, Equatable {
    public var id: String
    public var version: String?
    public var title: String
    public var similarity: Float
}
