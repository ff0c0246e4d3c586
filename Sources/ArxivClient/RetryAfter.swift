import Foundation

/// The delay a `Retry-After` header asks for.
///
/// RFC 9110 §10.2.3 allows either a number of seconds (`Retry-After: 120`) or an HTTP date
/// (`Retry-After: Fri, 31 Dec 1999 23:59:59 GMT`); arXiv's OAI-PMH endpoint sends seconds, proxies
/// may send dates. A date in the past means "now".
enum RetryAfter {
    /// The delay `value` asks for, measured from `now`, or `nil` when the header is absent or
    /// unreadable (the caller then falls back to exponential backoff).
    static func delay(_ value: String?, now: Date = Date()) -> Duration? {
        guard let value = value?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        if value.allSatisfy(\.isASCIIDigit) {
            // Anything beyond a day is as good as "too long"; clamping keeps Int64 safe.
            return .seconds(Int64(value.prefix(9)) ?? 0)
        }
        for format in httpDateFormats {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            if let date = formatter.date(from: value) {
                let seconds = max(0, date.timeIntervalSince(now))
                return .milliseconds(Int64((seconds * 1000).rounded(.up)))
            }
        }
        return nil
    }

    /// IMF-fixdate, then the two obsolete forms RFC 9110 says recipients must accept.
    private static let httpDateFormats = [
        "EEE, dd MMM yyyy HH:mm:ss zzz",
        "EEEE, dd-MMM-yy HH:mm:ss zzz",
        "EEE MMM d HH:mm:ss yyyy",
    ]
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
