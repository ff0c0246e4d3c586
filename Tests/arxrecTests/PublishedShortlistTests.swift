import Foundation
import Testing
import TestSupport

/// The HTML shortlist reads in a mail client (inline styles only, no `<style>`, `<details>` or script,
/// PDF links, `lang` of the day, readable LaTeX), and the markdown's headers and authors follow the day.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct PublishedShortlistTests {
    /// Every opening tag of the page's body carries its own `style`: nothing depends on a style sheet.
    static func expectMailSafe(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        for banned in ["<style", "<details", "<script", "<link", "<img", "class=\""] {
            #expect(!html.contains(banned), "\(banned) in a mailed page", sourceLocation: sourceLocation)
        }
        let body = html.components(separatedBy: "<body").dropFirst().joined()
        let tags = body.components(separatedBy: "<").dropFirst().filter { !$0.hasPrefix("/") }
        #expect(!tags.isEmpty, sourceLocation: sourceLocation)
        for tag in tags {
            let head = tag.prefix(while: { $0 != ">" })
            #expect(head.contains("style=\""), "unstyled <\(head)>", sourceLocation: sourceLocation)
        }
    }

    @Test func aChineseDayIsPublishedInChinese() throws {
        let cli = try DailyCommandTests.setUp()
        let result = try cli.run(["daily", "--date", "2025-12-23", "--offline"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try DeliveryFixture.text(cli, "2025-12-23-default.html")
        #expect(html.contains("<html lang=\"zh\">"))
        Self.expectMailSafe(html)
        #expect(html.contains("href=\"https://arxiv.org/pdf/2512."), "a PDF link per paper")
        #expect(html.contains("lang=\"en\""), "the English reasons are marked as such on a Chinese page")

        let markdown = try DeliveryFixture.text(cli, "2025-12-23-default.md")
        #expect(markdown.contains("| 标题 | 作者 | PDF链接 |  摘要 |"))
        #expect(markdown.contains("## 推荐理由"))
        #expect(!markdown.contains("| Title |"))
    }

    @Test func anEnglishDayIsPublishedInEnglishWithAllAuthorsAndReadableLaTeX() throws {
        let cli = try DailyCommandTests.setUp()
        let english = try DeliveryFixture.englishPapers(cli)
        let markdown = try cli.run(["shortlist", "--input", english, "--format", "markdown"])
        #expect(markdown.status == 0, "\(markdown.stderr)")
        #expect(markdown.stdout.contains("| Title | Authors | PDF | Abstract |"))
        #expect(markdown.stdout.contains("## Why these papers"))
        #expect(!markdown.stdout.contains("标题") && !markdown.stdout.contains("推荐理由"), "no Chinese header on an English day")
        #expect(markdown.stdout.contains("| Ada Lovelace, Alan Turing, Grace Hopper |"), "every author")
        #expect(markdown.stdout.contains("Author10 Surname et al. |"), "ten authors, then et al.")
        #expect(!markdown.stdout.contains("Author11"))

        let page = try cli.run(["shortlist", "--input", english, "--format", "html", "--serve-url", DeliveryFixture.serveURL])
        #expect(page.status == 0, "\(page.stderr)")
        let html = page.stdout
        #expect(html.contains("<html lang=\"en\">"))
        Self.expectMailSafe(html)
        #expect(html.contains("α ≤ 0.5") && html.contains("O(n²)"), "LaTeX made readable")
        #expect(!html.contains("\\alpha") && !html.contains("$"))
        #expect(html.contains("&lt;b&gt;bold&lt;/b&gt;") && !html.contains("<b>"), "markup in a title is text")
        #expect(html.contains("href=\"https://arxiv.org/pdf/2512.99960"))
        #expect(html.contains("href=\"\(DeliveryFixture.serveURL)/paper?id=2512.99961\""), "the rating page")
        #expect(html.contains("Author10 Surname et al."))
    }
}
