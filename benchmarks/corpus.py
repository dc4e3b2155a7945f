"""Word lists and sentence pools for realistic-looking generated text.

Titles, narratives and notes are built from templates filled with a domain
vocabulary plus a long tail of made-up names, places and account handles, so
the full-text index holds tens of thousands of distinct terms with a skewed
frequency, as a real one does. Three words are known to the measurements:

* :data:`COMMON_WORD` occurs in a large share of cases and notes;
* :data:`RARE_WORD` is planted in only a handful of notes and cases;
* :data:`NOTE_WORD` occurs only in note text, never in a case's own text.
"""

from __future__ import annotations

import random

COMMON_WORD = "screenshot"
RARE_WORD = "quetzal"
NOTE_WORD = "voicemail"

FIRST_NAMES = (
    "James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara "
    "Richard Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Lisa Daniel Nancy "
    "Matthew Betty Anthony Sandra Mark Margaret Donald Ashley Steven Kimberly Andrew Emily "
    "Paul Donna Joshua Michelle Kenneth Carol Kevin Amanda Brian Melissa George Deborah "
    "Timothy Stephanie Ronald Rebecca Jason Sharon Edward Laura Jeffrey Cynthia Ryan Amy "
    "Jacob Kathleen Gary Angela Nicholas Shirley Eric Brenda Jonathan Emma Stephen Anna "
    "Larry Pamela Justin Nicole Scott Samantha Brandon Katherine Benjamin Christine Samuel "
    "Debra Gregory Rachel Alexander Carolyn Patrick Janet Frank Maria Raymond Olivia Jack "
    "Heather Dennis Helen Jerry Catherine Tyler Diane Aaron Julie Jose Victoria Adam Joyce "
    "Nathan Lauren Henry Kelly Zachary Christina Douglas Ruth Peter Joan Kyle Virginia "
    "Noah Judith Ethan Evelyn Jeremy Hannah Walter Andrea Christian Megan Keith Cheryl "
    "Roger Jacqueline Terry Martha Austin Madison Sean Teresa Gerald Gloria Carl Sara "
    "Harold Janice Dylan Ann Arthur Kathryn Lawrence Abigail Jordan Sophia Jesse Frances "
    "Bryan Jean Billy Alice Bruce Judy Gabriel Isabella Joe Julia Logan Grace Alan Amber"
).split()

LAST_NAMES = (
    "Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez "
    "Lopez Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson "
    "White Harris Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott "
    "Torres Nguyen Hill Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell "
    "Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz Edwards Collins Reyes "
    "Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson "
    "Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood "
    "James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers "
    "Long Ross Foster Jimenez Powell Jenkins Perry Russell Sullivan Bell Coleman Butler "
    "Henderson Barnes Gonzales Fisher Vasquez Simmons Romero Jordan Patterson Alexander "
    "Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant Herrera Gibson "
    "Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez "
    "McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman "
    "Burns Crawford Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon"
).split()

PLATFORMS = (
    "Facebook", "Instagram", "X (Twitter)", "TikTok", "Snapchat", "YouTube",
    "LinkedIn", "Reddit", "Nextdoor", "Threads", "WhatsApp", "Other",
)  # fmt: skip

POSITIONS = (
    "Youth Services Counselor", "Caseworker", "Direct Care Aide", "Program Coordinator",
    "Park Ranger", "Environmental Specialist", "Nurse", "Psychiatric Technician",
    "Administrative Assistant", "Unit Supervisor", "Clinical Social Worker",
    "Maintenance Technician", "Eligibility Specialist", "Juvenile Justice Officer",
    "Recreation Therapist", "Public Information Officer", "Records Clerk", "Driver",
)  # fmt: skip

DIVISIONS = (
    "Residential Services", "Community Services", "Field Operations", "Administration",
    "Clinical Services", "Family Support", "State Parks", "Water Protection",
    "Human Resources", "Information Technology", "Eligibility", "Transportation",
)  # fmt: skip

NOUNS = (
    "post comment photo video picture message reply thread story reel livestream status "
    "update meme caption hashtag profile page group account selfie link article review "
    "poll chat conversation image clip recording"
).split()

