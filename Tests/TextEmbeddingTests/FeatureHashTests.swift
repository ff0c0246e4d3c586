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
}
