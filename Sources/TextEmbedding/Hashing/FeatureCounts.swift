/// Term frequencies of the distinct features of one text, in first-occurrence order.
///
/// An open-addressing table from feature key to feature index, with its storage kept between texts:
/// clearing touches only the slots that were used, so featurizing an abstract allocates nothing once
/// the table has grown to the size of the longest text seen.
///
/// The storage is raw memory owned by one class instance (its pointers are constants, so no access to it
/// is checked for exclusivity at run time), replaced rather than shared on write: ``removeAll()`` — which
/// every text starts with — makes it unique, so ``add(_:kind:)``, called for every n-gram, neither checks
/// uniqueness nor bounds. With arrays those checks (`swift_isUniquelyReferenced`, four appends per new
/// feature) were ~4 % of an English abstract's embedding (perf, session 10).
struct FeatureCounts {
    private var storage: Storage
    /// How many distinct features.
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity { size *= 2 }
        storage = Storage(slotCount: size)
    }

    /// Each feature's key, in first-occurrence order; valid until the counts change.
    var keys: UnsafeBufferPointer<UInt64> { UnsafeBufferPointer(start: storage.keys, count: count) }
    /// Each feature's term frequency; valid until the counts change.
    var counts: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: storage.counts, count: count) }
    /// Each feature's kind; valid until the counts change.
    var kinds: UnsafeBufferPointer<FeatureKind> { UnsafeBufferPointer(start: storage.kinds, count: count) }

    /// Counts one occurrence of `key`; returns whether it is the first. Only between ``removeAll()`` and the
    /// end of that text, when the storage is known to be unique.
    @inline(__always)
    mutating func add(_ key: UInt64, kind: FeatureKind) -> Bool {
        let table = storage
        let mask = table.slotCount - 1
        var slot = Int(truncatingIfNeeded: key >> 32) & mask
        while true {
            let index = table.slots[slot]
            if index < 0 { break }
            if table.keys[Int(index)] == key {
                table.counts[Int(index)] += 1
                return false
            }
            slot = (slot + 1) & mask
        }
        let index = count
        // Raw memory: a write past its room would corrupt the heap, so it is checked (one well-predicted branch
        // per new feature; the doubling below keeps it from ever failing).
        precondition(index < table.featureCapacity, "FeatureCounts: feature \(index) past the table's room")
        table.slots[slot] = Int32(index)
        table.slotOfFeature[index] = Int32(slot)
        table.keys[index] = key
        table.counts[index] = 1
        table.kinds[index] = kind
        count = index + 1
        if count * 2 > table.slotCount { storage = table.doubled(count: count) }
        return true
    }

    /// Forgets every feature, keeping the storage (or, when a copy of this value shares it, leaving it to
    /// the copy and starting an empty one of the same size).
    mutating func removeAll() {
        if isKnownUniquelyReferenced(&storage) {
            storage.clear(count: count)
        } else {
            storage = Storage(slotCount: storage.slotCount)
        }
        count = 0
    }

    /// The table's memory: `slotCount` slots (feature index, -1 when empty; a power of two) and room for
    /// `slotCount / 2 + 1` features: the table holds `slotCount / 2` and doubles right after the next one
    /// is written.
    private final class Storage {
        let slotCount: Int
        /// How many features the memory has room for.
        let featureCapacity: Int
        let slots: UnsafeMutablePointer<Int32>
        /// The table slot of each feature, so clearing can reset exactly those.
        let slotOfFeature: UnsafeMutablePointer<Int32>
        let keys: UnsafeMutablePointer<UInt64>
        let counts: UnsafeMutablePointer<Int32>
        let kinds: UnsafeMutablePointer<FeatureKind>

        init(slotCount: Int) {
            self.slotCount = slotCount
            slots = .allocate(capacity: slotCount)
            slots.initialize(repeating: -1, count: slotCount)
            let features = slotCount / 2 + 1
            featureCapacity = features
            slotOfFeature = .allocate(capacity: features)
            keys = .allocate(capacity: features)
            counts = .allocate(capacity: features)
            kinds = .allocate(capacity: features)
        }

        deinit {
            slots.deallocate()
            slotOfFeature.deallocate()
            keys.deallocate()
            counts.deallocate()
            kinds.deallocate()
        }

        /// Empties the slots of the first `count` features.
        func clear(count: Int) {
            for index in 0 ..< count { slots[Int(slotOfFeature[index])] = -1 }
        }

        /// A table of twice the size holding the first `count` features, in the same order.
        func doubled(count: Int) -> Storage {
            let larger = Storage(slotCount: slotCount * 2)
            larger.keys.initialize(from: keys, count: count)
            larger.counts.initialize(from: counts, count: count)
            larger.kinds.initialize(from: kinds, count: count)
            let mask = larger.slotCount - 1
            for index in 0 ..< count {
                var slot = Int(truncatingIfNeeded: keys[index] >> 32) & mask
                while larger.slots[slot] >= 0 { slot = (slot + 1) & mask }
                larger.slots[slot] = Int32(index)
                larger.slotOfFeature[index] = Int32(slot)
            }
            return larger
        }
    }
}
