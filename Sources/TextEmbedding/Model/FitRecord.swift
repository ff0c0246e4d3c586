import Foundation

/// How a model was fitted: kept in `model.json` for people and benchmarks, never part of the model id.
public struct FitRecord: Codable, Sendable, Equatable {
    /// The corpus file name (not its full path, which is machine-specific).
    public var corpus: String?
    /// Papers fitted.
    public var papers: Int
    /// Wall-clock seconds of the fit (featurizing, idf, SVD, projection).
    public var seconds: Double
    /// When the fit ran, ISO 8601 UTC.
    public var date: String
    /// CPU model and core count of the machine that ran it.
    public var machine: String
    /// Buckets that got a projection row (document frequency ≥ the definition's minimum).
    public var projectionBuckets: Int
    /// Non-zero entries of the fitted tf-idf matrix (projection buckets only).
    public var matrixNonzeros: Int
    /// The largest singular values, for a glance at the spectrum.
    public var leadingSingularValues: [Float]
    /// Bytes of the artifact files.
    public var artifactBytes: Int

    public init(
        corpus: String?, papers: Int, seconds: Double, date: String, machine: String, projectionBuckets: Int,
        matrixNonzeros: Int, leadingSingularValues: [Float], artifactBytes: Int
    ) {
        self.corpus = corpus
        self.papers = papers
        self.seconds = seconds
        self.date = date
        self.machine = machine
        self.projectionBuckets = projectionBuckets
        self.matrixNonzeros = matrixNonzeros
        self.leadingSingularValues = leadingSingularValues
        self.artifactBytes = artifactBytes
    }

    /// "AMD EPYC … (2 cores)" from /proc/cpuinfo where available.
    static var currentMachine: String {
        let cores = ProcessInfo.processInfo.activeProcessorCount
        if let cpuinfo = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
            let line = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
            let colon = line.firstIndex(of: ":")
        {
            return "\(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)) (\(cores) cores)"
        }
        return "\(cores) cores"
    }
}
