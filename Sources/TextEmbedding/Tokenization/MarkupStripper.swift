internal import CKernels

/// Reduces LaTeX markup and URLs in normalised (lower-case UTF-8) text to the words a reader sees.
///
/// Abstracts and the Chinese digest carry `$…$` math, `\textbf{…}`, `\href{url}{text}` and bare links;
/// left alone they would make `textbf`, `https`, `www`, `github` and `com` some of the most common
/// features of the corpus. The rules, applied in one left-to-right pass that rewrites the buffer in
/// place (the output is never longer than the input):
/// - `\name` (a backslash and letters) is dropped and separates words; for commands whose argument is
///   not prose — `\href`'s URL, `\url`, `\cite…`, `\ref`, `\label`, `\begin`/`\end`, colours — the
///   following `{…}` group is dropped too, so `\href{url}{text}` leaves `text`;
/// - accent commands (`\"o`, `\'e`, `` \` ``, `\^`, `\~`, `\=`, `\.`) are dropped without splitting the
///   word, so `g\"odel` stays one word; any other `\x` becomes a separator;
/// - `{` and `}` are dropped (grouping does not split words); `$` separates words;
/// - a URL — `scheme://…`, `www.…`, or a dotted host name followed by `/` such as `github.com/owner/repo`
///   — is dropped up to the next space, quote, bracket, `$`, `*`, `|` or non-ASCII character (so a link
///   in a Chinese sentence ends at the first Chinese character).
///
/// Everything else (punctuation, math symbols, `_`, `^`) is left for the tokenizer, which treats it as a
/// separator. The prose word "github" outside a link is kept: it is a word the author wrote.
///
/// With `keepingLinks` (the profile's phrase view) a URL is left for the tokenizer, which splits it into
/// words (`github com owner repo`): the lab's or project's name in a code link is part of how a group
/// presents its work, which is what the phrase view is for.
struct MarkupStripper {
    /// Rewrites `text` in place.
    ///
    /// Plain bytes are copied; the loop stops only at `\\ { } $ : . /`. URLs are recognised when their
    /// telling byte arrives — `://`, the `.` of `www.`, the `/` after a dotted host — by rewinding over the
    /// host bytes just copied (they are still verbatim in the output) and skipping the rest of the URL.
    ///
    /// A plain run — most of an abstract: a `.` every sentence, rarely markup — is found 16 bytes at a time
    /// (`arx_next_markup_byte`, SSE2) and moved at once, and only once something has been dropped: the
    /// byte-by-byte loop was 9 % of an abstract's embedding (perf, 2026-12-01). `skippingPlainRuns: false`
    /// is the byte-by-byte loop alone, which the tests hold the fast path to.
    static func strip(_ text: inout [UInt8], keepingLinks: Bool = false, skippingPlainRuns: Bool = true) {
        let count = text.count
        let written = text.withUnsafeMutableBufferPointer { buffer -> Int in
            var read = 0
            var write = 0
            @inline(__always) func emitSpace() {
                if write > 0 && buffer[write - 1] != 0x20 {
                    buffer[write] = 0x20
                    write += 1
                }
            }
            guard let base = buffer.baseAddress else { return 0 }
            while read < count {
                if skippingPlainRuns {
                    // Move the plain run up to the next byte the stripper acts on at once (nothing to
                    // move until something has been dropped).
                    let next = arx_next_markup_byte(base, read, count)
                    if next > read {
                        if write != read { (base + write).update(from: base + read, count: next - read) }
                        write += next - read
                        read = next
                        continue
                    }
                }
                let byte = buffer[read]
                switch byte {
                case UInt8(ascii: "\\"):
                    read = skipCommand(buffer, from: read, count: count, emitSpace: emitSpace)
                    continue
                case UInt8(ascii: "{"), UInt8(ascii: "}"):
                    read += 1
                    continue
                case UInt8(ascii: "$"):
                    emitSpace()
                    read += 1
                    continue
                case UInt8(ascii: ":"), UInt8(ascii: "."), UInt8(ascii: "/"):
                    if !keepingLinks, let hostStart = urlHostStart(buffer, write: write, read: read, count: count) {
                        write = hostStart
                        emitSpace()
                        read = urlEnd(buffer, from: read, count: count)
                        continue
                    }
                default:
                    break
                }
                buffer[write] = byte
                write += 1
                read += 1
            }
            return write
        }
        text.removeSubrange(written...)
    }

