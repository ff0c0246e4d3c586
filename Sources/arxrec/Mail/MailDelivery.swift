import Foundation
import Recommender

/// `daily --mail-to`: each profile's shortlist of the day, as its HTML page, mailed through the local
/// `sendmail` to one address.
struct MailDelivery {
    let sendmail: Sendmail
    let to: MailAddress

    func send(_ shortlist: Shortlist, html: String, now: Date = Date()) throws(MailError) {
        try sendmail.send(MailMessage(to: to, subject: Self.subject(for: shortlist), html: html, date: now))
    }

    /// `arxrec 2025-12-23: 10 papers for profile nlp`: ASCII, from the day and the profile name only.
    static func subject(for shortlist: Shortlist) -> String {
        let count = shortlist.items.count
        return "arxrec \(shortlist.date): \(count) \(count == 1 ? "paper" : "papers") for profile \(shortlist.profile)"
    }
}
