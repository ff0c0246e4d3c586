public import ArgumentParser
import ArxivFormats
import Foundation
import Evaluation
import Recommender
import TextEmbedding

extension ProfileModelKind: ExpressibleByArgument {}

/// `arxrec evaluate`: issue 9's offline evaluation on real papers.
struct EvaluateCommand: ParsableCommand, UsesParallelBLAS {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Measure similar-paper and profile quality on a corpus of real arXiv papers.",
        discussion: """
        Reads the corpus (arXiv snapshot JSON lines, or any format `ingest` reads), keeps a seeded random \
        --papers subset, fits the embedding model on those papers (unless --model gives one), ingests them \
        into a temporary library (or --data-dir) and runs two tasks. Neither authors nor categories ever \
        enter the embedded text or the fit: they are what the tasks measure.

        similar — 1,000 seeded random query papers (--queries; every paper with --queries equal to \
        --papers); for each, the 10 nearest papers over all evaluated papers as `arxrec similar` ranks \
        them (\(SimilarReRank.standard.summary)), the query excluded.
          P@10_primary  share of those 10 whose primary category (first of `categories`) equals the query's.

        profile — author-simulated users: authors (exact name) with at least 6 evaluated papers, up to 300 (--users) \
        drawn with the seed. Each user's papers sorted by (day, id): the earliest ⌈60 %⌉ are liked, each \
        later one is a held-out positive hidden in a "day" of 200 papers (it + 199 random papers not by \
        that author announced within ±30 days of it). The profile, learned from the likes by the same code \
        as `shortlist` (with one weak-negative sample of the library that holds no held-out positive), \
        ranks the day; rank = 1 + the number of other papers scoring at least as high (ties count against \
        the positive).
          users       simulated users;  positives  held-out positives (the averages run over these)
          MRR         mean of 1/rank
          Recall@10   share of positives ranked in the top 10
          nDCG@10     mean of 1/log2(rank + 1) for rank ≤ 10, else 0; "± s" is its standard error with
                      users as clusters (nDCG@10_stderr in JSON): another draw of as many users moves it by about
                      that much

        seconds — wall-clock time of the whole run, fitting and ingest included.

        With --zh-corpus (Chinese texts of the corpus's papers, JSON lines {id, date, tldr, motivation, \
        method, result, conclusion}) the model is fitted on each paper's English and Chinese text together: \
        the bilingual model the default one is.

        --crosslang (needs --zh-corpus) measures Chinese instead, on a time split: the model is fitted on \
        the papers announced before --cut (default 2025-10-01) with their Chinese texts, then tested on the \
        later papers, whose Chinese texts it has never seen.
          twins       --candidates seeded random test papers with a Chinese text (default 5,000): each \
                      Chinese text ranks the English texts of all of them as `similar` ranks a Chinese query \
                      (the dense top \(CrossLanguageReRank.standardDepth) re-scored on the topical view, plain LSA); MRR, R@1 and R@10 of its \
                      own paper. dense_MRR / topical_MRR: either view alone. bridged_* adds --bridge-weight × \
                      the sparse cosine (Latin terms the two texts share); sparse_MRR is that sparse cosine \
                      alone (an English-only model's lot).
          similar     P@10_primary of the Chinese queries among those English texts (twin excluded), next to \
                      the English texts asking with `similar`'s English rule.
          profile     authors (≥ 6 papers, ≥ 3 before the cut, up to --users) like their English papers \
                      before the cut; each later paper of theirs with a Chinese text is hidden among 199 such \
                      papers within ±30 days, and the day is ranked twice: every candidate given only by its \
                      Chinese text (read through the term table, as `shortlist` reads a Chinese-only row), \
                      and in English. nDCG@10, MRR, Recall@10 of both, and their ratio.

        --digest FILE (repeatable) checks a Chinese daily digest instead (issue 16's recall check; never \
        tuned on): its rows are ranked from their Chinese text only by author-users — every author of a \
        row's paper (from the corpus's record) with at least 3 English papers in the corpus announced before \
        the digest's day, which they like — and by the same users reading the rows' English abstracts. \
          recall@20   share of a user's own rows in their top 20, averaged over users: Chinese-only, \
                      English reader, and chance (20 / rows ranked); only rows whose paper the corpus has \
                      are ranked. The model: --model, else --definition (or the default) fitted on the \
                      corpus's papers announced before the earliest digest's day (with --zh-corpus's texts).

        --dump-scores FILE also writes every score of the profile task, term by term, so a blend can be \
        re-ranked offline (Scripts/blend-grid.py): a header line, then one tab-separated line per user, \
        held-out positive and candidate of its day: reading (english, or chinese under --crosslang), user \
        (its index in the seeded draw), held_out, paper, positive (1 or 0), linear, nearest, hubness, \
        topical, score, where score = linear + nearestWeight × (nearest − hubnessWeight × hubness) + \
        topicalWeight × topical (the profile settings' weights).

        --dump-similar FILE also writes the similar task's queries, in the seeded draw's order: one line per \
        query, its id, a tab, and how many of its 10 neighbours share its primary category. Two runs with the \
        same --seed, --papers and --queries ask the same queries, so two settings compare query by query \
        (Scripts/similar-paired.py prints the difference and its paired standard error).

        JSON: {"papers":N, "model":…, "similar":{"P@10_primary":x, "queries":1000, "rerank":{…}}, "profile":{"users":U, \
        "positives":P, "MRR":x, "Recall@10":x, "nDCG@10":x, "nDCG@10_stderr":x, …}, "seconds":t, "phases":{…}}.

        Examples:
          arxrec evaluate --corpus ../shared/data/corpus/arxiv-cs-2025.jsonl --papers 20000 --seed 7
          arxrec evaluate --corpus papers.jsonl --profile-model centroid --format json
          arxrec evaluate --corpus papers.jsonl --model Models/arxiv-cs-2025
          arxrec evaluate --corpus papers.jsonl --papers 20000 --queries 20000 --rerank-depth 30 --rerank-weight 100
          arxrec evaluate --corpus ../shared/data/corpus/arxiv-cs-2025.jsonl \\
            --zh-corpus ../shared/data/corpus/arxiv-cs-2025-zh.jsonl --crosslang
          arxrec evaluate --corpus ../shared/data/corpus/arxiv-cs-2025.jsonl --model DIR \\
            --digest ../shared/data/digests-generated/2025-12-02.md
        """
    )

    @Option(help: ArgumentHelp("The papers to evaluate on.", valueName: "file.jsonl"))
    var corpus: String

    @Option(help: CountRange.evaluatePapers.help("Evaluate on a seeded random subset of this many papers (default: all)"))
    var papers: Int?

    @Option(help: "Seeds the subset, the queries, the users, their days and the weak negatives.")
    var seed: UInt64 = 7

    @Option(help: ArgumentHelp(
        "Simulate up to this many users (the protocol's 300; more users narrow the noise when comparing settings; \(CountRange.evaluateUsers.text)).",
        valueName: "n"))
    var users: Int = 300

    @Option(help: ArgumentHelp(
        "similar: ask this many seeded random papers (the protocol's 1,000; up to every paper, for less noise; \(CountRange.evaluateQueries.text)).",
        valueName: "n"))
    var queries: Int = 1_000

    @OptionGroup var output: TableOrJSONOptions

    @Option(help: ArgumentHelp("Evaluate this model folder as it is instead of fitting one on the papers.", valueName: "dir"))
    var model: String?

    @Option(help: ArgumentHelp(
        "A model definition (JSON, the `definition` of a model.json) to fit instead of the default one.",
        valueName: "file.json"))
    var definition: String?

    @Option(name: .customLong("profile-model"), help: "The profile model (default: the one `shortlist` uses).")
    var profileModel: ProfileModelKind?

    @Option(name: .customLong("profile-settings"), help: ArgumentHelp(
        "Profile settings (JSON, fields of ProfileSettings; missing ones keep their defaults).", valueName: "file.json"))
    var profileSettings: String?

    @Option(name: .customLong("rerank-depth"), help: ArgumentHelp(
        "similar: re-score the dense top N with the sparse view (0: off; default: what `similar` does, \(SimilarReRank.standard.depth); \(CountRange.reRankDepth.text)).",
        valueName: "n"))
    var reRankDepth: Int?

    @Option(name: .customLong("rerank-weight"), help: ArgumentHelp(
        "similar: weight of the sparse cosine added to the dense score of the re-ranked papers (default \(SimilarReRank.standard.weightText); finite, at least 0).",
        valueName: "w"))
    var reRankWeight: Float?

    @Option(name: .customLong("zh-corpus"), help: ArgumentHelp(
        "Chinese texts of the corpus's papers, fitted with their English (JSON lines; needed by --crosslang).",
        valueName: "file.jsonl"))
    var chineseCorpus: String?

    @Flag(help: "Measure Chinese against English on a time split instead (see above).")
    var crosslang = false

    @Option(help: ArgumentHelp("--crosslang: the first day of the test period.", valueName: "YYYY-MM-DD"))
    var cut: String = CrossLanguageEvaluation.defaultCut

    @Option(help: ArgumentHelp("--crosslang: test pairs in the twin retrieval (each ranks all of them).", valueName: "n"))
    var candidates: Int = 5_000

    @Option(name: .customLong("bridge-weight"), help: ArgumentHelp(
        "--crosslang: weight of the sparse cosine added to the dense one in the bridged twin ranking.", valueName: "w"))
    var bridgeWeight: Float = 1

    @Option(name: .customLong("digest"), help: ArgumentHelp(
        "Check this Chinese daily digest instead: recall@20 of author-users' own rows, Chinese-only against English (repeatable; see above).",
        valueName: "file.md"))
    var digests: [String] = []

    @Option(name: .customLong("dump-scores"), help: ArgumentHelp(
        "Also write every score of the profile task, term by term, to this file (tab-separated, one candidate a line; see above).",
        valueName: "file.tsv"))
    var dumpScores: String?

    @Option(name: .customLong("dump-similar"), help: ArgumentHelp(
        "Also write the similar task's queries, one a line: the query's id, a tab, how many of its 10 neighbours share its primary category (to compare two settings query by query).",
        valueName: "file.tsv"))
    var dumpSimilar: String?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "Ingest into this library folder and keep it (default: a temporary folder, removed afterwards).",
        valueName: "dir"))
    var dataDirectory: String?

    func validate() throws {
        if let papers { try CountRange.evaluatePapers.validate(papers, option: "--papers") }
        try CountRange.evaluateUsers.validate(users, option: "--users")
        try CountRange.evaluateQueries.validate(queries, option: "--queries")
        if let reRankDepth { try CountRange.reRankDepth.validate(reRankDepth, option: "--rerank-depth") }
        if let reRankWeight, !(reRankWeight.isFinite && reRankWeight >= 0) {
            throw ValidationError("--rerank-weight \(reRankWeight) is out of range: use a finite number, at least 0")
        }
        if model != nil && definition != nil { throw ValidationError("give --model or --definition, not both") }
        if crosslang && !digests.isEmpty { throw ValidationError("give --crosslang or --digest, not both") }
        if dumpScores != nil && !digests.isEmpty {
            throw ValidationError("--dump-scores writes the profile task's scores, which --digest does not run: drop one")
        }
        if dumpSimilar != nil && (crosslang || !digests.isEmpty) {
            throw ValidationError("--dump-similar writes the similar task's queries, which --crosslang and --digest do not run: drop one")
        }
        if crosslang && chineseCorpus == nil { throw ValidationError("--crosslang needs --zh-corpus FILE") }
        if Day(cut) == nil { throw ValidationError("--cut '\(cut)' is not a day (YYYY-MM-DD)") }
        if candidates < 2 { throw ValidationError("--candidates must be at least 2") }
        if !bridgeWeight.isFinite { throw ValidationError("--bridge-weight must be a finite number") }
    }

    func run() throws {
        try InputFile.check(corpus)
        let corpusURL = URL(fileURLWithPath: corpus)
        var settings = ProfileSettings.standard
        if let profileSettings {
            settings = try Self.decode(ProfileSettings.self, from: profileSettings)
            for notice in try Self.decode(ProfileSettings.RetiredFields.self, from: profileSettings).notices {
                printError("\(EchoedInput.shortened(profileSettings)): \(notice)")
            }
        }
        if let profileModel { settings.kind = profileModel }

        let source: Evaluation.ModelSource
        if let model {
            source = .given(try EmbeddingModel.load(from: URL(fileURLWithPath: model)))
        } else if let definition {
            source = .fit(try Self.decode(ModelDefinition.self, from: definition))
        } else {
            source = .fit(ModelDefinition(name: ModelLocator.defaultModelName))
        }

        let clock = ContinuousClock()
        let started = clock.now
        let chinese = try chineseCorpus.map { try CorpusTexts.chinese(URL(fileURLWithPath: $0)).mapValues(\.text) } ?? [:]
        if crosslang { return try runCrossLanguage(corpusURL, chinese: chinese, source: source, settings: settings) }
        if !digests.isEmpty { return try runDigests(corpusURL, chinese: chinese, source: source, settings: settings) }
        var loaded = try EvaluationCorpus.load(corpusURL, limit: papers, seed: seed)
        loaded.chinese = chinese
        for issue in loaded.skipped.prefix(5) { printError(issue) }
        printError("evaluating \(loaded.papers.count) of \(loaded.available) papers from \(corpusURL.lastPathComponent), seed \(seed)")

        let temporary = dataDirectory == nil
        let directory = dataDirectory.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("arxrec-evaluate-\(UUID().uuidString)")
        defer { if temporary { try? FileManager.default.removeItem(at: directory) } }

        var evaluation = Evaluation(seed: seed, profileSettings: settings)
        evaluation.users.maximumUsers = users
        evaluation.similar.queries = queries
        if let reRankDepth { evaluation.similar.reRank.depth = reRankDepth }
        if let reRankWeight { evaluation.similar.reRank.sparseWeight = reRankWeight }
        var tables: [ProfileScoreTable] = []
        var report = try evaluation.run(
            corpus: loaded, model: source, dataDirectory: directory, scores: dumpScores.map { _ in { tables.append($0) } },
            similarHits: dumpSimilar.map { path in
                { hits in try OutputFile(path).write(Data(hits.map { "\($0.id)\t\($0.same)\n" }.joined().utf8)) }
            }
        ) { printError($0) }
        try writeScores(tables)
        // The whole command, reading the corpus included.
        let (whole, attoseconds) = (clock.now - started).components
        report.phases["read"] = ((Double(whole) + Double(attoseconds) * 1e-18 - report.seconds) * 1000).rounded() / 1000
        report.seconds = ((Double(whole) + Double(attoseconds) * 1e-18) * 100).rounded() / 100
        switch output.format {
        case .json: print(try JSONOutput.string(report))
        case .table: print(Self.table(report))
        }
    }

    /// `--crosslang`: the time-split tasks of ``CrossLanguageEvaluation``.
    private func runCrossLanguage(
        _ corpusURL: URL, chinese: [String: String], source: Evaluation.ModelSource, settings: ProfileSettings
    ) throws {
        let loaded = try EvaluationCorpus.load(corpusURL, limit: nil, seed: seed)
        for issue in loaded.skipped.prefix(5) { printError(issue) }
        printError("cross-language evaluation on \(loaded.papers.count) papers from \(corpusURL.lastPathComponent), "
            + "\(chinese.count) Chinese texts, cut \(cut), seed \(seed)")
        guard let day = Day(cut) else { throw ValidationError("--cut '\(cut)' is not a day (YYYY-MM-DD)") }
        var evaluation = CrossLanguageEvaluation(
            seed: seed, cut: day, twins: TwinRetrievalTask(candidates: candidates, bridgeWeight: bridgeWeight))
        evaluation.profileSettings = settings
        evaluation.users.maximumUsers = users
        var tables: [ProfileScoreTable] = []
        let report = try evaluation.run(
            papers: loaded.papers, chinese: chinese, model: source, scores: dumpScores.map { _ in { tables.append($0) } }
        ) { printError($0) }
        try writeScores(tables)
        switch output.format {
        case .json: print(try JSONOutput.string(report))
        case .table: print(Self.table(report))
        }
    }

    /// `--dump-scores`: `tables` into the file, under ``ProfileScoreTable/header``, written in chunks of rows.
    private func writeScores(_ tables: [ProfileScoreTable]) throws {
        guard let dumpScores else { return }
        try OutputFile(dumpScores).write { writer in
            try writer.write(Data((ProfileScoreTable.header + "\n").utf8))
            for table in tables {
                for start in stride(from: 0, to: table.rows.count, by: 50_000) {
                    try writer.write(Data(table.lines(start ..< min(start + 50_000, table.rows.count)).utf8))
                }
            }
        }
    }

    /// `--digest`: ``DigestRecallCheck`` on each digest, one line (or one JSON object) each.
    private func runDigests(
        _ corpusURL: URL, chinese: [String: String], source: Evaluation.ModelSource, settings: ProfileSettings
    ) throws {
        var days: [(path: String, day: Day, rows: [Paper])] = []
        for path in digests {
            let data = try InputFile.read(path)
            var rows: [Paper] = []
            let page = try DigestParser.parse(data, file: path, paper: { rows.append($0) }, issue: { printError($0.description) })
            guard let day = page.listingDate.flatMap(Day.init) else {
                printError("\(EchoedInput.shortened(path)):1: no '# arxiv YYYY-MM-DD' heading: give a digest in the daily format")
                throw ExitStatus.dataError
            }
            days.append((path, day, rows))
        }
        let loaded = try EvaluationCorpus.load(corpusURL, limit: nil, seed: seed)
        for issue in loaded.skipped.prefix(5) { printError(issue) }
        let model: EmbeddingModel
        switch source {
        case .given(let given): model = given
        case .fit(let definition):
            // Fitted on what was announced before the first digest, so no digest paper's text shaped it.
            let first = days.map(\.day).min() ?? Day(Date())
            let (train, _) = CrossLanguageSplit.papers(loaded.papers, cut: first)
            model = try CrossLanguageSplit.fitModel(train, chinese: chinese, definition: definition)
            printError("fitted \(model.id) on \(train.count) papers announced before \(first)")
        }
        let check = DigestRecallCheck(settings: settings, seed: seed)
        var results: [DigestRecallCheck.Figures] = []
        for digest in days {
            let figures = try check.run(rows: digest.rows, day: digest.day, corpus: loaded.papers, model: model)
            results.append(figures)
            printError("\(EchoedInput.shortened(digest.path)): \(Self.digestLine(figures))")
        }
        switch output.format {
        case .json: print(try JSONOutput.string(DigestReport(model: model.id, digests: results)))
        case .table: print(results.map { "digest        \(Self.digestLine($0))" }.joined(separator: "\n") + "\nmodel         \(model.id)")
        }
    }

    /// One digest's figures on one line.
    static func digestLine(_ figures: DigestRecallCheck.Figures) -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        return "\(figures.day): \(figures.ranked) of \(figures.rows) rows ranked, \(figures.users) users, "
            + "\(figures.positives) positives; recall@\(figures.k) Chinese-only \(f(figures.chineseRecall)), "
            + "English reader \(f(figures.englishRecall)), chance \(f(figures.chance))"
    }

    /// `--digest --format json`: the model and each digest's figures.
    struct DigestReport: Encodable {
        var model: String
        var digests: [DigestRecallCheck.Figures]
    }

    static func table(_ report: CrossLanguageReport) -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        let twins = report.twins
        return """
        cut           \(report.cut): fitted on \(report.train.papers) papers (\(report.train.pairs) with Chinese), \
        tested on \(report.test.papers) (\(report.test.pairs) with Chinese)
        model         \(report.model)\(report.fitted ? " (fitted on the papers before the cut)" : "")
        twins         zh → en among \(twins.candidates): MRR \(f(twins.meanReciprocalRank))  R@1 \(f(twins.recallAt1))  \
        R@10 \(f(twins.recallAt10))  (dense view alone \(f(twins.denseMeanReciprocalRank)), topical view alone \
        \(f(twins.topicalMeanReciprocalRank)))
                      + \(String(format: "%.1f", twins.bridgeWeight)) × sparse bridge: MRR \(f(twins.bridgedMeanReciprocalRank))  \
        R@1 \(f(twins.bridgedRecallAt1));  sparse alone: MRR \(f(twins.sparseMeanReciprocalRank))
        similar       P@10_primary of Chinese queries among the English texts \(f(twins.similarPrecision)) \
        (English queries: \(f(twins.englishSimilarPrecision)))
        \(profileLine(report.profile))
        seconds       \(String(format: "%.1f", report.seconds))
        """
    }

    /// The profile line of the `--crosslang` table: the Chinese-only reading next to the English one.
    static func profileLine(_ profile: CrossLanguageReport.ProfileComparison?) -> String {
        guard let profile else { return "profile       not measured" }
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        let ratio = profile.english.nDCG > 0 ? profile.chinese.nDCG / profile.english.nDCG : 0
        return "profile       \(profile.english.users) users, \(profile.english.positives) positives, likes before the cut: "
            + "nDCG@10 Chinese-only candidates \(f(profile.chinese.nDCG)) ± \(f(profile.chinese.nDCGStandardError)), "
            + "reading English \(f(profile.english.nDCG)) ± \(f(profile.english.nDCGStandardError)) (× \(f(ratio))); "
            + "MRR \(f(profile.chinese.meanReciprocalRank)) / \(f(profile.english.meanReciprocalRank)), "
            + "Recall@10 \(f(profile.chinese.recall)) / \(f(profile.english.recall))"
    }

    static func decode<T: Decodable>(_ type: T.Type, from path: String) throws -> T {
        let data = try InputFile.read(path)
        do { return try JSONDecoder().decode(type, from: data) } catch {
            printError("Error: \(EchoedInput.shortened(path)): not a valid \(type) JSON file: \(Self.describe(error))")
            throw ExitStatus.dataError
        }
    }

    /// "field: what is wrong" for a decoding error.
    static func describe(_ error: any Error) -> String {
        let context: DecodingError.Context
        switch error as? DecodingError {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c): context = c
        default: return "\(error)"
        }
        let field = context.codingPath.map(\.stringValue).joined(separator: ".")
        return field.isEmpty ? context.debugDescription : "\(field): \(context.debugDescription)"
    }

    static func table(_ report: EvaluationReport) -> String {
        func f(_ x: Double) -> String { String(format: "%.3f", x) }
        let profile = report.profile
        return """
        papers        \(report.papers)
        model         \(report.model)\(report.fitted ? " (fitted on these papers)" : "")
        similar       P@10_primary \(f(report.similar.precision))  (\(report.similar.queries) queries)
        profile       \(profile.model): MRR \(f(profile.meanReciprocalRank))  Recall@10 \(f(profile.recall))  \
        nDCG@10 \(f(profile.nDCG)) ± \(f(profile.nDCGStandardError))  (\(profile.users) users, \(profile.positives) positives)
        seconds       \(String(format: "%.1f", report.seconds))
        """
    }
}
