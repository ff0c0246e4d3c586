import ArxivFormats
import Foundation

/// `count` distinct papers with ids `3001.00000`, `3001.00001`, … (a range arXiv has not reached), for
/// tests that need more papers than the 200-record snapshot sample. Each text names its number, so every
/// paper embeds differently.
enum NumberedPapers {
    static func make(_ count: Int, first: Int = 0) throws -> [Paper] {
        try (first ..< first + count).map { number in
            let digits = String(number)
            let base = "3001." + String(repeating: "0", count: max(0, 5 - digits.count)) + digits
            return Paper(
                id: try ArxivID(base: base, version: 1), title: "Paper number \(number)",
                abstract: "The abstract of paper \(number), word\(number % 97) and term\(number % 89).", source: .snapshot)
        }
    }
}
