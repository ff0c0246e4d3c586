public import Foundation

/// `model.json`: the definition, the id, the shape of each artifact and the fit record.
struct ModelManifest: Codable {
    var id: String
    var definition: ModelDefinition
    var artifacts: [String: ArtifactEntry]
    var fit: FitRecord?
}

/// One binary artifact as `model.json` lists it.
struct ArtifactEntry: Codable, Equatable {
    var file: String
    var rows: Int
    var columns: Int
    var bytes: Int
}

extension EmbeddingModel {
    /// The file holding the definition, id and fit record inside a model directory.
    public static let manifestFileName = "model.json"

    /// Loads the model in `directory` (`model.json` and its artifacts), checking every artifact's header
    /// and size and that the files hash to the id `model.json` records.
    ///
    /// `verificationStamp` names a file where the caller keeps a ``ModelVerificationStamp`` (a library's
    /// data directory): when it says these very files hashed to this id already, the hash is skipped, and
    /// the term table's files are not even read until a Chinese text needs them; otherwise the model is
    /// hashed and the stamp written.
    public static func load(from directory: URL, verificationStamp: URL? = nil) throws(ModelError) -> EmbeddingModel {
        // Taken before anything is read, so a file changed while loading leaves a stamp that no longer matches.
        let stamp = verificationStamp.map(ModelVerificationStamp.init)
        let state = stamp == nil ? nil : ModelVerificationStamp.fileState(of: directory)
        let manifestURL = directory.appendingPathComponent(manifestFileName)
        let manifestData = try read(manifestURL)
        let manifest: ModelManifest
        do {
            manifest = try JSONDecoder().decode(ModelManifest.self, from: manifestData)
        } catch {
            throw .badJSON(path: manifestURL.path, reason: Self.describe(error))
        }
        let definition = manifest.definition
        try definition.validate()
        let verified = state.map { stamp?.matches(state: $0, id: manifest.id) ?? false } ?? false

        var data: [ArtifactFile: Data] = [:]
        var shapes: [ArtifactFile: ArtifactEntry] = [:]
        let required = ArtifactFile.required(by: definition)
        for artifact in ArtifactFile.allCases where !required.contains(artifact) && manifest.artifacts[artifact.rawValue] != nil {
            throw .badJSON(
                path: manifestURL.path, reason: "artifact \(artifact.rawValue) is listed but the definition does not use it")
        }
        for artifact in required {
            guard let entry = manifest.artifacts[artifact.rawValue] else {
                throw .badJSON(path: manifestURL.path, reason: "no entry for artifact \(artifact.rawValue)")
            }
            guard entry.file == artifact.fileName else {
                throw .badJSON(path: manifestURL.path, reason: "artifact \(artifact.rawValue) must be \(artifact.fileName)")
            }
            shapes[artifact] = entry
            if !(verified && LazyTranslation.artifacts.contains(artifact)) {
                data[artifact] = try read(directory.appendingPathComponent(entry.file))
            }
        }
        func path(_ artifact: ArtifactFile) -> String { directory.appendingPathComponent(artifact.fileName).path }
        func shape(_ artifact: ArtifactFile) -> ArtifactEntry { shapes[artifact] ?? ArtifactEntry(file: "", rows: 0, columns: 0, bytes: 0) }

        let idfShape = shape(.idf)
        guard idfShape.rows == 1, idfShape.columns == definition.bucketCount else {
            throw .badJSON(path: manifestURL.path, reason: "idf must be 1×\(definition.bucketCount)")
        }
        let bucketShape = shape(.projectionBuckets)
        let rowShape = shape(.projectionRows)
        guard bucketShape.rows == 1, rowShape.rows == bucketShape.columns, rowShape.columns == definition.dimension else {
            throw .badJSON(path: manifestURL.path, reason: "projection shapes disagree with each other or the dimension")
        }
        let idfBits = try ArtifactFile.idf.decode(
            data[.idf] ?? Data(), path: path(.idf), rows: 1, columns: idfShape.columns, as: UInt16.self)
        let buckets = try ArtifactFile.projectionBuckets.decode(
            data[.projectionBuckets] ?? Data(), path: path(.projectionBuckets), rows: 1, columns: bucketShape.columns,
            as: UInt32.self)
        let rows = HalfRows(
            payload: try ArtifactFile.projectionRows.payload(
                data[.projectionRows] ?? Data(), path: path(.projectionRows), rows: rowShape.rows,
                columns: rowShape.columns))

        var centering: [Float] = []
        if definition.centerDense {
            let centeringShape = shape(.centering)
            guard centeringShape.rows == 1, centeringShape.columns == definition.dimension else {
                throw .badJSON(path: manifestURL.path, reason: "centering must be 1×\(definition.dimension)")
            }
            centering = try ArtifactFile.centering.decode(
                data[.centering] ?? Data(), path: path(.centering), rows: 1, columns: definition.dimension,
                as: UInt32.self
            ).map(Float.init(bitPattern:))
            // Checked before the id so that a damaged μ is reported by its own file name.
            if let problem = centeringProblem(centering, dimension: definition.dimension) {
                throw .invalidArtifact(path: path(.centering), reason: problem)
            }
        }

        var lexicon: ChineseLexicon? = nil
        if definition.chineseWords != nil {
            let wordsShape = shape(.lexiconWords)
            let costsShape = shape(.lexiconCosts)
            guard wordsShape.rows == 1, costsShape.rows == 1 else {
                throw .badJSON(path: manifestURL.path, reason: "the lexicon artifacts must have one row")
            }
            let wordBytes = try ArtifactFile.lexiconWords.decode(
                data[.lexiconWords] ?? Data(), path: path(.lexiconWords), rows: 1, columns: wordsShape.columns,
                as: UInt8.self)
            let costBits = try ArtifactFile.lexiconCosts.decode(
                data[.lexiconCosts] ?? Data(), path: path(.lexiconCosts), rows: 1, columns: costsShape.columns,
                as: UInt16.self)
            let costs = costBits.map(HalfFloat.widen)
            guard costs.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw .invalidArtifact(path: path(.lexiconCosts), reason: "lexicon costs must be finite and non-negative")
            }
            switch ChineseLexicon.decode(wordBytes, costs: costs) {
            case .success(let decoded): lexicon = decoded
            case .failure(let problem):
                if case .costCount = problem { throw .invalidArtifact(path: path(.lexiconCosts), reason: problem.description) }
                throw .invalidArtifact(path: path(.lexiconWords), reason: problem.description)
            }
        }

