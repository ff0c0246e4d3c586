import Library

/// Every path the server answers and the links to its pages: one home for the URL scheme. The profile
/// travels as a query value (`?profile=vision`), left out for the default profile. Public for the links a
/// published shortlist (the mailed HTML, the Atom feed) makes to a running `arxrec serve`.
public enum Paths {
    static let shortlist = "/"
    static let paper = "/paper"
    static let search = "/search"
    static let profile = "/profile"
    static let rate = "/rate"
    static let undo = "/undo"
    static let reset = "/profile/reset"
    static let createProfile = "/profiles"
    static let stylesheet = "/assets/app.css"
    static let script = "/assets/app.js"

    public static func shortlist(profile: String, day: String? = nil, top: Int? = nil) -> PageURL {
        var query = profileQuery(profile)
        if let day { query.append(("date", day)) }
        if let top { query.append(("top", String(top))) }
        return PageURL(shortlist, query)
    }

    public static func paper(_ id: String, profile: String) -> PageURL { PageURL(paper, [("id", id)] + profileQuery(profile)) }

    static func search(_ text: String, profile: String) -> PageURL { PageURL(search, [("q", text)] + profileQuery(profile)) }

    static func profilePage(_ profile: String) -> PageURL { PageURL(self.profile, profileQuery(profile)) }

    private static func profileQuery(_ profile: String) -> [(name: String, value: String)] {
        profile == Library.defaultProfile ? [] : [("profile", profile)]
    }
}
