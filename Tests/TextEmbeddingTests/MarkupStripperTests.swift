import LinearAlgebra
import Testing
@testable import TextEmbedding

struct MarkupStripperTests {
    @Test func latexCommandsMathAndBracesReduceToWords() {
        #expect(tokens(#"We propose \textbf{FastGS}, with $\mathcal{O}(n \log n)$ cost"#)
            == ["we", "propose", "fastgs", "with", "cost"])
        #expect(tokens(#"G\"odel and \'{E}cole"#) == ["godel", "and", "ecole"])
        #expect(tokens(#"improves by 3\% \cite{smith2020} over \ref{tab:one}"#) == ["improves", "by", "over"])
        #expect(tokens(#"\begin{itemize} item \end{itemize}"#) == ["item"])
    }

    @Test func hrefKeepsItsTextAndDropsItsURL() {
        #expect(tokens(#"Code at \href{https://github.com/foo/bar}{our project page}."#)
            == ["code", "at", "our", "project", "page"])
    }

    @Test func urlsAreDropped() {
        #expect(tokens("Code: https://github.com/foo/diffusion-model.") == ["code"])
        #expect(tokens("see www.example.org/page and http://arxiv.org/abs/2512.19693v1 now") == ["see", "and", "now"])
        #expect(tokens("released at github.com/owner/repo-name soon") == ["released", "at", "soon"])
        #expect(tokens("[PDF](https://arxiv.org/pdf/2512.19693v1) 代码见https://github.com/x/y。模型")
            == ["pdf", "代", "码", "见", "模", "型"])
        #expect(tokens(#"\url{https://x.org/a} done"#) == ["done"])
    }

    @Test func ordinaryPunctuationIsNotMistakenForAURL() {
        #expect(tokens("input/output and/or e.g./i.e. 1.5x/2x faster") == ["input", "output", "and", "or", "5x", "2x", "faster"])
        #expect(tokens("version 2.0: better") == ["version", "better"])
        #expect(tokens("the github repository") == ["the", "github", "repository"])
    }

    /// The 16-byte fast path for plain runs gives what the byte-by-byte loop gives, on texts made of plain
    /// words, every byte the stripper acts on, links, commands and groups, at every alignment and length
    /// (both with and without links kept).
    @Test func skippingPlainRunsChangesNoByte() {
        let pieces = [
            "diffusion ", "models", " of ", "language", ". ", ".", "/", ":", "$x$", "\\textbf{", "}", "{", "\\href{",
            "https://github.com/owner/repo", "www.example.org/page", "github.com/a/b", "and/or", "e.g.", "\\\"o",
            "\\cite{smith2020}", "  ", "\n", "扩散模型", "。", "1.5x", "\\", "{{}}", "abcdefghijklmnopqrstuvwxyz",
        ]
        var random = SplitMix64(seed: 16)
        for _ in 0 ..< 3_000 {
            let length = Int(random.next() % 24)
            let text = (0 ..< length).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            for keepingLinks in [false, true] {
                var fast = Array(text.utf8)
                var reference = fast
                MarkupStripper.strip(&fast, keepingLinks: keepingLinks)
                MarkupStripper.strip(&reference, keepingLinks: keepingLinks, skippingPlainRuns: false)
                #expect(fast == reference, "\(text.debugDescription), keepingLinks \(keepingLinks)")
            }
        }
    }
}
