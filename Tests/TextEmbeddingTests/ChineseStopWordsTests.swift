import Testing
@testable import TextEmbedding

/// ``ChineseStopWords``: function characters and words leave the CJK features, content stays.
struct ChineseStopWordsTests {
    @Test func functionWordsLeaveAndContentStays() {
        var featurizer = unweightedFeaturizer()
        let names = Set(featurizer.features(of: "我们通过扩散模型实现对齐").map(\.text))
        for kept in ["扩散", "模型", "对齐", "扩", "散"] { #expect(names.contains(kept), "\(kept)") }
        for dropped in ["我们", "通过", "实现", "我", "们", "通", "过"] { #expect(!names.contains(dropped), "\(dropped)") }
    }

    @Test func modelsBeforeV3KeepThem() {
        var legacy = unweightedFeaturizer(ModelDefinition(name: "v2", weights: FeatureWeights(), stemPlurals: false, dropChineseStopWords: false, chineseWords: nil))
        let names = Set(legacy.features(of: "我们通过扩散模型").map(\.text))
        #expect(names.isSuperset(of: ["我们", "通过", "扩散"]))
    }
}
