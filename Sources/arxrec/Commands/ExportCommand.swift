import ArgumentParser
import ArxivFormats
import Foundation
import Library

/// `arxrec export`: the library's embedding matrix for analysis with standard tools.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the library's embedding vectors as a NumPy .npy file.",
        discussion: """
        Writes every library paper's dense vector (the rows `similar` scans) as a float32 array of shape \
        (papers, dimension), C order (.npy format 1.0), and with --ids the papers' arXiv ids, one per line, \
        in the order of the rows.

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
        let model = try library.loadModel()
        let opened = try library.openLibrary(model: model)
        let rowIDs = try opened.allVectorIDs()
        // Rows no paper points to any more (superseded texts) are left out.
        let live = rowIDs.indices.compactMap { row in rowIDs[row].map { (row, $0) } }
        try opened.withVectors { view in
            let file = NumPyArrayFile(rows: live.count, columns: view.dimension)
            try file.write(to: URL(fileURLWithPath: vectors)) { view.row(live[$0].0) }
        }
        if let ids {
            let text = live.map { $0.1.base + "\n" }.joined()
            do { try Data(text.utf8).write(to: URL(fileURLWithPath: ids), options: .atomic) } catch {
                throw ValidationError("cannot write \(ids): \(error.localizedDescription)")
            }
        }
        printError("wrote \(live.count) × \(opened.dimension) float32 to \(vectors)" + (ids.map { " and ids to \($0)" } ?? ""))
    }
}
