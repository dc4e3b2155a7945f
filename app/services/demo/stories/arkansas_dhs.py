"""The demo's cases of the Arkansas Department of Human Services (all invented)."""

from __future__ import annotations

from app.domain.discipline import DisciplineAction
from app.services.demo.stories.model import (
    ACCOUNT_UNKNOWN,
    AGENCY_DEVICE,
    CONTACT,
    DEVICE_UNKNOWN,
    DHS,
    DUTY_UNKNOWN,
    INTERVIEW,
    NOT_SUBSTANTIATED,
    NOTE,
    OFF,
    ON,
    OWN_DEVICE,
    PERSONAL,
    SUBSTANTIATED,
    WITNESS,
    C,
    Charge,
    D,
    Outcome,
    Sanction,
    Story,
)

ARDHS_STORIES: tuple[Story, ...] = (
    Story(
        agency="ARDHS",
        title="State Hospital nurse posted a patient photo to his Snapchat story",
        outcome=Outcome.CLOSED,
        subjects=("nguyen",),
        reported=D(2025, 2, 24),
        conduct=(D(2025, 2, 21), D(2025, 2, 21)),
        channel=C.SUPERVISOR,
        reporter="Patricia Dunaway",
        platforms=("Snapchat",),
        duty=ON,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=True,
        narrative=(
            "Director of Nursing Patricia Dunaway reported that RN Nguyễn Văn Minh posted a "
            "Snapchat story on 21 February 2025 showing an adolescent patient asleep in the "
            "seclusion room, captioned 'finally quiet on unit 3'. A coworker who follows him "
            "saved the story before it expired. The patient's face is partly visible and "
            "a whiteboard behind shows the patient's initials."
        ),
        charges=(
            Charge(
                f"{DHS} II(A)",
                "Posted a photograph of a patient on a personal social-media account.",
                SUBSTANTIATED,
                "The saved story and Mr. Nguyễn's own admission establish the posting; the "
                "image and the initials identify the patient. Photographs, even modified, are "
                "confidential information (II(A)(2)), and this one also reveals the "
                "patient's seclusion.",
            ),
            Charge(
                f"{DHS} II(C)(2)",
                "Posted on social media while on duty.",
                SUBSTANTIATED,
                "The story is time-stamped 02:14, during his scheduled night shift.",
            ),
        ),
        notes=(
            (
                NOTE,
                "Reported to the DHS Privacy Office on 24 February 2025 as II(A)(3) "
                "requires; Privacy Office reference PO-2025-0117.",
            ),
            (
                INTERVIEW,
                "Interviewed Nguyễn Văn Minh. He admitted the post, said he meant it "
                "as a joke for friends and did not think the patient could be "
                "recognised.",
            ),
            (
                CONTACT,
                "The Privacy Office classed the incident as a reportable breach; the "
                "patient's guardian was notified on 3 March 2025.",
            ),
        ),
        decision=(
            "Discipline decided: dismissal under DHS Policy 4002 'Privacy and Security "
            "Sanctions' for an intentional disclosure of a patient image. Pre-termination "
            "notice served 10 March 2025; no response within the five days allowed."
        ),
        sanction=Sanction(
            DisciplineAction.DISMISSAL,
            12,
            "None: the employment ends.",
            "Not applicable: dismissal.",
            status_pending="On paid administrative leave pending the decision.",
        ),
    ),
    Story(
        agency="ARDHS",
        title="Caseworker's Facebook comments threatening a foster parent",
        outcome=Outcome.REOPENED,
        subjects=("harmon",),
        reported=D(2025, 9, 8),
        conduct=(D(2025, 9, 1), D(2025, 9, 5)),
        channel=C.PUBLIC,
        reporter="Foster parent, Pulaski County",
        confidential=True,
        platforms=("Facebook",),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=True,
        narrative=(
            "A foster parent reported Facebook comments from an account in the name of "
            "Family Service Worker Cody Harmon telling her she 'better watch herself' and "
            "mentioning the children's removal date and an upcoming court hearing. Only the "
            "assigned caseworker and the court knew the hearing date. The comments were "
            "posted in the evenings, off duty."
        ),
        charges=(
            Charge(
                f"{DHS} II(D)",
                "Off-duty posts that threaten a foster parent, using information gained in "
                "his official capacity.",
                SUBSTANTIATED,
                "The hearing date and removal details match his case file; the account "
                "carries his name and photos and he did not deny it at interview.",
            ),
        ),
        notes=(
            (WITNESS, "Statement of the foster parent with screenshots of four comments."),
            (
                INTERVIEW,
                "Interviewed Cody Harmon. He said he 'had no comment' on the posts "
                "and declined to say who else uses his phone.",
            ),
        ),
        decision=(
            "Discipline decided: ten-day suspension and final written warning; reassigned "
            "from the case. Employee informed of his right to file a grievance."
        ),
        sanction=Sanction(
            DisciplineAction.SUSPENSION,
            16,
            "Keep personal social-media activity off any device used for client work and "
            "secure the phone with a passcode.",
            "A further violation will lead to dismissal (final written warning).",
            days=10,
            status_pending="Reassigned from the case, on duty, pending the decision.",
        ),
        reason=(
            "Mr. Harmon's grievance includes a police report (LRPD 2025-118422) in which his "
            "brother admits posting the comments from Mr. Harmon's phone. Reopened to weigh "
            "the new evidence before the grievance hearing."
        ),
    ),
    Story(
        agency="ARDHS",
        title="Caseworker's Instagram registered with DHS email and showing a client's home",
        outcome=Outcome.DISCIPLINE_REVIEW,
        subjects=("morales",),
        reported=D(2026, 3, 16),
        conduct=(D(2025, 11, 1), D(2026, 3, 10)),
        channel=C.MONITORING,
        reporter="DHS Information Security Office",
        platforms=("Instagram",),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=True,
        narrative=(
            "The Security Office's mail gateway flagged recurring Instagram notifications to "
            "Family Service Worker Yesenia Morales's DHS address, which she used to register "
            "a personal account. On the public account a post of 2 March 2026 describes 'a "
            "meth house visit with a 2-year-old', with the street name and a blurred photo "
            "of the front of the house. The family can be identified from street and date."
        ),
        charges=(
            Charge(
                f"{DHS} II(F)",
                "Used a DHS email address to obtain and maintain a personal social-networking "
                "account.",
                SUBSTANTIATED,
                "Gateway logs and the account's recovery address show the DHS address; she "
                "confirmed it.",
            ),
            Charge(
                f"{DHS} II(A)",
                "Posted case information about a DHS client family.",
                SUBSTANTIATED,
                "Street, date and photo identify an open DCFS case; blurring does not help, "
                "as II(A)(2) covers modified photographs.",
            ),
        ),
        notes=(
            (
                NOTE,
                "The account is public; it was reviewed without any credential request, "
                "as II(E) allows.",
            ),
            (NOTE, "Reported to the DHS Privacy Office on 17 March 2026 (II(A)(3))."),
            (
                INTERVIEW,
                "Interviewed Yesenia Morales. She registered the account 'years ago' "
                "with her work address and has changed it; she removed the post.",
            ),
        ),
    ),
    Story(
        agency="ARDHS",
        title="Eligibility specialist's TikTok videos filmed at his desk in office hours",
        outcome=Outcome.DISCIPLINE_REVIEW,
        subjects=("lockett",),
        reported=D(2026, 6, 1),
        conduct=(D(2026, 4, 14), D(2026, 5, 29)),
        channel=C.SUPERVISOR,
        reporter="Sharonda Wills",
        platforms=("TikTok",),
        duty=ON,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=True,
        narrative=(
            "County Administrator Sharonda Wills reported that Eligibility Specialist Brandon "
            "Lockett posts TikTok videos filmed at his desk during office hours while his "
            "renewals backlog doubled. Twenty-three videos were posted in work hours between "
            "14 April and 29 May 2026. One, of 22 May, pans across the lobby where clients "
            "wait for interviews."
        ),
        charges=(
            Charge(
                f"{DHS} II(C)(2)",
                "Posted on social media while on duty, to the neglect of assigned work.",
                SUBSTANTIATED,
                "23 videos fall within his scheduled hours outside breaks; ARIES reports show "
                "38 overdue renewals in the same period.",
            ),
            Charge(
                f"{DHS} II(A)",
                "A video exposed clients waiting in the county office lobby.",
                NOT_SUBSTANTIATED,
                "Faces in the lobby footage are too small and blurred to identify anyone, "
                "and no name or case detail is shown.",
            ),
        ),
        notes=(
            (
                CONTACT,
                "Requested ARIES productivity reports for April–May 2026 from the county office.",
            ),
            (
                INTERVIEW,
                "Interviewed Brandon Lockett. He said the videos take 'a minute "
                "each' and disputed that they caused the backlog.",
            ),
        ),
    ),
    Story(
        agency="ARDHS",
        title="Supervisor told her unit to add her as a Facebook friend",
        outcome=Outcome.FINDINGS,
        subjects=("jefferson",),
        reported=D(2026, 7, 6),
        conduct=(D(2026, 5, 4), D(2026, 6, 30)),
        channel=C.COWORKER,
        reporter="Family Service Worker, Pulaski County",
        confidential=True,
        platforms=("Facebook",),
        duty=ON,
        equipment=DEVICE_UNKNOWN,
        account=PERSONAL,
        clients=False,
        narrative=(
            "Two caseworkers reported that FSW Supervisor LaToya Jefferson told her unit at a "
            "May staff meeting that everyone must add her as a Facebook friend 'so I can see "
            "who calls in sick and goes to the lake'. One caseworker who declined says her "
            "overtime requests were refused afterwards. Eight of her ten staff are now on her "
            "friend list."
        ),
        charges=(
            Charge(
                f"{DHS} II(B)(3)",
                "Required subordinates to add her to the contacts of their personal "
                "social-media accounts.",
                SUBSTANTIATED,
                "Three staff confirm the instruction. Ms. Jefferson calls it 'a suggestion', "
                "but DHS will not require, request or suggest it either.",
            ),
            Charge(
                f"{DHS} II(B)(2)",
                "Asked a caseworker to list which coworkers she is friends with on Facebook.",
                NOT_SUBSTANTIATED,
                "Only one caseworker describes the question and no one else heard it.",
            ),
        ),
        notes=(
            (WITNESS, "Statements of three caseworkers about the May staff meeting."),
            (
                INTERVIEW,
                "Interviewed LaToya Jefferson. She said she wanted 'a friendlier "
                "unit' and did not know of the policy.",
            ),
        ),
        returned=(
            "Interview the caseworker whose overtime was refused before the findings are final.",
            INTERVIEW,
            "Interviewed the caseworker whose overtime was refused. The refusals follow the "
            "regional overtime freeze of 1 June and affect the whole unit; findings "
            "resubmitted unchanged.",
        ),
    ),
    Story(
        agency="ARDHS",
        title="Recruitment post with patients' artwork on the nursing director's LinkedIn",
        outcome=Outcome.FINDINGS,
        subjects=("dunaway",),
        reported=D(2026, 8, 26),
        conduct=(D(2026, 8, 19), D(2026, 8, 19)),
        channel=C.OTHER,
        reporter="DHS Office of Communications and Community Engagement",
        platforms=("LinkedIn", "Facebook"),
        duty=ON,
        equipment=AGENCY_DEVICE,
        account=PERSONAL,
        clients=True,
        narrative=(
            "OCCE reported that Director of Nursing Patricia Dunaway posted a nurse "
            "recruitment announcement for the Arkansas State Hospital on her personal "
            "LinkedIn and Facebook accounts, with the DHS logo and photos of artwork from "
            "the adolescent unit. Two drawings carry patients' first names. OCCE was not "
            "consulted."
        ),
        charges=(
            Charge(
                f"{DHS} II(A)",
                "Exposed confidential patient information: patients' first names on "
                "artwork from the adolescent unit.",
                SUBSTANTIATED,
                "First names together with 'adolescent unit' identify the patients to anyone "
                "who knows them; no signed consent exists (III(C)).",
            ),
        ),
        notes=(
            (
                CONTACT,
                "OCCE asked for the posts to be removed; they were taken down on 27 August 2026.",
            ),
            (
                NOTE,
                "Not charged: consulting OCCE (III(D)) is a duty of the hospital's divisions "
                "and offices, not of the employee; referred to OCCE and the hospital "
                "administrator.",
            ),
            (
                INTERVIEW,
                "Interviewed Patricia Dunaway. She was trying to fill four night "
                "vacancies quickly and did not notice the names on the drawings.",
            ),
        ),
    ),
    Story(
        agency="ARDHS",
        title="Applicants' Facebook profiles browsed at work without an access request",
        outcome=Outcome.INVESTIGATING,
        subjects=("wills",),
        reported=D(2026, 9, 14),
        conduct=(D(2026, 8, 3), D(2026, 9, 4)),
        channel=C.MONITORING,
        reporter="DHS Information Security Office (web-filter report)",
        platforms=("Facebook",),
        duty=ON,
        equipment=AGENCY_DEVICE,
        account=PERSONAL,
        clients=True,
        narrative=(
            "The web-filter report for the Jefferson County office shows 63 visits to "
            "Facebook profiles from County Administrator Sharonda Wills's workstation. The "
            "profiles match SNAP applicants whose household composition she questioned in "
            "case notes. No request for social-media access for investigative purposes went "
            "through the chain of command."
        ),
        charges=(
            Charge(
                f"{DHS} II(I)",
                "Accessed social-media sites at work for investigative purposes without "
                "requesting access through the chain of command.",
            ),
        ),
        notes=(
            (NOTE, "Obtained the web-filter report for 1 August–10 September 2026."),
            (CONTACT, "The DCO Area Director confirms no access request is on file."),
        ),
    ),
    Story(
        agency="ARDHS",
        title="Anonymous Facebook page posting details of open DCFS cases",
        outcome=Outcome.INTAKE,
        subjects=(),
        reported=D(2026, 11, 12),
        conduct=(D(2026, 10, 15), D(2026, 11, 10)),
        channel=C.HOTLINE,
        reporter="Parent (call to the DCFS hotline)",
        confidential=True,
        platforms=("Facebook",),
        duty=DUTY_UNKNOWN,
        equipment=DEVICE_UNKNOWN,
        account=ACCOUNT_UNKNOWN,
        clients=True,
        narrative=(
            "A parent reported a Facebook page, 'Pulaski DCFS Exposed', that posts details "
            "of open investigations, including children's first names and hearing dates, "
            "since mid-October 2026. Who runs the page is not known; the details suggest "
            "access to CHRIS case records."
        ),
        charges=(
            Charge(
                f"{DHS} II(A)",
                "Confidential client information exposed on a public social-media page.",
            ),
        ),
        notes=(
            (
                NOTE,
                "Reported to the DHS Privacy Office on 12 November 2026 (II(A)(3)); "
                "screenshots of the page captured the same day.",
            ),
        ),
    ),
)