TOPICS = (
    "a resident", "a client", "a youth in custody", "the facility", "a coworker",
    "the supervisor", "agency policy", "a patient", "the night shift", "a court hearing",
    "a placement decision", "the director", "a family visit", "an incident report",
    "a restraint", "the budget", "a state park closure", "an inspection", "a grievance",
    "overtime", "a transport", "the union", "a political campaign", "a local election",
    "a news story", "a protest", "a lawsuit", "a disciplinary hearing", "a neighbor",
)  # fmt: skip

VERBS = (
    "posted shared published uploaded reposted commented liked tagged messaged forwarded "
    "livestreamed captioned described mocked criticized disclosed mentioned photographed "
    "filmed quoted"
).split()

ADJECTIVES = (
    "disparaging offensive confidential identifiable threatening harassing derogatory "
    "political inappropriate explicit profane misleading sarcastic hostile private graphic "
    "unauthorized discriminatory defamatory partisan racist sexual violent"
).split()

PLACES = (
    "the cafeteria", "the dormitory", "the day room", "the parking lot", "the break room",
    "the visiting area", "the intake unit", "the infirmary", "the classroom", "the gym",
    "the control room", "the front office", "the van", "the trail head", "the campground",
    "the boat ramp", "the lab", "the warehouse", "the courthouse", "a community meeting",
)  # fmt: skip

TITLE_TEMPLATES = (
    "{Adj} {noun} about {topic} on {platform}",
    "{Noun} showing {topic} {verb} on {platform}",
    "{Adj} comments about {topic}",
    "{platform} {noun} identifying {topic}",
    "Photo of {place} {verb} to {platform}",
    "{Adj} {noun} during work hours",
    "Friend request to {topic} on {platform}",
    "{platform} account impersonating the agency",
    "Use of agency phone for {platform} {noun}",
    "{Adj} livestream from {place}",
    "Disclosure of confidential information about {topic}",
    "{platform} {noun} endorsing a candidate",
    "Messages to {topic} via {platform}",
    "{Adj} {noun} mentioning {surname}",
)  # fmt: skip

NARRATIVE_TEMPLATES = (
    "The reporter states that {name} {verb} a {adj} {noun} about {topic} on {platform}.",
    "A {screenshot} of the {noun} was provided by {name} on {date}.",
    "The {noun} appears to show {place} and may identify {topic}.",
    "According to the complaint, the {noun} was {verb} while the employee was on duty.",
    "The account {handle} is believed to belong to {name}.",
    "{name} said the {noun} was visible to the public for about {num} hours.",
    "The {noun} received {num} reactions and {num} comments before it was removed.",
    "A {screenshot} shows the caption and the time it was {verb}.",
    "The reporter is concerned that {topic} could be identified from the {noun}.",
    "The employee allegedly {verb} the {noun} from an agency device in {place}.",
    "Several coworkers, including {name}, saw the {noun} on {platform}.",
    "The {noun} referred to {topic} as {adj} and was tagged {handle}.",
    "Monitoring flagged a {adj} {noun} by {handle} near {town}.",
    "The {noun} was {verb} again by {name} after the first report.",
)  # fmt: skip

NOTE_TEMPLATES = (
    "Interviewed {name} in {place}; they confirmed seeing the {noun} on {platform}.",
    "Interviewed the subject with {name} present as representative.",
    "Witness {name} stated the {noun} was {verb} around {num} pm.",
    "Received a {screenshot} from {name} showing the {adj} {noun}.",
    "Requested the original {screenshot} and the page URL from the reporter.",
    "Left a {voicemail} for {name} asking for a call back about the {noun}.",
    "Returned the call from {name}; scheduled an interview for {date}.",
    "Called {name} at {town}; no answer, left a message.",
    "Reviewed the {platform} profile {handle}; the {noun} is no longer visible.",
    "Checked the device log for {place}; {num} entries during the shift.",
    "Supervisor {name} confirmed the employee was on duty on {date}.",
    "Compared the {screenshot} with the archive copy; they match.",
    "The {noun} mentions {topic} and {surname}; forwarded to HR.",
    "Emailed {name} the interview summary for review.",
    "Sent a records request to {platform} regarding {handle}.",
    "Noted that the {noun} was {verb} from {town} according to the metadata.",
    "Witness statement from {name}: the {noun} was {adj} and aimed at {topic}.",
    "Case discussed with the investigator team; next step is to interview {name}.",
    "{name} declined to provide a statement.",
    "Photographed {place} for comparison with the {noun}.",
)  # fmt: skip

