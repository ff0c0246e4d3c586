import HTTPTypes
import Hummingbird
import NIOCore

/// A finished page as an HTTP response.
enum PageResponse {
    static func html(_ page: HTML, status: HTTPResponse.Status = .ok) -> Response {
        let buffer = ByteBuffer(string: page.markup)
        return Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .contentLength: String(buffer.readableBytes)],
            body: .init(byteBuffer: buffer))
    }

    /// 303 to a path on this server, so that reloading the page never repeats the POST.
    static func seeOther(_ path: String) -> Response { Response.redirect(to: path, type: .normal) }
}
