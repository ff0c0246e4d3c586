import CBLAS
public func _probeDot(_ a: [Float], _ b: [Float]) -> Float { cblas_sdot(Int32(a.count), a, 1, b, 1) }
public func _probePosv() -> Int32 { var a: [Float] = [4, 0, 0, 9]; var b: [Float] = [8, 18]; return LAPACKE_sposv(LAPACK_ROW_MAJOR, CChar(UInt8(ascii: "U")), 2, 1, &a, 2, &b, 1) }
