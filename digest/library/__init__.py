"""The local library: feeds subscribed to, articles fetched, stories, and what was read."""
