import ArxivClient
import ArxivFormats
import Foundation
import Library
import Recommender

/// The unattended day: ingest the day's digests (and arXiv listings when online), rank for every
/// profile, write `shortlists/YYYY-MM-DD-<profile>.{md,json,html}` and the profile's feed
/// `shortlists/<profile>.atom`, and mail the HTML when asked. Idempotent: a second run for the same day
/// re-ingests nothing new and rewrites the same files (and mails again).
struct DailyJob {
    let dataDirectory: URL
    let config: DailyConfig
    let recommender: Recommender
    let client: ArxivClient?
    /// Where `arxrec serve` runs (`serveURL`), for the rating links of the HTML and the feed.
    var serve: ServeLinks? = nil
    /// Mail each profile's HTML (`--mail-to`, `mailTo`), after its files are written.
    var mail: MailDelivery? = nil
    /// `daily`'s steering options, over each profile's steering from the config.
    var steeringOptions = SteeringConfig()

    /// What one day produced; `summary` is the one log line.
    struct DayResult: Encodable {
        var day: String
        var ingested = 0
        var newPapers = 0
        var candidates = 0
        var files: [String] = []
        var warnings: [String] = []
        var skippedRecords = 0
        var arxivUnreachable = false
        /// How many shortlists were mailed (`--mail-to`).
        var mailed = 0

        var summary: String {
            if candidates == 0 {
                return "arxrec daily \(day): no new papers" + (warnings.isEmpty ? "" : " (\(warnings.count) warnings)")
            }
            return "arxrec daily \(day): \(ingested) papers read (\(newPapers) new), \(candidates) candidates, "
                + "wrote \(files.count) files" + (mailed > 0 ? ", mailed \(mailed)" : "")
                + (warnings.isEmpty ? "" : ", \(warnings.count) warnings")
        }
    }

    var library: Library { recommender.library }
    var shortlistFolder: URL { dataDirectory.appendingPathComponent(DataDirectory.shortlistFolderName, isDirectory: true) }

    func run(day: Day, isToday: Bool) async throws -> DayResult {
        var result = DayResult(day: day.description)
        let digestIDs = try ingestDigests(for: day, into: &result)
        if let client, !config.categories.isEmpty {
            await fetchListings(for: day, isToday: isToday, client: client, into: &result)
        }
        // The day's papers: those announced that day plus every paper of the day's digest files (a
        // digest's own heading may name another day).
        var papers = try library.papers(listedOn: day.description)
        let known = Set(papers.map(\.id.base))
        papers += try library.papers(digestIDs.filter { !known.contains($0.base) })
        result.candidates = papers.count
        guard !papers.isEmpty else { return result }
        try createShortlistFolder()
        for profile in config.profiles {
            let shortlist: Shortlist
            do {
                shortlist = try recommender.shortlist(
                    for: profile, candidates: papers, date: day.description, top: config.top,
                    steering: config.resolvedSteering(for: profile).overridden(by: steeringOptions).steering)
            } catch let error as RecommenderError {
                result.warnings.append("profile \(profile): \(error)")
                continue
            }
            let json = try JSONOutput.string(shortlist)
            try library.saveShortlist(day: day.description, profile: profile, json: Data(json.utf8))
            let renderer = ShortlistRenderer(shortlist: shortlist, serve: serve)
            for format in config.formats {
                var url = shortlistFolder.appendingPathComponent("\(day.description)-\(profile).\(format.rawValue)")
                let text: String
                switch format {
                case .md: text = renderer.markdown()
                case .json: text = json + "\n"
                case .html: text = renderer.html()
                case .atom:
                    url = shortlistFolder.appendingPathComponent(ShortlistFeed.fileName(profile: profile))
                    text = ShortlistFeed(profile: profile, shortlists: feedShortlists(shortlist, day: day), serve: serve).document()
                }
                // Atomic replace: a reader never sees half a file, a rerun rewrites the same bytes.
                try OutputFile(url).write(Data(text.utf8))
                result.files.append(url.path)
            }
            if let mail {
                try mail.send(shortlist, html: renderer.html())
                result.mailed += 1
            }
        }
        return result
    }