    /// If the byte at `read` (`:`, `.` or `/`) reveals a URL whose host was just copied to the output,
    /// the output index where that host starts.
    @inline(__always)
    private static func urlHostStart(
        _ buffer: UnsafeMutableBufferPointer<UInt8>, write: Int, read: Int, count: Int
    ) -> Int? {
        // The run of host bytes (letters, digits, '.', '-') that ends the output.
        var start = write
        while start > 0 && isHostByte(buffer[start - 1]) { start -= 1 }
        guard start < write else { return nil }
        switch buffer[read] {
        case UInt8(ascii: ":"):
            // scheme://
            guard read + 2 < count, buffer[read + 1] == UInt8(ascii: "/"), buffer[read + 2] == UInt8(ascii: "/")
            else { return nil }
            return start
        case UInt8(ascii: "."):
            // www.
            guard write - start == 3, buffer[start] == UInt8(ascii: "w"), buffer[start + 1] == UInt8(ascii: "w"),
                buffer[start + 2] == UInt8(ascii: "w"), read + 1 < count, isHostByte(buffer[read + 1])
            else { return nil }
            return start
        default:
            // host.tld/ : a dotted host whose last label is two or more letters, directly followed by '/'
            // (`github.com/owner/repo`, not `1.5x/2x` or `and/or`).
            var lastDot = write - 1
            while lastDot >= start && buffer[lastDot] != UInt8(ascii: ".") { lastDot -= 1 }
            guard lastDot > start, lastDot < write - 2,
                (lastDot + 1 ..< write).allSatisfy({ isASCIILetter(buffer[$0]) })
            else { return nil }
            return start
        }
    }

    /// The index just past the URL whose rest starts at `start`.
    @inline(__always)
    private static func urlEnd(_ buffer: UnsafeMutableBufferPointer<UInt8>, from start: Int, count: Int) -> Int {
        var i = start
        while i < count && !endsURL(buffer[i]) { i += 1 }
        return i
    }

    /// Commands whose first `{…}` argument is markup, not prose.
    private static let argumentDroppingCommands: Set<[UInt8]> = Set(
        [
            "href", "url", "cite", "citep", "citet", "citealp", "ref", "eqref", "autoref", "cref", "label",
            "begin", "end", "textcolor", "color", "colorbox", "unicode", "includegraphics", "footnotemark",
        ].map { Array($0.utf8) })

    /// Skips the command starting at the backslash at `start`; returns where reading resumes.
    @inline(__always)
    private static func skipCommand(
        _ buffer: UnsafeMutableBufferPointer<UInt8>, from start: Int, count: Int, emitSpace: () -> Void
    ) -> Int {
        var i = start + 1
        guard i < count else { return i }
        let next = buffer[i]
        if isASCIILetter(next) {
            while i < count && isASCIILetter(buffer[i]) { i += 1 }
            emitSpace()
            let nameLength = i - start - 1
            if nameLength <= 15,
                argumentDroppingCommands.contains(Array(UnsafeBufferPointer(rebasing: buffer[(start + 1) ..< i])))
            {
                var j = i
                while j < count && buffer[j] == 0x20 { j += 1 }
                if j < count && buffer[j] == UInt8(ascii: "{") { i = skipGroup(buffer, from: j, count: count) }
            }
            return i
        }
        switch next {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "^"), UInt8(ascii: "~"),
            UInt8(ascii: "="), UInt8(ascii: "."):
            return i + 1
        default:
            emitSpace()
            return i + 1
        }
    }

    /// Skips the balanced `{…}` group opening at `start`; returns the index after its closing brace (or
    /// the end of the text when it never closes).
    private static func skipGroup(_ buffer: UnsafeMutableBufferPointer<UInt8>, from start: Int, count: Int) -> Int {
        var depth = 0
        var i = start
        while i < count {
            switch buffer[i] {
            case UInt8(ascii: "\\"): i += 1  // an escaped brace does not open or close
            case UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { return i + 1 }
            default: break
            }
            i += 1
        }
        return count
    }

    @inline(__always)
    private static func endsURL(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0a, 0x0d, UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "<"), UInt8(ascii: ">"),
            UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
            UInt8(ascii: "}"), UInt8(ascii: "|"), UInt8(ascii: "\\"), UInt8(ascii: "$"), UInt8(ascii: "*"):
            true
        default:
            byte >= 0x80
        }
    }

    @inline(__always)
    private static func isASCIILetter(_ byte: UInt8) -> Bool { byte | 0x20 &- 0x61 < 26 }

    @inline(__always)
    private static func isHostByte(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || byte &- 0x30 < 10 || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }
}
