import BenchmarkData
import Foundation
import LinearAlgebra
import TextEmbedding

/// `embed-profile english|chinese COUNT [ROUNDS]`
///
/// Featurizes the first COUNT texts of the English or the Chinese corpus ROUNDS times (default once; sparse +
/// dense view, one reused ``Featurizer``, as ingest does) and nothing else. It prints the thread's CPU time
/// per text, which a loaded machine disturbs far less than wall time, and with many rounds a sampling
/// profile (`perf record -e cpu-clock`) is the embedding's alone. For instruction counts that repeat exactly:
///
///     valgrind --tool=callgrind --toggle-collect='*embedAll*' .build/release/embed-profile english 2000
///
/// `--toggle-collect` leaves loading the model and the corpus out of the count; divide the total by COUNT for
/// instructions per abstract. Prints a checksum of the vectors so the work cannot be optimised away (and two
/// builds can be compared).
@inline(never)
func embedAll(_ texts: ArraySlice<String>, model: EmbeddingModel) -> UInt64 {
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
guard (2 ... 3).contains(arguments.count), ["english", "chinese"].contains(arguments[0]),
    let count = Int(arguments[1]), count > 0,
    let rounds = arguments.count == 3 ? Int(arguments[2]) : 1, (1 ... 1000).contains(rounds)
else {
    FileHandle.standardError.write(Data("usage: embed-profile english|chinese COUNT [ROUNDS 1-1000]\n".utf8))
    exit(64)
}
let language = arguments[0]
let model = BenchmarkModel.load()
let texts = language == "english" ? Corpus.texts() : ChineseCorpus.texts()
let embedded = min(count, texts.count) * rounds
let start = Date()
let cpuStart = threadCPUSeconds()
var checksum: UInt64 = 0
for _ in 0 ..< rounds { checksum = embedAll(texts.prefix(count), model: model) }
let cpuSeconds = threadCPUSeconds() - cpuStart
let seconds = Date().timeIntervalSince(start)
print(
    "\(embedded) \(language) texts, checksum \(String(checksum, radix: 16)), \(Int(Double(embedded) / seconds)) texts/s wall, "
        + "\(String(format: "%.2f", cpuSeconds * 1e6 / Double(embedded))) µs CPU a text (\(Int(Double(embedded) / cpuSeconds)) texts/s of CPU)")
