import ArgumentParser

/// Exit statuses with a meaning scripts and systemd can act on (sysexits.h where one fits).
enum ExitStatus {
    /// Everything done.
    static let success = ExitCode.success
    /// Done, but some records were skipped (each reported as file:line on stderr).
    static let partial = ExitCode(2)
    /// Bad input data (EX_DATAERR): nothing usable in the input.
    static let dataError = ExitCode(65)
    /// arXiv unreachable or offline (EX_UNAVAILABLE): retry later; also no `sendmail` for `daily --mail-to`.
    static let unavailable = ExitCode(69)
    /// arXiv busy (EX_TEMPFAIL): retry later.
    static let temporaryFailure = ExitCode(75)
    /// Configuration error (EX_CONFIG).
    static let configuration = ExitCode(78)
}
