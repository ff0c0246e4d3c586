// The ArxivClient module; see ../shared/design.md (Modules).
