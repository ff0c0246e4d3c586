/// The delivery keys of `config.json`: `serveURL` (links to the rating pages) and `mailTo` (mail the HTML),
/// checked when the file is read, so a typo is a config error (78) before the day's work, not a broken
/// link or a refused mail after it.
extension DailyConfig {
    func checkDelivery(path: String) throws(DailyConfigError) {
        do {
            _ = try serveLinks()
            _ = try mailAddress()
        } catch let error as ServeLinksError {
            throw .invalid(path, "\"serveURL\": \(error)")
        } catch let error as MailError {
            throw .invalid(path, "\"mailTo\": \(error)")
        } catch {
            throw .invalid(path, "\(error)")
        }
    }

    /// `serveURL` checked, or `nil` when it is not set.
    func serveLinks() throws(ServeLinksError) -> ServeLinks? {
        try serveURL.map { text throws(ServeLinksError) in try ServeLinks(parsing: text) }
    }

    /// `mailTo` checked, or `nil` when it is not set.
    func mailAddress() throws(MailError) -> MailAddress? {
        try mailTo.map { text throws(MailError) in try MailAddress(text) }
    }
}
