import Testing
import TestSupport

/// Issue 15's end-to-end CLI suites, nested here so that they run one at a time: each blocks a
/// cooperative thread while its child process runs, and on a 2-core machine the suite should not add
/// six such blockers at once to the ones the other CLI suites already are.
@Suite(.serialized, .tags(.slow), .skippedInQuickLoop)
struct CLIHardeningTests {}
