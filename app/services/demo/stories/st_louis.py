"""The demo's cases of the City of St. Louis (all invented)."""

from __future__ import annotations

from app.domain.discipline import DisciplineAction
from app.services.demo.stories.model import (
    CONTACT,
    DEVICE_UNKNOWN,
    DUTY_UNKNOWN,
    EXONERATED,
    INTERVIEW,
    NOT_SUBSTANTIATED,
    NOTE,
    OFF,
    ON,
    OWN_DEVICE,
    PERSONAL,
    STL,
    SUBSTANTIATED,
    C,
    Charge,
    D,
    Outcome,
    Sanction,
    Story,
)

STLCITY_STORIES: tuple[Story, ...] = (
    Story(
        agency="STLCITY",
        title="Records clerk posted a juvenile's arrest report on Facebook",
        outcome=Outcome.CLOSED,
        subjects=("whitaker",),
        reported=D(2025, 1, 27),
        conduct=(D(2025, 1, 22), D(2025, 1, 22)),
        channel=C.OTHER,
        reporter="Police Division Public Information Office",
        platforms=("Facebook", "X (Twitter)"),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=False,
        narrative=(
            "The Public Information Office had a reporter's question about a photo of a "
            "police incident report, naming a high-school basketball player arrested for "
            "assault, circulating on Facebook and X. The earliest post traced is from Records "
            "Clerk Jasmine Whitaker's personal Facebook account on 22 January 2025. The "
            "player is 17, and the Circuit Attorney later refused the charges."
        ),
        charges=(
            # A post from her personal account: section V (personal use) applies, not IV
            # (posting on behalf of the City), whose K.1 examples V.F takes in.
            Charge(
                f"{STL} V.F",
                "Disseminated a closed criminal justice record on social media.",
                SUBSTANTIATED,
                "The REJIS audit log shows Ms. Whitaker opened the report at 14:06 and her "
                "post followed at 18:31; the photo matches the printout format of her "
                "terminal. The report is a closed record under RSMo 610.100, and the "
                "arrestee was 17: information related to a juvenile, one of the examples "
                "of IV.K that V.F refers to.",
            ),
        ),
        notes=(
            (
                CONTACT,
                "REJIS audit log for the report obtained through the Records Section supervisor.",
            ),
            (
                INTERVIEW,
                "Interviewed Jasmine Whitaker. She admitted taking the photo 'because "
                "everyone was talking about the game' and deleted the post.",
            ),
        ),
        decision=(
            "Discipline decided: suspension of fifteen working days and removal from REJIS "
            "access under AR 150 VI; referred to the Circuit Attorney for review."
        ),
        sanction=Sanction(
            DisciplineAction.SUSPENSION,
            18,
            "REJIS access removed; complete criminal-justice-information training before "
            "any access is restored.",
            "A repeat will lead to dismissal.",
            days=15,
            status_pending="Removed from REJIS duties pending the decision.",
        ),
    ),
    Story(
        agency="STLCITY",
        title="Officer said to have commented on a homicide suspect's guilt",
        outcome=Outcome.CLOSED,
        subjects=("petrovic",),
        reported=D(2025, 9, 29),
        conduct=(D(2025, 9, 21), D(2025, 9, 21)),
        channel=C.PUBLIC,
        reporter="Defense attorney (letter to the Police Commissioner)",
        platforms=("Facebook",),
        duty=OFF,
        equipment=DEVICE_UNKNOWN,
        account=PERSONAL,
        clients=False,
        narrative=(
            "A defense attorney wrote to the Police Commissioner that Officer Nikola Petrović "
            "commented 'he did it, everyone on the block knows it' under a news story about "
            "her client's homicide arrest. The comment comes from an account named 'Nik P.' "
            "without a profile photo. Officer Petrović was not involved in the arrest."
        ),
        charges=(
            Charge(
                f"{STL} IV.K.2.e",
                "Commented on the guilt of an arrestee in a pending prosecution.",
                NOT_SUBSTANTIATED,
                "The account 'Nik P.' could not be linked to Officer Petrović: its "
                "subscriber details (obtained by the attorney) give another email and phone "
                "number, and he denies it. The evidence is insufficient.",
            ),
        ),
        notes=(
            (NOTE, "Screenshot of the comment received with the attorney's letter."),
            (
                INTERVIEW,
                "Interviewed Officer Nikola Petrović, who denies owning the account "
                "and showed his own Facebook profile.",
            ),
        ),
        reason="Not substantiated; the Commissioner's office answers the attorney.",
    ),
    Story(
        agency="STLCITY",
        title="Campaign post with a City refuse truck, seal and uniform",
        outcome=Outcome.DISCIPLINE_REVIEW,
        subjects=("lenz",),
        reported=D(2026, 4, 20),
        conduct=(D(2026, 4, 4), D(2026, 4, 4)),
        channel=C.PUBLIC,
        reporter="Resident (Citizens' Service Bureau complaint)",
        platforms=("Facebook",),
        duty=ON,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=False,
        narrative=(
            "A resident complained through the Citizens' Service Bureau about a Facebook "
            "post by Equipment Operator Bobby Lenz endorsing a Board of Aldermen candidate. "
            "The photo shows Mr. Lenz in his Street Department uniform in front of a City "
            "refuse truck bearing the City seal, captioned 'Refuse Division says vote Kessler "
            "on April 7'. It was posted during his lunch break on 4 April 2026."
        ),
        charges=(
            Charge(
                f"{STL} V.B.2",
                "Posted a photo showing the City seal and a City uniform on a personal account.",
                SUBSTANTIATED,
                "The seal on the truck door and the uniform patch are plainly visible; he "
                "took and posted the photo himself.",
            ),
            Charge(
                f"{STL} V.B.3",
                "Implied that the Refuse Division endorses a candidate.",
                SUBSTANTIATED,
                "'Refuse Division says vote Kessler' states that the division speaks; he "
                "has no authority to speak for it.",
            ),
            Charge(
                f"{STL} V.A",
                "Used personal social media during work hours.",
                EXONERATED,
                "Posted at 12:10, within his scheduled lunch break: an authorized break under V.A.",
            ),
        ),
        notes=(
            (NOTE, "Screenshot of the post from the CSB complaint; the post is public."),
            (
                INTERVIEW,
                "Interviewed Bobby Lenz with his union representative. The candidate "
                "is a neighbour; he did not think the truck 'counted' as City "
                "property on a lunch break.",
            ),
        ),
    ),
    Story(
        agency="STLCITY",
        title="Correctional officer's TikTok video from inside the City Justice Center",
        outcome=Outcome.FINDINGS,
        subjects=("haynes",),
        reported=D(2026, 8, 11),
        conduct=(D(2026, 8, 2), D(2026, 8, 2)),
        channel=C.MONITORING,
        reporter="Division of Corrections Security Office",
        platforms=("TikTok",),
        duty=ON,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=True,
        narrative=(
            "The Security Office found a TikTok video posted by Correctional Officer II "
            "Darnell Haynes on 2 August 2026, filmed in a housing-unit control room during "
            "his shift. He wears his uniform and badge; a detainee is visible from behind "
            "through the control-room window. The video has about 9,000 views."
        ),
        charges=(
            Charge(
                f"{STL} V.B.2",
                "Posted video of himself in City uniform and badge on a personal account.",
                SUBSTANTIATED,
                "The uniform, Division patch and badge are visible throughout.",
            ),
            Charge(
                f"{STL} V.A",
                "Accessed personal social media during work hours, not on a break.",
                SUBSTANTIATED,
                "The post time falls in his shift, and the control-room log shows no relief "
                "or break at that time.",
            ),
            Charge(
                f"{STL} IV.K.1.c",
                "Disclosed information that may endanger a detainee or staff (housing-unit "
                "layout).",
                NOT_SUBSTANTIATED,
                "The detainee cannot be identified and the Security Office found no "
                "operational detail beyond what public tours show.",
            ),
        ),
        notes=(
            (
                CONTACT,
                "Security Office supplied the video file, a screenshot and the "
                "control-room log for 2 August 2026.",
            ),
            (
                INTERVIEW,
                "Interviewed Darnell Haynes. He made the video 'for his nephew' and "
                "took it down the same day he was told.",
            ),
        ),
    ),
    Story(
        agency="STLCITY",
        title="Sergeant's posts about a Fourth District use-of-force incident",
        outcome=Outcome.INVESTIGATING,
        subjects=("kowalski",),
        reported=D(2026, 9, 8),
        conduct=(D(2026, 8, 30), D(2026, 9, 2)),
        channel=C.OTHER,
        reporter="Police Division Internal Affairs Division",
        platforms=("X (Twitter)", "Facebook"),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=False,
        narrative=(
            "Internal Affairs forwarded posts from Sergeant Raymond Kowalski's X and Facebook "
            "accounts defending the officers in a 29 August 2026 use-of-force incident in the "
            "Fourth District and describing what the suspect did before force was used. The "
            "Public Information Office had made no statement then. His X profile lists his "
            "rank and the department."
        ),
        charges=(
            Charge(
                f"{STL} IV.K.2.d",
                "Made statements about a use-of-force incident involving commissioned "
                "officers without written authorization.",
            ),
            Charge(f"{STL} V.B.3", "Implied that he speaks for the Police Division."),
        ),
        notes=(
            (
                NOTE,
                "Screenshots of five posts captured from the public profiles on 8 September 2026.",
            ),
            (
                CONTACT,
                "Asked the Public Information Office whether any authorization was "
                "given; none was.",
            ),
        ),
    ),
    Story(
        agency="STLCITY",
        title="Refuse supervisor's Nextdoor comments disparaging immigrant residents",
        outcome=Outcome.INVESTIGATING,
        subjects=("schroeder",),
        reported=D(2026, 10, 19),
        conduct=(D(2026, 10, 10), D(2026, 10, 16)),
        channel=C.PUBLIC,
        reporter="Resident (email to the Mayor's Office)",
        platforms=("Nextdoor",),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=False,
        narrative=(
            "A resident sent the Mayor's Office screenshots of Nextdoor comments by Refuse "
            "Collection Supervisor Thomas Schroeder blaming 'Bosnians and Mexicans' in Bevo "
            "Mill for illegal dumping and calling them 'animals'. His profile says he works "
            "for the City's Refuse Division. Three comments were posted between 10 and "
            "16 October 2026."
        ),
        charges=(
            Charge(
                f"{STL} V.C",
                "Posted content disparaging residents on the basis of national origin.",
            ),
            Charge(f"{STL} V.B", "Personal posts attributable to the City through his profile."),
        ),
        notes=(
            (NOTE, "The three comments are still public; screenshots captured on 20 October 2026."),
        ),
    ),
    Story(
        agency="STLCITY",
        title="Officer's personal-training Instagram uses his badge and district patch",
        outcome=Outcome.INTAKE,
        subjects=("petrovic",),
        reported=D(2026, 11, 10),
        conduct=(D(2026, 10, 1), D(2026, 11, 6)),
        channel=C.COWORKER,
        reporter="Police Officer, Fourth District",
        confidential=True,
        platforms=("Instagram",),
        duty=DUTY_UNKNOWN,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=False,
        narrative=(
            "A coworker reported that Officer Nikola Petrović's Instagram page advertising "
            "his personal-training business uses photos of him in uniform with his badge and "
            "Fourth District patch. Several posts carry times during his patrol shifts. The "
            "page has about 3,200 followers."
        ),
        charges=(
            Charge(
                f"{STL} V.B.2", "Posted his badge, patch and uniform on a social-media account."
            ),
            Charge(
                f"{STL} V.A",
                "Accessed social media during work hours for his secondary employment.",
            ),
        ),
        notes=(
            (NOTE, "Public page reviewed; screenshots of six posts saved on 10 November 2026."),
        ),
    ),
    Story(
        agency="STLCITY",
        title="Complaint about a lieutenant's post criticising the mayor's budget",
        outcome=Outcome.SCREENED_OUT,
        subjects=("okonkwo",),
        reported=D(2026, 3, 2),
        conduct=(D(2026, 3, 1), D(2026, 3, 1)),
        channel=C.HOTLINE,
        reporter="Anonymous caller",
        confidential=True,
        platforms=("Facebook",),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=False,
        narrative=(
            "An anonymous caller complained that Lieutenant Chidi Okonkwo of the Division of "
            "Corrections criticised the mayor's proposed budget in a Facebook post. The "
            "post, made from his personal account on a Sunday, says nothing about his job "
            "and shows no City insignia."
        ),
        charges=(Charge(f"{STL} V.B.3", "Alleged to have spoken for the City about the budget."),),
        notes=(
            (
                NOTE,
                "Reviewed the public post: a personal opinion signed with his first name; "
                "no title, uniform or City insignia.",
            ),
        ),
        reason=(
            "A personal opinion on the budget, posted off duty without City insignia, "
            "confidential information or any claim to speak for the City, falls under none "
            "of AR 150 V.A–V.F. Closed without investigation."
        ),
    ),
)
