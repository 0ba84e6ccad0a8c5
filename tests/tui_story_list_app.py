"""Several stories for the story-list snapshots: the seeds' story and two small invented ones."""

from dataclasses import replace

from digest.engine import build_story
from digest.engine.grouping import group_articles
from digest.ingest.load import parse_text
from digest.tui.app import DigestApp
from tests.tui_app import seed_story

INVENTED = [
    ("Tessel River floods Marlow, 3,000 evacuated", "Floodwaters forced 3,000 residents of Marlow to leave their homes after the Tessel River burst its banks. Mayor Ilse Varga said shelters in Marlow were full."),
    ("Thousands leave Marlow as Tessel River floods", "About 3,000 people were evacuated from Marlow as the Tessel River overflowed, Mayor Ilse Varga told reporters in Marlow."),
    ("Harwick council elects Odile Brandt as speaker", "The Harwick city council elected Odile Brandt as its speaker on Monday. Brandt won 31 votes to 27 in Harwick."),
    ("Odile Brandt becomes Harwick council speaker", "Odile Brandt was elected speaker of the Harwick council on Monday. Brandt promised to publish every Harwick budget online."),
]

articles = [replace(parse_text(f"{title}\n\n{text}\n", "text", f"invented-{n}.txt"), id=f"x{n}") for n, (title, text) in enumerate(INVENTED)]
stories = [seed_story(), *(build_story([articles[i] for i in group]) for group in group_articles(articles))]
app = DigestApp(stories=stories)
