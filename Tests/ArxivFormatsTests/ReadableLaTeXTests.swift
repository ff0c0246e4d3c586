import Testing
@testable import ArxivFormats

struct ReadableLaTeXTests {
    @Test(arguments: [
        ("plain   text\nhere", "plain text here"),
        (#"$\mathcal{O}(n^{2})$ with $\alpha \leq 0.5$"#, "O(n²) with α ≤ 0.5"),
        (#"$x_i$ and $W^{-1}$ and $\mathbf{x}^T$"#, "xᵢ and W⁻¹ and xᵀ"),
        (#"$e^{i\pi}$ and $x_{\text{max}}$"#, "e^(iπ) and xₘₐₓ"),
        (#"\textbf{Bold} and \emph{emphasis}, 95\% of $\sim$10\,000"#, "Bold and emphasis, 95% of ~10 000"),
        (#"$\frac{1}{2}$, $\frac{a+b}{c}$, $\sqrt{d}$, $\mathbb{R}^d$"#, "1/2, (a+b)/c, √d, ℝᵈ"),
        (#"see \href{https://github.com/x/y}{our code} \cite{smith2020}."#, "see our code ."),
        (#"G\"odel and Poincar\'{e}"#, "Gödel and Poincaré"),
        (#"**加粗** 的 $\to$ 文本"#, "加粗 的 → 文本"),
        (#"snake_case outside math, \_escaped, 5\$"#, "snake_case outside math, _escaped, 5$"),
        (#"$\log p(x) \approx \infty$"#, "log p(x) ≈ ∞"),
        (#"unbalanced {brace and $math"#, "unbalanced brace and math"),
        (#"trailing \"#, "trailing"),
    ])
    func latexBecomesReadableText(source: String, expected: String) {
        #expect(ReadableLaTeX.text(source) == expected)
    }
}
