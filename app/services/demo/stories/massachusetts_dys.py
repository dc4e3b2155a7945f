"""The demo's cases of the Massachusetts Department of Youth Services (all invented)."""

from __future__ import annotations

from app.services.demo.stories.model import (
    CONTACT,
    DEVICE_UNKNOWN,
    DUTY_UNKNOWN,
    DYS,
    EXONERATED,
    INTERVIEW,
    NOT_SUBSTANTIATED,
    NOTE,
    OFF,
    ON,
    OWN_DEVICE,
    PERSONAL,
    SUBSTANTIATED,
    UNFOUNDED,
    WITNESS,
    C,
    Charge,
    D,
    Outcome,
    Story,
)

MADYS_STORIES: tuple[Story, ...] = (
    Story(
        agency="MADYS",
        title="Staff member friended a committed youth's mother on Facebook",
        outcome=Outcome.CLOSED,
        subjects=("baptiste",),
        reported=D(2025, 4, 28),
        conduct=(D(2025, 3, 15), D(2025, 4, 20)),
        channel=C.SUPERVISOR,
        reporter="Maureen Callahan",
        platforms=("Facebook",),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=True,
        narrative=(
            "Program Director Maureen Callahan learned from a youth's clinician that Tyrone "
            "Baptiste, a youth development specialist employed by the contracted provider "
            "Youth Care Partners, Inc., had become Facebook friends with the youth's mother and "
            "exchanged Messenger messages with her about the youth's progress and an "
            "upcoming home pass. The mother showed the messages to the clinician. "
            "Mr. Baptiste sent the friend request on 15 March 2025."
        ),
        charges=(
            Charge(
                f"{DYS} C.2.e",
                "Sent a friend request to the mother of a committed youth.",
                SUBSTANTIATED,
                "The mother's screenshots show the request came from Mr. Baptiste's "
                "account, and he confirmed sending it. No authorization under the policy "
                "covers it.",
            ),
            Charge(
                f"{DYS} C.2.a",
                "Disclosed a youth's pass date and treatment progress over Messenger.",
                EXONERATED,
                "The mother is the youth's legal guardian and entitled to the pass date; the "
                "information was not posted or shared with anyone else.",
            ),
        ),
        notes=(
            (
                WITNESS,
                "Statement of the youth's clinician, with the mother's screenshots of "
                "the friend request and the Messenger thread.",
            ),
            (
                INTERVIEW,
                "Interviewed Tyrone Baptiste. He said he wanted to 'keep the family "
                "involved' and did not know friending a parent is prohibited; he "
                "unfriended her on 29 April 2025.",
            ),
        ),
        decision=(
            "01.05.22 binds contracted provider employees, whom DYS does not discipline: the "
            "substantiated finding and the screenshots were referred to Youth Care Partners, "
            "Inc., which decides any discipline."
        ),
        provider="Youth Care Partners, Inc.",
    ),
    Story(
        agency="MADYS",
        title="Caseworker said to have accepted a follow request from a youth's brother",
        outcome=Outcome.CLOSED,
        subjects=("tran",),
        reported=D(2025, 11, 3),
        conduct=(D(2025, 10, 1), D(2025, 10, 28)),
        channel=C.HOTLINE,
        reporter="Former foster parent of a committed youth",
        confidential=True,
        platforms=("Instagram",),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=True,
        narrative=(
            "A former foster parent of a committed youth called to say that Caseworker Hoa "
            "Tran accepted a follow request from the youth's older brother on Instagram. The "
            "account following the brother shares Ms. Tran's surname. The reporter could "
            "not supply a screenshot."
        ),
        charges=(
            Charge(
                f"{DYS} C.2.f",
                "Accepted a friend request from a member of a youth's immediate family.",
                UNFOUNDED,
                "The account in question belongs to another person of the same surname. "
                "Ms. Tran's private account neither follows nor is followed by the youth or "
                "his family, as she showed the investigator on 12 November 2025.",
            ),
        ),
        notes=(
            (
                INTERVIEW,
                "Interviewed Hoa Tran. She denies any contact with the family online "
                "and offered to show her follower list.",
            ),
            (
                NOTE,
                "Identified the owner of the account in question from its public posts: "
                "not a DYS employee.",
            ),
        ),
        reason="Allegation unfounded; reporter informed that the matter is closed.",
    ),
    Story(
        agency="MADYS",
        title="Caseworker's Snapchat contact with a youth on community supervision",
        outcome=Outcome.REOPENED,
        subjects=("robinson",),
        reported=D(2025, 5, 19),
        conduct=(D(2025, 5, 1), D(2025, 5, 15)),
        channel=C.COWORKER,
        reporter="Caseworker, Dorchester District Office",
        confidential=True,
        platforms=("Snapchat",),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=True,
        narrative=(
            "A coworker heard a youth on Caseworker Keisha Robinson's caseload say he "
            "'snaps' with his caseworker. Ms. Robinson denies any Snapchat contact and holds "
            "no B.2 supervision authorization. Snapchat messages disappear, and the youth "
            "declined to show his phone."
        ),
        charges=(
            Charge(
                f"{DYS} C.2.e",
                "Friended a youth on community supervision through Snapchat.",
                NOT_SUBSTANTIATED,
                "There is no screenshot or other record; the youth's remark is hearsay and "
                "Ms. Robinson denies it.",
            ),
        ),
        notes=(
            (
                WITNESS,
                "Statement of the coworker who heard the remark in the district office "
                "waiting room on 15 May 2025.",
            ),
            (INTERVIEW, "Interviewed Keisha Robinson. She says she has no Snapchat account."),
        ),
        reason=(
            "On 2 February 2026 the youth's new caseworker captured a screenshot, shown by "
            "the youth, of a Snapchat conversation with the account 'keish.rob' dated "
            "10 May 2025. New evidence; reopened."
        ),
    ),
    Story(
        agency="MADYS",
        title="Apprehension officer's Instagram post names state troopers at an arrest",
        outcome=Outcome.DISCIPLINE_REVIEW,
        subjects=("ramirez",),
        reported=D(2026, 5, 26),
        conduct=(D(2026, 5, 17), D(2026, 5, 20)),
        channel=C.OTHER,
        reporter="Massachusetts State Police liaison",
        platforms=("Instagram",),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=True,
        narrative=(
            "The State Police liaison reported an Instagram post by Apprehension Officer "
            "José Ramírez of a warrant apprehension of a DYS youth on 17 May 2026, showing "
            "two plain-clothes state troopers, both named and tagged in the caption. The "
            "youth's face is pixelated, but a street sign and a DYS vehicle are visible. The "
            "post was removed on 20 May."
        ),
        charges=(
            Charge(
                f"{DYS} C.2.d",
                "Identified employees of another law-enforcement agency as law-enforcement "
                "employees.",
                SUBSTANTIATED,
                "The caption names and tags both troopers, who work plain-clothes; "
                "Mr. Ramírez admits writing it.",
            ),
            Charge(
                f"{DYS} C.2.g",
                "Posted information about an apprehension operation, in breach of the Code "
                "of Employee Conduct 1.05.04(d).",
                SUBSTANTIATED,
                "The post reveals the operation, its place and time while the youth's case "
                "was open.",
            ),
            Charge(
                f"{DYS} C.2.a",
                "Disclosed information that can identify a DYS youth.",
                NOT_SUBSTANTIATED,
                "The face is pixelated and no name appears; the investigator could not "
                "identify the youth from the post alone.",
            ),
        ),
        notes=(
            (
                NOTE,
                "Screenshots of the post and caption supplied by the State Police "
                "liaison, captured 18 May 2026.",
            ),
            (
                INTERVIEW,
                "Interviewed José Ramírez. He meant to 'thank the troopers' and did "
                "not consider that they work plain-clothes.",
            ),
        ),
    ),
    Story(
        agency="MADYS",
        title="Clinical director described a youth's diagnosis in a therapists' Facebook group",
        outcome=Outcome.FINDINGS,
        subjects=("kovalchuk",),
        reported=D(2026, 8, 4),
        conduct=(D(2026, 7, 22), D(2026, 7, 22)),
        channel=C.COWORKER,
        reporter="Clinician, Worcester Secure Treatment Program",
        confidential=True,
        platforms=("Facebook",),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=True,
        narrative=(
            "A clinician reported that Clinical Director Олена Ковальчук asked for advice in "
            "a closed Facebook group of about 4,000 trauma therapists about 'a 16-year-old "
            "girl in our Worcester secure program', giving her diagnosis and details of a "
            "recent self-harm incident. The post names no one. It was deleted after a "
            "member commented."
        ),
        charges=(
            Charge(
                f"{DYS} C.2.b",
                "Disclosed a youth's medical information in violation of HIPAA.",
                SUBSTANTIATED,
                "Age, sex, program, diagnosis and the date of the incident together identify "
                "the only youth who matches them; that is protected health information.",
            ),
            Charge(
                f"{DYS} C.2.a",
                "Disclosed personal information that can lead to the identity of a DYS youth.",
                SUBSTANTIATED,
                "The same details identify the youth to staff, families and other youth of "
                "the program.",
            ),
        ),
        notes=(
            (NOTE, "Screenshot of the post supplied by the reporter, who is a group member."),
            (
                INTERVIEW,
                "Interviewed Dr. Ковальчук. She considered the group a closed "
                "professional consultation and believed the post was de-identified.",
            ),
        ),
    ),
    Story(
        agency="MADYS",
        title="Youth posted to Instagram from a staff member's phone in residence",
        outcome=Outcome.INVESTIGATING,
        subjects=("baptiste", "osei"),
        reported=D(2026, 10, 6),
        conduct=(D(2026, 9, 27), D(2026, 9, 27)),
        channel=C.SUPERVISOR,
        reporter="Олена Ковальчук",
        platforms=("Instagram",),
        duty=ON,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=True,
        narrative=(
            "A youth in residence at the Worcester program posted an Instagram story on "
            "27 September 2026; his probation officer reported it. The youth told his "
            "clinician that JJYDS Tyrone Baptiste lent him his phone during the evening "
            "shift and that JJYDS Kwame Osei saw it. Staff phones are to stay in lockers "
            "under the program's device rule."
        ),
        charges=(
            Charge(
                f"{DYS} C.2.h",
                "Allowed a DYS youth in a residential program to access social media "
                "using his phone.",
                subject="baptiste",
            ),
            Charge(
                f"{DYS} C.3", "Failed to report a known violation of the policy.", subject="osei"
            ),
        ),
        notes=(
            (
                NOTE,
                "Screenshot of the youth's story captured and placed in the youth's file (B.2.f).",
            ),
            (
                INTERVIEW,
                "Interviewed the youth with his clinician present; his account is "
                "consistent with the unit log of the evening.",
            ),
        ),
    ),
    Story(
        agency="MADYS",
        title="District manager shown screenshots of a staff-family friendship, did nothing",
        outcome=Outcome.INTAKE,
        subjects=("doherty",),
        reported=D(2026, 11, 4),
        conduct=(D(2026, 6, 1), D(2026, 10, 30)),
        channel=C.HR,
        reporter="DYS Human Resources",
        platforms=("Facebook",),
        duty=DUTY_UNKNOWN,
        equipment=DEVICE_UNKNOWN,
        account=PERSONAL,
        clients=True,
        narrative=(
            "In an exit interview a former caseworker told Human Resources that in June 2026 "
            "she showed District Manager Patrick Doherty screenshots of a colleague's "
            "Facebook friendship with a youth's father, and that nothing was done. The "
            "colleague is not named in the report."
        ),
        charges=(Charge(f"{DYS} C.3", "Failed to report a known violation of the policy."),),
        notes=((CONTACT, "Asked HR for the notes of the exit interview of 30 October 2026."),),
    ),
    Story(
        agency="MADYS",
        title="TikTok videos filmed in a DYS vehicle with the seal on show",
        outcome=Outcome.INTAKE,
        subjects=("tran",),
        reported=D(2026, 11, 14),
        conduct=(D(2026, 10, 1), D(2026, 11, 8)),
        channel=C.PUBLIC,
        reporter="Member of the public (email to DYS Central Office)",
        platforms=("TikTok",),
        duty=ON,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=False,
        narrative=(
            "A member of the public emailed links to four TikTok videos in which Caseworker "
            "Hoa Tran lip-syncs in a DYS vehicle, with the department seal on the door "
            "clearly visible. They seem to have been filmed in a parking lot on transport "
            "days. No youth appears."
        ),
        charges=(
            Charge(f"{DYS} C.1.a", "Displayed the DYS seal on personal social media."),
            Charge(f"{DYS} C.1.b", "Displayed a DYS vehicle on personal social media."),
        ),
        notes=((NOTE, "Screenshots of the four videos' public pages saved on 14 November 2026."),),
    ),
)
