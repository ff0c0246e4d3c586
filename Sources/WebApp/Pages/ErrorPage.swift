import HTTPTypes
import Hummingbird

/// A refusal or a failure as a page: the status, one line saying what is wrong and what to do, a way back.
enum ErrorPage {
    static func response(_ error: WebError) -> Response {
        let page: HTML = """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(String(error.status.code)) · arxrec</title>
            <link rel="stylesheet" href="\(PageURL(Paths.stylesheet))">
            </head>
            <body>
            <main id="main" class="error">
            <h1>\(String(error.status.code)) \(error.status.reasonPhrase)</h1>
            <p class="message">\(error.description)</p>
            <p><a href="\(PageURL(Paths.shortlist))">Back to the shortlist</a></p>
            </main>
            </body>
            </html>

            """
        return PageResponse.html(page, status: error.status)
    }
}
