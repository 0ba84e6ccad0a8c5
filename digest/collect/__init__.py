"""Collecting articles: feeds (RSS, Atom), subscription lists (OPML), lists of URLs, and the
concurrent, polite fetching of the pages they point to."""
