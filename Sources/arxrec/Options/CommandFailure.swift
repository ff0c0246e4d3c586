import ArgumentParser
import ArxivClient
import ArxivFormats
import Library
import Recommender

/// An error that knows its row of the README's exit-status table (``ExitStatus``); ``ErrorReport``
/// prints its description as the one diagnostic line and exits with ``exitStatus``.
protocol CommandFailure: Error, CustomStringConvertible {
    var exitStatus: ExitCode { get }
}

extension LibraryError: CommandFailure {
    /// Every library failure is an error of this machine or this library (1): a full disk, a
    /// read-only directory, a lock held too long, a damaged file — never bad input (65).
    var exitStatus: ExitCode { .failure }
}

extension RecommenderError: CommandFailure {
    var exitStatus: ExitCode { .failure }
}

extension FeedParseError: CommandFailure {
    /// A file that cannot be read is an error (1); one that was read but holds nothing usable is bad
    /// input data (65).
    var exitStatus: ExitCode {
        if case .unreadable = self { return .failure }
        return ExitStatus.dataError
    }
}

extension ArxivClientError: CommandFailure {
    /// Unreachable (69) or busy (75), as `fetch` has always said.
    var exitStatus: ExitCode { isOffline ? ExitStatus.unavailable : ExitStatus.temporaryFailure }
}

extension DailyConfigError: CommandFailure {
    var exitStatus: ExitCode { ExitStatus.configuration }
}
