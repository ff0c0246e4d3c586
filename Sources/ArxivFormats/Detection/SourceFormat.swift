public import Foundation

/// The source formats arxrec reads.
public enum SourceFormat: String, Sendable, CaseIterable {
    case digest, atom, rss, oai, snapshot

    /// The ``PaperSource`` its papers carry.
    public var paperSource: PaperSource {
        switch self {
        case .digest: return .digest
        case .atom: return .atom
        case .rss: return .rss
        case .oai: return .oai
        case .snapshot: return .snapshot
        }
    }

    /// Tells the format from the first few KB of content; the file name is only a hint for content
    /// that says nothing either way.
    ///
    /// Content rules: XML whose root is `<feed` with the Atom namespace → atom; `<rss` or an RDF
    /// root → rss; `<OAI-PMH` → oai; a line starting with `{` → snapshot; a `# arxiv YYYY-MM-DD`
    /// heading or a `|` table with the digest header or arXiv PDF links → digest. A renamed file is
    /// recognised by content (a digest saved as `.txt`, JSON lines without extension).
    /// - Returns: `nil` when neither content nor name says (and for binary content).
    public static func detect(prefix: Data, fileName: String?) -> SourceFormat? {
        let head = prefix.prefix(16 << 10)
        if DocumentChecks.looksBinary(head) { return nil }
        if let format = fromContent(head) { return format }
        return fileName.flatMap(fromName)
    }

    private static func fromContent(_ head: Data) -> SourceFormat? {
        var body = Substring(String(decoding: head, as: UTF8.self))
        if body.hasPrefix("\u{FEFF}") { body = body.dropFirst() }
        body = body.drop { $0.isWhitespace }
        if body.hasPrefix("<") { return fromXML(body) }
        if body.hasPrefix("{") { return .snapshot }
        var tableLines = 0
        for (_, line) in LineSplitter.lines(of: head).prefix(200) {
            let trimmedLine = String(decoding: line, as: UTF8.self).trimmed
            if DigestParser.headingDate(trimmedLine) != nil { return .digest }
            if trimmedLine.hasPrefix("|") {
                if trimmedLine.contains("标题") && trimmedLine.contains("PDF") { return .digest }
                if trimmedLine.contains("arxiv.org/pdf/") || trimmedLine.contains("arxiv.org/abs/") { tableLines += 1 }
            }
        }
        return tableLines > 0 ? .digest : nil
    }

    private static func fromXML(_ body: Substring) -> SourceFormat? {
        // The root element is the first tag that is not a declaration, comment or processing instruction.
        var rest = body
        while let open = rest.firstIndex(of: "<") {
            let tag = rest[rest.index(after: open)...]
            if tag.hasPrefix("?") || tag.hasPrefix("!") {
                guard let close = tag.firstIndex(of: ">") else { return nil }
                rest = tag[tag.index(after: close)...]
                continue
            }
            let name = tag.prefix { !$0.isWhitespace && $0 != ">" && $0 != "/" }
            let local = name.split(separator: ":").last.map(String.init) ?? ""
            switch local {
            case "feed": return body.contains("http://www.w3.org/2005/Atom") ? .atom : nil
            case "rss", "RDF": return .rss
            case "OAI-PMH": return .oai
            default: return nil
            }
        }
        return nil
    }

    private static func fromName(_ name: String) -> SourceFormat? {
        let lower = name.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .digest }
        if lower.hasSuffix(".jsonl") || lower.hasSuffix(".json") || lower.hasSuffix(".ndjson") { return .snapshot }
        if lower.hasSuffix(".atom") { return .atom }
        if lower.hasSuffix(".rss") { return .rss }
        return nil
    }
}
