import Foundation
import LinearAlgebra
import Testing
@testable import TextEmbedding

/// Every kernel of the dense view's row sum gives the definition's bits (rows added one after another),
/// on random halves of every magnitude, row counts that leave remainders, and dimensions that are and are
/// not multiples of the 32-wide blocks. The stored vectors and the golden digests depend on it.
@Suite struct ProjectionGatherTests {
    @Test(arguments: [256, 96, 40, 7])
    func everyKernelMatchesTheDefinitionBitForBit(dimension: Int) {
        var random = SplitMix64(seed: 0x5eed_0000 + UInt64(dimension))
        let tableRows = 64
        // Finite halves of every exponent and sign (0x7c00 and above are infinities and NaNs).
        let table = (0 ..< tableRows * dimension).map { _ -> UInt16 in
            let bits = UInt16(truncatingIfNeeded: random.next())
            return bits & 0x7fff >= 0x7c00 ? bits & 0x83ff : bits
        }
        let tablePointer = UnsafeMutablePointer<UInt16>.allocate(capacity: table.count)
        defer { tablePointer.deallocate() }
        tablePointer.initialize(from: table, count: table.count)
        for count in [0, 1, 3, 17, 150] {
            let rows = Scratch<Int>((0 ..< count).map { _ in Int(random.next() % UInt64(tableRows)) })
            let weights = (0 ..< count).map { _ in Float(Double(random.next() % 2_000_001) / 1_000_000 - 1) }
            let expected = Scratch([Float](repeating: .nan, count: dimension))
            let definitionWeights = Scratch(weights)
            ProjectionGather.plainSum(
                rows: rows.pointer, weights: definitionWeights.pointer, count: count, table: tablePointer,
                dimension: dimension, into: expected.pointer)
            for kernel in ProjectionGather.Kernel.allCases where kernel.isAvailable {
                let scratchWeights = Scratch(weights)
                let got = Scratch([Float](repeating: .nan, count: dimension))
                ProjectionGather.sum(
                    rows: rows.pointer, weights: scratchWeights.pointer, count: count, table: tablePointer,
                    dimension: dimension, into: got.pointer, kernel: kernel)
                #expect(got.values.map(\.bitPattern) == expected.values.map(\.bitPattern), "\(kernel), \(count) rows")
            }
        }
    }

    /// The machines arxrec is measured on (x86-64 with AVX2 and F16C) take the C kernel; if this fails on
    /// such a machine, the run-time check is broken and every embedding silently takes the slow loop.
    @Test func theHalfInstructionKernelIsChosenWhereTheCPUHasIt() {
        #if arch(x86_64)
        let flags = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let words = Set(flags.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }))
        if words.contains("avx2") && words.contains("f16c") {
            #expect(ProjectionGather.Kernel.fastest == .halfInstructions)
        } else {
            #expect(ProjectionGather.Kernel.fastest == .portable)
        }
        #else
        #expect(ProjectionGather.Kernel.fastest == .portable)
        #endif
    }
}

/// Values in memory the kernels can take pointers to (never empty, so a count of 0 still has an address).
private final class Scratch<Element> {
    let pointer: UnsafeMutablePointer<Element>
    private let count: Int

    init(_ values: [Element]) {
        count = values.count
        pointer = .allocate(capacity: max(count, 1))
        pointer.initialize(from: values, count: count)
    }

    var values: [Element] { Array(UnsafeBufferPointer(start: pointer, count: count)) }

    deinit {
        pointer.deinitialize(count: count)
        pointer.deallocate()
    }
}
