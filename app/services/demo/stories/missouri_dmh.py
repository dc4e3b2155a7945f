"""The demo's cases of the Missouri Department of Mental Health (all invented)."""

from __future__ import annotations

from app.domain.discipline import DisciplineAction
from app.services.demo.stories.model import (
    AGENCY_DEVICE,
    CONTACT,
    DEVICE_UNKNOWN,
    DMH,
    DUTY_UNKNOWN,
    EXONERATED,
    INTERVIEW,
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
    Sanction,
    Story,
)

MODMH_STORIES: tuple[Story, ...] = (
    Story(
        agency="MODMH",
        title="Aide posted a TikTok video filmed in the forensic unit day room",
        outcome=Outcome.CLOSED,
        subjects=("schaefer",),
        reported=D(2025, 3, 12),
        conduct=(D(2025, 3, 8), D(2025, 3, 8)),
        channel=C.PUBLIC,
        reporter="Sister of a patient on Unit 4B",
        reporter_contact="(573) 555-0142",
        confidential=True,
        platforms=("TikTok",),
        duty=ON,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=True,
        narrative=(
            "A patient's sister reported a TikTok video, posted from the account "
            "@britt.nightshift, filmed in the Unit 4B day room during the evening shift of "
            "8 March 2025. Two patients are recognisable in the background and the caption "
            "names the unit. The account belongs to Security Aide Brittany Schaefer, who was "
            "on shift at the time; the video came down on 13 March after the reporter "
            "commented on it."
        ),
        charges=(
            Charge(
                f"{DMH} (2)",
                "Accessed a personal TikTok account on her own phone while on duty and posted "
                "a video in which patients can be identified.",
                SUBSTANTIATED,
                "The shift roster and badge records place Ms. Schaefer on Unit 4B at the "
                "posting time, and she admitted filming and posting the video. Two patients "
                "are identifiable by face and the caption names the unit: identifying "
                "information about consumers, which (2) forbids.",
            ),
        ),
        notes=(
            (
                CONTACT,
                "Called the reporter back on 12 March 2025. She emailed three "
                "screenshots of the video and the profile page; saved to the case.",
            ),
            (
                INTERVIEW,
                "Interviewed Brittany Schaefer with her union steward present. She "
                "admitted filming the day room 'to show what a night shift looks "
                "like' and said she did not notice patients in the frame. She "
                "deleted the video on 13 March.",
            ),
            (
                WITNESS,
                "Charge nurse Marcus Oyelaran states he saw Ms. Schaefer holding her "
                "phone at the day-room door at about 21:30 but did not see what she "
                "was doing with it.",
            ),
        ),
        decision=(
            "Discipline decided: five-day suspension without pay under progressive "
            "discipline (a written reprimand for a device violation in 2024 is on file), "
            "within the RSMo 36.370 limit. HIPAA and DOR 6.675 refresher training required "
            "before her return."
        ),
        sanction=Sanction(
            DisciplineAction.SUSPENSION,
            21,
            "Complete the HIPAA and DOR 6.675 refresher training before returning to duty; "
            "keep personal phones out of consumer areas as the unit rule requires.",
            "A further disclosure or device violation will lead to dismissal.",
            days=5,
            status_pending="On duty in her current post, away from the day room, pending "
            "the decision.",
        ),
    ),
    Story(
        agency="MODMH",
        title="Nurse's 'rough night on the unit' Facebook post",
        outcome=Outcome.CLOSED,
        subjects=("oyelaran",),
        reported=D(2025, 6, 2),
        conduct=(D(2025, 5, 30), D(2025, 5, 30)),
        channel=C.COWORKER,
        reporter="Coworker, Guhleman Forensic Center",
        confidential=True,
        platforms=("Facebook",),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=True,
        narrative=(
            "A coworker reported a public Facebook post by Registered Nurse Marcus Oyelaran "
            "on 30 May 2025 describing 'a rough night on the unit' after a patient assault, "
            "believing it identified the patient. The post gives no name, unit or "
            "description of the patient. Mr. Oyelaran's shift ended at 23:00; the post is "
            "time-stamped 23:47."
        ),
        charges=(
            Charge(
                f"{DMH} (2)",
                "Alleged disclosure of identifying information about a consumer in a "
                "personal Facebook post.",
                UNFOUNDED,
                "The post contains no name, initials, unit, admission date or description "
                "of the patient; no consumer can be identified from it.",
            ),
            Charge(
                f"{DMH} (1)(B)12",
                "Alleged posting to Facebook from a unit workstation.",
                UNFOUNDED,
                "ITSD proxy logs show no Facebook sessions from the unit workstations on "
                "30 May; the post was made from the mobile app after his shift ended.",
            ),
        ),
        notes=(
            (NOTE, "Screenshot of the public post received from the reporter."),
            (
                CONTACT,
                "Asked local HR to obtain ITSD proxy logs for the Unit 4B workstations "
                "for 30 May 2025, as DOR 6.675 (4) requires.",
            ),
            (
                INTERVIEW,
                "Interviewed Marcus Oyelaran. He wrote the post at home after his "
                "shift and says he deliberately left out anything about the "
                "patient. He has since made his profile private.",
            ),
        ),
        reason="No allegation substantiated; employee reminded of (2) informally.",
    ),
    Story(
        agency="MODMH",
        title="Service coordinator's Instagram photos from a consumer's birthday party",
        outcome=Outcome.REOPENED,
        subjects=("rahman",),
        reported=D(2025, 8, 18),
        conduct=(D(2025, 8, 9), D(2025, 8, 10)),
        channel=C.SUPERVISOR,
        reporter="Rafael Quintero",
        platforms=("Instagram",),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=True,
        narrative=(
            "Supervisor Rafael Quintero reported that Service Coordinator Aisha Rahman "
            "posted four photos from a consumer's 30th birthday party at his group home to "
            "her personal Instagram account on 9 and 10 August 2025. The consumer's first "
            "name is on the cake in one photo. Ms. Rahman attended on a Saturday, off duty, "
            "at the family's invitation."
        ),
        charges=(
            Charge(
                f"{DMH} (2)",
                "Posted photos identifying a consumer on a personal social-media account.",
                EXONERATED,
                "The consumer's guardian signed a photo release on 1 August 2025 that "
                "mentions social media, and the posts show no diagnosis or service "
                "information; the posting appeared to fall within that consent.",
            ),
        ),
        notes=(
            (
                INTERVIEW,
                "Interviewed Aisha Rahman. She produced a photo release signed by "
                "the consumer's guardian and said the family asked her to share "
                "the pictures.",
            ),
            (
                CONTACT,
                "Spoke with the guardian by phone on 27 August 2025; she confirmed "
                "signing a release at the regional office.",
            ),
        ),
        reason=(
            "The guardian wrote on 14 October 2025 that the release covered the regional "
            "office newsletter only, not a staff member's personal account. The wording of "
            "the release must be re-examined: new information."
        ),
    ),
    Story(
        agency="MODMH",
        title="Facebook and Messenger on a treatment-center workstation during shifts",
        outcome=Outcome.DISCIPLINE_REVIEW,
        subjects=("brandt",),
        reported=D(2026, 4, 6),
        conduct=(D(2026, 2, 2), D(2026, 3, 27)),
        channel=C.MONITORING,
        reporter="ITSD network monitoring report (DOR 8.300)",
        platforms=("Facebook", "Facebook Messenger"),
        duty=ON,
        equipment=AGENCY_DEVICE,
        account=PERSONAL,
        clients=False,
        narrative=(
            "A monitoring report requested through local HR under DOR 6.675 (4) shows 41 "
            "Facebook sessions, 14 of them longer than 20 minutes, from the workstation "
            "assigned to Developmental Disabilities Technician Kyle Brandt between "
            "2 February and 27 March 2026. All fall within his scheduled shifts and several "
            "include Messenger chats. Resident documentation was completed late on the days "
            "with the longest sessions."
        ),
        charges=(
            Charge(
                f"{DMH} (1)(B)12",
                "Accessed Facebook from a department workstation for other than department "
                "business.",
                SUBSTANTIATED,
                "Proxy logs tie the 41 sessions to his login on his assigned workstation "
                "during his shifts; he does not dispute them.",
            ),
            Charge(
                f"{DMH} (1)(B)8",
                "Used Facebook Messenger for personal chats over department Internet access.",
                SUBSTANTIATED,
                "Messenger traffic appears in 9 sessions; Mr. Brandt says these were chats "
                "with family. None was department business.",
            ),
            Charge(
                f"{DMH} (2)",
                "Accessed a personal social-media account on state equipment while on duty.",
                SUBSTANTIATED,
                "The same logs; the account used is his personal profile.",
            ),
        ),
        notes=(
            (
                CONTACT,
                "Monitoring coordinated with St. Louis regional HR and Central Office, "
                "as (4) requires.",
            ),
            (
                INTERVIEW,
                "Interviewed Kyle Brandt. He acknowledged using Facebook 'in "
                "downtime' and said nobody told him it was not allowed; his signed "
                "DOR 6.675 acknowledgement is dated 8 January 2024.",
            ),
        ),
    ),
    Story(
        agency="MODMH",
        title="Comments mocking a coworker's hijab in a staff Facebook group",
        outcome=Outcome.FINDINGS,
        subjects=("vogel",),
        reported=D(2026, 7, 21),
        conduct=(D(2026, 6, 28), D(2026, 7, 15)),
        channel=C.HR,
        reporter="Human Resources, Fulton State Hospital",
        platforms=("Facebook",),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=False,
        narrative=(
            "Human Resources forwarded a complaint from a Biggs Forensic Center nurse that "
            "LPN Hannah Vogel posted comments ridiculing her hijab in a private Facebook "
            "group of about 60 hospital staff. Screenshots show eight comments between "
            "28 June and 15 July 2026, two with photos of the complainant taken at work. "
            "All were posted off duty from Ms. Vogel's phone."
        ),
        charges=(
            Charge(
                f"{DMH} (2)",
                "Used personal social media to harass a coworker and create a hostile work "
                "environment.",
                SUBSTANTIATED,
                "Ms. Vogel admits the comments; the complainant and two group members "
                "describe them as repeated and unwelcome. (2) forbids off-duty use of social "
                "media to harass other employees.",
            ),
        ),
        notes=(
            (
                WITNESS,
                "Statement of the complainant: the comments began after she started "
                "wearing a hijab at work in June; she has asked to change shifts.",
            ),
            (
                INTERVIEW,
                "Interviewed Hannah Vogel. She called the comments 'jokes between "
                "friends', has left the group and offered to apologise.",
            ),
        ),
    ),
    Story(
        agency="MODMH",
        title="Campaign posts shared from a regional office computer",
        outcome=Outcome.INVESTIGATING,
        subjects=("quintero",),
        reported=D(2026, 9, 22),
        conduct=(D(2026, 9, 8), D(2026, 9, 19)),
        channel=C.COWORKER,
        reporter="Employee, St. Louis Regional Office",
        confidential=True,
        platforms=("Facebook", "X (Twitter)"),
        duty=ON,
        equipment=AGENCY_DEVICE,
        account=PERSONAL,
        clients=False,
        narrative=(
            "An employee reported that Service Coordination Supervisor Rafael Quintero "
            "shares a state senate candidate's campaign posts on Facebook and X during "
            "office hours from his office computer, and asked his team at a meeting to "
            "'like' them. The reporter supplied two photos of his screen. Network logs have "
            "been requested."
        ),
        charges=(
            Charge(
                f"{DMH} (1)(B)10", "Conducted political activity using department Internet access."
            ),
            Charge(
                f"{DMH} (1)(B)12",
                "Accessed social media from a department computer for other than "
                "business purposes.",
            ),
        ),
        notes=(
            (
                CONTACT,
                "Asked regional HR to request ITSD logs for Mr. Quintero's workstation "
                "for 1–19 September 2026.",
            ),
            (
                INTERVIEW,
                "Interviewed two team members. Both confirm he asked the team to "
                "'like' the candidate's posts at the 15 September meeting.",
            ),
        ),
    ),
    Story(
        agency="MODMH",
        title="Supplement sales through Instagram from the nurses' station computer",
        outcome=Outcome.INVESTIGATING,
        subjects=("oyelaran",),
        reported=D(2026, 10, 5),
        conduct=(D(2026, 8, 1), D(2026, 9, 30)),
        channel=C.SUPERVISOR,
        reporter="Denise Whitfield",
        platforms=("Instagram",),
        duty=ON,
        equipment=AGENCY_DEVICE,
        account=PERSONAL,
        clients=False,
        narrative=(
            "Unit Program Supervisor Denise Whitfield saw an Instagram shop selling wellness "
            "supplements open on the nurses' station computer while Registered Nurse Marcus "
            "Oyelaran was logged in. The shop runs from his personal account and offers "
            "'staff discounts'. Two nurses say he takes orders from coworkers on shift."
        ),
        charges=(
            Charge(f"{DMH} (1)(B)2", "Used department Internet access for a private business."),
            Charge(
                f"{DMH} (1)(B)3",
                "Operated a business and solicited money using department systems.",
            ),
        ),
        notes=(
            (NOTE, "Screenshots of the public shop page captured on 6 October 2026."),
            (
                WITNESS,
                "A night-shift nurse states she bought supplements from Mr. Oyelaran "
                "twice in September and paid him at the nurses' station.",
            ),
        ),
    ),
    Story(
        agency="MODMH",
        title="Reddit posts describing a forensic patient's diagnosis and court status",
        outcome=Outcome.INTAKE,
        subjects=("delgado",),
        reported=D(2026, 11, 9),
        conduct=(D(2026, 10, 25), D(2026, 11, 2)),
        channel=C.HOTLINE,
        reporter="Anonymous caller (DMH compliance hotline)",
        confidential=True,
        platforms=("Reddit",),
        duty=DUTY_UNKNOWN,
        equipment=DEVICE_UNKNOWN,
        account=PERSONAL,
        clients=True,
        narrative=(
            "An anonymous hotline caller reported three posts in a nursing forum on Reddit, "
            "by the user u/ozarkRN_nights, describing a Biggs Forensic Center patient's "
            "diagnosis, medications and court status in detail. The caller believes the "
            "account belongs to RN Lucía Delgado. The posts were still visible on "
            "9 November 2026."
        ),
        charges=(
            Charge(
                f"{DMH} (2)",
                "Disclosed identifying and health information about a consumer on a "
                "social-media site.",
            ),
        ),
        notes=(
            (
                NOTE,
                "Captured screenshots of the three public posts on 9 November 2026, "
                "before any contact with the employee.",
            ),
        ),
    ),
)
