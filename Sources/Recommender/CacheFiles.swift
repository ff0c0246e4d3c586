import Foundation

/// The per-model cache files a library directory holds (``WeakNegativesCache``, ``NoiseSampleCache``; their
/// names are `Library.DataDirectory`'s).
enum CacheFiles {
    /// Deletes the files of `directory` that `isCache` recognises, other than `kept`. Called after writing
    /// this model's cache: the library has moved to this model (its vector file is rebuilt for it), and a
    /// cache of another model's vectors would only serve after a switch back, which rebuilds the library's
    /// vectors anyway.
    static func removeOthers(in directory: URL, keeping kept: URL, where isCache: (String) -> Bool) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where isCache(name) && name != kept.lastPathComponent {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }
}
