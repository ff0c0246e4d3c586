import ArgumentParser
import ArxivClient
import ArxivFormats
import Library
import Recommender

struct RateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rate",
        abstract: "Like, dislike or clear a paper to tune a profile.",
        discussion: """
        The id may be in any form arXiv uses: 2512.19693, 2512.19693v1, arXiv:2512.19693, hep-th/9901001 or \
        an abs/pdf URL. A number alone is a position instead: `arxrec rate 3 like` rates the third paper of \
        the shortlist shown last for the profile (by `arxrec shortlist` or written by `arxrec daily`), \
        numbered as it was printed, even after later ratings. No arXiv id is digits only, so the two never \
        collide. A paper that is not in the library is fetched from arXiv first; when that cannot be done \
        (--offline, arXiv unreachable) nothing is rated and the exit status is 69, as for `fetch`. \
        The rating is committed before the command returns; the next shortlist uses it.

        Examples:
          arxrec rate 2512.19693 like
          arxrec rate 3 like
          arxrec rate https://arxiv.org/abs/2512.19692v1 dislike --profile vision
          arxrec rate 2512.19693 clear
        """
    )

    enum Verdict: String, ExpressibleByArgument, CaseIterable { case like, dislike, clear }

    @OptionGroup(title: "Library") var library: LibraryOptions
    @OptionGroup var profileOption: ProfileOption
    @OptionGroup(title: "Network") var network: NetworkOptions

    @Argument(help: "The paper's arXiv id or URL, or its number in the last shortlist shown.") var id: String
    @Argument(help: "like, dislike or clear.") var verdict: Verdict

    func validate() throws {
        _ = try ArxivIDArgument.parseReference(id)
    }

    func run() async throws {
        let reference = try ArxivIDArgument.parseReference(id)
        let model = try library.loadModel()
        let store = try library.openLibrary(model: model)
        let profile = profileOption.profile
        let arxivID: ArxivID
        switch reference {
        case .id(let parsed): arxivID = parsed
        case .position(let position): arxivID = try LastShortlist.load(profile: profile, from: store).paper(at: position)
        }
        if verdict == .clear {
            let removed = try store.clearRating(arxivID, profile: profile)
            print(removed ? "cleared \(arxivID.base) from profile \(profile)" : "\(arxivID.base) was not rated in profile \(profile)")
            return
        }
        let paper = try await PaperResolver(library: store, client: network.client()).resolve(arxivID)
        try store.rate(paper.id, verdict == .like ? .like : .dislike, profile: profile)
        print("\(verdict == .like ? "liked" : "disliked") \(paper.id.base) in profile \(profile): \(paper.title)")
    }
}

/// Finds papers in the library, fetching those that are missing when the network is allowed.
struct PaperResolver {
    let library: Library
    let client: ArxivClient?

    func resolve(_ id: ArxivID) async throws -> StoredPaper {
        let resolved = try await resolve([id])
        if let failure = resolved.failures.first { throw failure }
        guard let paper = resolved.papers.first else { throw ResolveError.unknown(id) }
        return paper
    }

    /// Every paper of `ids` that is in the library or could be fetched (one batched request for all the
    /// missing ones), in the order of `ids`, and why each of the others is not.
    func resolve(_ ids: [ArxivID]) async throws -> (papers: [StoredPaper], failures: [ResolveError]) {
        let stored = Dictionary(try library.papers(ids).map { ($0.id.base, $0) }, uniquingKeysWith: { first, _ in first })
        let missing = ids.filter { stored[$0.base] == nil }
        var fetched: [String: StoredPaper] = [:]
        var failures: [ResolveError] = []
        if !missing.isEmpty {
            guard let client else { return (ids.compactMap { stored[$0.base] }, missing.map(ResolveError.offline)) }
            let papers: [Paper]
            do {
                papers = try await client.fetch(ids: missing)
            } catch let error as ArxivClientError {
                return (ids.compactMap { stored[$0.base] }, missing.map { ResolveError.unreachable($0, error) })
            }
            if !papers.isEmpty { _ = try library.ingest(papers, source: "arXiv API") }
            for paper in try library.papers(missing) { fetched[paper.id.base] = paper }
            failures = missing.filter { fetched[$0.base] == nil }.map(ResolveError.unknown)
        }
        return (ids.compactMap { stored[$0.base] ?? fetched[$0.base] }, failures)
    }

    enum ResolveError: CommandFailure {
        case offline(ArxivID)
        case unreachable(ArxivID, ArxivClientError)
        case unknown(ArxivID)

        /// A paper that cannot be fetched is `fetch`'s 69 (or 75 when arXiv is busy); an id arXiv does
        /// not know is bad input data.
        var exitStatus: ExitCode {
            switch self {
            case .offline: return ExitStatus.unavailable
            case .unreachable(_, let error): return error.exitStatus
            case .unknown: return ExitStatus.dataError
            }
        }

        var description: String {
            switch self {
            case .offline(let id):
                return "\(id) is not in the library: add it with `arxrec ingest FILE` or `arxrec fetch --ids \(id)` (without --offline)"
            case .unreachable(let id, let error):
                return "\(id) is not in the library and arXiv could not be reached (\(error)): add it with `arxrec ingest FILE` or retry online"
            case .unknown(let id):
                return "arXiv has no paper \(id): check the id (a typo?)"
            }
        }
    }
}
