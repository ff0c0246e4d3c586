import Foundation

/// The machine's own mail submission program, `sendmail` (Postfix, Exim, msmtp-mta and others install
/// one), found on `PATH` and handed one message on standard input: `sendmail -i -- ADDRESS`. `-i` keeps a
/// line holding a single `.` from ending the message; `--` keeps the address from being read as an option.
///
/// The message is given through an unlinked temporary file rather than a pipe, so a `sendmail` that
/// exits without reading it cannot kill arxrec with SIGPIPE.
struct Sendmail {
    /// The executable that is run.
    let path: String

    static let programName = "sendmail"

    /// The first executable `sendmail` in the folders of `PATH` (`environment` is the process's).
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) throws(MailError) -> Sendmail {
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init).filter { !$0.isEmpty }
        for folder in folders {
            let candidate = (folder as NSString).appendingPathComponent(programName)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate) {
                return Sendmail(path: candidate)
            }
        }
        throw .noSendmail
    }

    /// Hands `message` to `sendmail` and waits for it; a failure keeps its first line of stderr.
    func send(_ message: MailMessage) throws(MailError) {
        let input: FileHandle
        do {
            input = try Self.unlinkedFile(holding: Data(message.text.utf8))
        } catch {
            throw .sendmailFailed(path: path, status: nil, message: "cannot write the message to a temporary file: \(error.localizedDescription)")
        }
        defer { try? input.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = ["-i", "--", message.to.description]
        process.standardInput = input
        process.standardOutput = FileHandle.nullDevice
        let errors = Pipe()
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw .sendmailFailed(path: path, status: nil, message: error.localizedDescription)
        }
        // Read to the end before waiting: a chatty sendmail never blocks on a full pipe.
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let firstLine = String(decoding: stderr, as: UTF8.self).split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
            throw .sendmailFailed(path: path, status: process.terminationStatus, message: firstLine)
        }
    }

    /// A temporary file with `data`, open for reading at its start and already removed from its folder.
    private static func unlinkedFile(holding data: Data) throws -> FileHandle {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent(".arxrec-mail-\(UInt64.random(in: 0 ... UInt64.max))")
        guard FileManager.default.createFile(atPath: url.path, contents: data, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? FileManager.default.removeItem(at: url) }
        return try FileHandle(forReadingFrom: url)
    }
}
