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
}
