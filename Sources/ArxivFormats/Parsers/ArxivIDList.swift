public import Foundation

/// arXiv ids read from a list a user already has: a BibTeX file (ids in `eprint`, `url` or `doi`
/// fields — `10.48550/arXiv.2512.19693` is arXiv's DOI form) or a plain list of ids/URLs, one per line
/// (blank lines and `#` comments ignored). Lines end at LF, CR LF or CR and a leading byte order mark is
/// dropped (``LineSplitter``), so a list saved on Windows reads like the original.
public enum ArxivIDList {
    public struct Result: Sendable, Equatable {
        public var ids: [ArxivID]
        public var issues: [ParseIssue]
    }

    public static func parse(_ text: String, file: String) -> Result {
        parse(Data(text.utf8), file: file)
    }

    /// The ids of a file's bytes. Text must be UTF-8 (``UTF8Validation`` has the rule): a line of a plain
    /// list that is not is an issue like any line that is not an id; in BibTeX each damaged line is an
    /// issue of its own, and an entry whose id it damaged yields no id (that entry's issue).
    public static func parse(_ data: Data, file: String) -> Result {
        let text = String(decoding: data, as: UTF8.self)
        guard looksLikeBibTeX(text) else { return parsePlain(data, file: file) }
        var result = parseBibTeX(text, file: file)
        let damaged = LineSplitter.lines(of: data).compactMap { number, bytes in
            UTF8Validation.firstInvalidByte(in: bytes).map {
                ParseIssue(file: file, line: number, message: "line \(number) is \(UTF8Validation.damage(fromByte: $0 + 1))")
            }
        }
        result.issues = (damaged + result.issues).sorted { ($0.line ?? 0) < ($1.line ?? 0) }
        return result
    }

    /// Whether `text` holds BibTeX entries (else it is read as a plain list).
    public static func looksLikeBibTeX(_ text: String) -> Bool {
        text.range(of: #"@[A-Za-z]+\s*\{"#, options: .regularExpression) != nil
    }

    static func parsePlain(_ data: Data, file: String) -> Result {
        var result = Result(ids: [], issues: [])
        var seen = Set<String>()
        for (number, bytes) in LineSplitter.lines(of: data) {
            if let invalid = UTF8Validation.firstInvalidByte(in: bytes) {
                result.issues.append(ParseIssue(
                    file: file, line: number, message: "line \(number) is \(UTF8Validation.damage(fromByte: invalid + 1))"))
                continue
            }
            var line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            if let comment = line.range(of: #"(^|\s)#"#, options: .regularExpression) {
                line = line[..<comment.lowerBound].trimmingCharacters(in: .whitespaces)
            }
            if line.isEmpty { continue }
            do {
                let id = try ArxivID(parsing: line)
                if seen.insert(id.base).inserted { result.ids.append(id) }
            } catch {
                result.issues.append(ParseIssue(file: file, line: number, message: error.description))
            }
        }
        return result
    }

    /// Scans entries; within one entry the first field that yields an id wins (eprint, then url, then doi).
    /// Fields may share a line or span several; values are `{…}` (one level of nested braces), `"…"` or bare.
    static func parseBibTeX(_ text: String, file: String) -> Result {
        var result = Result(ids: [], issues: [])
        var seen = Set<String>()
        let field = try? NSRegularExpression(
            pattern: #"([A-Za-z_][\w-]*)\s*=\s*(?:\{((?:[^{}]|\{[^{}]*\})*)\}|"([^"]*)"|([^,}\s]+))"#
        )
        let nsText = text as NSString
        let entryStarts = (try? NSRegularExpression(pattern: #"@([A-Za-z]+)\s*\{"#))?
            .matches(in: text, range: NSRange(location: 0, length: nsText.length)) ?? []
        for (number, entry) in entryStarts.enumerated() {
            let kind = nsText.substring(with: entry.range(at: 1)).lowercased()
            if ["comment", "string", "preamble"].contains(kind) { continue }
            let bodyStart = entry.range.location + entry.range.length
            let bodyEnd = number + 1 < entryStarts.count ? entryStarts[number + 1].range.location : nsText.length
            let bodyRange = NSRange(location: bodyStart, length: bodyEnd - bodyStart)
            let body = nsText.substring(with: bodyRange)
            let key = String(body.prefix { $0 != "," && $0 != "\n" }).trimmingCharacters(in: .whitespaces)
            var fields: [String: String] = [:]
            for match in field?.matches(in: text, range: bodyRange) ?? [] {
                let name = nsText.substring(with: match.range(at: 1)).lowercased()
                let value = (2 ... 4).lazy.map { match.range(at: $0) }.first { $0.location != NSNotFound }
                    .map { nsText.substring(with: $0).trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
                if fields[name] == nil { fields[name] = value }
            }
            if let id = arxivID(in: fields) {
                if seen.insert(id.base).inserted { result.ids.append(id) }
            } else {
                let before = nsText.substring(to: entry.range.location).utf8.count
                let line = LineSplitter.lineNumber(ofByteAt: before, in: text.utf8)
                result.issues.append(ParseIssue(
                    file: file, line: line,
                    message: "entry '\(key.excerpt)' has no arXiv id in eprint, url or doi: add `eprint = {2512.19693}`"
                ))
            }
        }
        return result
    }

    /// The id in `eprint`, `url` or `doi` (`10.48550/arXiv.ID`), in that order.
    static func arxivID(in fields: [String: String]) -> ArxivID? {
        for name in ["eprint", "arxivid", "url", "doi"] {
            guard var value = fields[name] else { continue }
            if name == "doi", let range = value.range(of: "arxiv.", options: .caseInsensitive) {
                value = String(value[range.upperBound...])
            }
            if let id = try? ArxivID(parsing: value) { return id }
        }
        return nil
    }
}
