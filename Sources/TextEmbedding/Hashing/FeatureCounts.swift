/// Term frequencies of the distinct features of one text, in first-occurrence order.
///
/// An open-addressing table from feature key to feature index, with its storage kept between texts:
/// clearing touches only the slots that were used, so featurizing an abstract allocates nothing once
/// the table has grown to the size of the longest text seen.
struct FeatureCounts {
    private(set) var keys: [UInt64] = []
    private(set) var counts: [Int32] = []
    private(set) var kinds: [FeatureKind] = []
    /// The table slot of each feature, so clearing can reset exactly those.
    private var slotOfFeature: [Int] = []
    /// Feature index per slot, -1 when empty.
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity { size *= 2 }
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        keys.reserveCapacity(size / 2)
        counts.reserveCapacity(size / 2)
        kinds.reserveCapacity(size / 2)
        slotOfFeature.reserveCapacity(size / 2)
    }

    var count: Int { keys.count }

    /// Counts one occurrence of `key`; returns whether it is the first.
    @inline(__always)
    mutating func add(_ key: UInt64, kind: FeatureKind) -> Bool {
        var slot = Int(truncatingIfNeeded: key >> 32) & mask
        while true {
            let index = slots[slot]
            if index < 0 { break }
            if keys[Int(index)] == key {
                counts[Int(index)] += 1
                return false
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(keys.count)
        slotOfFeature.append(slot)
        keys.append(key)
        counts.append(1)
        kinds.append(kind)
        if keys.count * 2 > slots.count { grow() }
        return true
    }

    /// Forgets every feature, keeping the storage.
    mutating func removeAll() {
        for slot in slotOfFeature { slots[slot] = -1 }
        slotOfFeature.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        kinds.removeAll(keepingCapacity: true)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Int32](repeating: -1, count: size)
        mask = size - 1
        for (index, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key >> 32) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
            slotOfFeature[index] = slot
        }
    }
}
