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
        collide. A paper that is not in the library is fetched from arXiv first (unless --offline). \
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

    func run() async throws {
        let reference: PaperReference
        do { reference = try PaperReference(parsing: id) } catch { throw ValidationError(error.description) }
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

/// Finds a paper in the library, fetching it from arXiv when it is missing and the network is allowed.
struct PaperResolver {
    let library: Library
    let client: ArxivClient?

    func resolve(_ id: ArxivID) async throws -> StoredPaper {
        if let paper = try library.paper(id) { return paper }
        guard let client else { throw ResolveError.offline(id) }
        let fetched: [Paper]
        do {
            fetched = try await client.fetch(ids: [id])
        } catch {
            throw ResolveError.unreachable(id, "\(error)")
        }
        guard !fetched.isEmpty else { throw ResolveError.unknown(id) }
        _ = try library.ingest(fetched, source: "arXiv API")
        guard let paper = try library.paper(id) else { throw ResolveError.unknown(id) }
        return paper
    }

    enum ResolveError: Error, CustomStringConvertible {
        case offline(ArxivID)
        case unreachable(ArxivID, String)
        case unknown(ArxivID)

        var description: String {
            switch self {
            case .offline(let id):
                return "\(id) is not in the library: add it with `arxrec ingest FILE` or `arxrec fetch --ids \(id)` (without --offline)"
            case .unreachable(let id, let reason):
                return "\(id) is not in the library and arXiv could not be reached (\(reason)): add it with `arxrec ingest FILE` or retry online"
            case .unknown(let id):
                return "arXiv has no paper \(id): check the id (a typo?)"
            }
        }
    }
}
