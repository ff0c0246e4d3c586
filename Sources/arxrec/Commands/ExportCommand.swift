import ArgumentParser
import ArxivFormats
import Foundation
import Library
import Recommender

/// `arxrec export`: the library's embedding matrix for analysis with standard tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the library's embedding vectors as a NumPy .npy file.",
        discussion: """
        Writes every library paper's dense vector (the rows `similar` scans) as a float32 array of shape \
        (papers, dimension), C order (.npy format 1.0), and with --ids the papers' arXiv ids, one per line, \
        in the order of the rows. Each file is written beside its target and renamed over it, so an \
        existing file is replaced whole or not at all; a path that is a folder (or anything but a file) is \
        an error and nothing is written. A row found damaged (bit rot in the vector file) is re-embedded from \
        the paper's stored text before it is written; where the library cannot be written, export stops \
        and names the papers instead of writing a damaged row.

        Examples:
          arxrec export --vectors vectors.npy --ids ids.txt
          python3 -c "import numpy; v = numpy.load('vectors.npy'); print(v.shape)"
        """
    )

    @OptionGroup(title: "Library") var library: LibraryOptions

    @Option(help: ArgumentHelp("The .npy file to write.", valueName: "file.npy"))
    var vectors: String

    @Option(help: ArgumentHelp("Also write the ids of the rows, one per line, to this file.", valueName: "file.txt"))
    var ids: String?

    func run() throws {
        // Both targets are checked before either is written: a bad --ids leaves --vectors untouched too.
        let vectorsFile = OutputFile(vectors)
        let idsFile = ids.map(OutputFile.init)
        _ = try vectorsFile.checkedTarget()
        _ = try idsFile?.checkedTarget()
        let model = try library.loadModel()
        let opened = try library.openLibrary(model: model, access: .readOnlyWhereUnwritable)
        let rowIDs = try opened.allVectorIDs()
        // Rows no paper points to any more (superseded texts) are left out.
        let live = rowIDs.indices.compactMap { row in rowIDs[row].map { (row, $0) } }
        let damaged = try opened.repairedRows(Set(live.map(\.0)))
        if !damaged.isEmpty {
            throw ExportError.damagedRows(damaged.sorted().compactMap { rowIDs[$0]?.base }, opened.directory.path)
        }
        try opened.withVectors { view in
            let file = NumPyArrayFile(rows: live.count, columns: view.dimension)
            try file.write(to: vectorsFile) { view.row(live[$0].0) }
        }
        if let idsFile {
            try idsFile.write(Data(live.map { $0.1.base + "\n" }.joined().utf8))
        }
        printError("wrote \(live.count) × \(opened.dimension) float32 to \(vectors)" + (ids.map { " and ids to \($0)" } ?? ""))
    }
}

/// Why `export` wrote nothing.
enum ExportError: CommandFailure {
    /// Rows that are damaged and could not be repaired (a library this process cannot write).
    case damagedRows([String], String)

    var exitStatus: ExitCode { .failure }

    var description: String {
        switch self {
        case .damagedRows(let ids, let directory):
            let named = ids.prefix(3).joined(separator: ", ") + (ids.count > 3 ? " and \(ids.count - 3) more" : "")
            return "the vector rows of \(named) are damaged and \(directory) cannot be written to repair them: "
                + "run `arxrec reindex` where the library is writable, then export again; nothing was written"
        }
    }
}
