import Testing
@testable import TextEmbedding

struct FeatureHashTests {
    @Test func fnv1aMatchesThePublishedTestVectors() {
        #expect(FeatureHash.fnv1a(Array("".utf8)) == 0xcbf2_9ce4_8422_2325)
        #expect(FeatureHash.fnv1a(Array("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(FeatureHash.fnv1a(Array("foobar".utf8)) == 0x85944171f73967e8)
    }

    @Test func fmix64IsMurmurHash3sFinaliser() {
        #expect(FeatureHash.fmix64(0) == 0)
        #expect(FeatureHash.fmix64(1) == 0xb456_bcfc_34c2_cb2c)
    }

    @Test func featureKindsHashIntoDistinctDomains() {
        let token = FeatureHash.token(FeatureHash.fnv1a(Array("diffusion".utf8)), seed: 1)
        let keys = Set(FeatureKind.allCases.map { FeatureHash.unigram(token, kind: $0) })
        #expect(keys.count == FeatureKind.allCases.count)
        let a = FeatureHash.token(1, seed: 1)
        let b = FeatureHash.token(2, seed: 1)
        #expect(FeatureHash.bigram(a, b, kind: .wordBigram) != FeatureHash.bigram(b, a, kind: .wordBigram))
    }

    @Test func bucketAndSignUseDisjointBits() {
        let key: UInt64 = 0x8000_0000_0012_3456
        #expect(FeatureHash.bucket(key, bucketBits: 20) == 0x23456)
        #expect(FeatureHash.sign(key) == -1)
        #expect(FeatureHash.sign(key & 0x7fff_ffff_ffff_ffff) == 1)
    }

    @Test func halfFloatWideningIsExactForEveryFiniteHalf() {
        for bits in 0 ... UInt16.max {
            let half = Float16(bitPattern: bits)
            guard half.isFinite else { continue }
            #expect(HalfFloat.widen(bits).bitPattern == Float(half).bitPattern, "\(bits)")
        }
    }

    /// The idf's widening at load: every half pattern, in a vector lane and in the scalar tail, is either
    /// widened bit for bit or refused, refused exactly when it is not a finite value above zero.
    @Test func widenIfPositiveRefusesExactlyWhatIsNoPositiveFiniteHalf() {
        let one: UInt16 = 0x3c00
        for bits in 0 ... UInt16.max {
            let half = Float16(bitPattern: bits)
            let acceptable = half.isFinite && half > 0
            // Lane 3 of a vector, and the last of a tail of 3.
            let lanes = [one, one, one, bits, one, one, one, one, one, one, bits]
            let widened = HalfFloat.widenIfPositive(lanes)
            #expect((widened != nil) == acceptable, "\(bits)")
            if let widened {
                #expect(widened.map(\.bitPattern) == lanes.map { Float(Float16(bitPattern: $0)).bitPattern }, "\(bits)")
            }
        }
        #expect(HalfFloat.widenIfPositive([])?.isEmpty == true)
    }
}
