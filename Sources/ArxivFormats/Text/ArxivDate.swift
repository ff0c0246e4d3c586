import Foundation

/// Parses the date formats arXiv sources use, without `DateFormatter`.
///
/// `DateFormatter` is locale-sensitive, not `Sendable`, and slow when called 40,000 times per
/// corpus; these formats are fixed, so a small hand parser is both exact and fast. All results are
/// absolute instants (`Date`); a bare day means midnight UTC.
///
/// A date that is not one of these formats, or names a year outside ``years`` or a time outside the
/// clock (25:00, minute 61), is `nil` — unknown, like a date the source left out — never a crash:
/// every component is range-checked before it is multiplied.
enum ArxivDate {
    /// The years a date may name: four digits, as the library stores them.
    static let years = 1000...9999

    /// `YYYY-MM-DD` (snapshot `update_date`, OAI `created`), midnight UTC.
    static func day(_ text: some StringProtocol) -> Date? {
        guard let (year, month, day) = dayComponents(text) else { return nil }
        return date(year: year, month: month, day: day, seconds: 0, offsetSeconds: 0)
    }

    /// The `YYYY-MM-DD` components of a text that starts with a day.
    static func dayComponents(_ text: some StringProtocol) -> (Int, Int, Int)? {
        let bytes = Array(text.utf8.prefix(10))
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              let year = number(bytes[0..<4]), let month = number(bytes[5..<7]), let day = number(bytes[8..<10]),
              years.contains(year), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (year, month, day)
    }

    /// ISO 8601 as Atom writes it: `2021-04-20T16:07:14Z`, `2026-09-29T00:00:00-04:00`,
    /// `2026-09-29T05:15:23.253858+00:00`; a bare day is accepted too.
    static func iso8601(_ text: some StringProtocol) -> Date? {
        let bytes = Array(text.trimmed.utf8)
        guard let (year, month, day) = dayComponents(String(decoding: bytes.prefix(10), as: UTF8.self)) else { return nil }
        if bytes.count == 10 { return date(year: year, month: month, day: day, seconds: 0, offsetSeconds: 0) }
        guard bytes.count >= 19, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
              bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              let hour = number(bytes[11..<13]), let minute = number(bytes[14..<16]),
              let second = number(bytes[17..<19]), let clock = clockSeconds(hour, minute, second) else { return nil }
        var cursor = 19
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: ".") {
            cursor += 1
            while cursor < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[cursor]) { cursor += 1 }
        }
        var offset = 0
        if cursor < bytes.count {
            let sign = bytes[cursor]
            if sign == UInt8(ascii: "Z") {
                offset = 0
            } else if sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                let rest = bytes[(cursor + 1)...].filter { $0 != UInt8(ascii: ":") }
                guard rest.count == 4, let hours = number(rest.prefix(2)), let minutes = number(rest.suffix(2)),
                      let zone = clockSeconds(hours, minutes, 0) else {
                    return nil
                }
                offset = zone * (sign == UInt8(ascii: "-") ? -1 : 1)
            } else {
                return nil
            }
        }
        return date(year: year, month: month, day: day, seconds: clock, offsetSeconds: offset)
    }

    /// RFC 2822 as arXiv writes it: `Mon, 2 Apr 2007 19:18:42 GMT`, `Fri, 23 Feb 2024 00:00:00 -0500`;
    /// the weekday, the seconds and the whole time are optional (`Fri, 1 Jan 1999`).
    static func rfc2822(_ text: some StringProtocol) -> Date? {
        guard let parts = rfc2822Parts(text) else { return nil }
        return date(year: parts.year, month: parts.month, day: parts.day, seconds: parts.seconds,
                    offsetSeconds: parts.offsetSeconds)
    }

    /// The calendar day an RFC 2822 date names in its own zone, `YYYY-MM-DD` (the RSS listing day).
    static func rfc2822Day(_ text: some StringProtocol) -> String? {
        guard let parts = rfc2822Parts(text) else { return nil }
        return dayString(year: parts.year, month: parts.month, day: parts.day)
    }

    static func dayString(year: Int, month: Int, day: Int) -> String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    private struct RFC2822Parts {
        var year: Int, month: Int, day: Int, seconds: Int, offsetSeconds: Int
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
    private static let zones: [String: Int] = [
        "gmt": 0, "ut": 0, "utc": 0, "z": 0, "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7,
        "mdt": -6, "pst": -8, "pdt": -7,
    ]

    private static func rfc2822Parts(_ text: some StringProtocol) -> RFC2822Parts? {
        var tokens = String(text).split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
        if let first = tokens.first, first.hasSuffix(",") || first.count == 3 && Int(first) == nil
            && !months.contains(first.lowercased()) {
            tokens.removeFirst()
        }
        guard tokens.count >= 3, let day = Int(tokens[0]), (1...31).contains(day),
              let monthIndex = months.firstIndex(of: String(tokens[1].lowercased().prefix(3))),
              var year = Int(tokens[2]) else { return nil }
        if (0..<100).contains(year) { year += year < 50 ? 2000 : 1900 }
        guard years.contains(year) else { return nil }
        var seconds = 0
        var offset = 0
        if tokens.count >= 4 {
            let clock = tokens[3].split(separator: ":").compactMap { Int($0) }
            guard clock.count >= 2, clock.count <= 3, tokens[3].split(separator: ":").count == clock.count,
                  let time = clockSeconds(clock[0], clock[1], clock.count == 3 ? clock[2] : 0) else { return nil }
            seconds = time
            if tokens.count >= 5 {
                let zone = tokens[4]
                if let hours = zones[zone.lowercased()] {
                    offset = hours * 3600
                } else if zone.count == 5, let sign = zone.first, sign == "+" || sign == "-",
                          zone.dropFirst().allSatisfy(\.isASCIIDigit), let value = Int(zone.dropFirst()),
                          let zoneSeconds = clockSeconds(value / 100, value % 100, 0) {
                    offset = zoneSeconds * (sign == "-" ? -1 : 1)
                } else {
                    return nil
                }
            }
        }
        return RFC2822Parts(year: year, month: monthIndex + 1, day: day, seconds: seconds, offsetSeconds: offset)
    }

    /// Seconds since midnight of a clock time, or `nil` when it is not one (a leap second is allowed).
    private static func clockSeconds(_ hour: Int, _ minute: Int, _ second: Int) -> Int? {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        return hour * 3600 + minute * 60 + second
    }

    private static func number(_ bytes: some Collection<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return bytes.isEmpty ? nil : value
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The instant of a date and time whose components are already range-checked (``years``, the clock).
    private static func date(year: Int, month: Int, day: Int, seconds: Int, offsetSeconds: Int) -> Date {
        let epochSeconds = daysSinceEpoch(year: year, month: month, day: day) * 86_400 + seconds - offsetSeconds
        return Date(timeIntervalSince1970: TimeInterval(epochSeconds))
    }
}
