public import Foundation

/// A real input file the fuzz tests damage: every format arxrec reads, from `../shared/data` and the
/// hand-written RSS and OAI-PMH fixtures (arXiv's documented formats; `../shared/data` has none).
public struct FuzzSample: Sendable {
    public let name: String
    public let data: Data

    /// The digests, the snapshot sample, arXiv API responses (a page, a lookup, an empty result,
    /// the error feed), an excerpt of the 2025 corpus, an RSS listing and OAI-PMH pages.
    public static func all() throws -> [FuzzSample] {
        let api = SharedData.url("arxiv-api")
        let apiNames = try FileManager.default.contentsOfDirectory(atPath: api.path)
        let wanted = ["q_testing_s0_m10_", "id_2104.12255v1_", "id_0000.0000_", "id_abc_", "id_astro-ph_0601001_"]
        var samples = try wanted.compactMap { prefix in
            try apiNames.first { $0.hasPrefix(prefix) }.map { FuzzSample(name: $0, data: try Data(contentsOf: api.appendingPathComponent($0))) }
        }
        samples.append(FuzzSample(name: "2025-12-23.md", data: try SharedData.data("digests/2025-12-23.md")))
        samples.append(FuzzSample(name: "2025-12-02.md", data: try firstLines(60, of: SharedData.url("digests-generated/2025-12-02.md"))))
        samples.append(FuzzSample(name: "snapshot.jsonl", data: try firstLines(40, of: SharedData.snapshotSample)))
        samples.append(FuzzSample(name: "corpus.jsonl", data: try firstLines(30, of: SharedData.corpus)))
        let fixtures = SharedData.repositoryRoot.appendingPathComponent("Tests/ArxivFormatsTests/Fixtures")
        for name in ["rss-cs.CV-2025-12-30.xml", "oai-arXivRaw-page1.xml", "oai-arXiv-page1.xml"] {
            samples.append(FuzzSample(name: name, data: try Data(contentsOf: fixtures.appendingPathComponent(name))))
        }
        return samples
    }

    /// The first `count` lines of a (possibly large) file, read from its start only.
    static func firstLines(_ count: Int, of url: URL) throws -> Data {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        var data = Data()
        while data.filter({ $0 == 0x0A }).count < count, let chunk = try handle.read(upToCount: 64 << 10), !chunk.isEmpty {
            data.append(chunk)
        }
        var lines = 0
        let end = data.firstIndex { byte in
            if byte == 0x0A { lines += 1 }
            return lines == count
        }
        return end.map { data.prefix(through: $0) } ?? data
    }
}
