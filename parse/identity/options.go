package identity

// Validate returns nil: every combination is valid (NoMerge wins over
// Strict; a nil Thesaurus is none). It is here so that every options
// struct of the library answers the same question the same way.
func (o Options) Validate() error { return nil }
