import Testing
@testable import WebApp

struct HTMLTests {
    @Test func textInterpolatedIntoMarkupIsEscapedForTextAndAttributes() {
        let title = "<script>alert('x')</script> & \"quotes\""
        let html: HTML = "<a title=\"\(title)\">\(title)</a>"
        #expect(html.markup == "<a title=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;</a>")
    }

    /// The web page escapes by the same rule as the published pages: a title's terminal controls, bidi
    /// override and noncharacter reach the browser as U+FFFD, so a title cannot reorder what the page shows.
    @Test func controlsAndBidiOverridesInTextBecomeReplacementCharacters() {
        let title = "safe\u{202E}txt.exe\u{1B}[2J\u{FFFE}\u{0}end"
        let html: HTML = "<li title=\"\(title)\">\(title)</li>"
        let shown = "safe\u{FFFD}txt.exe\u{FFFD}[2J\u{FFFD}\u{FFFD}end"
        #expect(html.markup == "<li title=\"\(shown)\">\(shown)</li>")
    }

    @Test func markupInterpolatedIntoMarkupStaysMarkup() {
        let inner: HTML = "<b>\("a<b")</b>"
        let outer: HTML = "<p>\(inner)\([inner, inner])</p>"
        #expect(outer.markup == "<p><b>a&lt;b</b><b>a&lt;b</b><b>a&lt;b</b></p>")
    }

    @Test func linksArePercentEncodedThenEscaped() {
        let url = PageURL("/search", [("q", "a&b=c \"d\" <e> é"), ("profile", "x")])
        #expect(url.string == "/search?q=a%26b%3Dc%20%22d%22%20%3Ce%3E%20%C3%A9&profile=x")
        let html: HTML = "<a href=\"\(url)\">go</a>"
        #expect(html.markup == "<a href=\"/search?q=a%26b%3Dc%20%22d%22%20%3Ce%3E%20%C3%A9&amp;profile=x\">go</a>")
    }

    @Test func pagePathsLeaveTheDefaultProfileOut() {
        #expect(Paths.shortlist(profile: "default").string == "/")
        #expect(Paths.shortlist(profile: "cs.CV", day: "2025-12-02", top: 40).string == "/?profile=cs.CV&date=2025-12-02&top=40")
        #expect(Paths.paper("hep-th/9901001", profile: "default").string == "/paper?id=hep-th%2F9901001")
    }

    @Test(arguments: [
        ("a=1&b=2", ["a": "1", "b": "2"]),
        ("q=gaussian+splatting%21&q=second", ["q": "gaussian splatting!"]),
        ("name=%E8%A7%86%E8%A7%89&empty=&bare", ["name": "视觉", "empty": "", "bare": ""]),
        ("bad=%ZZ&ok=1", ["ok": "1"]),
    ])
    func formFieldsDecodeAsBrowsersEncode(input: String, expected: [String: String]) {
        let fields = FormFields(urlEncoded: input)
        for (name, value) in expected { #expect(fields[name] == value, "\(name)") }
        #expect(fields["bad"] == nil)
    }

    @Test func tokensCompareInConstantTimeAndAreRandom() async {
        #expect(SessionTokens.constantTimeEqual("abc", "abc"))
        #expect(!SessionTokens.constantTimeEqual("abc", "abd"))
        #expect(!SessionTokens.constantTimeEqual("abc", "abcd"))
        let tokens = SessionTokens()
        let first = await tokens.issue()
        let second = await tokens.issue()
        #expect(first.count == 64 && first.allSatisfy(\.isHexDigit))
        #expect(first != second)
        #expect(await tokens.isIssued(first))
        #expect(!(await tokens.isIssued(String(repeating: "0", count: 64))))
    }
}
