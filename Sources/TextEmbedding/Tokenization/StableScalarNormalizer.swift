/// NFKC + case folding without Foundation for text made only of scalars whose normal form is known and
/// does not depend on their neighbours — nearly every Chinese summary (all but 699 of the 37,984 corpus texts).
///
/// Foundation's NFKC and case folding were most of a Chinese text's embedding (146 µs of it, session 9). The
/// scalars accepted here are ones whose NFKC + case-fold + NFKC image is a fixed byte sequence, whatever
/// stands around them:
/// - ASCII, lower-cased (`A`–`Z` fold to `a`–`z`; the rest is stable);
/// - the Han blocks U+4E00–9FFF and U+3400–4DBF (not the compatibility ideographs U+F900–FAFF, which
///   NFKC maps to other scalars), the ideographic comma and full stop U+3001–3002, the brackets
///   U+3008–3011 (`〈〉《》「」『』【】`), and the dash and quotes U+2014, U+2018–2019, U+201C–201D: NFKC-stable
///   (`NFKC_QC` = Yes), canonical combining class 0, no case mapping;
/// - the full-width ASCII forms U+FF01–FF5E, which NFKC maps to ASCII U+0021–007E (then lower-cased).
///
/// None of them has a canonical combining class other than 0 and none is the first scalar of a two-scalar
/// canonical decomposition, so NFKC composes nothing between two accepted scalars; a text with any other
/// scalar — a combining mark that could attach to a letter, Hangul jamo, half-width katakana, `…`, a
/// superscript — goes to Foundation whole. `StableScalarNormalizerTests` holds the result to Foundation's
/// on the whole Chinese corpus and on random and adversarial strings.
enum StableScalarNormalizer {
    /// Appends the normalised bytes of `bytes` (valid UTF-8) to `output` and returns true when every scalar
    /// is accepted; otherwise returns false and leaves `output` as it was.
    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) -> Bool {
        let start = output.count
        // Every accepted scalar's image is at most as long as its UTF-8 (full-width forms shrink from 3 bytes
        // to 1), so the bytes are copied once and rewritten in place, reading ahead of writing.
        output.append(contentsOf: bytes)
        let end = output.withUnsafeMutableBufferPointer { buffer -> Int? in
            var read = start
            var write = start
            let count = buffer.count
            while read < count {
                let lead = buffer[read]
                if lead < 0x80 {
                    buffer[write] = TextNormalizer.lowercasedASCII(lead)
                    read += 1
                    write += 1
                    continue
                }
                // Every accepted non-ASCII scalar is in the BMP above U+0800: three bytes, 1110xxxx 10xxxxxx 10xxxxxx.
                guard lead & 0xf0 == 0xe0, read + 2 < count else { return nil }
                let second = buffer[read + 1]
                let third = buffer[read + 2]
                let scalar = UInt32(lead & 0x0f) << 12 | UInt32(second & 0x3f) << 6 | UInt32(third & 0x3f)
                switch scalar {
                case 0x4e00 ... 0x9fff, 0x3400 ... 0x4dbf, 0x3001 ... 0x3002, 0x3008 ... 0x3011, 0x2014, 0x2018 ... 0x2019,
                    0x201c ... 0x201d:
                    buffer[write] = lead
                    buffer[write + 1] = second
                    buffer[write + 2] = third
                    write += 3
                case 0xff01 ... 0xff5e:
                    let ascii = UInt8(truncatingIfNeeded: scalar - 0xfee0)
                    buffer[write] = TextNormalizer.lowercasedASCII(ascii)
                    write += 1
                default:
                    return nil
                }
                read += 3
            }
            return write
        }
        guard let end else {
            output.removeSubrange(start...)
            return false
        }
        output.removeSubrange(end...)
        return true
    }
}
