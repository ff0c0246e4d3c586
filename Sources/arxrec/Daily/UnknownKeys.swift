/// `config.json` is typed by hand: a misspelt key (`"topp"`) silently doing nothing is the worst outcome,
/// so every object in it names its keys and anything else is refused with the list of valid ones.
enum UnknownKeys {
    /// Throws a `DecodingError.dataCorrupted` naming the first unknown key and the valid ones.
    static func reject<Key: CodingKey & CaseIterable>(in decoder: any Decoder, valid: Key.Type) throws {
        let names = Key.allCases.map(\.stringValue)
        let container = try decoder.container(keyedBy: AnyKey.self)
        guard let unknown = container.allKeys.map(\.stringValue).sorted().first(where: { !names.contains($0) }) else { return }
        throw DecodingError.dataCorrupted(.init(
            codingPath: decoder.codingPath + [AnyKey(stringValue: unknown)],
            debugDescription: "unknown key: the keys here are \(names.joined(separator: ", "))"))
    }

    struct AnyKey: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }
}
