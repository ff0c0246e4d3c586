extension String {
    /// A score or similarity with two decimals ("0.41", "-0.07"), without Foundation's locale-dependent
    /// formatting: the one way arxrec prints a score, in every output.
    ///
    /// Edge Cases: total over every `Float`, so printing a score never traps whatever a damaged vector
    /// row made of it — NaN prints as "nan", infinities as "inf" and "-inf", and a magnitude of 10^13 or
    /// more (beyond which two decimals mean nothing) as Swift's shortest description, e.g. "1e+30".
    public init(twoDecimals value: Float) {
        guard value.isFinite else {
            self = value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf")
            return
        }
        let scaled = (Double(value) * 100).rounded()
        guard let hundredths = Int(exactly: scaled), hundredths.magnitude < 1_000_000_000_000_000 else {
            self = "\(value)"
            return
        }
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = hundredths.magnitude
        let fraction = magnitude % 100
        self = "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
