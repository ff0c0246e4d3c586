@testable import LinearAlgebra
import Testing

struct LAPACKErrorTests {
    @Test func descriptionIsOneLineNamingTheRoutine() {
        let error = LAPACKError(routine: "sposv", info: 2, message: "leading minor 2 is not positive definite")
        #expect(error.description == "sposv: leading minor 2 is not positive definite")
        #expect(!error.description.contains("\n"))
    }

    @Test func checkLAPACKMapsInfo() throws {
        try checkLAPACK(0, routine: "sgesdd") { _ in "unused" }
        #expect(throws: LAPACKError(routine: "sgesdd", info: 3, message: "3 failed")) {
            try checkLAPACK(3, routine: "sgesdd") { "\($0) failed" }
        }
    }

    @Test func negativeInfoIsABugThatStopsTheProgram() async {
        await #expect(processExitsWith: .failure) { try? checkLAPACK(-4, routine: "sposv") { _ in "" } }
    }

    @Test func checkFiniteNamesTheElement() {
        let error = #expect(throws: LAPACKError.self) {
            try checkFinite(Matrix(rows: 2, columns: 3, storage: [0, 0, 0, 0, -.infinity, 0]), routine: "ssyevd")
        }
        #expect(error?.description == "ssyevd: input contains NaN or infinity (element (1, 1) is -inf); clean the matrix before calling")
    }
}
