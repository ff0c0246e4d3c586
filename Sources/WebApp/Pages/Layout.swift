import Library

/// The frame of every page: the head (no external resource: one stylesheet and one script, both served
/// here), a bar with the sections, the search box and the profile switcher, and the page's `<main>`.
struct Layout {
    enum Section { case shortlist, profile, search, paper, error }

    let title: String
    let profile: String
    /// Every profile, for the switcher (the current one is added if it has no row yet).
    let profiles: [String]
    let section: Section
    var searchText = ""

    func page(_ main: HTML) -> HTML {
        let names = profiles.contains(profile) ? profiles : (profiles + [profile]).sorted()
        let options = names.map { name -> HTML in
            name == profile ? "<option selected>\(name)</option>" : "<option>\(name)</option>"
        }
        return """
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title) · arxrec</title>
            <link rel="stylesheet" href="\(PageURL(Paths.stylesheet))">
            <script src="\(PageURL(Paths.script))" defer></script>
            </head>
            <body>
            <header class="bar">
            <a class="brand" href="\(Paths.shortlist(profile: profile))">arxrec</a>
            <nav>
            <a href="\(Paths.shortlist(profile: profile))"\(current(.shortlist))>Shortlist</a>
            <a href="\(Paths.profilePage(profile))"\(current(.profile))>Profile</a>
            </nav>
            <form class="search" action="\(PageURL(Paths.search))" method="get" role="search">
            \(profileField)<input type="search" name="q" value="\(searchText)" placeholder="Search the library" aria-label="Search the library">
            <button type="submit">Search</button>
            </form>
            <form class="switch" action="\(PageURL(Paths.shortlist))" method="get">
            <label><span class="wide">Profile</span> <select name="profile" aria-label="Profile">\(options)</select></label>
            <button type="submit">Switch</button>
            </form>
            </header>
            <main id="main">
            \(main)
            </main>
            <footer>arxrec · your library, on this machine · <a href="\(Paths.profilePage(profile))">profile \(profile)</a></footer>
            </body>
            </html>

            """
    }

    private func current(_ section: Section) -> HTML { self.section == section ? " aria-current=\"page\"" : "" }

    private var profileField: HTML {
        profile == Library.defaultProfile ? "" : "<input type=\"hidden\" name=\"profile\" value=\"\(profile)\">"
    }
}
