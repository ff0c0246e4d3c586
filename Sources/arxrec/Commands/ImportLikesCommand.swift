import ArgumentParser
import ArxivFormats
import Foundation
import Library

struct ImportLikesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import-likes",
        abstract: "Like every paper of a BibTeX file or a list of ids.",
        discussion: """
        BibTeX entries give their arXiv id in `eprint`, `url` or `doi` (10.48550/arXiv.ID); a plain list has one \
        id or URL per line ('#' starts a comment). Papers not in the library are fetched from arXiv (unless \
        --offline). The import is all or nothing: the likes are stored in one transaction, and when a line \
        is not an arXiv id or a paper cannot be found or fetched, every such line is reported and nothing \
        is liked (exit status 65, or 69 when arXiv could not be reached). BibTeX entries without any arXiv id \
        (books, journal papers) are reported and skipped; the rest is liked and the exit status is 2.

        Examples:
          arxrec import-likes ~/papers/references.bib
          arxrec import-likes liked.txt --profile vision
        """
    )

    @OptionGroup(title: "Library") var library: LibraryOptions
    @OptionGroup var profileOption: ProfileOption
    @OptionGroup(title: "Network") var network: NetworkOptions

    @Argument(help: "A .bib file or a text file of ids/URLs ('-' for standard input).") var file: String

    func run() async throws {
        let data = try InputFile.read(file)
        let text = String(decoding: data, as: UTF8.self)
        let list = ArxivIDList.parse(data, file: file)
        list.issues.forEach { printError($0.description) }
        // A BibTeX entry that is not an arXiv paper is skipped; a line that should be an id and is not
        // is an error in the list, and a partial import would hide it.
        let isBibTeX = ArxivIDList.looksLikeBibTeX(text)
        guard !list.ids.isEmpty else { throw ImportError.noIDs(file) }
        if !isBibTeX && !list.issues.isEmpty { throw ImportError.nothingImported(file, list.issues.count, ExitStatus.dataError) }

        let model = try library.loadModel()
        let store = try library.openLibrary(model: model)
        let resolved = try await PaperResolver(library: store, client: network.client()).resolve(list.ids)
        resolved.failures.forEach { printError("\(file): \($0)") }
        if !resolved.failures.isEmpty {
            let offline = resolved.failures.contains { $0.exitStatus == ExitStatus.unavailable || $0.exitStatus == ExitStatus.temporaryFailure }
            throw ImportError.nothingImported(
                file, resolved.failures.count, offline ? ExitStatus.unavailable : ExitStatus.dataError)
        }
        try store.rate(resolved.papers.map(\.id), .like, profile: profileOption.profile)
        let skipped = list.issues.count
        print("liked \(resolved.papers.count) papers in profile \(profileOption.profile)\(skipped > 0 ? ", \(skipped) skipped" : "")")
        if skipped > 0 { throw ExitStatus.partial }
    }

    enum ImportError: CommandFailure {
        case noIDs(String)
        case nothingImported(String, Int, ExitCode)

        var exitStatus: ExitCode {
            switch self {
            case .noIDs: return ExitStatus.dataError
            case .nothingImported(_, _, let status): return status
            }
        }

        var description: String {
            switch self {
            case .noIDs(let file):
                return "\(EchoedInput.shortened(file)): no arXiv ids found"
            case .nothingImported(let file, let count, _):
                return "\(EchoedInput.shortened(file)): nothing was imported, \(count) \(count == 1 ? "line" : "lines") above cannot be liked: fix or remove \(count == 1 ? "it" : "them") and import again"
            }
        }
    }
}
