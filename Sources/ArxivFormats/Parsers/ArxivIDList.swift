import Foundation

/// arXiv ids read from a list a user already has: a BibTeX file (ids in `eprint`, `url` or `doi`
/// fields — `10.48550/arXiv.2512.19693` is arXiv's DOI form) or a plain list of ids/URLs, one per line
/// (blank lines and `#` comments ignored).
public enum ArxivIDList {
    public struct Result: Sendable, Equatable {
        public var ids: [ArxivID]
        public var issues: [ParseIssue]
    }

    public static func parse(_ text: String, file: String) -> Result {
        looksLikeBibTeX(text) ? parseBibTeX(text, file: file) : parsePlain(text, file: file)
    }

    static func looksLikeBibTeX(_ text: String) -> Bool {
        text.range(of: #"@[A-Za-z]+\s*\{"#, options: .regularExpression) != nil
    }

    static func parsePlain(_ text: String, file: String) -> Result {
        var result = Result(ids: [], issues: [])
        var seen = Set<String>()
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            if let comment = line.range(of: #"(^|\s)#"#, options: .regularExpression) {
                line = line[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            if line.isEmpty { continue }
            do {
                let id = try ArxivID(parsing: line)
                if seen.insert(id.base).inserted { result.ids.append(id) }
            } catch {
                result.issues.append(ParseIssue(file: file, line: offset + 1, message: error.description))
            }
        }
        return result
    }

    /// Scans entries; within one entry the first field that yields an id wins (eprint, then url, then doi).
    static func parseBibTeX(_ text: String, file: String) -> Result {
        var result = Result(ids: [], issues: [])
        var seen = Set<String>()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var entryStart: Int?
        var entryKey = ""
        var fields: [String: String] = [:]

        func finishEntry() {
            guard let start = entryStart else { return }
            defer { entryStart = nil; fields = [:] }
            for name in ["eprint", "url", "doi", "arxivid", "archiveprefix_id"] {
                guard var value = fields[name] else { continue }
                if name == "doi", let range = value.range(of: "arxiv.", options: .caseInsensitive) {
                    value = String(value[range.upperBound...])
                }
                if let id = try? ArxivID(parsing: value) {
                    if seen.insert(id.base).inserted { result.ids.append(id) }
                    return
                }
            }
            result.issues.append(ParseIssue(
                file: file, line: start + 1,
                message: "entry '\(entryKey)' has no arXiv id in eprint, url or doi: add `eprint = {2512.19693}`"
            ))
        }

        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("@") {
                finishEntry()
                let kind = trimmed.dropFirst().prefix { $0.isLetter }.lowercased()
                if kind == "comment" || kind == "string" || kind == "preamble" { continue }
                entryStart = index
                entryKey = trimmed.split(separator: "{", maxSplits: 1).dropFirst().first
                    .map { String($0.prefix { $0 != "," }) } ?? ""
                continue
            }
            guard entryStart != nil, let equals = trimmed.firstIndex(of: "=") else { continue }
            let name = trimmed[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            var value = trimmed[trimmed.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            if value.hasSuffix(",") { value.removeLast() }
            value = value.trimmingCharacters(in: CharacterSet(charactersIn: "{}\" "))
            fields[name] = value
        }
        finishEntry()
        return result
    }
}
