import HTTPTypes
import Hummingbird
import NIOCore

/// The checks every request passes before any route runs, in one place:
///
/// 1. its Host header names this server (``HostPolicy``; a second Host header is refused too), else 403;
/// 2. GET and HEAD never change anything: the request gets the session token its cookie proves, or a new
///    one set in a `SameSite=Strict`, `HttpOnly` cookie, for the page's forms;
/// 3. POST (the only method that changes state) needs a cookie with a token this server issued, an
///    `application/x-www-form-urlencoded` body whose `token` field repeats it (compared in constant time),
///    and, when the browser sends an Origin, this server's origin — else 403 and nothing changes;
/// 4. any other method is refused (405).
struct RequestGuard: RouterMiddleware {
    typealias Context = WebRequestContext

    let hostPolicy: HostPolicy
    let port: ListeningPort
    let sessions: SessionTokens

    /// The most a form body may hold (a rating form is a few hundred bytes).
    static let formLimit = 16 * 1024
    /// The form field that repeats the session token.
    static let tokenField = "token"

    /// The session cookie's name carries the port: cookies ignore ports, so two servers on one machine
    /// must not overwrite each other's sessions.
    static func cookieName(port: Int) -> String { "arxrec_session_\(port)" }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let port = await self.port.value
        // HTTP/1's first Host header is the authority; a second one is left among the fields.
        guard let authority = request.head.authority, !request.headers.contains(where: { $0.name.canonicalName == "host" }),
              hostPolicy.allows(authority: authority, port: port)
        else {
            throw WebError.forbidden(
                "The Host header does not name this server: open it at the address `arxrec serve` printed.")
        }
        let cookieName = Self.cookieName(port: port)
        var known: String?
        if let token = request.cookies[cookieName]?.value, await sessions.isIssued(token) { known = token }
        var context = context
        switch request.method {
        case .get, .head:
            let token: String
            if let known { token = known } else { token = await sessions.issue() }
            context.session = token
            var response = try await next(request, context)
            if known == nil {
                response.setCookie(Cookie(name: cookieName, value: token, path: "/", httpOnly: true, sameSite: .strict))
            }
            return response
        case .post:
            guard let known else {
                throw WebError.forbidden("This form is from an earlier session: reload the page and try again.")
            }
            if let origin = request.headers[.origin], origin != "http://\(authority)" {
                throw WebError.forbidden("The request came from another site (\(origin)); nothing was changed.")
            }
            let isForm = request.headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true
            let body = try await request.body.collect(upTo: Self.formLimit)
            let form = isForm ? FormFields(urlEncoded: String(buffer: body)) : FormFields()
            guard let token = form[Self.tokenField], SessionTokens.constantTimeEqual(token, known) else {
                throw WebError.forbidden("The form's session token is missing or wrong: reload the page and try again.")
            }
            context.session = known
            context.form = form
            return try await next(request, context)
        default:
            throw WebError(status: .methodNotAllowed, description: "Only GET and POST are served here.")
        }
    }
}
