// The Library module; see ../shared/design.md (Modules).
