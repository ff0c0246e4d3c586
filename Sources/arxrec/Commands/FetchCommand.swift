import ArgumentParser
import ArxivClient
import ArxivFormats
import Foundation
import Library
import Recommender

struct FetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Fetch papers from arXiv into the library: a day's listing or given ids.",
        discussion: """
        --category fetches today's RSS listing of a category (arXiv's RSS only serves the current day; \
        for an earlier --date the OAI-PMH interface is used). --ids fetches papers through the arXiv API, \
        100 per request. Requests are polite: at least 3 s apart, retried with backoff when arXiv is busy.

        Examples:
          arxrec fetch --category cs.CV
          arxrec fetch --category cs.CL --date 2025-12-22
          arxrec fetch --ids 2512.19693,2512.19692
        """
    )

    @OptionGroup(title: "Library") var library: LibraryOptions

    @Option(name: .long, help: ArgumentHelp("An arXiv category, e.g. cs.CV.", valueName: "category"))
    var category: String?

    @Option(name: .long, help: ArgumentHelp("The announcement day (YYYY-MM-DD) for --category.", valueName: "day"))
    var date: String?

    @Option(name: .long, help: ArgumentHelp("Comma-separated arXiv ids or URLs.", valueName: "ids"))
    var ids: String?

    func validate() throws {
        if (category == nil) == (ids == nil) { throw ValidationError("give either --category or --ids") }
        if let date, Day(date) == nil { throw ValidationError("--date '\(EchoedInput.shortened(date))' is not a day: use YYYY-MM-DD") }
        if date != nil && category == nil { throw ValidationError("--date goes with --category") }
        if let ids { _ = try ArxivIDArgument.parseList(ids) }
    }

    func run() async throws {
        let client = NetworkOptions.makeClient()
        let store = try library.openLibrary(model: try library.loadModel())
        var papers: [Paper] = []
        do {
            if let ids {
                let parsed = try ArxivIDArgument.parseList(ids)
                papers = try await client.fetch(ids: parsed)
                let found = Set(papers.map(\.id.base))
                for id in parsed where !found.contains(id.base) { printError("arXiv has no paper \(id): check the id") }
            } else if let category {
                if let date, let day = Day(date), day != Day.today {
                    papers = try await client.announcements(category: category, on: date)
                } else {
                    let listing = try await client.listing(category: category)
                    listing.issues.forEach { printError($0.description) }
                    papers = listing.papers
                }
            }
        } catch let error as ArxivClientError {
            printError("Error: \(error)")
            throw error.isOffline ? ExitStatus.unavailable : ExitStatus.temporaryFailure
        }
        let summary = try store.ingest(papers, source: "arXiv")
        print("fetched \(papers.count) papers: \(summary.inserted) new, \(summary.updated) updated, \(summary.unchanged) unchanged")
    }
}

struct HarvestCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "harvest",
        abstract: "Harvest a whole arXiv set through OAI-PMH into the library.",
        discussion: """
        Follows resumption tokens until the list is complete, ingesting page by page, politely (≥ 3 s \
        between requests). Sets are archives such as cs, math, physics:hep-th.

        Examples:
          arxrec harvest --from 2025-12-01 --set cs
          arxrec harvest --from 2025-12-01 --until 2025-12-07 --set cs --prefix arXivRaw
        """
    )

    @OptionGroup(title: "Library") var library: LibraryOptions

    @Option(name: .long, help: ArgumentHelp("First datestamp (YYYY-MM-DD).", valueName: "day")) var from: String
    @Option(name: .long, help: ArgumentHelp("Last datestamp (YYYY-MM-DD).", valueName: "day")) var until: String?
    @Option(name: .long, help: "The OAI-PMH set, e.g. cs.") var set: String
    @Option(name: .long, help: "Metadata prefix: arXiv or arXivRaw.") var prefix = "arXiv"

    func validate() throws {
        for day in [from] + (until.map { [$0] } ?? []) where Day(day) == nil {
            throw ValidationError("'\(EchoedInput.shortened(day))' is not a day: use YYYY-MM-DD")
        }
        if !["arXiv", "arXivRaw"].contains(prefix) { throw ValidationError("--prefix must be arXiv or arXivRaw") }
    }

    func run() async throws {
        let client = NetworkOptions.makeClient()
        let store = try library.openLibrary(model: try library.loadModel())
        let progress = ProgressBar(label: "harvesting \(set)")
        var inserted = 0
        var total = 0
        do {
            _ = try await client.harvest(set: set, from: from, until: until, prefix: prefix) { page in
                let summary = try store.ingest(page, source: "OAI-PMH \(set)")
                inserted += summary.inserted
                total += page.count
                progress.update(total)
            }
        } catch let error as ArxivClientError {
            progress.finish()
            printError("Error: \(error) (\(total) records were stored before it)")
            throw error.isOffline ? ExitStatus.unavailable : ExitStatus.temporaryFailure
        }
        progress.finish()
        print("harvested \(total) records: \(inserted) new")
    }
}
