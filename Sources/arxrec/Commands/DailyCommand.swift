import ArgumentParser
import ArxivFormats
import Foundation

struct DailyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "daily",
        abstract: "Run the whole day unattended: ingest, rank for every profile, write the shortlists.",
        discussion: """
        Reads config.json in the data directory (every key optional):
          {"categories": ["cs.CV"], "digests": "~/digests", "profiles": ["default"],
           "top": 10, "formats": ["md", "json", "html", "atom"], "catchUpDays": 14,
           "serveURL": "http://127.0.0.1:8080", "mailTo": "me@example.org",
           "steering": {"threshold": "auto", "exclude": ["pose estimation"]},
           "profileSteering": {"default": {"include": ["diffusion"]}}}
        ingests that day's digest files (named YYYY-MM-DD….md in the digest folder) and, when online, the \
        arXiv listings of the categories; then writes shortlists/YYYY-MM-DD-<profile>.{md,json,html} and the \
        profile's Atom feed shortlists/<profile>.atom (its last \(ShortlistFeed.days) days) in the data \
        directory and logs one summary line per day. The HTML is mail-safe; with serveURL it and the feed \
        link each paper to its rating page on that `arxrec serve`. With --mail-to (or "mailTo") each \
        profile's HTML is mailed through the local sendmail (sendmail -i -- ADDRESS, found on PATH); \
        without one on PATH the job does nothing and exits 69. Without --date it catches up every day since \
        the last completed run, oldest first. Running twice for a day rewrites the same files. A day \
        without papers (weekend, holiday) is "no new papers", exit 0. Exit 75 means arXiv was busy or could \
        not be reached and nothing else covered the day: retry later (systemd does, see Scripts/systemd). \
        "top" is \(CountRange.shortlistTop.text), "catchUpDays" \(CountRange.catchUpDays.text), and profile \
        names follow --profile's rule; anything else, an unknown key, a missing config.json or a "digests" \
        folder that does not exist is a config error (exit 78). "steering" (every profile) and \
        "profileSteering" (one) take the keys of the options --threshold, --include, --exclude and \
        --category, which override them: by default each profile's list keeps only papers above a bar \
        learned from the profile's own scores, and a thin day's list is short ("Nothing else above the \
        bar today.").

        Examples:
          arxrec daily
          arxrec daily --date 2025-12-23 --offline
          arxrec daily --mail-to me@example.org
          arxrec daily --threshold 0.05 --exclude "pose estimation"
        """
    )

    @OptionGroup(title: "Library") var library: LibraryOptions
    @OptionGroup(title: "Network") var network: NetworkOptions

    @OptionGroup(title: "Steering") var steering: SteeringOptions

    @Option(name: .long, help: ArgumentHelp("Process this day only (YYYY-MM-DD) instead of catching up to today.", valueName: "day"))
    var date: String?

    @OptionGroup var output: SummaryFormatOptions

    @Option(name: .customLong("mail-to"), help: ArgumentHelp(
        "Mail each profile's HTML shortlist to this address through the local sendmail (overrides \"mailTo\").",
        valueName: "address"))
    var mailTo: String?

    func validate() throws {
        if let date, Day(date) == nil { throw ValidationError("--date '\(EchoedInput.shortened(date))' is not a day: use YYYY-MM-DD") }
        if let mailTo {
            do { _ = try MailAddress(mailTo) } catch { throw ValidationError("--mail-to: \(error)") }
        }
    }

    func run() async throws {
        let directory = library.resolvedDataDirectory
        let config = try DailyConfig.load(from: directory)
        try config.checkDigestFolder(dataDirectory: directory)
        // Mail is checked before the day's work: a machine without sendmail fails now, not after it.
        let address = try mailTo.map { text throws(MailError) in try MailAddress(text) } ?? config.mailAddress()
        let mail = try address.map { to throws(MailError) in MailDelivery(sendmail: try Sendmail.find(), to: to) }
        var job = DailyJob(dataDirectory: directory, config: config, recommender: try library.openRecommender(), client: network.client())
        job.serve = try config.serveLinks()
        job.mail = mail
        job.steeringOptions = steering.config
        let today = Day.today
        var state = DailyState.load(from: directory)
        let days = date.flatMap(Day.init).map { [$0] } ?? state.pendingDays(today: today, catchUpLimit: config.catchUpDays)
        var results: [DailyJob.DayResult] = []
        for day in days {
            let result = try await job.run(day: day, isToday: day == today)
            result.warnings.forEach { printError("warning: \($0)") }
            if output.chosen == .table { print(result.summary) }
            results.append(result)
            if date == nil, day < today || result.candidates > 0 {
                state.lastCompletedDay = day.description
                try state.save(to: directory)
            }
        }
        if output.chosen == .json { print(try JSONOutput.string(["days": results])) }
        if results.contains(where: { $0.arxivUnreachable && $0.candidates == 0 }) && !config.categories.isEmpty {
            printError("arXiv could not be reached and no digest covered the day: retry later")
            throw ExitStatus.temporaryFailure
        }
        if results.contains(where: { $0.skippedRecords > 0 }) { throw ExitStatus.partial }
    }
}
