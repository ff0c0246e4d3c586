import Foundation
public import Testing

extension Tag {
    /// A suite that runs the built `arxrec` binary, builds a library from the corpus, fits a model, serves on a
    /// socket or drives a browser: seconds to minutes each in a debug build, against milliseconds for the pure
    /// suites. Every such suite also carries ``Testing/Trait/skippedInQuickLoop``.
    @Tag public static var slow: Self
}

/// The quick inner loop: `ARXREC_QUICK_TESTS=1 swift test` runs only the suites not tagged ``Testing/Tag/slow``
/// (the README's "Development" section). An environment variable, because `swift test --skip tag:slow` needs a
/// newer Swift Testing than 6.3's: there the argument is read as a test-name pattern.
public enum QuickLoop {
    /// The variable that turns the quick loop on (any non-empty value).
    public static let environmentVariable = "ARXREC_QUICK_TESTS"

    /// Whether this test process runs the quick loop.
    public static var isOn: Bool { !(ProcessInfo.processInfo.environment[environmentVariable] ?? "").isEmpty }
}

extension Trait where Self == ConditionTrait {
    /// Leaves a ``Testing/Tag/slow`` suite out of the quick loop (``QuickLoop``).
    public static var skippedInQuickLoop: Self {
        .disabled(if: QuickLoop.isOn, "a slow suite: \(QuickLoop.environmentVariable) is set")
    }
}
