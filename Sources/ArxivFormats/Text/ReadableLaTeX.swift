import Foundation

/// Turns the LaTeX of arXiv titles and abstracts into text a reader takes in at a glance, without a
/// math renderer (neither `serve`'s pages nor a mailed shortlist or a feed load anything from outside):
/// `$\mathcal{O}(n^{2})$ with $\alpha \leq 0.5$` reads `O(n²) with α ≤ 0.5`. One converter for every
/// reader-facing output, so the web page, the HTML shortlist and the Atom feed read a formula the same way.
///
/// The rules, in one left-to-right pass:
/// - `$` and `$$` are dropped; between them `^` and `_` are scripts: superscript or subscript characters
///   when Unicode has them all (`n^{2}` → `n²`, `x_i` → `xᵢ`), else `^(…)` / `_(…)`;
/// - Greek letters and common symbols become their characters (`\alpha` → `α`, `\leq` → `≤`, `\to` → `→`),
///   `\mathbb{R}` → `ℝ`, `\frac{a}{b}` → `a/b`, `\sqrt{x}` → `√x`;
/// - formatting commands (`\textbf`, `\emph`, `\mathrm`, `\mathcal` …) leave their argument; `\href{url}{text}`
///   leaves `text`; `\cite{…}`, `\ref{…}`, `\label{…}` disappear; any other `\name` leaves `name` (`\log` → `log`);
/// - accents combine with their letter (`G\"odel` → `Gödel`); `\%`, `\&`, `\_`, `\$`, `\#`, `\{`, `\}` are the
///   characters themselves; braces disappear; markdown's `**bold**` (digests) loses its stars;
/// - runs of white space become one space.
public enum ReadableLaTeX {
    public static func text(_ source: String) -> String {
        guard source.contains(where: { "$\\{}^_*".contains($0) }) else { return collapsingWhitespace(source) }
        var scanner = Scanner(Array(source))
        return collapsingWhitespace(scanner.run(until: nil))
    }

    private static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private struct Scanner {
        let characters: [Character]
        var index = 0
        var inMath = false

        init(_ characters: [Character]) { self.characters = characters }

        var current: Character? { index < characters.count ? characters[index] : nil }

        /// Converts up to the closing brace of the group being read (`stop == "}"`) or the end.
        mutating func run(until stop: Character?) -> String {
            var output = ""
            var depth = 0
            while let character = current {
                if character == stop && depth == 0 { break }
                index += 1
                switch character {
                case "$":
                    if current == "$" { index += 1 }
                    inMath.toggle()
                case "\\":
                    output += command()
                case "{":
                    depth += 1
                case "}":
                    depth = max(0, depth - 1)
                case "^" where inMath, "_" where inMath:
                    output += script(character == "^" ? ReadableLaTeX.superscripts : ReadableLaTeX.subscripts, mark: character)
                case "*" where current == "*":
                    index += 1
                default:
                    output.append(character)
                }
            }
            return output
        }

        /// After a backslash.
        mutating func command() -> String {
            guard let first = current else { return "" }
            guard first.isLetter, first.isASCII else {
                index += 1
                if let mark = ReadableLaTeX.accents[first] {
                    let letter = argument()
                    return (String(letter.prefix(1)) + String(mark) + String(letter.dropFirst())).precomposedStringWithCanonicalMapping
                }
                switch first {
                case "\\", ",", ";", ":", "!", " ": return " "
                default: return String(first)
                }
            }
            var name = ""
            while let character = current, character.isLetter, character.isASCII {
                name.append(character)
                index += 1
            }
            if let symbol = ReadableLaTeX.symbols[name] { return symbol }
            switch name {
            case "mathbb":
                let letter = argument()
                return ReadableLaTeX.blackboard[letter] ?? letter
            case "frac", "dfrac", "tfrac":
                let numerator = argument()
                let denominator = argument()
                return Self.grouped(numerator) + "/" + Self.grouped(denominator)
            case "sqrt":
                skipOptionalArgument()
                return "√" + Self.grouped(argument())
            case "href":
                _ = rawArgument()
                return argument()
            case "url":
                return rawArgument()
            case _ where ReadableLaTeX.droppedWithArgument.contains(name):
                _ = rawArgument()
                return ""
            case _ where ReadableLaTeX.formatting.contains(name):
                return ""
            default:
                return name
            }
        }

        /// `^x`, `^{…}`, `_x`, `_{…}` in math.
        mutating func script(_ table: [Character: Character], mark: Character) -> String {
            let content = argument()
            guard !content.isEmpty else { return String(mark) }
            let mapped = content.compactMap { table[$0] }
            if mapped.count == content.count { return String(mapped) }
            return content.count == 1 ? String(mark) + content : String(mark) + "(" + content + ")"
        }

        /// A `{…}` group (converted) or the next character (a command counts as one).
        mutating func argument() -> String {
            while current == " " { index += 1 }
            guard let character = current else { return "" }
            index += 1
            switch character {
            case "{":
                let inner = run(until: "}")
                if current == "}" { index += 1 }
                return inner
            case "\\":
                return command()
            default:
                return String(character)
            }
        }

        /// A `{…}` group taken literally (a URL, a label), or nothing.
        mutating func rawArgument() -> String {
            while current == " " { index += 1 }
            guard current == "{" else { return "" }
            index += 1
            var depth = 0
            var text = ""
            while let character = current {
                index += 1
                if character == "{" { depth += 1 }
                if character == "}" {
                    if depth == 0 { break }
                    depth -= 1
                }
                text.append(character)
            }
            return text
        }

        mutating func skipOptionalArgument() {
            guard current == "[" else { return }
            while let character = current {
                index += 1
                if character == "]" { break }
            }
        }

        static func grouped(_ text: String) -> String { text.count > 1 ? "(" + text + ")" : text }
    }

