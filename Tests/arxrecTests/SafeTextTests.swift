import ArxivFormats
import Foundation
import Recommender
import Testing
@testable import arxrec

/// The one sanitiser, the writer that applies it, and the escaping of JSON, markdown and HTML.
struct SafeTextTests {
    static let hostile = "Title \u{1B}]0;PWNED\u{07}\u{1B}[2J \u{1B}]8;;https://evil.example\u{07}link\u{1B}]8;;\u{07} \u{9B}31m \u{202E}desrever\u{2066}\r\nnext\tcell\u{7F}"

    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\n") || (0x7F ... 0x9F).contains(scalar.value)
            || (0x202A ... 0x202E).contains(scalar.value) || (0x2066 ... 0x2069).contains(scalar.value)
    }

    @Test func controlsAndBidiOverridesBecomeReplacementCharacters() {
        let safe = Self.hostile.displaySafe
        #expect(!safe.unicodeScalars.contains(where: { Self.isUnsafe($0) && $0 != "\t" }))
        #expect(safe == "Title \u{FFFD}]0;PWNED\u{FFFD}\u{FFFD}[2J \u{FFFD}]8;;https://evil.example\u{FFFD}link\u{FFFD}]8;;\u{FFFD} \u{FFFD}31m \u{FFFD}desrever\u{FFFD}\nnext\tcell\u{FFFD}")
        let line = Self.hostile.displaySafeLine
        #expect(!line.unicodeScalars.contains(where: { Self.isUnsafe($0) || $0 == "\n" }))
        #expect(line.hasSuffix("\u{FFFD} next cell\u{FFFD}"))
        // Ordinary text, CJK and emoji pass unchanged.
        let plain = "扩散模型 for 3D — naïve ✓ 🚀"
        #expect(plain.displaySafe == plain && plain.displaySafeLine == plain)
    }

    @Test func theWriterKeepsOnlyArxrecsOwnStylesAndClosesThem() {
        let colour = TerminalWriter(descriptor: -1, keepsStyles: true)
        let terminal = Terminal(isOutputTerminal: true, isErrorTerminal: true, colour: true, width: 80)
        // A style made by Terminal passes, its content made safe.
        #expect(colour.safe(terminal.bold("a \(Self.hostile)")) == "\u{1B}[1ma \(Self.hostile.displaySafe)\u{1B}[0m")
        // A title spelling a style of its own: kept as a closed span at most, never leaving the terminal styled.
        let spelled = colour.safe("x \u{1B}[1mbold")
        #expect(spelled == "x \u{1B}[1mbold\u{1B}[0m")
        // Any other escape is replaced.
        #expect(colour.safe("\u{1B}[8mhidden\u{1B}[0m \u{1B}]0;t\u{07}") == "\u{FFFD}[8mhidden\u{FFFD}[0m \u{FFFD}]0;t\u{FFFD}")
        // Without colour nothing passes.
        let plain = TerminalWriter(descriptor: -1, keepsStyles: false)
        #expect(!plain.safe(terminal.bold(Self.hostile)).unicodeScalars.contains(where: { Self.isUnsafe($0) && $0 != "\t" }))
    }

    @Test func tableCellsAreOneSafeLine() {
        let table = TextTable(headers: ["id", "title"], rows: [["1", Self.hostile]], flexibleColumn: 1).render(width: 400)
        #expect(table.split(separator: "\n").count == 2)
        #expect(!table.unicodeScalars.contains(where: { Self.isUnsafe($0) }))
    }

    @Test func jsonEscapesEveryUnsafeScalarAndReadsBackTheSameString() throws {
        let json = try JSONOutput.string(["title": Self.hostile + "\u{2028}"])
        #expect(!json.unicodeScalars.contains(where: { Self.isUnsafe($0) || $0 == "\u{2028}" }))
        #expect(json.contains("\\u001b]0;PWNED\\u0007") && json.contains("\\u009b") && json.contains("\\u202e"))
        struct Titled: Decodable { let title: String; let schemaVersion: Int }
        let decoded = try JSONDecoder().decode(Titled.self, from: Data(json.utf8))
        #expect(decoded.title == Self.hostile + "\u{2028}")
        #expect(decoded.schemaVersion == JSONOutput.schemaVersion)
    }

    @Test func markdownTextCannotAddMarkupLinksOrCells() {
        let text = "<script>alert(1)</script> <img src=x onerror=alert(1)> [x](javascript:alert(1)) ![i](http://t/p.png) a|b `c` *d* _e_ ~f~ # &lt; \\ \n next"
        let escaped = text.markdownEscaped
        #expect(escaped == ##"\<script\>alert\(1\)\</script\> \<img src=x onerror=alert\(1\)\> \[x\]\(javascript:alert\(1\)\) \!\[i\]\(http://t/p.png\) a\|b \`c\` \*d\* \_e\_ \~f\~ \# \&lt; \\   next"##)
        #expect(!Self.hostile.markdownEscaped.unicodeScalars.contains(where: { Self.isUnsafe($0) || $0 == "\n" }))
    }

    @Test func htmlEscapesContentAndBothQuoteKinds() {
        #expect(#"<a href="x" onclick='y'>&"#.htmlEscaped == "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;")
        #expect(!Self.hostile.htmlEscaped.unicodeScalars.contains(where: { Self.isUnsafe($0) && $0 != "\t" }))
    }

    @Test(arguments: [
        (Float(0.414), "0.41"), (-0.075, "-0.08"), (0, "0.00"), (1, "1.00"), (12.5, "12.50"),
        (.nan, "nan"), (.infinity, "inf"), (-.infinity, "-inf"), (1e30, "1e+30"), (-1e30, "-1e+30"),
        (.greatestFiniteMagnitude, "3.4028235e+38"),
    ])
    func printingAScoreNeverTraps(value: Float, expected: String) {
        #expect(String(twoDecimals: value) == expected)
    }
}
