import Foundation
import Testing
@testable import ArxivFormats

struct LineSplitterTests {
    /// Feeds `pieces` as chunks and prints each line as `number:text` or `number:long N`.
    static func split(_ pieces: [[UInt8]], maxLineBytes: Int = .max) throws -> (lines: [String], maxBuffered: Int) {
        var splitter = LineSplitter(maxLineBytes: maxLineBytes)
        var lines: [String] = []
        var maxBuffered = 0
        func emit(_ line: TextLine) {
            switch line {
            case .text(let number, let bytes): lines.append("\(number):\(String(decoding: bytes, as: UTF8.self))")
            case .tooLong(let number, let bytes): lines.append("\(number):long \(bytes)")
            }
        }
        for piece in pieces {
            splitter.feed(Data(piece), emit)
            maxBuffered = max(maxBuffered, splitter.bufferedByteCount)
        }
        splitter.finish(emit)
        return (lines, maxBuffered)
    }

    @Test func neverHoldsMoreThanTheLimit() throws {
        let pieces = ["ab", "c\r\nxxxx", "xxxxxxxx", "xx\nd", "", "e\n\nlast"].map { Array($0.utf8) }
        let (lines, maxBuffered) = try Self.split(pieces, maxLineBytes: 8)
        #expect(maxBuffered <= 8)
        #expect(lines == ["1:abc", "2:long 14", "3:de", "4:", "5:last"])
    }

    /// LF, CR LF and a lone CR end a line alike, wherever the chunks are cut; a leading byte order
    /// mark is dropped. Every chunking of each text gives the same lines, numbered the same.
    @Test(arguments: ["\n", "\r\n", "\r"])
    func everyLineBreakReadsTheSame(lineBreak: String) throws {
        let text = ["# arxiv 2025-12-23", "", "| a | b |", "last"].joined(separator: lineBreak)
        let expected = ["1:# arxiv 2025-12-23", "2:", "3:| a | b |", "4:last"]
        for bytes in [Array(text.utf8), LineSplitter.byteOrderMark + Array(text.utf8)] {
            #expect(try Self.split([bytes]).lines == expected)
            for cut in 0...bytes.count {
                let lines = try Self.split([Array(bytes[..<cut]), Array(bytes[cut...])]).lines
                #expect(lines == expected, "cut at \(cut) of \(lineBreak.debugDescription)")
            }
        }
        #expect(try Self.split([Array((text + lineBreak).utf8)]).lines == expected)
    }

    @Test func lineNumbersOfBytesFollowTheSameRule() {
        let bytes = Array("a\r\nb\rc\nd".utf8)
        #expect(LineSplitter.lineNumber(ofByteAt: 0, in: bytes) == 1)
        #expect(LineSplitter.lineNumber(ofByteAt: 3, in: bytes) == 2)
        #expect(LineSplitter.lineNumber(ofByteAt: 5, in: bytes) == 3)
        #expect(LineSplitter.lineNumber(ofByteAt: 7, in: bytes) == 4)
    }
}
