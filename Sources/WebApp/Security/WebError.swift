import HTTPTypes
import Library
import Recommender

/// Why a page cannot be served; each becomes an HTML page with its status and one line saying what to do.
struct WebError: Error, CustomStringConvertible {
    let status: HTTPResponse.Status
    let description: String

    static func badRequest(_ message: String) -> WebError { WebError(status: .badRequest, description: message) }
    static func notFound(_ message: String) -> WebError { WebError(status: .notFound, description: message) }
    static func forbidden(_ message: String) -> WebError { WebError(status: .forbidden, description: message) }

    /// The status and message for any error a route let through.
    static func from(_ error: any Error) -> WebError {
        switch error {
        case let error as WebError:
            return error
        case let error as LibraryError:
            switch error {
            case .unknownPaper, .unknownProfile: return .notFound(error.description)
            case .invalidDay, .invalidProfileName, .profileExists: return .badRequest(error.description)
            case .busy: return WebError(status: .serviceUnavailable, description: error.description)
            default: return WebError(status: .internalServerError, description: error.description)
            }
        case let error as RecommenderError:
            switch error {
            case .notInLibrary: return .notFound(error.description)
            case .noKnownTerms, .noRatings: return .badRequest(error.description)
            }
        default:
            return WebError(status: .internalServerError, description: "\(error)")
        }
    }
}