        var translation: LazyTranslation? = nil
        if definition.termTable != nil {
            let tableShape = shape(.termTable)
            let calibrationShape = shape(.translationCalibration)
            let pairsShape = shape(.calibrationPairs)
            guard tableShape.columns == 3, calibrationShape.rows == 1, calibrationShape.columns == 4, pairsShape.rows == 1
            else {
                throw .badJSON(path: manifestURL.path, reason: "the term table must be N×3, its calibration 1×4, its pairs 1×N")
            }
            let paths = (table: path(.termTable), calibration: path(.translationCalibration), pairs: path(.calibrationPairs))
            let bucketCount = definition.bucketCount
            if verified, let vouched = state?.text {
                // Hashed before (the stamp): read, checked and decoded when a Chinese text first needs them,
                // and only if the files are still the ones the stamp vouched for at load.
                translation = LazyTranslation { () throws(ModelError) in
                    let table = try ArtifactFile.termTable.payload(
                        read(URL(fileURLWithPath: paths.table)), path: paths.table, rows: tableShape.rows, columns: 3)
                    let calibration = try ArtifactFile.translationCalibration.payload(
                        read(URL(fileURLWithPath: paths.calibration)), path: paths.calibration, rows: 1, columns: 4)
                    let pairs = try ArtifactFile.calibrationPairs.payload(
                        read(URL(fileURLWithPath: paths.pairs)), path: paths.pairs, rows: 1, columns: pairsShape.columns)
                    guard ModelVerificationStamp.fileState(of: directory)?.text == vouched else {
                        throw .invalidArtifact(
                            path: paths.table, reason: "the model's files changed while it was in use: run the command again")
                    }
                    return try decodeTranslation(
                        table: table, calibration: calibration, pairs: pairs, paths: paths, bucketCount: bucketCount)
                }
            } else {
                // Read for the hash: headers and sizes checked now (a file of the wrong shape is refused by
                // its name), the payloads decoded when a Chinese text first needs them.
                let table = try ArtifactFile.termTable.payload(
                    data[.termTable] ?? Data(), path: paths.table, rows: tableShape.rows, columns: 3)
                let calibration = try ArtifactFile.translationCalibration.payload(
                    data[.translationCalibration] ?? Data(), path: paths.calibration, rows: 1, columns: 4)
                let pairs = try ArtifactFile.calibrationPairs.payload(
                    data[.calibrationPairs] ?? Data(), path: paths.pairs, rows: 1, columns: pairsShape.columns)
                translation = LazyTranslation { () throws(ModelError) in
                    try decodeTranslation(table: table, calibration: calibration, pairs: pairs, paths: paths, bucketCount: bucketCount)
                }
            }
        }

