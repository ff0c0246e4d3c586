import ArgumentParser
import ArxivFormats
import Foundation
import Library
import Recommender

struct ShortlistCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shortlist",
        abstract: "Rank a day's papers against a profile and print the best few.",
        discussion: """
        Candidates are the papers announced on --date (default: the newest day in the library), or the \
        papers of --input (a digest or listing file, ingested on the fly), minus papers the profile already \
        rated, and minus papers the filters reject (--include, --exclude, --category, or the "steering" \
        keys of config.json). Each is scored on the sparse view by the profile learned from likes and dislikes; papers below the \
        profile's bar are dropped (by default a bar learned from what the profile scores on 1,000 random \
        unrated library papers: only 1 in 100 of them clears it), so a thin day lists fewer than N and says \
        "Nothing else above the bar today." instead of padding the list with noise. The top N of the rest \
        are picked with maximal marginal relevance so near-duplicates do not crowd the list, and each comes \
        with its reason: the nearest liked paper and the n-grams that matched. A paper known only through a \
        translation (a Chinese digest row without English metadata) is scored on that text and marked. \
        Malformed rows of --input are reported as file:line and skipped; the exit status is then 2, as \
        for `ingest`. With --date it only reads the library, so it also works where the data directory \
        is read-only. \
        The list is remembered, so `arxrec rate 3 like` then rates its third paper (not where the data \
        directory is read-only: nothing can be rated there either). \
        --format html is one page that also reads well as a mail (inline styles, no script, LaTeX made \
        readable, arXiv and PDF links); --format atom is an Atom 1.0 feed of the list. With --serve-url, \
        both link each paper to its rating page on that `arxrec serve`.

        Examples:
          arxrec shortlist --input ~/digests/2025-12-23.md
          arxrec shortlist --date 2025-12-23 --top 5 --format json
          arxrec shortlist --profile vision --format markdown > shortlist.md
          arxrec shortlist --format html --serve-url http://127.0.0.1:8080 > shortlist.html
          arxrec shortlist --format atom > vision.atom
          arxrec shortlist --include "kv cache" --exclude tracking --category cs.CL
          arxrec shortlist --threshold off --top 20    # fill the list, no bar
        """
    )

    @OptionGroup(title: "Library") var library: LibraryOptions
    @OptionGroup var profileOption: ProfileOption

    @Option(name: .long, help: ArgumentHelp("A digest or listing file whose papers are the candidates.", valueName: "file"))
    var input: String?

    @Option(name: .long, help: ArgumentHelp("The announcement day (YYYY-MM-DD) whose papers are the candidates.", valueName: "day"))
    var date: String?

    @Option(name: .long, help: CountRange.shortlistTop.help("How many papers to list"))
    var top = 10

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .table

    @Option(name: .customLong("serve-url"), help: ArgumentHelp(
        "Where `arxrec serve` runs (e.g. http://127.0.0.1:8080): html and atom link each paper to its rating page there.",
        valueName: "address"))
    var serveURL: String?
    @OptionGroup(title: "Steering") var steering: SteeringOptions

    func validate() throws {
        if input != nil && date != nil { throw ValidationError("give either --input or --date, not both") }
        if let date, Day(date) == nil { throw ValidationError("--date '\(EchoedInput.shortened(date))' is not a day: use YYYY-MM-DD") }
        try CountRange.shortlistTop.validate(top, option: "--top")
        if let serveURL {
            do { _ = try ServeLinks(parsing: serveURL) } catch { throw ValidationError("--serve-url: \(error)") }
        }
    }

    func run() throws {
        // config.json's steering for the profile (when there is a config), overridden by the options;
        // read first, so a broken config is reported before any work.
        let configured = try DailyConfig.loadIfPresent(from: library.resolvedDataDirectory)?.resolvedSteering(for: profileOption.profile)
        // Only --input writes (its papers join the library); ranking a stored day only reads.
        let recommender = try library.openRecommender(access: input == nil ? .readOnlyWhereUnwritable : .readWrite)
        let candidates = try CandidateDay.load(input: input, date: date, library: recommender.library)
        let shortlist = try recommender.shortlist(
            for: profileOption.profile, candidates: candidates.papers, date: candidates.day, top: top,
            steering: (configured ?? SteeringConfig()).overridden(by: steering.config).steering
        )
        // Remembered, numbered as printed, so that `arxrec rate 3 like` rates the third paper shown here;
        // a read-only library cannot take a rating either, so there is nothing to remember it for.
        if !recommender.library.isReadOnly {
            try recommender.library.saveShortlist(
                day: shortlist.date, profile: profileOption.profile, json: Data(try JSONOutput.string(shortlist).utf8))
        }
        let serve = try serveURL.map { try ServeLinks(parsing: $0) }
        print(try ShortlistRenderer(shortlist: shortlist, serve: serve).render(format))
        if candidates.skippedRecords > 0 { throw ExitStatus.partial }
    }
}

/// The candidate papers of one day: from a file ingested on the fly, or from the library by date.
struct CandidateDay {
    let day: String
    let papers: [StoredPaper]
    /// Malformed records of the input file, each reported on stderr.
    var skippedRecords = 0

    static func load(input: String?, date: String?, library: Library) throws -> CandidateDay {
        if let input {
            try InputFile.check(input)
            let report = try PaperIngestor(library: library).ingest(
                URL(fileURLWithPath: input), format: nil, file: input, collectIDs: true
            )
            report.skipped.forEach { printError($0) }
            guard !report.ids.isEmpty else { throw CandidateError.emptyFile(input) }
            return CandidateDay(
                day: report.day ?? Day.today.description, papers: try library.papers(report.ids),
                skippedRecords: report.skipped.count)
        }
        let day: String
        if let date {
            day = date
        } else {
            guard let newest = try library.newestListingDay() else { throw CandidateError.emptyLibrary }
            day = newest
        }
        let papers = try library.papers(listedOn: day)
        guard !papers.isEmpty else { throw CandidateError.emptyDay(day) }
        return CandidateDay(day: day, papers: papers)
    }

    enum CandidateError: CommandFailure {
        case emptyFile(String)
        case emptyLibrary
        case emptyDay(String)

        /// A file without a single paper is bad input data; a library without the day is an error.
        var exitStatus: ExitCode {
            if case .emptyFile = self { return ExitStatus.dataError }
            return .failure
        }

        var description: String {
            switch self {
            case .emptyFile(let file):
                return "\(EchoedInput.shortened(file)): no papers in it: give a digest, RSS, Atom, OAI-PMH or snapshot file"
            case .emptyLibrary:
                return "the library is empty: ingest a digest or listing first (`arxrec ingest FILE`)"
            case .emptyDay(let day):
                return "no papers announced on \(day) in the library: ingest that day's digest or listing first (`arxrec ingest FILE` or `arxrec fetch --category cs.CV --date \(day)`)"
            }
        }
    }
}
