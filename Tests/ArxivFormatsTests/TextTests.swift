import Foundation
import Testing
@testable import ArxivFormats

struct TextTests {
    @Test(arguments: [
        ("Mon, 2 Apr 2007 19:18:42 GMT", 1_175_541_522.0),
        ("Fri, 23 Feb 2024 00:00:00 -0500", 1_708_664_400.0),
        ("2 Apr 2007 19:18:42 GMT", 1_175_541_522.0),
        ("Fri, 1 Jan 1999", 915_148_800.0),
    ])
    func rfc2822(text: String, seconds: Double) {
        #expect(ArxivDate.rfc2822(text) == Date(timeIntervalSince1970: seconds))
    }

    @Test(arguments: [
        ("2021-04-20T16:07:14Z", 1_618_934_834.0),
        ("2026-09-29T00:00:00-04:00", 1_790_654_400.0),
        ("2026-09-29T05:15:23.253858+00:00", 1_790_658_923.0),
        ("2008-11-26", 1_227_657_600.0),
    ])
    func iso8601(text: String, seconds: Double) {
        #expect(ArxivDate.iso8601(text) == Date(timeIntervalSince1970: seconds))
    }

    @Test func badDatesAreNil() {
        for text in ["", "yesterday", "2021-13-01", "Mon, 32 Apr 2007", "2021-04-20T16:07"] {
            #expect(ArxivDate.iso8601(text) == nil && ArxivDate.rfc2822(text) == nil, "\(text)")
        }
        #expect(ArxivDate.rfc2822Day("Tue, 30 Dec 2025 00:00:00 -0500") == "2025-12-30")
    }

    @Test(arguments: [
        ("C. Bal\\'azs, E. L. Berger, P. M. Nadolsky, C.-P. Yuan", ["C. Bal\\'azs", "E. L. Berger", "P. M. Nadolsky", "C.-P. Yuan"]),
        ("Ileana Streinu and Louis Theran", ["Ileana Streinu", "Louis Theran"]),
        ("A. One, B. Two, and C. Three", ["A. One", "B. Two", "C. Three"]),
        ("Ann Anderson (MIT, USA), Bob Sand\n  (ETH and EPFL)", ["Ann Anderson (MIT, USA)", "Bob Sand (ETH and EPFL)"]),
        ("", []),
    ])
    func authorStrings(text: String, names: [String]) {
        #expect(AuthorList.split(text) == names)
    }

    @Test func whitespaceCollapses() {
        #expect("  a\n  b\t\tc \u{3000}d  ".collapsingWhitespace == "a b c d")
        #expect(AuthorList.name(parsed: ["Yuan", "C. -P.", ""]) == "C. -P. Yuan")
        #expect(AuthorList.name(parsed: ["Collaboration", "", ""]) == "Collaboration")
        #expect(AuthorList.name(parsed: ["Rodrigues", "Waldyr A.", "Jr"]) == "Waldyr A. Rodrigues Jr")
    }
}
