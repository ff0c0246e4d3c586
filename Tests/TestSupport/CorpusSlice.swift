public import Foundation

/// The newest lines of the real 40,717-paper corpus (it is in announcement order), written to a temp
/// file, so tests can ingest a realistic few thousand papers without parsing all 80 MB.
public enum CorpusSlice {
    /// A snapshot JSON-lines file holding the last `count` papers of the corpus.
    public static func lastPapers(_ count: Int, in directory: URL) throws -> URL {
        let data = try Data(contentsOf: SharedData.corpus)
        var end = data.endIndex
        if data.last == UInt8(ascii: "\n") { end -= 1 }
        var start = end
        var lines = 0
        while start > data.startIndex {
            start -= 1
            if data[start] == UInt8(ascii: "\n") {
                lines += 1
                if lines == count { start += 1; break }
            }
        }
        let url = directory.appendingPathComponent("corpus-last-\(count).jsonl")
        try data[start ..< end].write(to: url)
        return url
    }

    /// Title + ". " + abstract of `count` corpus papers, every `stride`-th line from the first (so all
    /// months and fields), read with JSONSerialization.
    public static func texts(_ count: Int, every stride: Int = 1) throws -> [String] {
        let lines = try Data(contentsOf: SharedData.corpus).split(separator: UInt8(ascii: "\n"))
        var texts: [String] = []
        for index in Swift.stride(from: 0, to: lines.count, by: stride) where texts.count < count {
            guard let object = try JSONSerialization.jsonObject(with: Data(lines[index])) as? [String: Any],
                let title = object["title"] as? String, let abstract = object["abstract"] as? String
            else { continue }
            texts.append(title + ". " + abstract)
        }
        return texts
    }
}
