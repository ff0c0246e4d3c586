import Foundation

/// Turns text into the lower-case UTF-8 bytes the tokenizer reads: Unicode NFKC plus case folding.
///
/// Almost every English abstract is pure ASCII (all but 195 of the 40,717 corpus papers), so ASCII
/// text skips Unicode normalisation entirely and is lower-cased byte by byte; text made only of ASCII,
/// Han, CJK punctuation and full-width ASCII forms (most Chinese summaries) is mapped scalar by scalar by
/// ``StableScalarNormalizer``. Other text goes through Foundation: NFKC (full-width letters and digits become ASCII, ligatures split, compatibility forms
/// unify), full case folding (`ß` → `ss`, final `ς` → `σ`), then NFKC again so folding cannot leave a
/// non-normalised sequence. The result is written into a caller-owned buffer that is reused across
/// texts, so the ASCII path allocates nothing once the buffer is large enough.
struct TextNormalizer {
    /// Replaces `output` with the normalised UTF-8 bytes of `text`.
    static func normalize(_ text: String, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        var text = text
        if let handled = text.utf8.withContiguousStorageIfAvailable({ appendWithoutFoundation($0, to: &output) }) {
            if handled { return }
        } else {
            // A bridged or lazily stored string: make it contiguous once and retry the fast paths.
            text.makeContiguousUTF8()
            if text.utf8.withContiguousStorageIfAvailable({ appendWithoutFoundation($0, to: &output) }) == true { return }
        }
        appendWithFoundation(text, to: &output)
    }

    /// The general path every text may take (the fast paths must give the same bytes; tests compare them):
    /// Foundation's NFKC, case folding, NFKC again, appended to `output`.
    static func appendWithFoundation(_ text: String, to output: inout [UInt8]) {
        let folded = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.caseInsensitive], locale: nil)
            .precomposedStringWithCompatibilityMapping
        output.append(contentsOf: folded.utf8)
    }

    /// The fast paths: pure ASCII, or text of scalars ``StableScalarNormalizer`` maps alone (most Chinese
    /// text). False, leaving `output` as it was, when the text needs Foundation.
    @inline(__always)
    private static func appendWithoutFoundation(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) -> Bool {
        if isASCII(bytes) {
            appendLowercasedASCII(bytes, to: &output)
            return true
        }
        return StableScalarNormalizer.append(bytes, to: &output)
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
            for i in buffer.indices { buffer[i] = lowercasedASCII(buffer[i]) }
        }
    }

    /// An ASCII byte lower-cased ('A'...'Z' → 'a'...'z'; every other byte unchanged): the one rule of both
    /// fast paths (this one and ``StableScalarNormalizer``'s).
    @inline(__always)
    static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }
}
