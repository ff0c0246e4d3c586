import Recommender

extension ProfileSettings {
    /// The measured defaults with `change` applied, so a test names only what it varies.
    static func with(_ change: (inout ProfileSettings) -> Void) -> ProfileSettings {
        var settings = ProfileSettings()
        change(&settings)
        return settings
    }
}
