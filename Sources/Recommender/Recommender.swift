// The Recommender module; see ../shared/design.md (Modules).
