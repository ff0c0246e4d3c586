import LinearAlgebra
import Testing

/// ``BLASThreads``: the setting the CLI lowers to one thread for every command but fits and evaluations.
struct BLASThreadsTests {
    @Test func oneThreadIsOneThreadAndTheSettingCanBeRestored() {
        let before = BLASThreads.count
        BLASThreads.use(1)
        #expect(BLASThreads.count == 1)
        BLASThreads.use(before)
        #expect(BLASThreads.count == before)
    }
}
