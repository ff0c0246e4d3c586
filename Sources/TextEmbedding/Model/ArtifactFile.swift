import Foundation

/// The binary files of a model, each a 32-byte header followed by a little-endian row-major payload.
///
/// Header: 8-byte magic naming the artifact (`ARXIDF16`, `ARXBKT32`, `ARXPRJ16`, `ARXCTR32`, `ARXLEXU8`,
/// `ARXLXC16`, `ARXTRM32`, `ARXCAL32`, `ARXPAIR8`), then UInt32 LE format
/// version, rows, columns, bytes per element, and 8 zero bytes. The file must be exactly
/// `32 + rows × columns × bytes per element` long, so a truncated or padded file is refused; `model.json`
/// records the shape too, so a file from another model is refused as well.
enum ArtifactFile: String, CaseIterable, Sendable {
    /// idf of every bucket, Float16.
    case idf
    /// The buckets that have a projection row, ascending, UInt32.
    case projectionBuckets
    /// One row of `dimension` Float16 values per projection bucket.
    case projectionRows
    /// The mean μ of the fitted papers' dense vectors, `1 × dimension` Float32 bit patterns; only models whose
    /// definition has ``ModelDefinition/centerDense`` have it. Float32 because it is subtracted from every
    /// vector and is only 1 KB. Last in `allCases`, so the id of a model without it hashes what it always did.
    case centering
    /// The Chinese words of the lexicon (``ChineseLexicon``), UTF-8, each followed by a line feed, in
    /// ascending byte order (`1 × bytes` of UInt8); only models whose definition has
    /// ``ModelDefinition/chineseWords`` have it. After the centering in `allCases`, so older ids are unchanged.
    case lexiconWords
    /// −ln p of each lexicon word, `1 × words` Float16, in the order of ``lexiconWords``.
    case lexiconCosts
    /// The ``TermTable``: `entries × 3` UInt32 (source bucket, target bucket, Float32 bit pattern of the
    /// weight); only models whose definition has ``ModelDefinition/termTable``. After the lexicon in
    /// `allCases`, so older ids are unchanged.
    case termTable
    /// The ``TranslationCalibration``, `1 × 4` Float32 bit patterns.
    case translationCalibration
    /// The ``CalibrationPair``s, UTF-8 lines `english TAB chinese` (`1 × bytes` of UInt8).
    case calibrationPairs

    static let headerSize = 32

    var fileName: String {
        switch self {
        case .idf: "idf.f16"
        case .projectionBuckets: "projection-buckets.u32"
        case .projectionRows: "projection.f16"
        case .centering: "centering.f32"
        case .lexiconWords: "lexicon-words.u8"
        case .lexiconCosts: "lexicon-costs.f16"
        case .termTable: "term-table.u32"
        case .translationCalibration: "translation-calibration.f32"
        case .calibrationPairs: "calibration-pairs.u8"
        }
    }

    var magic: [UInt8] {
        switch self {
        case .idf: Array("ARXIDF16".utf8)
        case .projectionBuckets: Array("ARXBKT32".utf8)
        case .projectionRows: Array("ARXPRJ16".utf8)
        case .centering: Array("ARXCTR32".utf8)
        case .lexiconWords: Array("ARXLEXU8".utf8)
        case .lexiconCosts: Array("ARXLXC16".utf8)
        case .termTable: Array("ARXTRM32".utf8)
        case .translationCalibration: Array("ARXCAL32".utf8)
        case .calibrationPairs: Array("ARXPAIR8".utf8)
        }
    }

    var elementSize: Int {
        switch self {
        case .lexiconWords, .calibrationPairs: 1
        case .idf, .projectionRows, .lexiconCosts: 2
        case .projectionBuckets, .centering, .termTable, .translationCalibration: 4
        }
    }

    /// The artifacts a model with `definition` has: the centering only when the definition centers, the
    /// lexicon only when it learns Chinese words.
    static func required(by definition: ModelDefinition) -> [ArtifactFile] {
        allCases.filter { artifact in
            switch artifact {
            case .idf, .projectionBuckets, .projectionRows: true
            case .centering: definition.centerDense
            case .lexiconWords, .lexiconCosts: definition.chineseWords != nil
            case .termTable, .translationCalibration, .calibrationPairs: definition.termTable != nil
            }
        }
    }

    /// The file bytes for a payload of `rows × columns` elements, given as little-endian element bit patterns.
    func encode<Element: FixedWidthInteger>(rows: Int, columns: Int, elements: [Element]) -> Data {
        precondition(Element.bitWidth / 8 == elementSize && elements.count == rows * columns)
        var data = Data(capacity: Self.headerSize + elements.count * elementSize)
        data.append(contentsOf: magic)
        for field in [UInt32(ModelDefinition.currentFormatVersion), UInt32(rows), UInt32(columns), UInt32(elementSize)] {
            withUnsafeBytes(of: field.littleEndian) { data.append(contentsOf: $0) }
        }
        data.append(contentsOf: [UInt8](repeating: 0, count: 8))
        elements.map(\.littleEndian).withUnsafeBytes { data.append(contentsOf: $0) }
        return data
    }

    /// The payload elements of `data`, after checking the header against the expected shape.
    func decode<Element: FixedWidthInteger>(
        _ data: Data, path: String, rows: Int, columns: Int, as type: Element.Type
    ) throws(ModelError) -> [Element] {
        try payload(data, path: path, rows: rows, columns: columns).elements(as: type)
    }

    /// The payload of `data` (not yet copied out), after checking the header against the expected shape.
    func payload(_ data: Data, path: String, rows: Int, columns: Int) throws(ModelError) -> ArtifactPayload {
        let expected = Self.headerSize + rows * columns * elementSize
        guard data.count >= Self.headerSize else {
            throw .sizeMismatch(path: path, expected: expected, actual: data.count)
        }
        let bytes = [UInt8](data.prefix(Self.headerSize))
        guard Array(bytes[0 ..< 8]) == magic else {
            throw .badHeader(path: path, reason: "magic is not \(String(decoding: magic, as: UTF8.self))")
        }
        func field(_ i: Int) -> Int {
            let offset = 8 + 4 * i
            return Int(UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24)
        }
        guard field(0) == ModelDefinition.currentFormatVersion else {
            throw .badHeader(path: path, reason: "format version \(field(0)), expected \(ModelDefinition.currentFormatVersion)")
        }
        guard field(1) == rows, field(2) == columns, field(3) == elementSize else {
            throw .badHeader(
                path: path,
                reason: "shape \(field(1))×\(field(2))×\(field(3)) bytes, model.json says \(rows)×\(columns)×\(elementSize)")
        }
        guard data.count == expected else { throw .sizeMismatch(path: path, expected: expected, actual: data.count) }
        return ArtifactPayload(data: data, count: rows * columns)
    }
}

/// The checked payload of one artifact file: `count` little-endian elements after the header.
struct ArtifactPayload: Sendable {
    let data: Data
    let count: Int

    /// The elements, copied out of the file's bytes.
    func elements<Element: FixedWidthInteger>(as _: Element.Type) -> [Element] {
        // One copy of the payload's bytes, then the byte order: a per-element unaligned load costs a generic
        // metadata lookup per element in debug builds, which made every command's model load take seconds there.
        var elements = [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            data.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(
                    from: UnsafeRawBufferPointer(rebasing: raw[ArtifactFile.headerSize...]))
            }
            initialized = count
        }
        if Element(littleEndian: 1) != 1 {
            for i in elements.indices { elements[i] = Element(littleEndian: elements[i]) }
        }
        return elements
    }
}
