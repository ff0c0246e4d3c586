import ArgumentParser
import ArxivFormats
import Foundation
import Library

/// A `--model` on a read-only command whose vectors the library lacks: opening the library with it
/// would re-embed every paper and replace the vector file, which a command that only reads must never
/// do (issue 18: `search --model DIR` did exactly that). `reindex --model DIR` is the command that
/// switches a library's model.
struct ModelSwitch: CommandFailure {
    let modelID: String
    let modelDirectory: String

    /// Throws when the library in `directory` has vectors of another model but none of `modelID`.
    static func refuseReEmbedding(in directory: URL, modelID: String, modelDirectory: String) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        let vectorFiles = names.filter(DataDirectory.isVectorFile)
        guard !vectorFiles.isEmpty, !vectorFiles.contains(DataDirectory.vectorFileName(modelID: modelID)) else { return }
        throw ModelSwitch(modelID: modelID, modelDirectory: modelDirectory)
    }

    var exitStatus: ExitCode { .failure }

    var description: String {
        let folder = EchoedInput.shortened(modelDirectory)
        return "--model \(folder): the library has no vectors of model \(modelID), and this command only reads: run `arxrec reindex --model \(folder)` first (it re-embeds the library), then repeat the command"
    }
}