    static let symbols: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε", "zeta": "ζ",
        "eta": "η", "theta": "θ", "vartheta": "θ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ",
        "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
        "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "times": "×", "cdot": "·", "pm": "±", "mp": "∓", "div": "÷", "leq": "≤", "le": "≤", "geq": "≥", "ge": "≥",
        "neq": "≠", "ne": "≠", "approx": "≈", "sim": "~", "simeq": "≃", "equiv": "≡", "propto": "∝", "ll": "≪",
        "gg": "≫", "infty": "∞", "to": "→", "rightarrow": "→", "leftarrow": "←", "Rightarrow": "⇒",
        "Leftarrow": "⇐", "leftrightarrow": "↔", "mapsto": "↦", "uparrow": "↑", "downarrow": "↓", "in": "∈",
        "notin": "∉", "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩", "forall": "∀", "exists": "∃",
        "emptyset": "∅", "sum": "Σ", "prod": "Π", "int": "∫", "partial": "∂", "nabla": "∇", "ell": "ℓ",
        "ldots": "…", "dots": "…", "cdots": "⋯", "circ": "∘", "degree": "°", "star": "⋆", "ast": "∗",
        "langle": "⟨", "rangle": "⟩", "lvert": "|", "rvert": "|", "vert": "|", "Vert": "‖", "mid": "|",
        "quad": " ", "qquad": " ", "textasciitilde": "~", "S": "§", "dag": "†", "top": "⊤", "perp": "⊥",
        "left": "", "right": "", "big": "", "Big": "", "bigg": "", "Bigg": "", "bigl": "", "bigr": "",
        "Bigl": "", "Bigr": "", "displaystyle": "", "limits": "", "nolimits": "", "noindent": "",
    ]

    /// Commands that only style their argument.
    static let formatting: Set<String> = [
        "textbf", "textit", "emph", "texttt", "textrm", "textsf", "textsc", "textup", "textnormal", "text", "mathrm",
        "mathbf", "mathit", "mathsf", "mathtt", "mathcal", "mathscr", "mathfrak", "boldsymbol", "bm", "operatorname",
        "underline", "overline", "hat", "widehat", "tilde", "widetilde", "bar", "vec", "dot", "ddot", "mbox",
        "small", "large", "footnotesize", "tt", "bf", "it", "rm", "em",
    ]

    /// Commands whose argument is not prose.
    static let droppedWithArgument: Set<String> = [
        "cite", "citep", "citet", "citealp", "ref", "eqref", "label", "vspace", "hspace", "color", "textcolor",
        "begin", "end", "footnotemark",
    ]

    static let accents: [Character: Character] = [
        "\"": "\u{0308}", "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "~": "\u{0303}", "=": "\u{0304}",
        ".": "\u{0307}",
    ]

    static let blackboard: [String: String] = ["R": "ℝ", "N": "ℕ", "Z": "ℤ", "Q": "ℚ", "C": "ℂ", "E": "𝔼", "P": "ℙ"]

    static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "-": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ", "T": "ᵀ", "k": "ᵏ", "d": "ᵈ",
    ]

    static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "-": "₋", "=": "₌", "(": "₍", ")": "₎", "a": "ₐ", "e": "ₑ", "o": "ₒ", "x": "ₓ", "i": "ᵢ",
        "j": "ⱼ", "k": "ₖ", "n": "ₙ", "t": "ₜ", "m": "ₘ", "p": "ₚ", "s": "ₛ", "h": "ₕ", "l": "ₗ", "r": "ᵣ",
        "u": "ᵤ", "v": "ᵥ",
    ]
}
