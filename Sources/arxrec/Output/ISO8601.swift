import Foundation

/// ISO 8601 timestamps in UTC for output (`2025-12-23T08:00:00Z`).
enum ISO8601 {
    static func string(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }

    /// The UTC day alone (`2025-12-23`).
    static func day(_ date: Date) -> String {
        String(string(date).prefix(10))
    }
}
