import ArgumentParser
import ArxivFormats

/// Why a shortlist could not be mailed; each is one line that says what to do.
enum MailError: CommandFailure {
    /// The address is not a plain `local@domain` (``MailAddress``).
    case invalidAddress(String)
    /// No executable `sendmail` in any folder of `PATH`.
    case noSendmail
    /// `sendmail` could not be started, or ended with a failure; its first line of stderr, if any.
    case sendmailFailed(path: String, status: Int32?, message: String)

    /// A refused address is a usage error (64; `mailTo` in config.json is checked as config, 78); a
    /// missing `sendmail` is a service this machine does not offer (69, EX_UNAVAILABLE); a failing one an
    /// error (1).
    var exitStatus: ExitCode {
        switch self {
        case .invalidAddress: return .validationFailure
        case .noSendmail: return ExitStatus.unavailable
        case .sendmailFailed: return .failure
        }
    }

    var description: String {
        switch self {
        case .invalidAddress(let text):
            return "mail address '\(EchoedInput.shortened(text))' is not a plain name@domain (no spaces, commas, quotes, <>, line breaks or leading '-')"
        case .noSendmail:
            return "no sendmail on PATH to mail the shortlist: install one (e.g. msmtp-mta, postfix or exim4), add its folder (often /usr/sbin) to PATH, or drop --mail-to"
        case .sendmailFailed(let path, let status, let message):
            let how = status.map { "exited with status \($0)" } ?? "could not be started"
            let detail = message.isEmpty ? "" : ": \(EchoedInput.shortened(message))"
            return "\(path) \(how)\(detail) — the shortlist files are written; check the mail setup and run again"
        }
    }
}
