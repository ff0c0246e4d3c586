import Foundation

/// One shortlist as an Internet message (RFC 5322 with MIME, RFC 2045) for `sendmail`: the HTML page as
/// a single `text/html; charset=utf-8` part in base64, so any byte of any title survives every mail
/// transport (7-bit, line-length limits) and the headers stay plain ASCII.
///
/// Headers come only from this type: the recipient is a checked ``MailAddress`` and the subject is
/// built from the day and the profile name (ASCII by ``Library/isValidProfileName(_:)``'s rule), so no
/// text of a paper can reach a header. `sendmail` adds `From:` and `Message-ID:`.
struct MailMessage {
    let to: MailAddress
    let subject: String
    let html: String
    let date: Date

    /// base64 lines of 76 characters, RFC 2045's limit.
    static let lineLength = 76

    /// The message with LF line ends, as `sendmail` reads it from standard input.
    var text: String {
        let headers = [
            "To: \(to)",
            "Subject: \(Self.headerSafe(subject))",
            "Date: \(Self.rfc5322(date))",
            "MIME-Version: 1.0",
            "Content-Type: text/html; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            // RFC 3834: a machine wrote this; vacation responders stay quiet.
            "Auto-Submitted: auto-generated",
        ]
        let encoded = Data(html.utf8).base64EncodedString()
        var lines: [Substring] = []
        var start = encoded.startIndex
        while start < encoded.endIndex {
            let end = encoded.index(start, offsetBy: Self.lineLength, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(encoded[start ..< end])
            start = end
        }
        return headers.joined(separator: "\n") + "\n\n" + lines.joined(separator: "\n") + "\n"
    }

    /// Printable ASCII on one line: anything else (never produced by arxrec's subjects) becomes `?`.
    private static func headerSafe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value >= 0x20 && $0.value < 0x7F ? $0 : "?" }))
    }

    /// `Tue, 01 Dec 2026 06:30:00 +0000`.
    private static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter.string(from: date)
    }
}
