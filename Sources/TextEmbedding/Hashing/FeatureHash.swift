/// The seeded, platform-stable 64-bit hash behind every bucket of the sparse view.
///
/// Swift's `Hasher` is randomly seeded per process, so buckets would change between runs; this hash is
/// FNV-1a over the token's UTF-8 bytes followed by MurmurHash3's `fmix64` finaliser, which depends on
/// nothing but the bytes and the seed. n-gram keys are combined from token hashes (never from a
/// concatenated `String`), and each feature kind mixes in its own domain constant so that a word
/// unigram, a word bigram and a CJK character never share a key by construction.
///
/// Changing anything here changes every bucket of every model: the golden-value tests pin it.
public enum FeatureHash {
    /// FNV-1a 64-bit offset basis.
    @usableFromInline static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// FNV-1a 64-bit prime.
    @usableFromInline static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// FNV-1a over `bytes[range]`, unseeded: the stop-word table is keyed on it, so it must not
    /// depend on a model's seed.
    @inlinable
    public static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> UInt64 {
        var h = offsetBasis
        for i in range {
            h ^= UInt64(bytes[i])
            h &*= prime
        }
        return h
    }

    /// The FNV-1a value of a byte sequence without its last byte `last`, from the value `h` of the whole
    /// sequence: FNV-1a's step `(h ^ byte) × prime` is invertible because the prime is odd, so removing a
    /// byte costs one multiplication by the prime's inverse mod 2^64 — a plural's stem is hashed from the
    /// word's hash instead of from its bytes again.
    @inlinable @inline(__always)
    public static func fnv1a(_ h: UInt64, removingLast last: UInt8) -> UInt64 {
        (h &* primeInverse) ^ UInt64(last)
    }

    /// FNV-1a continued by one byte.
    @inlinable @inline(__always)
    public static func fnv1a(_ h: UInt64, appending byte: UInt8) -> UInt64 {
        (h ^ UInt64(byte)) &* prime
    }

    /// The inverse of ``prime`` modulo 2^64.
    @usableFromInline static let primeInverse: UInt64 = 0xce96_5057_aff6_957b

    /// FNV-1a over a whole byte sequence (stop-word lists, model identifiers).
    public static func fnv1a(_ bytes: some Sequence<UInt8>, continuing h: UInt64 = offsetBasis) -> UInt64 {
        var h = h
        for byte in bytes {
            h ^= UInt64(byte)
            h &*= prime
        }
        return h
    }

    /// MurmurHash3's 64-bit finaliser: every input bit affects every output bit.
    @inlinable @inline(__always)
    public static func fmix64(_ key: UInt64) -> UInt64 {
        var k = key
        k ^= k >> 33
        k &*= 0xff51_afd7_ed55_8ccd
        k ^= k >> 33
        k &*= 0xc4ce_b9fe_1a85_ec53
        k ^= k >> 33
        return k
    }

    /// The seeded hash of one token, from its unseeded FNV-1a value.
    @inlinable @inline(__always)
    public static func token(_ unseeded: UInt64, seed: UInt64) -> UInt64 {
        fmix64(unseeded ^ seed)
    }

    /// The key of a single-token feature (word unigram, CJK character) in `kind`'s domain.
    @inlinable @inline(__always)
    public static func unigram(_ token: UInt64, kind: FeatureKind) -> UInt64 {
        fmix64(token ^ kind.domain)
    }

    /// The key of an ordered pair of tokens in `kind`'s domain: `(a, b)` and `(b, a)` differ.
    @inlinable @inline(__always)
    public static func bigram(_ first: UInt64, _ second: UInt64, kind: FeatureKind) -> UInt64 {
        let rotated = (second << 29) | (second >> 35)
        return fmix64((first &* 0x9e37_79b9_7f4a_7c15) ^ rotated ^ kind.domain)
    }

    /// The bucket of a feature key: its low `bucketBits` bits.
    @inlinable @inline(__always)
    public static func bucket(_ key: UInt64, bucketBits: Int) -> Int {
        Int(truncatingIfNeeded: key & ((1 << UInt64(bucketBits)) &- 1))
    }

    /// The sign of a feature key: its top bit, so colliding features cancel on average instead of
    /// piling up (the "signed" hashing trick).
    ///
    /// Made from bits (the key's top bit moved onto the sign bit of 1.0), not chosen by a branch: a key's top bit
    /// is a coin toss, and the branch the compiler made of `key >> 63 == 0 ? 1 : -1` mispredicted every other
    /// feature of `Featurizer`'s bucket sums (session 13).
    @inlinable @inline(__always)
    public static func sign(_ key: UInt64) -> Float {
        Float(bitPattern: 0x3f80_0000 | UInt32(truncatingIfNeeded: key >> 63) << 31)
    }
}

/// The kinds of feature the sparse view extracts, each hashed in its own domain.
public enum FeatureKind: UInt8, Sendable, Hashable, Codable, CaseIterable, CustomStringConvertible {
    /// A word of two or more letters/digits (Latin or another alphabetic script), not a stop word.
    case wordUnigram = 0
    /// Two consecutive words once stop words are removed.
    case wordBigram = 1
    /// One Han, Hiragana, Katakana or Hangul character.
    case cjkUnigram = 2
    /// Two adjacent CJK characters.
    case cjkBigram = 3
    /// A word of a CJK run as the model's ``ChineseLexicon`` segments it (model v6 on): 扩散, 检索增强;
    /// a character the lexicon joins to no word is a word of one character.
    case cjkWord = 4

    /// The domain constant mixed into this kind's keys.
    @inlinable
    public var domain: UInt64 {
        switch self {
        case .wordUnigram: 0x5157_4f52_4431_0001  // arbitrary, distinct constants
        case .wordBigram: 0x5157_4f52_4432_0003
        case .cjkUnigram: 0x4343_4a4b_3131_0005
        case .cjkBigram: 0x4343_4a4b_3232_0007
        case .cjkWord: 0x4343_4a4b_5744_0009
        }
    }

    public var description: String {
        switch self {
        case .wordUnigram: "word"
        case .wordBigram: "word bigram"
        case .cjkUnigram: "CJK character"
        case .cjkBigram: "CJK bigram"
        case .cjkWord: "Chinese word"
        }
    }
}
