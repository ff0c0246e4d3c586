import HTTPTypes
import Hummingbird
import Logging

/// The outermost middleware: whatever a route or the router threw becomes an HTML error page with its
/// status and a one-line message, and every response — page, asset, error, redirect — gets
/// ``SecurityHeaders``.
struct SecureResponses: RouterMiddleware {
    typealias Context = WebRequestContext

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            // The router's own refusals: no such path (404), a body over the limit (413).
            let status = error.status
            let message = status == .notFound
                ? "There is no page at \(request.uri.path): start from the shortlist."
                : "\(status.code) \(status.reasonPhrase)"
            response = ErrorPage.response(WebError(status: status, description: message))
        } catch {
            let refusal = WebError.from(error)
            // A refusal is the visitor's to read; a failure is also the terminal's, where `serve` runs.
            if refusal.status.code >= 500 { context.logger.error("\(request.method) \(request.uri.path): \(refusal.description)") }
            response = ErrorPage.response(refusal)
        }
        SecurityHeaders.apply(to: &response.headers)
        return response
    }
}
