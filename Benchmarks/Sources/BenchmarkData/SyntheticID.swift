/// New arXiv ids for copies of real records, so volume beyond the 40,717 real papers never collides with a
/// real id: `YYMM.NNNNN` from 2030 on (`3001.00000`, `3001.00001`, … 100,000 per month), a range arXiv
/// will not reach for years.
public enum SyntheticID {
    /// The id of copy number `index` within id block `block` (a block is one month; use different blocks
    /// for sets that must not overlap, such as the library and a day of new papers).
    public static func base(_ index: Int, block: Int = 0) -> String {
        precondition(index >= 0 && block >= 0)
        let month = block + index / 100_000
        let yymm = (30 + month / 12) * 100 + month % 12 + 1
        precondition(yymm <= 9912, "SyntheticID: block \(block) + \(index) runs past 9912")
        let number = String(index % 100_000)
        return "\(yymm)." + String(repeating: "0", count: 5 - number.count) + number
    }
}
