import Testing
@testable import TextEmbedding

/// The tokens of `text` after normalisation and markup stripping, as strings.
func tokens(_ text: String) -> [String] {
    var bytes: [UInt8] = []
    TextNormalizer.normalize(text, into: &bytes)
    MarkupStripper.strip(&bytes)
    return bytes.withUnsafeBufferPointer { buffer in
        var tokenizer = Tokenizer(buffer)
        var result: [String] = []
        while let token = tokenizer.next() {
            result.append(String(decoding: buffer[token.start ..< token.end], as: UTF8.self))
            #expect(token.hash == FeatureHash.fnv1a(buffer, token.start ..< token.end))
        }
        return result
    }
}

struct TokenizerTests {
    @Test func latinWordsOfTwoOrMoreCharactersLowerCased() {
        #expect(tokens("A GAN-based 3D model, v2 (x_i)!") == ["gan", "based", "3d", "model", "v2"])
    }

    @Test func unicodeIsNormalisedAndCaseFolded() {
        // Full-width letters, a ligature, ß and final sigma: NFKC + case folding.
        #expect(tokens("ＢＥＲＴ ﬁne Straße ΣΊΣΥΦΟΣ") == ["bert", "fine", "strasse", "σίσυφοσ"])
        #expect(tokens("Café naïve") == ["café", "naïve"])
    }

    @Test func cjkRunsBecomeOneTokenPerCharacter() {
        #expect(tokens("棱镜假说：ImageNet上的实验") == ["棱", "镜", "假", "说", "imagenet", "上", "的", "实", "验"])
        #expect(tokens("ひらがなカタカナ한국어") == ["ひ", "ら", "が", "な", "カ", "タ", "カ", "ナ", "한", "국", "어"])
    }

    @Test func emptyAndPunctuationOnlyTextsHaveNoTokens() {
        #expect(tokens("").isEmpty)
        #expect(tokens(" .,;:!?-- $$ {} ").isEmpty)
        #expect(tokens("a b c 1 2").isEmpty)
    }
}
