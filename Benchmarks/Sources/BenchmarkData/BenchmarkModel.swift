import Foundation
import TextEmbedding

/// The embedding model the benchmarks use: the default model (`$ARXREC_MODEL_DIR`, else `Models/` of the
/// repository, as `ModelLocator` finds it); when there is none yet, the default definition fitted once on the
/// dev corpus and cached in `$TMPDIR/arxrec-benchmark-model`.
public enum BenchmarkModel {
    public static func load() -> EmbeddingModel {
        if let directory = try? ModelLocator.defaultModelDirectory() {
            do {
                return try EmbeddingModel.load(from: directory)
            } catch {
                fatalError("\(directory.path): \(error)")
            }
        }
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("arxrec-benchmark-model")
        if let cached = try? EmbeddingModel.load(from: cache) { return cached }
        FileHandle.standardError.write(Data("no default model found: fitting one on the corpus into \(cache.path)\n".utf8))
        do {
            let (model, record) = try EmbeddingModel.fit(texts: Corpus.texts(), definition: defaultDefinition)
            try model.write(to: cache, fitRecord: record)
            return model
        } catch {
            fatalError("fitting the benchmark model failed: \(error)")
        }
    }

    /// The definition `arxrec model fit` uses by default.
    public static let defaultDefinition = ModelDefinition(
        name: ModelLocator.defaultModelName, dimension: 256, minimumDocumentFrequency: 40)
}
