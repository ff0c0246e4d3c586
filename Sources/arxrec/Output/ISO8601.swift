import Foundation

/// ISO 8601 timestamps in UTC for output (`2025-12-23T08:00:00Z`).
enum ISO8601 {
    static func string(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
