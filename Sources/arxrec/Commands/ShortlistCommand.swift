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
        rated. Each is scored on the sparse view by the profile learned from likes and dislikes; the top N \
        are picked with maximal marginal relevance so near-duplicates do not crowd the list, and each comes \
        with its reason: the nearest liked paper and the n-grams that matched. A paper known only through a \
        translation (a Chinese digest row without English metadata) is scored on that text and marked. \
        The list is remembered: `arxrec rate 3 like` then rates its third paper.

        Examples:
          arxrec shortlist --input ~/digests/2025-12-23.md
          arxrec shortlist --date 2025-12-23 --top 5 --format json
          arxrec shortlist --profile vision --format markdown > shortlist.md
        """
    )

    @OptionGroup(title: "Library") var library: LibraryOptions
    @OptionGroup var profileOption: ProfileOption

    @Option(name: .long, help: ArgumentHelp("A digest or listing file whose papers are the candidates.", valueName: "file"))
    var input: String?

    @Option(name: .long, help: ArgumentHelp("The announcement day (YYYY-MM-DD) whose papers are the candidates.", valueName: "day"))
    var date: String?

    @Option(name: .long, help: "How many papers to list.")
    var top = 10

    @Option(name: .long, help: "Output format.")
    var format: OutputFormat = .table

    func validate() throws {
        if input != nil && date != nil { throw ValidationError("give either --input or --date, not both") }
        if let date, Day(date) == nil { throw ValidationError("--date '\(date)' is not a day: use YYYY-MM-DD") }
        if top < 1 { throw ValidationError("--top must be at least 1") }
    }

    func run() throws {
        let recommender = try library.openRecommender()
        let candidates = try CandidateDay.load(input: input, date: date, library: recommender.library)
        let shortlist = try recommender.shortlist(
            for: profileOption.profile, candidates: candidates.papers, date: candidates.day, top: top
        )
        // Remembered, numbered as printed, so that `arxrec rate 3 like` rates the third paper shown here.
        try recommender.library.saveShortlist(
            day: shortlist.date, profile: profileOption.profile, json: Data(try JSONOutput.string(shortlist).utf8))
        print(try ShortlistRenderer(shortlist: shortlist).render(format))
    }
}

/// The candidate papers of one day: from a file ingested on the fly, or from the library by date.
struct CandidateDay {
    let day: String
    let papers: [StoredPaper]

    static func load(input: String?, date: String?, library: Library) throws -> CandidateDay {
        if let input {
            guard FileManager.default.fileExists(atPath: input) else { throw ValidationError("\(input): no such file") }
            let report = try PaperIngestor(library: library).ingest(
                URL(fileURLWithPath: input), format: nil, file: input, collectIDs: true
            )
            report.skipped.forEach { printError($0) }
            guard !report.ids.isEmpty else { throw CandidateError.emptyFile(input) }
            return CandidateDay(day: report.day ?? Day.today.description, papers: try library.papers(report.ids))
        }
        let day: String
        if let date {
            day = date
        } else {
            guard let newest = try library.listingDays().last else { throw CandidateError.emptyLibrary }
            day = newest
        }
        let papers = try library.papers(listedOn: day)
        guard !papers.isEmpty else { throw CandidateError.emptyDay(day) }
        return CandidateDay(day: day, papers: papers)
    }

    enum CandidateError: Error, CustomStringConvertible {
        case emptyFile(String)
        case emptyLibrary
        case emptyDay(String)

        var description: String {
            switch self {
            case .emptyFile(let file):
                return "\(file): no papers in it: give a digest, RSS, Atom, OAI-PMH or snapshot file"
            case .emptyLibrary:
                return "the library is empty: ingest a digest or listing first (`arxrec ingest FILE`)"
            case .emptyDay(let day):
                return "no papers announced on \(day) in the library: ingest that day's digest or listing first (`arxrec ingest FILE` or `arxrec fetch --category cs.CV --date \(day)`)"
            }
        }
    }
}