        let computed = verified ? manifest.id : identifier(definition: definition, artifacts: data)
        guard computed == manifest.id else {
            throw .checksumMismatch(path: manifestURL.path, recorded: manifest.id, computed: computed)
        }
        for i in buckets.indices where buckets[i] >= definition.bucketCount || (i > 0 && buckets[i - 1] >= buckets[i]) {
            throw .invalidArtifact(
                path: path(.projectionBuckets), reason: "bucket \(buckets[i]) at \(i) is out of range or out of order")
        }
        guard let idf = HalfFloat.widenIfPositive(idfBits) else {
            throw .invalidArtifact(path: path(.idf), reason: "idf values must be finite and positive")
        }
        if !verified, let state { stamp?.record(state: state, id: computed) }
        return EmbeddingModel(
            definition: definition, idf: idf, projectionBuckets: buckets.map { Int32($0) },
            projectionRows: rows, centering: centering, lexicon: lexicon, lazyTranslation: translation, id: computed)
    }

    /// The term table, calibration and pairs of their artifacts' payloads (headers already checked).
    private static func decodeTranslation(
        table: ArtifactPayload, calibration: ArtifactPayload, pairs: ArtifactPayload,
        paths: (table: String, calibration: String, pairs: String), bucketCount: Int
    ) throws(ModelError) -> TermTranslation {
        let cells = table.elements(as: UInt32.self)
        let entries = stride(from: 0, to: cells.count, by: 3).map {
            (source: Int32(bitPattern: cells[$0]), target: Int32(bitPattern: cells[$0 + 1]),
             weight: Float(bitPattern: cells[$0 + 2]))
        }
        if let problem = TermTable.problem(entries, bucketCount: bucketCount) {
            throw .invalidArtifact(path: paths.table, reason: problem)
        }
        guard let calibration = TranslationCalibration(values: calibration.elements(as: UInt32.self).map(Float.init(bitPattern:))) else {
            throw .invalidArtifact(path: paths.calibration, reason: "the calibration must be finite with positive slopes")
        }
        guard let pairs = CalibrationPair.decode(pairs.elements(as: UInt8.self)) else {
            throw .invalidArtifact(path: paths.pairs, reason: "a line is not 'english TAB chinese'")
        }
        return TermTranslation(table: TermTable(entries: entries), calibration: calibration, pairs: pairs)
    }

    /// The fit record stored in `directory`'s `model.json`, without loading the artifacts.
    public static func fitRecord(in directory: URL) throws(ModelError) -> FitRecord? {
        let url = directory.appendingPathComponent(manifestFileName)
        let data = try read(url)
        do {
            return try JSONDecoder().decode(ModelManifest.self, from: data).fit
        } catch {
            throw .badJSON(path: url.path, reason: describe(error))
        }
    }

    /// Writes `model.json` and the artifacts into `directory` (created if needed), replacing a model
    /// already there. `fitRecord` is stored in `model.json` but is not part of the id.
    public func write(to directory: URL, fitRecord: FitRecord?) throws {
        let files = Self.encodeArtifacts(
            definition: definition, idf: idf, projectionBuckets: projectionBuckets, projectionHalves: projectionHalves,
            centering: centering, lexicon: lexicon, translation: translation)
        var entries: [String: ArtifactEntry] = [:]
        for artifact in ArtifactFile.required(by: definition) {
            let (rows, columns) = switch artifact {
            case .idf: (1, idf.count)
            case .projectionBuckets: (1, projectionBuckets.count)
            case .projectionRows: (projectionBuckets.count, dimension)
            case .centering: (1, dimension)
            case .lexiconWords: (1, files[.lexiconWords].map { $0.count - ArtifactFile.headerSize } ?? 0)
            case .lexiconCosts: (1, lexicon?.count ?? 0)
            case .termTable: (translation?.table.targets.count ?? 0, 3)
            case .translationCalibration: (1, 4)
            case .calibrationPairs: (1, files[.calibrationPairs].map { $0.count - ArtifactFile.headerSize } ?? 0)
            }
            entries[artifact.rawValue] = ArtifactEntry(
                file: artifact.fileName, rows: rows, columns: columns, bytes: files[artifact]?.count ?? 0)
        }
        let manifest = ModelManifest(id: id, definition: definition, artifacts: entries, fit: fitRecord)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(manifest)
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for artifact in ArtifactFile.required(by: definition) {
                try files[artifact]?.write(to: directory.appendingPathComponent(artifact.fileName), options: .atomic)
            }
            try (json + Data("\n".utf8)).write(to: directory.appendingPathComponent(Self.manifestFileName), options: .atomic)
        } catch {
            throw ModelError.writeFailed(path: directory.path, reason: Self.describe(error))
        }
    }

    /// The bytes of each artifact file the definition uses (no centering file for a model that does not center).
    static func encodeArtifacts(
        definition: ModelDefinition, idf: [Float], projectionBuckets: [Int32], projectionHalves: [UInt16],
        centering: [Float], lexicon: ChineseLexicon?, translation: TermTranslation?
    ) -> [ArtifactFile: Data] {
        var files: [ArtifactFile: Data] = [
            .idf: ArtifactFile.idf.encode(rows: 1, columns: idf.count, elements: idf.map { Float16($0).bitPattern }),
            .projectionBuckets: ArtifactFile.projectionBuckets.encode(
                rows: 1, columns: projectionBuckets.count, elements: projectionBuckets.map { UInt32($0) }),
            .projectionRows: ArtifactFile.projectionRows.encode(
                rows: projectionBuckets.count, columns: definition.dimension, elements: projectionHalves),
        ]
        if definition.centerDense {
            files[.centering] = ArtifactFile.centering.encode(
                rows: 1, columns: centering.count, elements: centering.map(\.bitPattern))
        }
        if definition.chineseWords != nil, let lexicon {
            files[.lexiconWords] = ArtifactFile.lexiconWords.encode(
                rows: 1, columns: lexicon.wordBytes.count, elements: lexicon.wordBytes)
            files[.lexiconCosts] = ArtifactFile.lexiconCosts.encode(
                rows: 1, columns: lexicon.costs.count, elements: lexicon.costs.map { Float16($0).bitPattern })
        }
        if definition.termTable != nil, let translation {
            let cells = translation.table.entries.flatMap {
                [UInt32(bitPattern: $0.source), UInt32(bitPattern: $0.target), $0.weight.bitPattern]
            }
            files[.termTable] = ArtifactFile.termTable.encode(rows: cells.count / 3, columns: 3, elements: cells)
            files[.translationCalibration] = ArtifactFile.translationCalibration.encode(
                rows: 1, columns: 4, elements: translation.calibration.values.map(\.bitPattern))
            let bytes = CalibrationPair.encode(translation.pairs)
            files[.calibrationPairs] = ArtifactFile.calibrationPairs.encode(rows: 1, columns: bytes.count, elements: bytes)
        }
        return files
    }

    /// `<prefix>-<16 hex digits>`: FNV-1a over the canonical definition JSON and the artifact files in a
    /// fixed order, finished with `fmix64`. An artifact the definition does not use adds no bytes, so the
    /// ids of models from before the centering artifact are unchanged.
    static func identifier(definition: ModelDefinition, artifacts: [ArtifactFile: Data]) -> String {
        var h = FeatureHash.fnv1a(definition.canonicalJSON())
        for artifact in ArtifactFile.allCases {
            artifacts[artifact, default: Data()].withUnsafeBytes { raw in
                for byte in raw {
                    h ^= UInt64(byte)
                    h &*= 0x0000_0100_0000_01b3
                }
            }
        }
        let hex = String(FeatureHash.fmix64(h), radix: 16)
        return definition.idPrefix + "-" + String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The bytes of `url`, memory-mapped: on Linux `.mappedIfSafe` reads (copies) the whole file, and the
    /// model's 17 MB are then copied once more into arrays; mapped, the id's hash and the decode read the
    /// page cache directly. Model files are only ever replaced by a rename (`write(to:)` is atomic), never
    /// rewritten in place, so a mapping stays valid.
    private static func read(_ url: URL) throws(ModelError) -> Data {
        guard FileManager.default.fileExists(atPath: url.path) else { throw .missingFile(path: url.path) }
        do {
            return try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw .unreadable(path: url.path, reason: describe(error))
        }
    }

    /// A one-line description of a Foundation or decoding error.
    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context), DecodingError.keyNotFound(_, let context),
            DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return path.isEmpty ? context.debugDescription : "\(path): \(context.debugDescription)"
        default:
            return (error as NSError).localizedDescription
        }
    }
}
