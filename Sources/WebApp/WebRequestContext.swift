public import Hummingbird

/// What a request carries from ``RequestGuard`` to the routes: the session token its forms must repeat,
/// and the fields of a POST form whose token was checked. A route never sees an unchecked POST.
public struct WebRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The session's CSRF token (see ``SessionTokens``): put in every form of the page.
    var session = ""
    /// A POST's form fields, read and checked by ``RequestGuard``; empty for GET.
    var form = FormFields()

    public init(source: Source) {
        coreContext = .init(source: source)
    }
}
