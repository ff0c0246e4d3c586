import BenchmarkData
import Foundation

/// `bench-data snapshot --count N --out FILE [--new-ids] [--block B] [--first I] [--day YYYY-MM-DD]`
///
/// Writes a snapshot JSON-lines file of `N` real corpus records (repeated, later copies with new ids) for
/// the scripts in `Benchmarks/Scripts/`. `--new-ids` gives every record a new id (a day of new papers);
/// `--first` starts at another record of the corpus.
func usage() -> Never {
    FileHandle.standardError.write(Data("""
        usage: bench-data snapshot --count N --out FILE [--new-ids] [--block B] [--first I] [--day YYYY-MM-DD] [--source FILE]

        """.utf8))
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.first == "snapshot" else { usage() }
arguments.removeFirst()
var count: Int?
var output: String?
var newIDs = false
var block = 0
var first = 0
var day: String?
var source = SharedData.corpus
while !arguments.isEmpty {
    let flag = arguments.removeFirst()
    if flag == "--new-ids" { newIDs = true; continue }
    guard !arguments.isEmpty else { usage() }
    let value = arguments.removeFirst()
    switch flag {
    case "--count": count = Int(value)
    case "--out": output = value
    case "--block": block = Int(value) ?? -1
    case "--first": first = Int(value) ?? -1
    case "--day": day = value
    case "--source": source = URL(fileURLWithPath: value)
    default: usage()
    }
}
guard let count, count > 0, let output, block >= 0, first >= 0 else { usage() }
let volume = VolumeSnapshot(source: source)
do {
    try volume.write(
        count: count, to: URL(fileURLWithPath: output), keepRealIDs: !newIDs, block: block, firstRecord: first, day: day)
} catch {
    FileHandle.standardError.write(Data("bench-data: \(output): \(error)\n".utf8))
    exit(1)
}
print("wrote \(count) records (\(volume.realCount) real ones repeated\(newIDs ? ", all with new ids" : "")) to \(output)")
