/// A platform-stable 64-bit FNV-1a hash of a text's UTF-8 bytes, as 16 hex digits: stored as
/// `papers.text_hash` to record which text a paper's vector was embedded from. Not Swift's
/// `Hasher`, whose values change from run to run.
enum TextHash {
    static func hex(of text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
