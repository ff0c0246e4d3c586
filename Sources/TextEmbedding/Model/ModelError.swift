import Foundation

/// Why a model could not be loaded, written or fitted. Each message is one line that names the file or
/// the setting and says what to do.
public enum ModelError: Error, CustomStringConvertible, Equatable {
    /// No default model was found in any of the searched directories.
    case notFound(searched: [String])
    /// A file the model needs does not exist.
    case missingFile(path: String)
    /// A file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// `model.json` is not valid JSON of the expected shape.
    case badJSON(path: String, reason: String)
    /// The model was written by a different format version.
    case unsupportedFormatVersion(name: String, found: Int, supported: Int)
    /// A binary artifact's header is not the expected one.
    case badHeader(path: String, reason: String)
    /// A binary artifact has the wrong number of bytes (typically truncated).
    case sizeMismatch(path: String, expected: Int, actual: Int)
    /// The artifacts' bytes do not hash to the id recorded in `model.json`.
    case checksumMismatch(path: String, recorded: String, computed: String)
    /// An artifact's content breaks an invariant (unsorted buckets, a bucket out of range…).
    case invalidArtifact(path: String, reason: String)
    /// A definition value is out of range.
    case invalidDefinition(name: String, String)
    /// Fitting needs papers with text.
    case emptyCorpus
    /// Too few buckets pass the document-frequency threshold for the requested dimension.
    case tooFewBuckets(kept: Int, dimension: Int, minimumDocumentFrequency: Int)
    /// The SVD failed.
    case fitFailed(String)
    /// Writing the model failed.
    case writeFailed(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let searched):
            "no embedding model found (looked in \(searched.joined(separator: ", "))); set ARXREC_MODEL_DIR to a "
                + "model folder or run `arxrec model fit`"
        case .missingFile(let path):
            "\(path): model file missing; re-fit with `arxrec model fit` or restore the model folder"
        case .unreadable(let path, let reason):
            "\(path): cannot read model file (\(reason))"
        case .badJSON(let path, let reason):
            "\(path): not a valid model.json (\(reason)); restore it or re-fit the model"
        case .unsupportedFormatVersion(let name, let found, let supported):
            "model \(name): format version \(found), this arxrec reads version \(supported); re-fit the model"
        case .badHeader(let path, let reason):
            "\(path): bad artifact header (\(reason)); restore the file or re-fit the model"
        case .sizeMismatch(let path, let expected, let actual):
            "\(path): \(actual) bytes, expected \(expected) (truncated or wrong file); restore it or re-fit the model"
        case .checksumMismatch(let path, let recorded, let computed):
            "\(path): records id \(recorded) but its files hash to \(computed) (corrupted or edited); restore or re-fit"
        case .invalidArtifact(let path, let reason):
            "\(path): \(reason); restore the file or re-fit the model"
        case .invalidDefinition(let name, let message):
            "model \(name): invalid definition: \(message)"
        case .emptyCorpus:
            "cannot fit a model: the corpus has no papers with text"
        case .tooFewBuckets(let kept, let dimension, let minimumDocumentFrequency):
            "cannot fit a \(dimension)-d projection: only \(kept) buckets occur in ≥ \(minimumDocumentFrequency) "
                + "papers; lower --min-df or --dimension, or fit a larger corpus"
        case .fitFailed(let reason):
            "fitting the projection failed: \(reason)"
        case .writeFailed(let path, let reason):
            "\(path): cannot write model (\(reason))"
        }
    }
}
