import ArgumentParser
import ArxivFormats
import Foundation
import TextEmbedding

/// `arxrec model`: fit and inspect the embedding model.
struct ModelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "Fit or show the embedding model.",
        subcommands: [Fit.self, Show.self, Path.self]
    )

    /// `arxrec model path [--install-folder]`
    struct Path: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the folder of the default model, or where an installed arxrec looks for models.",
            discussion: """
            Without options: the default model's folder ($ARXREC_MODEL_DIR, else Models/\(ModelLocator.defaultModelName) \
            above the executable, else <prefix>/\(ModelLocator.installedModelsPath)/\(ModelLocator.defaultModelName) for \
            an executable in <prefix>/bin); an error listing the places searched when there is none. With \
            --install-folder: <prefix>/\(ModelLocator.installedModelsPath) for this executable, whether or not it \
            exists — the folder Scripts/install-daily-job copies Models/ into.

            Examples:
              arxrec model path
              cp -R Models/. "$(~/.local/bin/arxrec model path --install-folder)"
            """
        )

        @Flag(name: .customLong("install-folder"), help: "Print the models folder an installed arxrec reads instead.")
        var installFolder = false

        func run() throws {
            if installFolder {
                guard let directory = ModelLocator.executableDirectory else {
                    throw ModelError.notFound(searched: ["the executable's own path (unknown on this platform)"])
                }
                print(ModelLocator.installedModelsFolder(executableDirectory: directory).path)
            } else {
                print(try ModelLocator.defaultModelDirectory().path)
            }
        }
    }

    /// `arxrec model fit --corpus FILE.jsonl`
    struct Fit: ParsableCommand, UsesParallelBLAS {
        static let configuration = CommandConfiguration(
            abstract: "Fit idf and the dense projection on a corpus of arXiv papers.",
            discussion: """
            Reads an arXiv metadata snapshot in JSON lines (one paper per line, with `title` and \
            `abstract`), embeds title + ". " + abstract of every paper (never authors or categories), \
            computes the idf of every bucket and a truncated SVD of the tf-idf matrix, and writes the \
            model to --output (default Models/<name> in the current directory).

            With --zh-corpus the model is bilingual (cross-language LSI): it learns its Chinese words from \
            the Chinese texts, and each paper that has one is fitted as its English and Chinese text \
            together, so that either text alone lands near the other in the dense view.

            Examples:
              arxrec model fit --corpus ../shared/data/corpus/arxiv-cs-2025.jsonl \\
                --zh-corpus ../shared/data/corpus/arxiv-cs-2025-zh.jsonl
              arxrec model fit --corpus papers.jsonl --name my-model --min-df 5 --output /tmp/my-model
              arxrec model fit --corpus ../shared/data/corpus/arxiv-cs-2025.jsonl \\
                --zh-corpus ../shared/data/corpus/arxiv-cs-2025-zh.jsonl --add-term-table Models/arxiv-cs-2025-v6-full
            --add-term-table DIR learns only the term table (v7) onto the bilingual model in DIR, fitted on the \
            same corpus: its idf, projection, centering and lexicon are kept as they are, which is what a full \
            fit of the v7 definition computes first.
            """
        )

        @Option(help: "The corpus: arXiv snapshot JSON lines.")
        var corpus: String

        @Option(name: .customLong("zh-corpus"), help: ArgumentHelp(
            "Chinese texts of the corpus's papers: JSON lines {id, date, tldr, motivation, method, result, conclusion}.",
            valueName: "file.jsonl"))
        var chineseCorpus: String?

        @Option(help: "The model directory to write (default: Models/<name>).")
        var output: String?

        @Option(help: "The model name.")
        var name: String = ModelLocator.defaultModelName

        @Option(help: "Dimensions of the dense view.")
        var dimension: Int = 256

        @Option(name: .customLong("min-df"), help: "Papers a bucket must occur in to get a projection row.")
        var minDF: Int = 40

        @Option(name: .customLong("singular-value-exponent"), help: "p of the projection V·Σ^(p−1) (1: plain LSA).")
        var singularValueExponent: Float = SVDSettings().singularValueExponent

        @Option(help: ArgumentHelp(
            "Fit this definition (JSON, the `definition` of a model.json) instead; the options above are then ignored.",
            valueName: "file.json"))
        var definition: String?

        @Option(name: .customLong("add-term-table"), help: ArgumentHelp(
            "Add a term table to the bilingual model in this directory (fitted on the same corpus) instead of fitting; --definition's termTable settings when given.",
            valueName: "dir"))
        var addTermTable: String?

        func run() throws {
            if let addTermTable { return try addTable(to: URL(fileURLWithPath: addTermTable)) }
            var definition = ModelDefinition(name: name, dimension: dimension, minimumDocumentFrequency: minDF)
            definition.svd.singularValueExponent = singularValueExponent
            if let path = self.definition { definition = try EvaluateCommand.decode(ModelDefinition.self, from: path) }
            try definition.validate()
            let corpusURL = URL(fileURLWithPath: corpus)
            let documents = try CorpusTexts.documents(corpusURL, chinese: chineseCorpus.map { URL(fileURLWithPath: $0) })
            let paired = documents.filter { $0.texts.count > 1 }.count
            printError("read \(documents.count) papers from \(corpusURL.lastPathComponent)"
                + (chineseCorpus == nil ? "" : ", \(paired) with a Chinese text"))
            var (model, record) = try EmbeddingModel.fit(documents: documents, definition: definition) { printError($0) }
            record.corpus = corpusURL.lastPathComponent
                + (chineseCorpus.map { " + " + URL(fileURLWithPath: $0).lastPathComponent } ?? "")
            let directory = URL(fileURLWithPath: output ?? "Models/\(definition.name)")
            try model.write(to: directory, fitRecord: record)
            print("wrote \(model.id) to \(directory.path): \(record.papers) papers, \(record.seconds) s, "
                + "\(record.projectionBuckets) projection buckets, \(record.artifactBytes) bytes")
        }

        /// `--add-term-table`: the model in `source` with a term table learned from the corpus's pairs.
        private func addTable(to source: URL) throws {
            let base = try EmbeddingModel.load(from: source)
            let corpusURL = URL(fileURLWithPath: corpus)
            let documents = try CorpusTexts.documents(corpusURL, chinese: chineseCorpus.map { URL(fileURLWithPath: $0) })
            printError("read \(documents.count) papers from \(corpusURL.lastPathComponent), "
                + "\(documents.filter { $0.texts.count > 1 }.count) with a Chinese text")
            // The table's settings: those of --definition when given (to try another table on the same views).
            var settings = TermTableSettings()
            if let path = definition, let given = try EvaluateCommand.decode(ModelDefinition.self, from: path).termTable {
                settings = given
            }
            let model = try base.addingTermTable(documents: documents, settings: settings) { printError($0) }
            let record = try EmbeddingModel.fitRecord(in: source)
            let directory = URL(fileURLWithPath: output ?? "Models/\(model.definition.name)")
            try model.write(to: directory, fitRecord: record)
            print("wrote \(model.id) to \(directory.path): \(base.id) with a term table of "
                + "\(model.translation?.table.wordCount ?? 0) Chinese words")
        }
    }

    /// `arxrec model show`
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the model in use: id, definition and how it was fitted.",
            discussion: """
            Examples:
              arxrec model show
              arxrec model show --format json --model Models/arxiv-cs-2025
            """
        )

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json
        }

        @Option(help: "Output format.")
        var format: Format = .text

        @Option(help: "A model directory (default: the default model).")
        var model: String?

        func run() throws {
            let directory = try model.map { URL(fileURLWithPath: $0) } ?? ModelLocator.defaultModelDirectory()
            let loaded = try EmbeddingModel.load(from: directory)
            switch format {
            case .json:
                // model.json is the stable schema: print it with the directory it came from.
                let data = try Data(contentsOf: directory.appendingPathComponent(EmbeddingModel.manifestFileName))
                var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
                object["directory"] = directory.path
                object["schemaVersion"] = JSONOutput.schemaVersion
                let json = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])
                print(String(decoding: json, as: UTF8.self))
            case .text:
                let definition = loaded.definition
                print("model       \(loaded.id)")
                print("directory   \(directory.path)")
                print("name        \(definition.name) (format \(definition.formatVersion))")
                print("sparse      2^\(definition.bucketBits) signed buckets, seed \(definition.hashSeed), "
                    + "stop words \(definition.dropEnglishStopWords ? "dropped" : "kept"), "
                    + "\(definition.sublinearTF ? "1 + ln tf" : "tf") × \(ModelDefinition.idfFormula) idf")
                print("dense       \(loaded.dimension)-d LSA, \(loaded.projectionBucketCount) buckets in ≥ "
                    + "\(definition.minimumDocumentFrequency) papers"
                    + (loaded.isBilingual ? ", English and Chinese in one space" : ""))
                if let lexicon = loaded.lexicon {
                    let words = lexicon.words.filter { $0.unicodeScalars.count > 1 }.count
                    print("chinese     \(words) words and \(lexicon.words.count - words) characters learned from the fitted Chinese texts")
                }
                if let fit = try EmbeddingModel.fitRecord(in: directory) {
                    print("fitted on   \(fit.corpus ?? "?"): \(fit.papers) papers in \(fit.seconds) s, \(fit.date)")
                    print("machine     \(fit.machine)")
                }
            }
        }
    }
}

/// The embedding text (title + ". " + abstract, never authors or categories) of every paper of a
/// corpus file, read with the same streaming reader as `ingest`; malformed records are reported and skipped.
enum CorpusTexts {
    static func read(_ url: URL) throws -> [Paper] {
        try InputFile.check(url.path)
        var papers: [Paper] = []
        try SourceReader.read(url, format: nil, file: url.path, papers: { papers.append($0) }, issue: { issue in
            printError(issue.description)
        })
        return papers
    }

    /// The Chinese text of each paper id in `url` (``ChineseSummaryReader``).
    static func chinese(_ url: URL) throws -> [String: ChineseSummary] {
        try InputFile.check(url.path)
        let summaries = try ChineseSummaryReader.read(url) { printError($0.description) }
        return Dictionary(summaries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// One fitted document per paper of `url`: its English text, and its Chinese text from `chinese` when
    /// that file has one for the same id.
    static func documents(_ url: URL, chinese: URL?) throws -> [FitDocument] {
        let papers = try read(url)
        let texts = try chinese.map(Self.chinese) ?? [:]
        return papers.map { FitDocument(english: $0.embeddingText, chinese: texts[$0.id.base]?.text) }
    }
}
