"""Server-side plumbing: settings, cache, data store. No UI here."""
