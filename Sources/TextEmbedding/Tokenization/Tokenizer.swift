/// One token: a byte range of the normalised text and its kind.
struct Token: Equatable {
    /// Where the token's bytes start and end in the normalised buffer.
    var start: Int
    var end: Int
    /// A CJK character (one token per character) rather than a word.
    var isCJK: Bool
    /// FNV-1a of the token's bytes (``FeatureHash/fnv1a(_:_:)``), computed while scanning them.
    var hash: UInt64
}

/// Splits normalised UTF-8 text into words and CJK characters without making a `String` of any token.
///
/// - Words: maximal runs of letters and digits of any alphabetic script (Unicode `Alphabetic` or numeric
///   scalars, which also keeps combining vowel signs inside Indic words), at least two scalars long — the
///   behaviour of scikit-learn's `(?u)\b\w\w+\b` except that `_` separates words (it is LaTeX's subscript
///   far more often than part of an identifier in an abstract).
/// - CJK: every Han, Hiragana, Katakana or Hangul scalar is its own token; the featurizer pairs adjacent
///   ones into bigrams. Chinese and Japanese have no spaces, so a run like `棱镜假说` must not become one
///   giant word.
/// - Everything else separates tokens.
struct Tokenizer {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The next token, or nil at the end of the text.
    @inline(__always)
    mutating func next() -> Token? {
        let count = bytes.count
        while position < count {
            let byte = bytes[position]
            if byte < 0x80 {
                if Self.isASCIIWordByte(byte) {
                    if let token = scanWord() { return token }
                } else {
                    position += 1
                }
                continue
            }
            let (scalar, length) = decodeScalar(at: position)
            if Self.isCJK(scalar) {
                let token = Token(
                    start: position, end: position + length, isCJK: true,
                    hash: FeatureHash.fnv1a(bytes, position ..< position + length))
                position += length
                return token
            }
            if Self.isWordScalar(scalar) {
                if let token = scanWord() { return token }
            } else {
                position += length
            }
        }
        return nil
    }

    /// Consumes the word run at `position`; returns it when it has at least two scalars.
    @inline(__always)
    private mutating func scanWord() -> Token? {
        let start = position
        let count = bytes.count
        var scalars = 0
        var hash = FeatureHash.offsetBasis
        while position < count {
            let byte = bytes[position]
            if byte < 0x80 {
                guard Self.isASCIIWordByte(byte) else { break }
                hash = (hash ^ UInt64(byte)) &* FeatureHash.prime
                position += 1
            } else {
                let (scalar, length) = decodeScalar(at: position)
                guard !Self.isCJK(scalar) && Self.isWordScalar(scalar) else { break }
                for i in position ..< position + length { hash = (hash ^ UInt64(bytes[i])) &* FeatureHash.prime }
                position += length
            }
            scalars += 1
        }
        return scalars >= 2 ? Token(start: start, end: position, isCJK: false, hash: hash) : nil
    }

    /// Decodes the scalar starting at `index` in valid UTF-8.
    @inline(__always)
    private func decodeScalar(at index: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[index])
        let count = bytes.count
        @inline(__always) func continuation(_ offset: Int) -> UInt32 {
            index + offset < count ? UInt32(bytes[index + offset] & 0x3f) : 0
        }
        if lead < 0xe0 { return (((lead & 0x1f) << 6) | continuation(1), 2) }
        if lead < 0xf0 { return (((lead & 0x0f) << 12) | (continuation(1) << 6) | continuation(2), 3) }
        return (((lead & 0x07) << 18) | (continuation(1) << 12) | (continuation(2) << 6) | continuation(3), 4)
    }

    @inline(__always)
    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        byte &- 0x61 < 26 || byte &- 0x30 < 10 || byte &- 0x41 < 26
    }

    /// Han (with its extensions, compatibility ideographs, `々` and `〇`), Hiragana, Katakana and Hangul.
    @inline(__always)
    static func isCJK(_ v: UInt32) -> Bool {
        switch v {
        case 0x4e00 ... 0x9fff, 0x3400 ... 0x4dbf, 0xf900 ... 0xfaff, 0x20000 ... 0x2ebef, 0x2f800 ... 0x2fa1f,
            0x30000 ... 0x3134f, 0x3005, 0x3007,
            0x3040 ... 0x309f, 0x30a0 ... 0x30ff, 0x31f0 ... 0x31ff,
            0xac00 ... 0xd7af, 0x1100 ... 0x11ff, 0x3130 ... 0x318f:
            true
        default:
            false
        }
    }

    /// A letter or digit of any script (non-ASCII scalars only; ASCII has its own fast test).
    ///
    /// Below U+3040 — Latin, Greek, Cyrillic, the other alphabetic scripts of the BMP's first part, general
    /// punctuation and the CJK punctuation (`。`, `、`, `《》`) that separates most Chinese words — the answer
    /// is one bit of ``wordScalarBits``; the Unicode property lookup behind it was 9 % of a Chinese text's
    /// embedding (perf, session 10).
    @inline(__always)
    static func isWordScalar(_ v: UInt32) -> Bool {
        if v < wordScalarTableLimit {
            return wordScalarBits.withUnsafeBufferPointer { $0[Int(v >> 6)] >> UInt64(v & 63) & 1 != 0 }
        }
        return isWordScalarByProperties(v)
    }

    /// The scalars ``wordScalarBits`` covers: all below this.
    static let wordScalarTableLimit: UInt32 = 0x3040

    /// ``isWordScalarByProperties(_:)`` of every scalar below ``wordScalarTableLimit``, one bit each
    /// (bit `v % 64` of word `v / 64`): computed from the same properties once per process, so it cannot
    /// disagree with them.
    static let wordScalarBits: [UInt64] = (0 ..< Int(wordScalarTableLimit) / 64).map { word in
        (0 ..< 64).reduce(into: UInt64(0)) { bits, bit in
            if isWordScalarByProperties(UInt32(word * 64 + bit)) { bits |= 1 << UInt64(bit) }
        }
    }

    /// The definition of a word scalar: Unicode `Alphabetic`, or with a numeric type.
    static func isWordScalarByProperties(_ v: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(v) else { return false }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }
}
