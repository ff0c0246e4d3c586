import ArgumentParser
import ArxivFormats
import Foundation
import Library
import Recommender

struct IngestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ingest",
        abstract: "Add papers from digests, arXiv feeds or snapshot files to the library.",
        discussion: """
        Reads each file (a folder: every file in it, sorted; '-': standard input), detects its format from \
        the content unless --input-format says it, and stores every paper with its embedding. Re-ingesting a file \
        changes nothing; a newer version of a paper updates it in place. A malformed record is reported as \
        file:line on stderr and skipped; the exit status is then 2. A file with nothing usable in it is \
        bad input data (65, or 2 when other files were ingested); a missing or unreadable file is an error \
        (1). A full disk or an unwritable library stops the ingest with exit status 1; every batch \
        stored before it stays.

        Formats: digest (the daily markdown table), atom (arXiv API), rss (rss.arxiv.org listings), \
        oai (OAI-PMH ListRecords, arXiv or arXivRaw), snapshot (Kaggle arxiv-metadata-oai-snapshot JSON lines). \
        --format is the summary's output format, as in every command; --format with an input format's \
        name (`--format snapshot`, this command's old spelling) still means --input-format.

        Examples:
          arxrec ingest ~/digests/2025-12-23.md
          arxrec ingest ~/digests/
          gzip -dc arxiv-metadata-oai-snapshot.json.gz | arxrec ingest --input-format snapshot -
          arxrec ingest ~/digests/ --format json
        """
    )

    enum FormatChoice: String, ExpressibleByArgument, CaseIterable {
        case auto, digest, atom, rss, oai, snapshot
        var sourceFormat: SourceFormat? { SourceFormat(rawValue: rawValue) }
    }

    @OptionGroup(title: "Library") var library: LibraryOptions

    @Argument(help: ArgumentHelp("Files or folders to read; '-' reads standard input.", valueName: "path"))
    var paths: [String]

    @Option(name: .customLong("input-format"), help: "The source format.")
    var inputFormat: FormatChoice?

    /// `--format table|json` like every command; an input format's name here is the old spelling of
    /// `--input-format` (the two sets of names are disjoint), so `ingest --format snapshot -` still works.
    @Option(name: .long, help: ArgumentHelp("Output format of the summary: table or json.", valueName: "format"))
    var format: String?

    @Option(name: .customLong("output"), help: ArgumentHelp("The old name of --format.", visibility: .hidden))
    var output: TableOrJSONOptions.Format?

    /// The source format asked for, by `--input-format` or the old `--format NAME`.
    var sourceChoice: FormatChoice { inputFormat ?? format.flatMap(FormatChoice.init(rawValue:)) ?? .auto }

    /// The summary's format, by `--format` or the old `--output`.
    var summaryFormat: TableOrJSONOptions.Format {
        format.flatMap(TableOrJSONOptions.Format.init(rawValue:)) ?? output ?? .table
    }

    func validate() throws {
        if let format, TableOrJSONOptions.Format(rawValue: format) == nil && FormatChoice(rawValue: format) == nil {
            throw ValidationError("--format '\(EchoedInput.shortened(format))' is not table or json (an input format goes to --input-format: \(FormatChoice.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if paths.isEmpty { throw ValidationError("give at least one file or folder to ingest, or '-' for standard input") }
    }

    func run() throws {
        let sources = try SourcePaths.expand(paths)
        let model = try library.loadModel()
        let store = try library.openLibrary(model: model)
        let ingestor = PaperIngestor(library: store)
        var reports: [PaperIngestor.Report] = []
        var failures: [ExitCode] = []
        for source in sources {
            let progress = ProgressBar(label: "ingesting \(source.name)")
            do {
                let report = try ingestor.ingest(source.url, format: sourceChoice.sourceFormat, file: source.name) { progress.update($0) }
                progress.finish()
                report.skipped.forEach { printError($0) }
                reports.append(report)
            } catch let error as FeedParseError {
                // This file is unusable; the others may not be.
                progress.finish()
                printError("Error: \(error)")
                failures.append(error.exitStatus)
            } catch {
                // The library itself failed (a full disk, a read-only directory): no later file could be stored.
                progress.finish()
                throw error
            }
        }
        // Planner statistics for the grown tables, and the WAL folded back (bounded work, never waits).
        if reports.contains(where: { $0.inserted > 0 }) { try store.optimize() }
        switch summaryFormat {
        case .json:
            print(try JSONOutput.string(["files": reports]))
        case .table:
            for report in reports {
                print("\(report.file): \(report.read) read, \(report.inserted) new, \(report.updated) updated, "
                    + "\(report.unchanged) unchanged, \(report.skipped.count) skipped")
            }
        }
        if !failures.isEmpty {
            guard reports.isEmpty else { throw ExitStatus.partial }
            throw failures.contains(.failure) ? ExitCode.failure : ExitStatus.dataError
        }
        if reports.contains(where: { !$0.skipped.isEmpty }) { throw ExitStatus.partial }
    }
}

/// Command-line paths expanded to the sources they name.
enum SourcePaths {
    struct Source {
        let url: URL?
        let name: String
    }

    /// A folder becomes its regular, non-hidden files in name order; '-' is standard input. A missing
    /// or unreadable path is an ``InputFileError`` (exit 1) before anything is read.
    static func expand(_ paths: [String]) throws -> [Source] {
        var sources: [Source] = []
        for path in paths {
            if path == "-" {
                sources.append(Source(url: nil, name: "<stdin>"))
                continue
            }
            if try InputFile.check(path, folders: true) {
                let folder = URL(fileURLWithPath: path, isDirectory: true)
                let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }.sorted()
                for name in names {
                    let url = folder.appendingPathComponent(name)
                    var childIsDirectory: ObjCBool = false
                    if FileManager.default.fileExists(atPath: url.path, isDirectory: &childIsDirectory), !childIsDirectory.boolValue {
                        sources.append(Source(url: url, name: url.path))
                    }
                }
            } else {
                sources.append(Source(url: URL(fileURLWithPath: path), name: path))
            }
        }
        return sources
    }
}
