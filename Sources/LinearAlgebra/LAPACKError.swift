/// A LAPACK routine could not produce its result for this input: a matrix that is not positive definite, an
/// iteration that did not converge, or an input holding NaN or infinity.
///
/// `info` is the routine's positive `info` code (the failing minor or the count of unconverged values), or 0
/// when the input was refused before the call. A negative `info` means an argument was wrong, which is a bug in
/// the caller of LAPACK, not a property of the data, and stops the program instead of throwing.
public struct LAPACKError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The routine's LAPACK name without the `LAPACKE_` prefix, e.g. `"sposv"`.
    public let routine: String
    /// The routine's `info` result (positive), or 0 when the input was refused before the call.
    public let info: Int32
    /// What went wrong and what to do, in one line.
    public let message: String

    public init(routine: String, info: Int32, message: String) {
        self.routine = routine
        self.info = info
        self.message = message
    }

    /// E.g. `"sposv: leading minor 2 is not positive definite"`.
    public var description: String { "\(routine): \(message)" }

    /// The error for a non-finite element at `(row, column)` of a routine's input.
    static func nonFiniteInput(routine: String, row: Int, column: Int, value: Float) -> LAPACKError {
        LAPACKError(
            routine: routine, info: 0,
            message: "input contains NaN or infinity (element (\(row), \(column)) is \(value)); clean the matrix before calling")
    }
}

/// Turns a LAPACKE `info` result into Swift: 0 returns, a negative value (an illegal argument, a bug in this
/// module) stops the program, a positive value throws a `LAPACKError` whose message `explain` words.
func checkLAPACK(_ info: Int32, routine: String, explain: (Int32) -> String) throws(LAPACKError) {
    if info == 0 { return }
    if info < 0 { preconditionFailure("\(routine): argument \(-info) had an illegal value") }
    throw LAPACKError(routine: routine, info: info, message: explain(info))
}

/// Throws if `matrix` holds a NaN or an infinity: LAPACK would loop, fail late or return garbage on them.
func checkFinite(_ matrix: Matrix, routine: String) throws(LAPACKError) {
    guard let position = matrix.storage.firstIndex(where: { !$0.isFinite }) else { return }
    let columns = max(matrix.columns, 1)
    throw LAPACKError.nonFiniteInput(
        routine: routine, row: position / columns, column: position % columns, value: matrix.storage[position])
}
