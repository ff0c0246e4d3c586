import Foundation
import Library

/// A keyword or phrase of an include / exclude filter, matched on whole words, case- and accent-blind:
/// `kv cache` matches "KV-cache compression" but `kv` does not match "kvass", and `tracking` removes
/// "KV-Tracker: Real-Time Pose Tracking" (issue 18's stray pick). A term with Chinese characters matches
/// as a substring, since Chinese text has no spaces to find words by.
public struct KeywordTerm: Sendable, Equatable, Codable, CustomStringConvertible {
    public let description: String
    private let words: [String]
    private let folded: String

    /// `nil` for a term without a letter or digit (it could match nothing, or everything).
    public init?(_ term: String) {
        let words = Self.words(of: term)
        guard !words.isEmpty else { return nil }
        description = term.trimmingCharacters(in: .whitespacesAndNewlines)
        self.words = words
        folded = Self.fold(term)
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let term = KeywordTerm(text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "'\(text.prefix(80))' has no letter or digit"))
        }
        self = term
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// A paper's title and abstract (and its translation), folded once for every term.
    struct SearchableText {
        let words: [String]
        let folded: String

        init(_ paper: StoredPaper) {
            let text = [paper.title, paper.abstract, paper.translatedTitle ?? "", paper.translatedAbstract ?? ""]
                .joined(separator: "\n")
            words = KeywordTerm.words(of: text)
            folded = KeywordTerm.fold(text)
        }
    }

    func occurs(in text: SearchableText) -> Bool {
        if folded.unicodeScalars.contains(where: Self.isHan) { return text.folded.contains(folded) }
        guard words.count <= text.words.count else { return false }
        for start in 0 ... (text.words.count - words.count) where text.words[start] == words[0] {
            if words.indices.allSatisfy({ text.words[start + $0] == words[$0] }) { return true }
        }
        return false
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
    }

    /// Runs of letters and digits, folded; everything else (spaces, hyphens, `$`, `\`) separates words.
    static func words(of text: String) -> [String] {
        fold(text).split { !($0.isLetter || $0.isNumber) }.map(String.init)
    }

    private static func isHan(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isIdeographic
    }
}
