public import Foundation
public import LinearAlgebra

/// One kind of damage the fuzz tests do to a real input file: what a bad download, a bad editor, a
/// bad disk or a hostile source does to a digest, a feed or a snapshot.
public enum Mutation: String, CaseIterable, Sendable {
    /// Cut the file short anywhere.
    case truncate
    /// Flip a few bits.
    case flipBits
    /// Insert a few random bytes.
    case insertBytes
    /// Delete a run of bytes.
    case deleteBytes
    /// Insert a byte sequence that is not UTF-8 (a lone lead or continuation byte, a surrogate, an overlong form).
    case invalidUTF8
    /// Cut the file inside a multi-byte character.
    case cutCharacter
    /// LF → CR LF, as a Windows editor saves it.
    case crlf
    /// LF → CR, as an old Mac saves it.
    case crOnly
    /// A UTF-8 byte order mark in front.
    case byteOrderMark
    /// A raw NUL byte.
    case nul
    /// A control character as text does it: a JSON `\u0000`, a raw ESC sequence, a bell.
    case controlCharacters
    /// A field grown by 100 KB.
    case hugeCell
    /// Elements or arrays nested thousands deep.
    case deepNesting
    /// Lines duplicated, dropped or swapped.
    case shuffleLines
    /// A number made 0, negative or too large for 64 bits (versions `v0`, years, ids).
    case badNumber

    /// `data` with this damage done at positions drawn from `generator`.
    public func apply(to data: Data, using generator: inout SeededGenerator) -> Data {
        var bytes = [UInt8](data)
        guard !bytes.isEmpty else { return data }
        func position() -> Int { Int.random(in: 0...bytes.count, using: &generator) }
        switch self {
        case .truncate:
            bytes.removeSubrange(Int.random(in: 1...bytes.count, using: &generator)...)
        case .flipBits:
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] ^= 1 << UInt8.random(in: 0...7, using: &generator)
            }
        case .insertBytes:
            let count = Int.random(in: 1...8, using: &generator)
            bytes.insert(contentsOf: (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }, at: position())
        case .deleteBytes:
            let start = Int.random(in: 0..<bytes.count, using: &generator)
            bytes.removeSubrange(start..<min(bytes.count, start + Int.random(in: 1...64, using: &generator)))
        case .invalidUTF8:
            let sequences: [[UInt8]] = [[0xFF], [0xC3], [0x80], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80]]
            bytes.insert(contentsOf: sequences[Int.random(in: 0..<sequences.count, using: &generator)], at: position())
        case .cutCharacter:
            let from = Int.random(in: 0..<bytes.count, using: &generator)
            let lead = bytes[from...].firstIndex { $0 >= 0xC0 } ?? bytes[..<from].lastIndex { $0 >= 0xC0 }
            bytes.removeSubrange(((lead ?? from) + 1)...)
        case .crlf:
            bytes = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).joined(separator: [0x0D, 0x0A]).map { $0 }
        case .crOnly:
            bytes = bytes.map { $0 == 0x0A ? 0x0D : $0 }
        case .byteOrderMark:
            bytes.insert(contentsOf: [0xEF, 0xBB, 0xBF], at: 0)
        case .nul:
            bytes.insert(0, at: position())
        case .controlCharacters:
            let texts = [#"\u0000"#, #"\u001b[31m"#, "\u{1B}[2J", "\u{7}", "&#x9B;", "\r"]
            bytes.insert(contentsOf: Array(texts[Int.random(in: 0..<texts.count, using: &generator)].utf8), at: position())
        case .hugeCell:
            let start = Int.random(in: 0..<bytes.count, using: &generator)
            let piece = Array(bytes[start..<min(bytes.count, start + 40)]).filter { $0 != 0x0A && $0 != 0x0D && $0 != 0x7C }
            let filler = piece.isEmpty ? Array("word ".utf8) : piece
            let huge = (0..<(100_000 / filler.count)).flatMap { _ in filler }
            bytes.insert(contentsOf: huge, at: start)
        case .deepNesting:
            let depth = [300, 5_000, 50_000][Int.random(in: 0..<3, using: &generator)]
            let isXML = bytes.starts(with: Array("<?xml".utf8)) || bytes.first == UInt8(ascii: "<")
            let (open, close) = isXML ? ("<a>", "</a>") : ("[", "]")
            let nested = Array(String(repeating: open, count: depth).utf8) + Array(String(repeating: close, count: depth).utf8)
            bytes.insert(contentsOf: nested, at: position())
        case .shuffleLines:
            var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
            guard lines.count > 1 else { break }
            let a = Int.random(in: 0..<lines.count, using: &generator)
            let b = Int.random(in: 0..<lines.count, using: &generator)
            switch Int.random(in: 0..<3, using: &generator) {
            case 0: lines.insert(lines[a], at: b)
            case 1: lines.remove(at: a)
            default: lines.swapAt(a, b)
            }
            bytes = Array(lines.joined(separator: [0x0A]))
        case .badNumber:
            let digits = bytes.indices.filter { (0x30...0x39).contains(bytes[$0]) && ($0 == 0 || !(0x30...0x39).contains(bytes[$0 - 1])) }
            guard !digits.isEmpty else { break }
            let start = digits[Int.random(in: 0..<digits.count, using: &generator)]
            let end = bytes[start...].firstIndex { !(0x30...0x39).contains($0) } ?? bytes.count
            let replacements = ["0", "-1", "00", "99999999999999999999", "9223372036854775807"]
            bytes.replaceSubrange(start..<end, with: Array(replacements[Int.random(in: 0..<replacements.count, using: &generator)].utf8))
        }
        return Data(bytes)
    }
}

