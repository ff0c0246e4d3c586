import LinearAlgebra
import Testing

struct SeededRandomTests {
    /// Golden values from an independent Python implementation of SplitMix64-seeded xoshiro256**: a change of
    /// the stream (which would change every fitted model) breaks this test.
    @Test func streamIsPinned() {
        var zero = SeededGenerator(seed: 0)
        #expect([zero.next(), zero.next(), zero.next()] == [0x99EC_5F36_CB75_F2B4, 0xBF6E_1F78_4956_452A, 0x1A5F_849D_4933_E6E0])
        var answer = SeededGenerator(seed: 42)
        #expect([answer.next(), answer.next(), answer.next()] == [0x1578_0B2E_0C2E_C716, 0x6104_D986_6D11_3A7E, 0xAE17_5332_39E4_99A1])
    }

    /// SplitMix64's published first outputs for seed 0 (Vigna's reference `splitmix64.c`): the library's
    /// samples draw from it, so a change would move every weak-negative sample and `evaluate` figure.
    @Test func splitMixStreamIsPinned() {
        var zero = SplitMix64(seed: 0)
        #expect([zero.next(), zero.next(), zero.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test func sameSeedSameStreamOtherSeedOtherStream() {
        var a = SeededGenerator(seed: 7)
        var b = SeededGenerator(seed: 7)
        var c = SeededGenerator(seed: 8)
        #expect(a.gaussianFloats(count: 101) == b.gaussianFloats(count: 101))
        #expect(a.gaussianFloats(count: 10) != c.gaussianFloats(count: 10))
    }

    /// 200,000 draws: mean within 0.01 of 0 and variance within 0.02 of 1 (about 4.5 and 3 standard errors).
    @Test func gaussianMoments() {
        var generator = SeededGenerator(seed: 3)
        let values = generator.gaussianFloats(count: 200_000)
        #expect(values.count == 200_000)
        let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
        let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(values.count)
        #expect(abs(mean) < 0.01)
        #expect(abs(variance - 1) < 0.02)
        #expect(values.allSatisfy { $0.isFinite })
        var uniform = SeededGenerator(seed: 4)
        #expect((0 ..< 10_000).allSatisfy { _ in (0 ..< 1).contains(uniform.nextUnitInterval()) })
    }
}