    /// The day's shortlist and the profile's stored shortlists of the ``ShortlistFeed/days`` days before it
    /// (from the library, where `daily` and `shortlist` keep them). A stored list that cannot be read is
    /// left out of the feed: the feed is a convenience, the day's own files are what must be written.
    private func feedShortlists(_ shortlist: Shortlist, day: Day) -> [Shortlist] {
        var shortlists = [shortlist]
        for back in 1 ..< ShortlistFeed.days {
            let earlier = day.adding(days: -back).description
            guard let data = try? library.shortlist(day: earlier, profile: shortlist.profile),
                  let stored = try? JSONDecoder().decode(Shortlist.self, from: data) else { continue }
            shortlists.append(stored)
        }
        return shortlists
    }

    /// `shortlists/` in the data directory; something else already there by that name is an error, never replaced.
    private func createShortlistFolder() throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: shortlistFolder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw OutputFileError.notAFolder(path: shortlistFolder.path) }
            return
        }
        do {
            try FileManager.default.createDirectory(at: shortlistFolder, withIntermediateDirectories: true)
        } catch {
            throw OutputFileError.cannotWrite(path: shortlistFolder.path, reason: (error as NSError).localizedDescription)
        }
    }

    /// Ingests every digest file named for the day (`YYYY-MM-DD*.md` in the digest folder); returns
    /// the ids they hold.
    private func ingestDigests(for day: Day, into result: inout DayResult) throws -> [ArxivID] {
        guard let folder = config.digestFolder(dataDirectory: dataDirectory) else { return [] }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            result.warnings.append("digest folder \(folder.path) cannot be read: create it or fix \"digests\" in \(DailyConfig.fileName)")
            return []
        }
        let ingestor = PaperIngestor(library: library)
        var ids: [ArxivID] = []
        for name in names.sorted() where name.hasPrefix(day.description) && !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            do {
                let report = try ingestor.ingest(url, format: nil, file: url.path, collectIDs: true)
                ids += report.ids
                result.ingested += report.read
                result.newPapers += report.inserted
                result.skippedRecords += report.skipped.count
                report.skipped.forEach { printError($0) }
            } catch {
                result.warnings.append("\(error)")
            }
        }
        return ids
    }

    /// Today's RSS listing per category; a missed day through OAI-PMH. Network trouble is a warning:
    /// the digests alone still make a shortlist.
    private func fetchListings(for day: Day, isToday: Bool, client: ArxivClient, into result: inout DayResult) async {
        for category in config.categories {
            do {
                let papers: [Paper]
                if isToday {
                    papers = try await client.listing(category: category).papers
                } else {
                    papers = try await client.announcements(category: category, on: day.description)
                }
                // A listing's papers belong to the day being processed.
                let dated = papers.map { paper -> Paper in
                    var paper = paper
                    if paper.published == nil { paper.published = day.date }
                    return paper
                }
                let summary = try library.ingest(dated, source: "arXiv \(category) \(day)")
                result.ingested += dated.count
                result.newPapers += summary.inserted
            } catch let error as ArxivClientError {
                result.arxivUnreachable = true
                result.warnings.append("\(category): \(error)")
            } catch {
                result.warnings.append("\(category): \(error)")
            }
        }
    }
}

/// Which days the job still owes: the day after the last completed one up to today, oldest first.
struct DailyState: Codable {
    var lastCompletedDay: String?

    static let fileName = DataDirectory.dailyStateFileName

    static func load(from directory: URL) -> DailyState {
        let url = directory.appendingPathComponent(fileName)
        guard let data = FileManager.default.contents(atPath: url.path),
              let state = try? JSONDecoder().decode(DailyState.self, from: data) else { return DailyState() }
        return state
    }

    func save(to directory: URL) throws {
        try OutputFile(directory.appendingPathComponent(Self.fileName)).write(try JSONEncoder().encode(self))
    }

    /// The days after the last completed one up to today, at most `catchUpLimit` (at least one) of the
    /// newest: a state file from long ago never makes the job walk years of days.
    func pendingDays(today: Day, catchUpLimit: Int) -> [Day] {
        guard let last = lastCompletedDay.flatMap(Day.init), last < today else { return [today] }
        let earliest = today.adding(days: 1 - max(1, catchUpLimit))
        var days: [Day] = []
        var day = max(last.adding(days: 1), earliest)
        while day <= today {
            days.append(day)
            day = day.adding(days: 1)
        }
        return days
    }
}
