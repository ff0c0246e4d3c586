import BenchmarkData
import Foundation
import LinearAlgebra
import TextEmbedding

/// `embed-profile english|chinese COUNT [ROUNDS] [compare]`
///
/// Featurizes the first COUNT texts of the English or the Chinese corpus ROUNDS times (default once; sparse +
/// dense view through one ``BatchEmbedder``, as ingest does) and nothing else. It prints the thread's CPU time
/// per text, which a loaded machine disturbs far less than wall time, and with many rounds a sampling
/// profile (`perf record -e cpu-clock`) is the embedding's alone. For instruction counts that repeat exactly:
///
///     valgrind --tool=callgrind --toggle-collect='*embedAll*' .build/release/embed-profile english 2000
///
/// `--toggle-collect` leaves loading the model and the corpus out of the count; divide the total by COUNT for
/// instructions per abstract. Prints a checksum of the vectors so the work cannot be optimised away (and two
/// builds can be compared): each text's sparse values, then its dense values, text after text — the same
/// checksum whether the texts are embedded one by one or in batches. With `compare`, each round embeds the
/// texts one by one and then batched, and prints both medians (and fails if the checksums differ).
@inline(never)
func embedAll(_ texts: ArraySlice<String>, model: EmbeddingModel) -> UInt64 {
    var embedder = BatchEmbedder(model: model)
    var checksum: UInt64 = 0xcbf2_9ce4_8422_2325
    // A batch at a time, so its vectors are checksummed in text order while they are in the cache.
    let chunk = BatchEmbedder.defaultBatchSize
    let d = model.dimension
    var sparse: [SparseVector] = []
    var dense = [Float](repeating: 0, count: chunk * d)
    var start = texts.startIndex
    while start < texts.endIndex {
        let end = min(start + chunk, texts.endIndex)
        sparse.removeAll(keepingCapacity: true)
        dense.withUnsafeMutableBufferPointer { dense in
            embedder.embed(texts[start ..< end], into: UnsafeMutableBufferPointer(rebasing: dense[0 ..< (end - start) * d])) {
                sparse.append($1)
            }
        }
        for (t, vector) in sparse.enumerated() {
            for value in vector.values { checksum = (checksum ^ UInt64(value.bitPattern)) &* 0x100_0000_01b3 }
            for value in dense[t * d ..< (t + 1) * d] { checksum = (checksum ^ UInt64(value.bitPattern)) &* 0x100_0000_01b3 }
        }
        start = end
    }
    return checksum
}

/// The same texts one by one (``Featurizer/sparse(_:)`` then ``EmbeddingModel/dense(_:)``, the path of a
/// single query), for `compare`.
@inline(never)
func embedOneByOne(_ texts: ArraySlice<String>, model: EmbeddingModel) -> UInt64 {
    var featurizer = Featurizer(model: model)
    var checksum: UInt64 = 0xcbf2_9ce4_8422_2325
    for text in texts {
        let sparse = featurizer.sparse(text)
        let dense = model.dense(sparse)
        for value in sparse.values { checksum = (checksum ^ UInt64(value.bitPattern)) &* 0x100_0000_01b3 }
        for value in dense { checksum = (checksum ^ UInt64(value.bitPattern)) &* 0x100_0000_01b3 }
    }
    return checksum
}

/// CPU seconds used by the calling thread so far.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

let arguments = Array(CommandLine.arguments.dropFirst())
let compare = arguments.last == "compare"
let counts = compare ? Array(arguments.dropLast()) : arguments
guard (2 ... 3).contains(counts.count), ["english", "chinese"].contains(counts[0]),
    let count = Int(counts[1]), count > 0,
    let rounds = counts.count == 3 ? Int(counts[2]) : 1, (1 ... 1000).contains(rounds)
else {
    FileHandle.standardError.write(Data("usage: embed-profile english|chinese COUNT [ROUNDS 1-1000] [compare]\n".utf8))
    exit(64)
}
let language = counts[0]
let model = BenchmarkModel.load()
let texts = language == "english" ? Corpus.texts() : ChineseCorpus.texts()
let embedded = min(count, texts.count) * rounds
if compare {
    // Both paths in turn in one process, so a loaded machine disturbs both alike; the checksums must agree.
    var oneByOne: [Double] = [], batched: [Double] = []
    let slice = texts.prefix(count)
    for _ in 0 ..< rounds {
        var mark = threadCPUSeconds()
        let single = embedOneByOne(slice, model: model)
        oneByOne.append((threadCPUSeconds() - mark) * 1e6 / Double(slice.count))
        mark = threadCPUSeconds()
        let batch = embedAll(slice, model: model)
        batched.append((threadCPUSeconds() - mark) * 1e6 / Double(slice.count))
        guard single == batch else {
            FileHandle.standardError.write(Data("embed-profile: checksums differ, one by one \(String(single, radix: 16)), batched \(String(batch, radix: 16))\n".utf8))
            exit(1)
        }
    }
    func median(_ values: [Double]) -> String { String(format: "%.2f", values.sorted()[values.count / 2]) }
    print("\(slice.count) \(language) texts × \(rounds) rounds, µs CPU a text (median): one by one \(median(oneByOne)), batched \(median(batched))")
    exit(0)
}
let start = Date()
let cpuStart = threadCPUSeconds()
var checksum: UInt64 = 0
for _ in 0 ..< rounds { checksum = embedAll(texts.prefix(count), model: model) }
let cpuSeconds = threadCPUSeconds() - cpuStart
let seconds = Date().timeIntervalSince(start)
print(
    "\(embedded) \(language) texts, checksum \(String(checksum, radix: 16)), \(Int(Double(embedded) / seconds)) texts/s wall, "
        + "\(String(format: "%.2f", cpuSeconds * 1e6 / Double(embedded))) µs CPU a text (\(Int(Double(embedded) / cpuSeconds)) texts/s of CPU)")
