import Foundation
import Testing
import TestSupport

/// `daily --mail-to`: each profile's HTML goes to the `sendmail` found on PATH as a MIME message — here a
/// fake one that records its arguments and input — and nothing reaches a header or an option unchecked.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct MailToTests {
    static func daily(_ cli: CLIFixture, path: String, _ extra: [String]) throws -> ArxrecProcess.Result {
        try ArxrecProcess.run(
            ["daily", "--date", "2025-12-23", "--offline", "--data-dir", cli.dataDirectory] + extra,
            environment: ["ARXREC_HOME": cli.dataDirectory, "PATH": path])
    }

    @Test func eachProfilesHTMLIsMailedAsAMIMEMessage() throws {
        let cli = try DailyCommandTests.setUp()
        let (bin, records) = try DeliveryFixture.fakeSendmail(in: cli)
        let result = try Self.daily(cli, path: "\(bin.path):/usr/bin:/bin", ["--mail-to", "reader@example.org"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("mailed 2"), "\(result.stdout)")
        let mail = try DeliveryFixture.recordedMail(records)
        #expect(mail.count == 2, "one message per profile")
        var bodies: [String] = []
        for (argv, text) in mail {
            #expect(argv == ["-i", "--", "reader@example.org"])
            let (headers, body) = DeliveryFixture.parseMessage(text)
            #expect(headers["to"] == "reader@example.org")
            #expect(headers["mime-version"] == "1.0")
            #expect(headers["content-type"]?.lowercased() == "text/html; charset=utf-8")
            #expect(headers["content-transfer-encoding"] == "base64")
            #expect(body.split(separator: "\n").allSatisfy { $0.count <= 76 }, "base64 lines of 76 at most")
            let decoded = try #require(Data(base64Encoded: body.replacingOccurrences(of: "\n", with: "")))
            let html = try #require(String(data: decoded, encoding: .utf8))
            let subject = try #require(headers["subject"])
            #expect(subject.contains("2025-12-23"))
            let profile = subject.hasSuffix("profile second") ? "second" : "default"
            #expect(subject.hasSuffix("profile \(profile)"), "\(subject)")
            #expect(html == (try DeliveryFixture.text(cli, "2025-12-23-\(profile).html")), "the body is the day's HTML page")
            bodies.append(profile)
        }
        #expect(Set(bodies) == ["default", "second"])
    }

    @Test func withoutSendmailTheJobSaysSoAndDoesNothing() throws {
        let cli = try DailyCommandTests.setUp()
        let empty = cli.home.url.appendingPathComponent("empty-bin")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        let result = try Self.daily(cli, path: empty.path, ["--mail-to", "reader@example.org"])
        #expect(result.status == 69)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("sendmail") && result.stderr.contains("PATH"))
        #expect(!FileManager.default.fileExists(atPath: cli.home.file("shortlists").path), "checked before the day's work")
    }

    @Test func aFailingSendmailIsOneLineWithItsStatus() throws {
        let cli = try DailyCommandTests.setUp()
        let (bin, _) = try DeliveryFixture.fakeSendmail(in: cli, status: 75, message: "relay refused")
        let result = try Self.daily(cli, path: "\(bin.path):/usr/bin:/bin", ["--mail-to", "reader@example.org"])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
        #expect(result.stderr.contains("exited with status 75") && result.stderr.contains("relay refused"))
        #expect((try? DeliveryFixture.text(cli, "2025-12-23-default.html")) != nil, "the files are written before the mail")
    }

    @Test(arguments: [
        "reader@example.org\r\nBcc: victim@example.org", "reader@example.org\nSubject: x", "-oQ/tmp@example.org",
        "reader@example.org, other@example.org", "Reader <reader@example.org>", "reader", "@example.org",
        "reader@exa mple.org", "reader@example.org\u{1B}[2J",
    ])
    func anAddressThatCouldInjectIsRefused(address: String) throws {
        let cli = try CLIFixture()
        let (bin, records) = try DeliveryFixture.fakeSendmail(in: cli)
        let result = try ArxrecProcess.run(
            ["daily", "--offline", "--mail-to", address, "--data-dir", cli.dataDirectory],
            environment: ["ARXREC_HOME": cli.dataDirectory, "PATH": bin.path])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--mail-to"))
        #expect(try DeliveryFixture.recordedMail(records).isEmpty)
    }

    @Test func aConfiguredAddressIsCheckedToo() throws {
        let cli = try CLIFixture()
        try DeliveryFixture.config(cli, extra: #", "mailTo": "reader@example.org\r\nBcc: victim@example.org""#)
        let result = try cli.run(["daily", "--offline"])
        #expect(result.status == 78)
        #expect(result.stderr.contains("mailTo"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }
}
