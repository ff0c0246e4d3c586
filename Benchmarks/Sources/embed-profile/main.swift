import BenchmarkData
import Foundation
import LinearAlgebra
import TextEmbedding

/// `embed-profile english|chinese COUNT`
///
/// Featurizes the first COUNT texts of the English or the Chinese corpus once each (sparse + dense view, one
/// reused ``Featurizer``, as ingest does) and nothing else, for instruction counts that repeat exactly on a
/// loaded machine:
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

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, let language = arguments.first, ["english", "chinese"].contains(language),
    let count = arguments.last.flatMap({ Int($0) }), count > 0
else {
    FileHandle.standardError.write(Data("usage: embed-profile english|chinese COUNT\n".utf8))
    exit(64)
}
let model = BenchmarkModel.load()
let texts = language == "english" ? Corpus.texts() : ChineseCorpus.texts()
let start = Date()
let checksum = embedAll(texts.prefix(count), model: model)
let seconds = Date().timeIntervalSince(start)
print("\(min(count, texts.count)) \(language) texts, checksum \(String(checksum, radix: 16)), \(Int(Double(min(count, texts.count)) / seconds)) texts/s")