_ONSETS = "b c d f g h j k l m n p r s t v w z br ch cl dr gr kr pl sh st tr th".split()
_VOWELS = "a e i o u ai ea io ou".split()
_CODAS = ["", "", "", "n", "r", "l", "s", "th", "nd", "rk", "x"]


def _pseudo_words(rng: random.Random, count: int) -> list[str]:
    """``count`` distinct made-up words (surnames, towns, handles)."""
    words: set[str] = set()
    while len(words) < count:
        syllables = rng.randint(2, 4)
        word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))
        word += rng.choice(_CODAS)
        if RARE_WORD not in word and NOTE_WORD not in word:
            words.add(word)
    return sorted(words)


class Corpus:
    """Pools of names, titles, narrative sentences and note texts, from one seed."""

    def __init__(self, seed: int, *, pool_size: int = 40_000) -> None:
        rng = random.Random(seed)
        self.rng = rng
        self.tail = _pseudo_words(rng, 20_000)
        # Skewed use of the long tail: a few made-up names recur a lot, most rarely.
        self._tail_weights = _zipf_cumulative(len(self.tail))
        self.sentences = [self._fill(rng.choice(NARRATIVE_TEMPLATES)) for _ in range(pool_size)]
        self.notes = [self._fill(rng.choice(NOTE_TEMPLATES)) for _ in range(pool_size)]
        self.titles = [self._fill(rng.choice(TITLE_TEMPLATES))[:200] for _ in range(pool_size // 4)]

    def tail_word(self) -> str:
        """A made-up word from the long tail, drawn with a Zipf-like skew."""
        return self.rng.choices(self.tail, cum_weights=self._tail_weights)[0]

    def person(self) -> str:
        """A person's full name."""
        rng = self.rng
        last = rng.choice(LAST_NAMES) if rng.random() < 0.8 else self.tail_word().title()
        return f"{rng.choice(FIRST_NAMES)} {last}"

    def narrative(self) -> str:
        """Two to six sentences describing a report."""
        return " ".join(self.rng.choices(self.sentences, k=self.rng.randint(2, 6)))

    def note(self) -> str:
        """A timeline note: one or two note sentences, sometimes with a narrative one."""
        rng = self.rng
        parts = rng.choices(self.notes, k=rng.randint(1, 2))
        if rng.random() < 0.3:
            parts.append(rng.choice(self.sentences))
        if rng.random() < 0.2:
            parts.append(f"Reference {rng.randint(10_000, 999_999)}.")
        return " ".join(parts)

    def title(self) -> str:
        return self.rng.choice(self.titles)

    def _fill(self, template: str) -> str:
        rng = self.rng
        noun = rng.choice(NOUNS)
        adj = rng.choice(ADJECTIVES)
        month = rng.randint(1, 12)
        return template.format(
            name=self.person(),
            surname=self.tail_word().title(),
            noun=noun,
            Noun=noun.capitalize(),
            adj=adj,
            Adj=adj.capitalize(),
            verb=rng.choice(VERBS),
            topic=rng.choice(TOPICS),
            platform=rng.choice(PLATFORMS),
            place=rng.choice(PLACES),
            town=self.tail_word().title(),
            handle="@" + self.tail_word() + str(rng.randint(1, 99)),
            num=rng.randint(2, 400),
            date=f"{month}/{rng.randint(1, 28)}",
            screenshot=COMMON_WORD,
            voicemail=NOTE_WORD,
        )


def _zipf_cumulative(n: int) -> list[float]:
    total = 0.0
    cumulative = []
    for rank in range(1, n + 1):
        total += 1.0 / rank
        cumulative.append(total)
    return cumulative
