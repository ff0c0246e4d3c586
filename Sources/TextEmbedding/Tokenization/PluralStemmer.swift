/// Harman's "S" stemmer: folds English plurals onto their singular (`models` → `model`, `studies` →
/// `study`, `boxes` → `boxe`) so an author who writes "diffusion model" in one abstract and "diffusion
/// models" in the next matches herself. It is the mildest stemmer there is — it never merges words of
/// different meaning the way Porter's can (`general`/`generate`) — and costs one look at a word's last bytes.
///
/// Rules (lower-case ASCII words of four or more letters; other words are left alone):
/// - `-ies` → `-y`, unless `-eies` or `-aies`;
/// - `-es` → `-e`, unless `-aes`, `-ees` or `-oes`;
/// - `-s` → ``, unless `-us` or `-ss` (`focus`, `loss` stay; `analysis` becomes `analysi`, which is harmless
///   because every form of the word becomes it).
enum PluralStemmer {
    /// The stemmed form of the word `bytes[range]` as a prefix length plus an optional replacement byte,
    /// or nil when the word is left as it is.
    @inline(__always)
    static func stem(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (keep: Int, append: UInt8?)? {
        let count = range.count
        guard count >= 4 else { return nil }
        let end = range.upperBound
        let last = bytes[end - 1]
        guard last == UInt8(ascii: "s") else { return nil }
        let second = bytes[end - 2]
        let third = bytes[end - 3]
        for i in range where bytes[i] >= 0x80 || (bytes[i] &- 0x61 >= 26 && bytes[i] &- 0x30 >= 10) { return nil }
        if second == UInt8(ascii: "e") && third == UInt8(ascii: "i") {
            let fourth = bytes[end - 4]
            if fourth == UInt8(ascii: "e") || fourth == UInt8(ascii: "a") { return nil }
            return (count - 3, UInt8(ascii: "y"))
        }
        if second == UInt8(ascii: "e") {
            if third == UInt8(ascii: "a") || third == UInt8(ascii: "e") || third == UInt8(ascii: "o") { return nil }
            return (count - 1, nil)
        }
        if second == UInt8(ascii: "u") || second == UInt8(ascii: "s") { return nil }
        return (count - 1, nil)
    }

    /// The FNV-1a hash of the word `bytes[range]` stemmed, from `hash`, the hash of the word as written: the
    /// bytes the stem drops are taken off the hash and the replacement byte added, so no stemmed copy of the
    /// word is made. `hash` itself when the word is left as it is.
    @inline(__always)
    static func stemmedHash(_ hash: UInt64, of bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        guard let (keep, append) = stem(bytes, range) else { return hash }
        var stemmed = hash
        for i in stride(from: range.upperBound - 1, through: range.lowerBound + keep, by: -1) {
            stemmed = FeatureHash.fnv1a(stemmed, removingLast: bytes[i])
        }
        if let append { stemmed = FeatureHash.fnv1a(stemmed, appending: append) }
        return stemmed
    }
}
