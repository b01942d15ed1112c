"""Every view of the dashboard, in navigation order, with its tab label."""

VIEW_LABELS = {
    "map": "World map",
    "matrix": "Matrix",
    "uneven": "How uneven",
    "profile": "Country",
    "change": "Change 2019→2021",
    "gap": "Policy vs practice",
    "compare": "Compare",
    "regions": "Regions",
    "corridors": "Remittance corridors",
    "table": "Data table",
    "methodology": "Methodology",
}

VIEWS = tuple(VIEW_LABELS)
