import ArxivFormats
import Foundation
import Library

/// A liked paper as a citable BibTeX `@misc` entry in arXiv's own recommended form (`eprint`,
/// `archivePrefix`, `primaryClass`), so `ratings --format bibtex > likes.bib` drops into a paper and
/// `import-likes likes.bib` reads it back.
struct BibTeXEntry {
    let paper: StoredPaper

    /// `surnameYEAR-ID` (`vaswani2017-1706.03762`, `witten1998-hep-th-9802150`): unique because the arXiv
    /// id is, stable because it is made of what a paper's id, first author and year never stop being, and
    /// readable in a manuscript. Only ASCII letters, digits, `-` and `.`, which every BibTeX tool accepts.
    var key: String {
        let surname = paper.authors.first.map(Self.surname) ?? ""
        return (surname.isEmpty ? "arxiv" : surname) + (year.map(String.init) ?? "") + "-"
            + paper.id.base.replacingOccurrences(of: "/", with: "-")
    }

    /// The year of the first version: the `published` date, else the `YYMM` of a new-style id.
    var year: Int? {
        if let published = paper.published {
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
            return calendar.component(.year, from: published)
        }
        guard !paper.id.isOldStyle, let yy = Int(paper.id.base.prefix(2)) else { return nil }
        return 2000 + yy
    }

    var text: String {
        var fields: [(String, String)] = [
            ("title", "{" + Self.escaped(paper.title) + "}"),
            ("author", paper.authors.map(Self.escaped).joined(separator: " and ")),
        ]
        if let year { fields.append(("year", String(year))) }
        fields += [("eprint", paper.id.base), ("archivePrefix", "arXiv")]
        if let primary = paper.primaryCategory ?? paper.categories.first { fields.append(("primaryClass", Self.escaped(primary))) }
        fields.append(("url", "https://arxiv.org/abs/" + paper.id.base))
        let body = fields.filter { !$0.1.isEmpty }.map { "  \($0.0) = {\($0.1)}" }.joined(separator: ",\n")
        return "@misc{\(key),\n\(body)\n}\n"
    }

    /// A name's last word folded to ASCII lower-case letters (`Łukasz Kaiser` → `kaiser`, `Jürgen` → `jurgen`).
    static func surname(_ name: String) -> String {
        let last = name.split(whereSeparator: \.isWhitespace).last.map(String.init) ?? ""
        let folded = last.folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
        return String(folded.unicodeScalars.filter { ("a" ... "z").contains($0) }.map(Character.init))
    }

    /// TeX's special characters as text (`&` → `\&`, `\` → `\textbackslash{}`), and any control character as
    /// a space, so a title with `50%` or `C#` cannot comment out or break the entry. `$…$` math is escaped
    /// too: a title is data, and an unbalanced `$` would break the whole bibliography.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\textbackslash{}"
            case "{", "}", "&", "%", "$", "#", "_": result += "\\" + String(character)
            case "~": result += "\\textasciitilde{}"
            case "^": result += "\\textasciicircum{}"
            default:
                if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0.isUnsafeForDisplay }) {
                    result += " "
                } else {
                    result.append(character)
                }
            }
        }
        return result
    }
}
