import ArgumentParser
import Foundation
import Library
import Recommender
import TextEmbedding

/// `--data-dir` and `--model`, shared by every command that opens the library.
struct LibraryOptions: ParsableArguments {
    @Option(
        name: .customLong("data-dir"),
        help: ArgumentHelp(
            "The library folder (default: $ARXREC_HOME, else $XDG_DATA_HOME/arxrec, else ~/.local/share/arxrec).",
            valueName: "dir"
        )
    )
    var dataDirectory: String?

    @Option(
        name: .customLong("model"),
        help: ArgumentHelp("An embedding-model folder to use instead of the library's (default: the bundled model).", valueName: "dir")
    )
    var modelDirectory: String?

    /// --data-dir > $ARXREC_HOME > $XDG_DATA_HOME/arxrec > ~/.local/share/arxrec.
    var resolvedDataDirectory: URL {
        DataDirectory.resolve(explicit: dataDirectory, environment: ProcessInfo.processInfo.environment)
    }

    /// The model: `--model`, else the one the library was refitted with (`reindex --refit`), else the default.
    /// Its verification is noted in the data directory (``DataDirectory/modelStampFileName``), so the next
    /// command over the same library and model files skips hashing them.
    func loadModel() throws -> EmbeddingModel {
        let stamp = resolvedDataDirectory.appendingPathComponent(DataDirectory.modelStampFileName)
        if let modelDirectory {
            return try EmbeddingModel.load(from: URL(fileURLWithPath: modelDirectory), verificationStamp: stamp)
        }
        let refitted = resolvedDataDirectory.appendingPathComponent(DataDirectory.modelFolderName, isDirectory: true)
        if FileManager.default.fileExists(atPath: refitted.appendingPathComponent("model.json").path) {
            return try EmbeddingModel.load(from: refitted, verificationStamp: stamp)
        }
        return try EmbeddingModel.load(from: ModelLocator.defaultModelDirectory(), verificationStamp: stamp)
    }

    /// Opens (creating if needed) the library with the model's embedder. A command that only reads
    /// passes `.readOnlyWhereUnwritable`, so that it still answers from a data directory it cannot write.
    ///
    /// A command that only reads never rewrites the library: with an explicit `--model` whose vectors the
    /// library does not have (opening would re-embed every paper and delete the other model's vector
    /// file), it refuses and says to run `reindex` instead.
    func openLibrary(model: EmbeddingModel, access: Library.Access = .readWrite) throws -> Library {
        if access == .readOnlyWhereUnwritable, let modelDirectory {
            try ModelSwitch.refuseReEmbedding(in: resolvedDataDirectory, modelID: model.id, modelDirectory: modelDirectory)
        }
        return try Library.open(at: resolvedDataDirectory, embedder: ModelEmbedder(model: model), access: access)
    }

    /// Opens the library and a recommender over it.
    func openRecommender(access: Library.Access = .readWrite) throws -> Recommender {
        let model = try loadModel()
        return Recommender(library: try openLibrary(model: model, access: access), model: model)
    }
}
