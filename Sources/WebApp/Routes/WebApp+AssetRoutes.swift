import HTTPTypes
import Hummingbird
import NIOCore

extension WebApp {
    /// The stylesheet and the script, from constants compiled into the binary: no request reads a file.
    func addAssetRoutes(to router: Router<WebRequestContext>) {
        router.get(RouterPath(stringLiteral: Paths.stylesheet)) { _, _ in
            Self.asset(Stylesheet.css, type: "text/css; charset=utf-8")
        }
        router.get(RouterPath(stringLiteral: Paths.script)) { _, _ in
            Self.asset(Script.javascript, type: "text/javascript; charset=utf-8")
        }
    }

    static func asset(_ text: String, type: String) -> Response {
        let buffer = ByteBuffer(string: text)
        return Response(
            status: .ok,
            headers: [.contentType: type, .contentLength: String(buffer.readableBytes), .cacheControl: "no-cache"],
            body: .init(byteBuffer: buffer))
    }
}
