import Foundation
import LinearAlgebra
import TestSupport

/// The texts ``EmbeddingIdentityTests`` pins: real English and Chinese corpus texts, and mutations of them
/// that reach every branch of normalisation and tokenisation (control characters, replacement characters
/// from invalid UTF-8, noncharacters, combining marks, full-width forms, compatibility and case-folding
/// forms, mixed scripts, markup, very long tokens, truncation, empty text).
///
/// Deterministic: the same list on every run and machine (a fixed ``SeededGenerator`` seed; nothing from `Hasher`),
/// since the pinned digests are in list order.
enum IdentityInputs {
    /// One input: a label to name it in a failure, and its text.
    struct Input {
        var label: String
        var text: String
    }

    static let englishCount = 1_200
    static let chineseCount = 400
    static let mutatedCount = 450

    static func all() throws -> [Input] {
        let english = try CorpusSample.papers(englishCount, every: 33).map(\.text)
        let chinese = try chineseTexts(chineseCount, every: 90)
        var inputs = english.enumerated().map { Input(label: "english #\($0.offset)", text: $0.element) }
        inputs += chinese.enumerated().map { Input(label: "chinese #\($0.offset)", text: $0.element) }
        var random = SeededGenerator(seed: 19)
        for index in 0 ..< mutatedCount {
            let kind = Mutation.allCases[index % Mutation.allCases.count]
            let source = index % 3 == 2 ? chinese[index % chinese.count] : english[index % english.count]
            inputs.append(Input(label: "mutated #\(index) (\(kind))", text: kind.apply(to: source, &random)))
        }
        return inputs
    }

    /// `count` Chinese texts of `corpus/arxiv-cs-2025-zh.jsonl`, every `stride`-th line: tldr + ". " + the
    /// other fields, as the Chinese summaries are embedded.
    static func chineseTexts(_ count: Int, every stride: Int) throws -> [String] {
        let lines = try Data(contentsOf: SharedData.chineseCorpus).split(separator: UInt8(ascii: "\n"))
        var texts: [String] = []
        for lineNumber in Swift.stride(from: 0, to: lines.count, by: stride) where texts.count < count {
            guard let object = try JSONSerialization.jsonObject(with: Data(lines[lineNumber])) as? [String: Any]
            else { continue }
            let fields = ["motivation", "method", "result", "conclusion"].compactMap { object[$0] as? String }
            texts.append(((object["tldr"] as? String) ?? "") + ". " + fields.joined(separator: " "))
        }
        return texts
    }
}

/// The ways ``IdentityInputs`` changes a real text.
enum Mutation: CaseIterable, CustomStringConvertible {
    case controlCharacters, invalidUTF8, combiningMarks, fullWidth, mixedScripts, longTokens, compatibilityAndCase
    case markup, truncated

    var description: String {
        switch self {
        case .controlCharacters: "control characters"
        case .invalidUTF8: "invalid UTF-8 and noncharacters"
        case .combiningMarks: "combining marks"
        case .fullWidth: "full-width forms"
        case .mixedScripts: "mixed scripts"
        case .longTokens: "very long tokens"
        case .compatibilityAndCase: "compatibility forms and case"
        case .markup: "markup and links"
        case .truncated: "truncated"
        }
    }

    func apply(to text: String, _ random: inout SeededGenerator) -> String {
        var scalars = Array(text.unicodeScalars)
        func insert(_ pieces: [String], times: Int) {
            for _ in 0 ..< times {
                let piece = pieces[random.below(pieces.count)]
                scalars.insert(contentsOf: piece.unicodeScalars, at: random.below(scalars.count + 1))
            }
        }
        switch self {
        case .controlCharacters:
            insert(["\u{0}", "\u{1}", "\t", "\n", "\r\n", "\u{1b}", "\u{7f}", "\u{85}", "\u{200b}", "\u{feff}", "\u{a0}", "\u{2028}"], times: 40)
        case .invalidUTF8:
            insert(["\u{fffe}", "\u{10ffff}", "\u{e000}", "\u{fffd}", "\u{1f600}"], times: 10)
            var bytes = Array(String(String.UnicodeScalarView(scalars)).utf8)
            for _ in 0 ..< 30 {
                let invalid: [[UInt8]] = [[0x80], [0xff], [0xc3], [0xe6, 0x89], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf]]
                bytes.insert(contentsOf: invalid[random.below(invalid.count)], at: random.below(bytes.count + 1))
            }
            return String(decoding: bytes, as: UTF8.self)
        case .combiningMarks:
            for index in scalars.indices.reversed() where scalars[index].properties.isAlphabetic && random.below(6) == 0 {
                let marks = ["\u{301}", "\u{308}", "\u{327}", "\u{30a}", "\u{323}\u{302}"]
                scalars.insert(contentsOf: marks[random.below(marks.count)].unicodeScalars, at: index + 1)
            }
        case .fullWidth:
            scalars = scalars.map { scalar in
                guard scalar.value >= 0x21, scalar.value <= 0x7e, random.below(3) == 0 else {
                    return scalar == " " && random.below(8) == 0 ? "\u{3000}" : scalar
                }
                return Unicode.Scalar(scalar.value + 0xfee0) ?? scalar
            }
        case .mixedScripts:
            insert([
                " Σίσυφος ΣΑΣ ς ", " нейронная сеть ", " الشبكة العصبية ", " हिन्दी भाषा ", " ภาษาไทย ", " 한국어 모델 ",
                " ひらがなカタカナ ", "扩散模型", " diffusion ", "GRPO", " 👩‍💻 ", " ⅯⅯⅩⅩⅤ ", " α-β γ2 ", " Ⓐⓑ ",
            ], times: 12)
        case .longTokens:
            insert([
                String(repeating: "a", count: 5_000), String(repeating: "9", count: 3_000),
                String(repeating: "扩散", count: 800), String(repeating: "é", count: 2_000),
                "https://example.org/" + String(repeating: "x", count: 2_000),
            ], times: 2)
        case .compatibilityAndCase:
            insert(["STRASSE ß", "ﬁnite ﬂow", "İstanbul", "K Å", "㎏ ㎒", "x² H₂O", "Ⅻ", "ΣΑΣ", "ǅ ǈ", "ﾊﾝｶｸ"], times: 12)
            if random.below(2) == 0 { scalars = Array(String(String.UnicodeScalarView(scalars)).uppercased().unicodeScalars) }
        case .markup:
            insert([
                "\\textbf{", "}", "$x^2$", "\\href{http://a.b/c}{text}", " www.example.com ", " github.com/a/b ",
                "g\\\"odel", "\\cite{x}", "\\begin{equation}", "{\\em", "\\url{https://x.y}", "\\", "$", "::", "./",
            ], times: 20)
        case .truncated:
            return String(String.UnicodeScalarView(scalars.prefix(random.below(scalars.count + 1))))
        }
        return String(String.UnicodeScalarView(scalars))
    }
}

extension SeededGenerator {
    /// A value in `0 ..< bound` (`bound` > 0) by plain modulo: the same on every platform, unlike the
    /// standard library's `next(upperBound:)`, whose algorithm is not promised.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
