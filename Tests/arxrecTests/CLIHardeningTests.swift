import Testing

/// Issue 15's end-to-end CLI suites, nested here so that they run one at a time: each blocks a thread
/// on a child process, and on a 2-core machine several such suites at once starve the async tests
/// (the ArxivClient time-limit tests) of the cooperative pool's threads.
@Suite(.serialized)
struct CLIHardeningTests {}
