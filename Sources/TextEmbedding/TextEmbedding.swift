// The TextEmbedding module; see ../shared/design.md (Modules).
