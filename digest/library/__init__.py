"""The local library: feeds subscribed to, articles fetched, stories, and what was read.

Only the error lives here, so that the command line can catch it without importing sqlite3 on
every start (the store is imported when a command needs it).
"""


class LibraryError(Exception):
    """The library cannot be used as asked; the message says why in one line."""
