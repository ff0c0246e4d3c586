import Testing
@testable import TextEmbedding

/// The tokenizer's bit table for scalars below U+3040 answers as the Unicode properties do, for every one of
/// them, and the tokens of texts in those scripts are unchanged.
struct WordScalarTableTests {
    @Test func everyScalarOfTheTableMatchesItsProperties() {
        for v in 0 ..< Tokenizer.wordScalarTableLimit {
            #expect(Tokenizer.isWordScalar(v) == Tokenizer.isWordScalarByProperties(v), "U+\(String(v, radix: 16))")
        }
        // Past the table: the properties themselves.
        for v: UInt32 in [0x3040, 0x3041, 0x30fc, 0x3105, 0xd7ff, 0xd800, 0xe000, 0xff10, 0x1d400, 0x10ffff] {
            #expect(Tokenizer.isWordScalar(v) == Tokenizer.isWordScalarByProperties(v), "U+\(String(v, radix: 16))")
        }
    }

    @Test func lettersAndDigitsOfOtherScriptsStillMakeWords() {
        #expect(tokens("Café ΣΊΣΥΦΟΣ нейронная сеть x² 。、《模型》—“引”") == [
            "café", "σίσυφοσ", "нейронная", "сеть", "x2", "模", "型", "引",
        ])
    }
}
