import Foundation
import Testing
@testable import ArxivFormats

struct ArxivIDListTests {
    @Test func bibTeXFieldsOnOneOrManyLines() {
        let bib = """
        @article{a, title = {Something {Nested}}, eprint = {2512.19693}, archivePrefix = {arXiv}}
        @misc{b,
          title = "Quoted, with a comma",
          url = {https://arxiv.org/abs/2512.19692v1},
        }
        @comment{ignored, eprint = {2512.00001}}
        @inproceedings{c, doi = {10.48550/arXiv.2512.19691}}
        @book{d, title = {No arXiv id here}}
        @article{e, eprint = 2512.19693}
        """
        let result = ArxivIDList.parse(bib, file: "refs.bib")
        #expect(result.ids.map(\.description) == ["2512.19693", "2512.19692v1", "2512.19691"])
        #expect(result.issues.count == 1)
        #expect(result.issues.first?.description.hasPrefix("refs.bib:8: entry 'd'") == true)
    }

    @Test func plainListsWithCommentsAndURLs() {
        let text = "# my likes\n2512.19687   # audio-visual\n\nhttps://arxiv.org/pdf/2512.19686v1\nnot-an-id\nhep-th/9901001\n2512.19687\n"
        let result = ArxivIDList.parse(text, file: "likes.txt")
        #expect(result.ids.map(\.description) == ["2512.19687", "2512.19686v1", "hep-th/9901001"])
        #expect(result.issues.map(\.line) == [5])
    }

    /// A list saved on Windows (CR LF, a byte order mark) or an old Mac (CR) read as one line.
    @Test(arguments: ["\r\n", "\r", "\n"])
    func everyLineBreakReadsTheSame(lineBreak: String) {
        let plain = ["# my likes", "2512.19687", "", "not-an-id", "hep-th/9901001"].joined(separator: lineBreak)
        let result = ArxivIDList.parse("\u{FEFF}" + plain, file: "likes.txt")
        #expect(result.ids.map(\.description) == ["2512.19687", "hep-th/9901001"])
        #expect(result.issues.map(\.line) == [4])
        let bib = ["@article{a, eprint = {2512.19693}}", "", "@book{d, title = {none}}"].joined(separator: lineBreak)
        #expect(ArxivIDList.parse(bib, file: "refs.bib").issues.map(\.line) == [3])
    }

    /// Bytes that are not UTF-8 (a Latin-1 é, a cut character) are named by line and byte, never decoded
    /// into an id or echoed raw; the other lines still read.
    @Test func bytesThatAreNotUTF8AreIssuesOfTheirLine() {
        var plain = Data("2512.19687\n2512.1969".utf8)
        plain.append(0xE9)
        plain.append(contentsOf: Array("\nhep-th/9901001\n".utf8))
        var result = ArxivIDList.parse(plain, file: "likes.txt")
        #expect(result.ids.map(\.description) == ["2512.19687", "hep-th/9901001"])
        #expect(result.issues.map(\.description) == ["likes.txt:2: line 2 is not UTF-8 text from byte 10 on (a damaged or cut-short file, or another encoding)"])
        plain.append(contentsOf: [0xE4, 0xB8])
        result = ArxivIDList.parse(plain, file: "likes.txt")
        #expect(result.issues.map(\.line) == [2, 4], "a character cut short by the end of the file")

        var bib = Data("@article{a, title = {Caf".utf8)
        bib.append(0xE9)
        bib.append(contentsOf: Array("}, eprint = {2512.19693}}\n@misc{b, eprint = {2512.1969".utf8))
        bib.append(0xFF)
        bib.append(contentsOf: Array("}}\n".utf8))
        result = ArxivIDList.parse(bib, file: "refs.bib")
        #expect(result.ids.map(\.description) == ["2512.19693"], "damage in a title costs no id")
        #expect(result.issues.map(\.line) == [1, 2, 2], "each damaged line, and the entry whose id it broke")
    }
}
