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
        --offline); those that cannot be found are reported and skipped (exit status 2).

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
        let text: String
        if file == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw ValidationError("\(file): cannot read the file")
            }
            text = String(decoding: data, as: UTF8.self)
        }
        let list = ArxivIDList.parse(text, file: file)
        list.issues.forEach { printError($0.description) }
        guard !list.ids.isEmpty else {
            printError("Error: \(file): no arXiv ids found")
            throw ExitStatus.dataError
        }
        let model = try library.loadModel()
        let store = try library.openLibrary(model: model)
        let resolver = PaperResolver(library: store, client: network.client())
        var liked = 0
        var failed = list.issues.count
        for id in list.ids {
            do {
                let paper = try await resolver.resolve(id)
                try store.rate(paper.id, .like, profile: profileOption.profile)
                liked += 1
            } catch {
                printError("\(file): \(error)")
                failed += 1
            }
        }
        print("liked \(liked) papers in profile \(profileOption.profile)\(failed > 0 ? ", \(failed) skipped" : "")")
        if failed > 0 { throw ExitStatus.partial }
    }
}
