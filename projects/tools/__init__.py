"""Investor tools over the registry: compare, shortlist, printable sheets, open data and a map."""
