import Foundation

/// Turns text into the lower-case UTF-8 bytes the tokenizer reads: Unicode NFKC plus case folding.
///
/// Almost every English abstract is pure ASCII (all but 195 of the 40,717 corpus papers), so ASCII
/// text skips Unicode normalisation entirely and is lower-cased byte by byte. Other text goes through
/// Foundation: NFKC (full-width letters and digits become ASCII, ligatures split, compatibility forms
/// unify), full case folding (`ß` → `ss`, final `ς` → `σ`), then NFKC again so folding cannot leave a
/// non-normalised sequence. The result is written into a caller-owned buffer that is reused across
/// texts, so the ASCII path allocates nothing once the buffer is large enough.
struct TextNormalizer {
    /// Replaces `output` with the normalised UTF-8 bytes of `text`.
    static func normalize(_ text: String, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        var text = text
        let handledASCII = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard isASCII(bytes) else { return false }
            appendLowercasedASCII(bytes, to: &output)
            return true
        }
        switch handledASCII {
        case true?:
            return
        case false?:
            break
        case nil:
            // A bridged or lazily stored string: make it contiguous once and retry the fast path.
            text.makeContiguousUTF8()
            if text.utf8.allSatisfy({ $0 < 0x80 }) {
                text.utf8.withContiguousStorageIfAvailable { appendLowercasedASCII($0, to: &output) }
                return
            }
        }
        let folded = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive], locale: nil)
            .precomposedStringWithCompatibilityMapping
        output.append(contentsOf: folded.utf8)
    }

    @inline(__always)
    private static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var combined: UInt8 = 0
        for byte in bytes { combined |= byte }
        return combined < 0x80
    }

    /// Copies `bytes` (one memcpy) and lower-cases the copy in place, a loop the compiler vectorises; the
    /// output holds just these bytes.
    @inline(__always)
    private static func appendLowercasedASCII(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        output.append(contentsOf: bytes)
        output.withUnsafeMutableBufferPointer { buffer in
            for i in buffer.indices {
                let byte = buffer[i]
                // 'A'...'Z' → 'a'...'z'
                buffer[i] = byte &- 0x41 < 26 ? byte | 0x20 : byte
            }
        }
    }
}
