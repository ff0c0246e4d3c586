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
}