/// A damaged copy of a real sample: its bytes, and a name that keeps the sample's extension (so
/// detection by name is exercised too) and says how to reproduce it.
public struct MutatedInput: Sendable {
    public let name: String
    public let data: Data
    public let mutations: [Mutation]
}

/// Seeded streams of damaged samples. The same seed gives the same inputs on every machine
/// (``SeededGenerator``), so a failure names the seed and index that reproduce it.
public enum Fuzzer {
    /// `count` inputs: each a real sample with one to three mutations.
    public static func inputs(seed: UInt64, count: Int, samples: [FuzzSample]) -> [MutatedInput] {
        var generator = SeededGenerator(seed: seed)
        return (0..<count).map { index in
            let sample = samples[Int.random(in: 0..<samples.count, using: &generator)]
            var data = sample.data
            var mutations: [Mutation] = []
            for _ in 0..<Int.random(in: 1...3, using: &generator) {
                let mutation = Mutation.allCases[Int.random(in: 0..<Mutation.allCases.count, using: &generator)]
                data = mutation.apply(to: data, using: &generator)
                mutations.append(mutation)
            }
            let stem = (sample.name as NSString).deletingPathExtension
            let ext = (sample.name as NSString).pathExtension
            let name = "\(stem)~\(seed)-\(index)-\(mutations.map(\.rawValue).joined(separator: "+"))" + (ext.isEmpty ? "" : ".\(ext)")
            return MutatedInput(name: name, data: data, mutations: mutations)
        }
    }

    /// The seed and counts for this run: the defaults keep the suite fast; `Scripts/fuzz` sets
    /// `ARXREC_FUZZ_SEED`, `ARXREC_FUZZ_ITERATIONS` and `ARXREC_FUZZ_RUNS` for a longer run.
    public static func setting(_ name: String, default value: Int) -> Int {
        ProcessInfo.processInfo.environment[name].flatMap { Int($0) } ?? value
    }

    /// Keeps a failing input for a later look when `ARXREC_FUZZ_FAILURES` names a folder.
    public static func keep(_ input: MutatedInput) {
        guard let folder = ProcessInfo.processInfo.environment["ARXREC_FUZZ_FAILURES"], !folder.isEmpty else { return }
        let url = URL(fileURLWithPath: folder, isDirectory: true)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try? input.data.write(to: url.appendingPathComponent(input.name))
    }
}
