import ArgumentParser
import Foundation
import Library
import Recommender
import TextEmbedding

struct ReindexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Re-embed every paper with the current model.",
        discussion: """
        Writes a fresh vector file and swaps it in atomically; ratings and papers are untouched. With \
        --refit the model's idf and projection are first fitted on the library's own English papers (title \
        and abstract only, each with the Chinese translation a digest gave it) and kept in <data-dir>/model, \
        which every later command then uses.

        Examples:
          arxrec reindex
          arxrec reindex --refit
        """
    )

    @OptionGroup(title: "Library") var library: LibraryOptions

    @Flag(name: .long, help: "Fit idf and the projection on this library first.")
    var refit = false

    func run() throws {
        var model = try library.loadModel()
        if refit {
            let store = try library.openLibrary(model: model)
            let ids = try store.allVectorIDs().compactMap { $0 }
            // English papers, each with the Chinese translation a digest gave it (a bilingual fit's pairs).
            let documents = try store.papers(ids).filter { $0.language == "en" }.map { paper in
                FitDocument(
                    english: paper.embeddingText,
                    chinese: paper.translationLanguage == "zh"
                        ? [paper.translatedTitle, paper.translatedAbstract].compactMap { $0 }.joined(separator: ". ") : nil)
            }
            guard documents.count >= 1_000 else { throw RefitError.tooFewPapers(documents.count) }
            let progress = ProgressBar(label: "fitting")
            let (fitted, record) = try EmbeddingModel.fit(documents: documents, definition: model.definition) { _ in progress.update(0) }
            progress.finish()
            let folder = library.resolvedDataDirectory.appendingPathComponent(DataDirectory.modelFolderName, isDirectory: true)
            try fitted.write(to: folder, fitRecord: record)
            model = fitted
            print("fitted model \(fitted.id) on \(documents.count) papers")
        }
        let store = try library.openLibrary(model: model)
        let progress = ProgressBar(label: "re-embedding")
        try store.reindex { done, total in progress.update(done) }
        progress.finish()
        let stats = try store.stats()
        print("re-embedded \(stats.vectors) papers with model \(stats.model)")
    }

    /// The library cannot support a fit: a state of the library (1), not a usage error.
    enum RefitError: CommandFailure {
        case tooFewPapers(Int)

        var exitStatus: ExitCode { .failure }

        var description: String {
            switch self {
            case .tooFewPapers(let count):
                return "--refit needs at least 1,000 English papers in the library to fit a model; it has \(count): ingest more first"
            }
        }
    }
}
