import Foundation

/// Writes arXiv-snapshot JSON-lines files of any size from the real records of the dev corpus: the records
/// are repeated in order, each copy beyond the first real pass gets a ``SyntheticID`` (the text, authors and
/// categories stay real). Used for the ingest and recommend volumes, and said so in the README.
public struct VolumeSnapshot {
    /// The real records, one JSON object per line, as read from the source file.
    private let records: [[String: Any]]

    public init(source: URL = SharedData.corpus) {
        let source = SharedData.require(source)
        do {
            let data = try Data(contentsOf: source)
            var records: [[String: Any]] = []
            for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
                guard let object = try JSONSerialization.jsonObject(with: Data(line)) as? [String: Any] else {
                    fatalError("\(source.path): a line is not a JSON object")
                }
                records.append(object)
            }
            self.records = records
        } catch {
            fatalError("\(source.path): \(error)")
        }
    }

    /// How many real records there are.
    public var realCount: Int { records.count }

    /// Writes `count` records to `url`. With `keepRealIDs` the first pass over the corpus keeps its real ids
    /// and only later copies get new ones; otherwise every record gets a new id from `block`. With `day`
    /// (`YYYY-MM-DD`) every record is announced that day (`versions[0].created`, `update_date`).
    ///
    /// Each real record is serialized once, around a placeholder id (``RecordTemplate``); every copy is then
    /// its bytes with the id spliced in. Serializing every line instead ran at a few hundred records per
    /// second on a loaded machine: hours for the 2.7 M of all of arXiv.
    public func write(
        count: Int, to url: URL, keepRealIDs: Bool = true, block: Int = 0, firstRecord: Int = 0, day: String? = nil
    ) throws {
        FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let created = day.map(Self.rfc2822)
        var templates: [Int: RecordTemplate] = [:]
        var buffer = Data()
        for index in 0 ..< count {
            let position = firstRecord + index
            let source = position % records.count
            let template: RecordTemplate
            if let made = templates[source] {
                template = made
            } else {
                var record = records[source]
                if let day, let created {
                    record["versions"] = [["version": "v1", "created": created]]
                    record["update_date"] = day
                }
                template = try RecordTemplate(record)
                templates[source] = template
            }
            let id = keepRealIDs && position < records.count
                ? template.realID : SyntheticID.base(index, block: block)
            template.append(id: id, to: &buffer)
            if buffer.count > 1 << 22 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
    }

    /// One record as JSON bytes before and after its id's value, so copies with other ids are byte copies.
    /// Ids (`2503.14620`, `hep-th/9901001`, `3001.00000`) hold no character JSON escapes.
    struct RecordTemplate {
        static let placeholder = "ARXREC-VOLUME-ID-PLACEHOLDER"
        let realID: String
        let prefix: Data
        let suffix: Data

        init(_ record: [String: Any]) throws {
            realID = record["id"] as? String ?? ""
            var record = record
            record["id"] = Self.placeholder
            let line = try JSONSerialization.data(withJSONObject: record, options: [.withoutEscapingSlashes])
            guard let range = line.range(of: Data(Self.placeholder.utf8)) else {
                fatalError("VolumeSnapshot: a serialized record lost its id")
            }
            prefix = line[..<range.lowerBound]
            suffix = line[range.upperBound...]
        }

        func append(id: String, to buffer: inout Data) {
            buffer.append(prefix)
            buffer.append(contentsOf: id.utf8)
            buffer.append(suffix)
            buffer.append(UInt8(ascii: "\n"))
        }
    }

    /// `Mon, 05 Jan 2026 20:00:00 GMT` for `2026-01-05`: the form of the corpus's own `created` stamps, whose
    /// UTC day is the listing day the library files a paper under.
    static func rfc2822(_ day: String) -> String {
        let parser = DateFormatter()
        parser.locale = Locale(identifier: "en_US_POSIX")
        parser.timeZone = TimeZone(identifier: "UTC")
        parser.dateFormat = "yyyy-MM-dd"
        guard let date = parser.date(from: day) else { fatalError("'\(day)' is not YYYY-MM-DD") }
        parser.dateFormat = "EEE, dd MMM yyyy 20:00:00 'GMT'"
        return parser.string(from: date)
    }
}
