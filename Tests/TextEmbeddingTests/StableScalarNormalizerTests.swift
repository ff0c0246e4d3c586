import Foundation
import LinearAlgebra
import Testing
import TestSupport
@testable import TextEmbedding

/// ``StableScalarNormalizer`` — the fast path that normalises most Chinese text without Foundation — gives
/// the bytes of the general path (``TextNormalizer/appendWithFoundation(_:to:)``) wherever it accepts a
/// text, and declines every text it cannot map scalar by scalar.
struct StableScalarNormalizerTests {
    /// Scalars the fast path accepts, a sample of each range it names.
    static let accepted: [Unicode.Scalar] = {
        let values: [UInt32] = Array(0 ..< 0x80) + [0x4e00, 0x4e01, 0x6a21, 0x578b, 0x9fa5, 0x9fff, 0x3400, 0x4dbf]
            + [0x3001, 0x3002, 0x3008, 0x300a, 0x300b, 0x3011, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d]
            + [0xff01, 0xff08, 0xff09, 0xff0c, 0xff1a, 0xff21, 0xff3a, 0xff3c, 0xff41, 0xff5a, 0xff5e]
        return values.compactMap(Unicode.Scalar.init)
    }()

    /// Scalars next to which an accepted scalar could change, or that NFKC / case folding changes in ways the
    /// fast path does not map: combining marks, kana voicing marks, half-width forms, compatibility
    /// ideographs, the ideographic space, Hangul jamo, ligatures, case-folding specials, and scalars at the
    /// edges of the accepted ranges and of the surrogate gap.
    static let adversarial: [Unicode.Scalar] = [
        0x0301, 0x0308, 0x0338, 0x0327, 0x3099, 0x309a, 0x309b, 0xff9e, 0xff9f, 0xff76, 0xff61, 0xff5f, 0xff60, 0xffe0,
        0xf900, 0xfa10, 0xfaff, 0x2f800, 0x3000, 0x3003, 0x3007, 0x3012, 0x2e80, 0x2f00, 0x2026, 0x2013, 0x201a, 0x201e,
        0x00b2, 0x2082, 0x2460, 0x00df, 0x0130, 0x03a3, 0x03c2, 0xfb01, 0x1100, 0x1161, 0x11a8, 0xac00, 0x304b, 0x30ab,
        0xd7ff, 0xe000, 0xfffd, 0xfeff, 0x200b, 0x00a0, 0x0085, 0x1f600, 0x10ffff, 0x4dc0, 0xa000, 0x33ff, 0x0800, 0x07ff,
    ].compactMap(Unicode.Scalar.init)

    /// The fast path's bytes for `text`, or nil when it declines it.
    static func fast(_ text: String) -> [UInt8]? {
        var text = text
        text.makeContiguousUTF8()
        var output: [UInt8] = [7]  // bytes already in the buffer stay as they are
        let accepted = text.utf8.withContiguousStorageIfAvailable { StableScalarNormalizer.append($0, to: &output) }
        guard accepted == true else {
            #expect(output == [7], "a declined text left bytes behind: \(text.debugDescription)")
            return nil
        }
        return Array(output.dropFirst())
    }

    static func general(_ text: String) -> [UInt8] {
        var output: [UInt8] = []
        TextNormalizer.appendWithFoundation(text, to: &output)
        return output
    }

    static func normalized(_ text: String) -> [UInt8] {
        var output: [UInt8] = [1, 2, 3]
        TextNormalizer.normalize(text, into: &output)
        return output
    }

    @Test func everyAcceptedScalarAloneAndEveryHanScalarMatchFoundation() {
        var han = (0x4e00 ... 0x9fff).compactMap(Unicode.Scalar.init) + (0x3400 ... 0x4dbf).compactMap(Unicode.Scalar.init)
        han += (0xff01 ... 0xff5e).compactMap(Unicode.Scalar.init)
        for scalar in Self.accepted + han {
            let text = String(Character(scalar))
            let fast = Self.fast(text)
            #expect(fast != nil, "declined U+\(String(scalar.value, radix: 16))")
            #expect(fast == Self.general(text), "U+\(String(scalar.value, radix: 16))")
        }
    }

    @Test func adversarialScalarsAreDeclinedOrMatchFoundation() {
        for scalar in Self.adversarial {
            #expect(Self.fast(String(Character(scalar))) == nil, "accepted U+\(String(scalar.value, radix: 16))")
            for neighbour in Self.accepted where neighbour.value >= 0x20 {
                for pair in [[neighbour, scalar], [scalar, neighbour]] {
                    let text = String(String.UnicodeScalarView(pair))
                    #expect(Self.normalized(text) == Self.general(text), "\(pair.map { String($0.value, radix: 16) })")
                }
            }
        }
    }

    /// Random strings of accepted scalars (all accepted, all equal to Foundation's bytes), and of accepted
    /// and adversarial scalars mixed (equal through ``TextNormalizer/normalize(_:into:)``, whichever path).
    @Test func randomStringsMatchFoundation() {
        var random = SeededGenerator(seed: 10)
        for round in 0 ..< 4_000 {
            let mixed = round % 2 == 1
            let length = 1 + random.below(16)
            var scalars: [Unicode.Scalar] = []
            for _ in 0 ..< length {
                if mixed && random.below(4) == 0 {
                    scalars.append(Self.adversarial[random.below(Self.adversarial.count)])
                } else if random.below(3) == 0 {
                    scalars.append(Unicode.Scalar(UInt32(0x4e00 + random.below(0x5200))) ?? "x")
                } else {
                    scalars.append(Self.accepted[random.below(Self.accepted.count)])
                }
            }
            let text = String(String.UnicodeScalarView(scalars))
            if !mixed { #expect(Self.fast(text) == Self.general(text), "\(scalars.map { String($0.value, radix: 16) })") }
            #expect(Self.normalized(text) == Self.general(text), "\(scalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Every text of the Chinese corpus, as it is embedded: the fast path takes nearly all of them, and every
    /// text's bytes are Foundation's.
    @Test(.tags(.slow), .skippedInQuickLoop) func wholeChineseCorpusMatchesFoundation() throws {
        let texts = try IdentityInputs.chineseTexts(Int.max, every: 1)
        #expect(texts.count == 37_984)
        var accepted = 0
        var mismatches: [Int] = []
        for (index, text) in texts.enumerated() {
            let general = Self.general(text)
            if let fast = Self.fast(text) {
                accepted += 1
                if fast != general { mismatches.append(index) }
            } else if Self.normalized(text) != general {
                mismatches.append(index)
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.count) texts differ, first lines \(mismatches.prefix(5).map { $0 + 1 })")
        #expect(accepted > 37_000, "the fast path took only \(accepted) texts")
    }
}
