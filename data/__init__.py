"""The data layer: shipped files, readers, validation, catalogue and pure queries. No Dash here."""
