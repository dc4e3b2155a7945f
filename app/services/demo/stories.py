"""The demo's people and cases, as plain data.

Employees of the five agencies in the policy catalog, and forty case stories:
what was reported, by whom, what the investigator wrote down, which
provisions of the agency's own policy each allegation cites, the findings and
where the case stands now. :mod:`app.services.demo` feeds them through the
services. Every person, account and event here is invented.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

from app.domain.cases import AccountKind, DutyStatus, Equipment, Finding, IntakeChannel, NoteKind
from app.domain.discipline import DisciplineAction

D = dt.date
ON, OFF, DUTY_UNKNOWN = DutyStatus.ON_DUTY, DutyStatus.OFF_DUTY, DutyStatus.UNKNOWN
AGENCY_DEVICE, OWN_DEVICE, DEVICE_UNKNOWN = Equipment.AGENCY, Equipment.PERSONAL, Equipment.UNKNOWN
PERSONAL, ACCOUNT_UNKNOWN = AccountKind.PERSONAL, AccountKind.UNKNOWN
SUBSTANTIATED, NOT_SUBSTANTIATED = Finding.SUBSTANTIATED, Finding.NOT_SUBSTANTIATED
UNFOUNDED, EXONERATED, PENDING = Finding.UNFOUNDED, Finding.EXONERATED, Finding.PENDING
INTERVIEW, WITNESS, CONTACT, NOTE = (
    NoteKind.INTERVIEW, NoteKind.WITNESS_STATEMENT, NoteKind.CONTACT, NoteKind.NOTE,
)  # fmt: skip


class Outcome(enum.Enum):
    """Where the demo leaves a case, and so which workflow steps it goes through."""

    INTAKE = "reported; the investigation has not started"
    SCREENED_OUT = "closed at intake by a supervisor, with a reason"
    INVESTIGATING = "under investigation"
    FINDINGS = "findings recorded and submitted to the supervisor"
    DISCIPLINE_REVIEW = "substantiated, with HR for discipline"
    CLOSED = "closed: after discipline if substantiated, else by the supervisor"
    REOPENED = "closed as above, then reopened with a reason"


@dataclass(frozen=True, slots=True)
class Staff:
    """An employee; ``supervisor`` is the key of an earlier entry of the same agency."""

    key: str
    agency: str
    name: str
    position: str
    division: str
    number: str
    supervisor: str | None = None


@dataclass(frozen=True, slots=True)
class Charge:
    """One allegation: the provision cited, what is alleged, the finding and why."""

    citation: str
    summary: str
    finding: Finding = PENDING
    reasoning: str = ""
    subject: str | None = None  # the Staff key, needed only when a case has several subjects


@dataclass(frozen=True, slots=True)
class Sanction:
    """HR's decision: the action, when it takes effect (days after the report), the terms."""

    action: DisciplineAction
    effective_after: int
    steps: str
    repeat: str
    days: int | None = None
    status_pending: str = ""
    #: Why the action departs from the agency's earlier ones under the same provision.
    consistency_reason: str = ""


@dataclass(frozen=True, slots=True)
class Story:
    """One case, from the report to where the demo leaves it."""

    agency: str
    title: str
    outcome: Outcome
    subjects: tuple[str, ...]
    reported: dt.date
    conduct: tuple[dt.date, dt.date]
    channel: IntakeChannel
    reporter: str
    platforms: tuple[str, ...]
    duty: DutyStatus
    equipment: Equipment
    account: AccountKind
    clients: bool
    narrative: str
    charges: tuple[Charge, ...] = ()
    notes: tuple[tuple[NoteKind, str], ...] = ()
    reporter_contact: str = ""
    confidential: bool = False
    #: HR's note of the discipline decided, before HR closes the case.
    decision: str = ""
    #: The action HR records under progressive discipline before closing the case.
    sanction: Sanction | None = None
    #: Why a supervisor closed it at intake, or why it was reopened.
    reason: str = ""
    #: Why the supervisor sent submitted findings back, and the investigator's follow-up.
    returned: tuple[str, NoteKind, str] | None = None
    #: For a contracted provider's employee: the provider the findings are referred to.
    provider: str = ""


# -- employees -------------------------------------------------------------------------

_GUHLEMAN = "Fulton State Hospital – Guhleman Forensic Center"
_BIGGS = "Fulton State Hospital – Biggs Forensic Center"
_DD_STL = "Division of Developmental Disabilities – St. Louis Regional Office"
_HA_HA_TONKA = "Missouri State Parks – Ha Ha Tonka State Park"
_WPP = "Division of Environmental Quality – Water Protection Program"
_DCFS = "Division of Children and Family Services – Pulaski County"
_ASH = "Division of Aging, Adult and Behavioral Health Services – Arkansas State Hospital"
_DCO = "Division of County Operations – Jefferson County"
_WORCESTER = "Central Region – Worcester Secure Treatment Program"
_DORCHESTER = "Metro Region – Dorchester District Office"
_RECORDS = "Police Division – Records Section"
_FOURTH = "Police Division – Fourth District"
_CJC = "Division of Corrections – City Justice Center"
_REFUSE = "Street Department – Refuse Division"

STAFF: tuple[Staff, ...] = (
    Staff("whitfield", "MODMH", "Denise Whitfield", "Unit Program Supervisor", _GUHLEMAN,
          "DMH-10217"),
    Staff("schaefer", "MODMH", "Brittany Schaefer", "Security Aide I – Psychiatric", _GUHLEMAN,
          "DMH-13385", "whitfield"),
    Staff("oyelaran", "MODMH", "Marcus Oyelaran", "Registered Nurse II", _GUHLEMAN,
          "DMH-12906", "whitfield"),
    Staff("vogel", "MODMH", "Hannah Vogel", "Licensed Practical Nurse", _BIGGS,
          "DMH-14022", "whitfield"),
    Staff("delgado", "MODMH", "Lucía Delgado", "Registered Nurse I", _BIGGS,
          "DMH-14561", "whitfield"),
    Staff("quintero", "MODMH", "Rafael Quintero", "Service Coordination Supervisor", _DD_STL,
          "DMH-09871"),
    Staff("rahman", "MODMH", "Aisha Rahman", "Service Coordinator (QIDP)", _DD_STL,
          "DMH-13710", "quintero"),
    Staff("brandt", "MODMH", "Kyle Brandt", "Developmental Disabilities Technician", _DD_STL,
          "DMH-14458", "quintero"),
    Staff("hollister", "MODNR", "Gregory Hollister", "Park Superintendent", _HA_HA_TONKA,
          "DNR-20114"),
    Staff("pruitt", "MODNR", "Jolene Pruitt", "Park Ranger", _HA_HA_TONKA,
          "DNR-22517", "hollister"),
    Staff("kremer", "MODNR", "Dustin Kremer", "Maintenance Worker II", _HA_HA_TONKA,
          "DNR-23088", "hollister"),
    Staff("venkataraman", "MODNR", "Priya Venkataraman", "Environmental Program Supervisor",
          _WPP, "DNR-19760"),
    Staff("beckmann", "MODNR", "Connor Beckmann", "Environmental Specialist III", _WPP,
          "DNR-22941", "venkataraman"),
    Staff("chen", "MODNR", "Chen Mei-ling (陈美玲)", "Administrative Support Assistant", _WPP,
          "DNR-23305", "venkataraman"),
    Staff("jefferson", "ARDHS", "LaToya Jefferson", "Family Service Worker Supervisor", _DCFS,
          "P00417733"),
    Staff("harmon", "ARDHS", "Cody Harmon", "Family Service Worker (DCFS caseworker)", _DCFS,
          "P00452190", "jefferson"),
    Staff("morales", "ARDHS", "Yesenia Morales", "Family Service Worker (DCFS caseworker)",
          _DCFS, "P00460871", "jefferson"),
    Staff("dunaway", "ARDHS", "Patricia Dunaway", "Director of Nursing", _ASH, "P00398204"),
    Staff("nguyen", "ARDHS", "Nguyễn Văn Minh", "Registered Nurse", _ASH,
          "P00471136", "dunaway"),
    Staff("wills", "ARDHS", "Sharonda Wills", "County Administrator", _DCO, "P00402557"),
    Staff("lockett", "ARDHS", "Brandon Lockett", "Eligibility Specialist", _DCO,
          "P00466318", "wills"),
    Staff("callahan", "MADYS", "Maureen Callahan", "Program Director", _WORCESTER,
          "DYS-04418"),
    Staff("kovalchuk", "MADYS", "Олена Ковальчук", "Clinical Director", _WORCESTER,
          "DYS-05102", "callahan"),
    Staff("baptiste", "MADYS", "Tyrone Baptiste", "Youth Development Specialist "
          "(Youth Care Partners, Inc., contracted provider)", _WORCESTER, "PRV-05877",
          "callahan"),
    Staff("osei", "MADYS", "Kwame Osei", "Juvenile Justice Youth Development Specialist I",
          _WORCESTER, "DYS-06015", "callahan"),
    Staff("doherty", "MADYS", "Patrick Doherty", "District Manager", _DORCHESTER, "DYS-03961"),
    Staff("robinson", "MADYS", "Keisha Robinson", "Caseworker", _DORCHESTER,
          "DYS-05530", "doherty"),
    Staff("tran", "MADYS", "Hoa Tran", "Caseworker", _DORCHESTER, "DYS-05994", "doherty"),
    Staff("ramirez", "MADYS", "José Ramírez", "Apprehension Officer",
          "Metro Region – Warrant Apprehension Unit", "DYS-05216", "doherty"),
    Staff("brooks", "STLCITY", "Angela Brooks", "Police Records Supervisor", _RECORDS,
          "CSB-64120"),
    Staff("whitaker", "STLCITY", "Jasmine Whitaker", "Police Records Clerk", _RECORDS,
          "CSB-71804", "brooks"),
    Staff("kowalski", "STLCITY", "Raymond Kowalski", "Police Sergeant", _FOURTH, "CSB-58833"),
    Staff("petrovic", "STLCITY", "Nikola Petrović", "Police Officer", _FOURTH,
          "CSB-73317", "kowalski"),
    Staff("okonkwo", "STLCITY", "Chidi Okonkwo", "Correctional Officer Lieutenant", _CJC,
          "CSB-60275"),
    Staff("haynes", "STLCITY", "Darnell Haynes", "Correctional Officer II", _CJC,
          "CSB-72460", "okonkwo"),
    Staff("schroeder", "STLCITY", "Thomas Schroeder", "Refuse Collection Supervisor", _REFUSE,
          "CSB-61942"),
    Staff("lenz", "STLCITY", "Bobby Lenz", "Equipment Operator I", _REFUSE,
          "CSB-74081", "schroeder"),
)  # fmt: skip


# -- cases -----------------------------------------------------------------------------

DMH, DNR, DHS = "MO-DMH-DOR-6.675", "MO-DNR-SN", "AR-DHS"
DYS, STL = "MA-DYS-01.05.22", "STL-AR-150"
C = IntakeChannel

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

MODNR_STORIES: tuple[Story, ...] = (
    Story(
        agency="MODNR",
        title="Maintenance worker's Facebook rant about campers, with the State Parks logo",
        outcome=Outcome.CLOSED,
        subjects=("kremer",),
        reported=D(2025, 7, 14),
        conduct=(D(2025, 7, 5), D(2025, 7, 6)),
        channel=C.PUBLIC,
        reporter="Linda Marsh (park visitor)",
        reporter_contact="email to the Ha Ha Tonka park office",
        platforms=("Facebook",),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=False,
        narrative=(
            "A visitor emailed the park office a screenshot of a public Facebook post by "
            "Maintenance Worker Dustin Kremer, written over the Fourth of July weekend, "
            "calling campers at Ha Ha Tonka 'trash' who 'should be banned from the lake'. His "
            "profile photo shows him in a State Parks uniform shirt with the department "
            "logo, and the post tags the park. It had 212 shares when reported."
        ),
        charges=(
            Charge(
                f"{DNR} NegativeLight",
                "Posted content embarrassing to the department while identifiable as a "
                "State Parks employee.",
                SUBSTANTIATED,
                "The profile photo, the park tag and the uniform tie him to the department; "
                "the park received four complaints quoting the post.",
            ),
            Charge(
                f"{DNR} Policy.5",
                "Used the department logo on a personal profile without approval.",
                SUBSTANTIATED,
                "The profile photo shows the State Parks logo on his shirt; no approval exists.",
            ),
        ),
        notes=(
            (
                INTERVIEW,
                "Interviewed Dustin Kremer with Park Superintendent Gregory "
                "Hollister present. He admitted the post, said he was 'venting "
                "after cleaning the campground', and removed it and the profile "
                "photo the same day.",
            ),
            (CONTACT, "Wrote to the visitor on 15 July 2025 that the matter is being addressed."),
        ),
        decision=(
            "Discipline decided: written reprimand under DNR Progressive Discipline Policy "
            "1.08 and 1 CSR 20-3.070, first offence. He signs the Social Networking policy "
            "acknowledgement again; a repeat will lead to suspension."
        ),
        sanction=Sanction(
            DisciplineAction.WRITTEN_REPRIMAND,
            14,
            "Sign the Social Networking policy acknowledgement again and post about the "
            "park only through the department's official accounts.",
            "A repeat will lead to suspension without pay.",
        ),
    ),
    Story(
        agency="MODNR",
        title="Specialist posted a permittee's confidential discharge data on X and "
        "threatened its owner",
        outcome=Outcome.CLOSED,
        subjects=("okafor",),
        reported=D(2025, 11, 3),
        conduct=(D(2025, 10, 27), D(2025, 10, 30)),
        channel=C.SUPERVISOR,
        reporter="Program supervisor",
        platforms=("X",),
        duty=ON,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=False,
        narrative=(
            "Environmental Specialist Samuel Okafor posted on his personal X account, during "
            "working hours, confidential sampling data of a permitted facility under "
            "enforcement, with posts calling its owner a criminal who 'should watch his "
            "back'."
        ),
        charges=(
            Charge(
                f"{DNR} Confidentiality",
                "Posted confidential department information about a permittee.",
                SUBSTANTIATED,
                "The posted figures match the unreleased sampling report word for word.",
            ),
            Charge(
                f"{DNR} NegativeLight",
                "Threatening posts about a permittee while identifiable as a department employee.",
                SUBSTANTIATED,
                "The posts name his job and the department; the owner complained in writing.",
            ),
        ),
        notes=((INTERVIEW, "Interviewed Mr. Okafor with his supervisor; he admitted the posts."),),
        decision=(
            "Discipline decided: dismissal after the pre-action notice; no response came in "
            "the window. Notice of the right to appeal to the Administrative Hearing "
            "Commission given (RSMo 621.075)."
        ),
        sanction=Sanction(
            DisciplineAction.DISMISSAL,
            21,
            "None: the employment ends.",
            "Not applicable.",
            status_pending="On paid administrative leave pending the decision.",
            consistency_reason="Threats against a named permittee, not criticism: the earlier "
            "reprimand under this provision was for a critical post without threats.",
        ),
    ),
    Story(
        agency="MODNR",
        title="Ranger's TikTok registered with her department email and filmed on patrol",
        outcome=Outcome.DISCIPLINE_REVIEW,
        subjects=("pruitt",),
        reported=D(2026, 5, 11),
        conduct=(D(2026, 3, 1), D(2026, 5, 3)),
        channel=C.SUPERVISOR,
        reporter="Gregory Hollister",
        platforms=("TikTok",),
        duty=ON,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=False,
        narrative=(
            "Park Superintendent Gregory Hollister found that Park Ranger Jolene Pruitt's "
            "TikTok account, with about 18,000 followers, lists her department email address "
            "and shows videos filmed in her patrol truck. By the duty roster, eleven videos "
            "between 1 March and 3 May 2026 were recorded and posted during patrol hours. "
            "None shows visitors or enforcement contacts."
        ),
        charges=(
            Charge(
                f"{DNR} Policy.5",
                "Used a department email address as the login and contact of a personal account.",
                SUBSTANTIATED,
                "The profile shows her @dnr.mo.gov address and she confirmed registering "
                "the account with it.",
            ),
            Charge(
                f"{DNR} WorkHours",
                "Used social media on her phone during working time other than breaks and lunch.",
                SUBSTANTIATED,
                "Roster and video timestamps place 9 of the 11 posts in patrol hours outside "
                "her lunch break.",
            ),
            Charge(
                f"{DNR} NegativeLight",
                "Videos portray the department unfavourably.",
                UNFOUNDED,
                "The videos show wildlife and trail conditions; the Communications Office "
                "calls them positive. Nothing in them embarrasses the department.",
            ),
        ),
        notes=(
            (
                NOTE,
                "Screenshots of the profile page and of the eleven videos' posting times "
                "captured on 12 May 2026.",
            ),
            (
                INTERVIEW,
                "Interviewed Jolene Pruitt. She says the account began as park "
                "outreach and believed the superintendent had approved it verbally; "
                "he denies this.",
            ),
        ),
    ),
    Story(
        agency="MODNR",
        title="Coworker's medical leave described in a community Facebook group",
        outcome=Outcome.FINDINGS,
        subjects=("chen",),
        reported=D(2026, 8, 17),
        conduct=(D(2026, 8, 10), D(2026, 8, 10)),
        channel=C.COWORKER,
        reporter="Employee, Water Protection Program",
        confidential=True,
        platforms=("Facebook",),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=False,
        narrative=(
            "A coworker reported that Administrative Support Assistant Chen Mei-ling posted "
            "in a Jefferson City parents' Facebook group that a named colleague was 'out on "
            "FMLA for cancer treatment' and asked for meal-train volunteers. The colleague "
            "had told no one but her supervisor and HR. Ms. Chen processes the program's "
            "leave paperwork."
        ),
        charges=(
            Charge(
                f"{DNR} Confidentiality",
                "Disclosed another employee's personal information obtained through her duties.",
                SUBSTANTIATED,
                "Ms. Chen learned of the leave and diagnosis from the FMLA certification she "
                "processed; the colleague had told no one in the group. Good intentions do "
                "not change the disclosure.",
            ),
            Charge(
                f"{DNR} OtherPolicies",
                "Gossiped about a co-worker on a social-networking site.",
                EXONERATED,
                "The post was a request for help, not gossip or harassment, and the "
                "colleague does not regard it as either.",
            ),
        ),
        notes=(
            (
                WITNESS,
                "Statement of the colleague: she learned of the post from neighbours "
                "and felt her diagnosis was 'all over town'.",
            ),
            (
                INTERVIEW,
                "Interviewed Chen Mei-ling. She meant to help, deleted the post when "
                "the colleague called her, and apologised in writing.",
            ),
        ),
    ),
    Story(
        agency="MODNR",
        title="Draft enforcement memo photographed and posted on Reddit",
        outcome=Outcome.INVESTIGATING,
        subjects=("beckmann",),
        reported=D(2026, 9, 29),
        conduct=(D(2026, 9, 24), D(2026, 9, 24)),
        channel=C.OTHER,
        reporter="DNR Communications Office",
        platforms=("Reddit",),
        duty=DUTY_UNKNOWN,
        equipment=DEVICE_UNKNOWN,
        account=PERSONAL,
        clients=False,
        narrative=(
            "The Communications Office found a photo of a draft enforcement memo about a "
            "municipal wastewater plant on Reddit, posted two days before the memo was "
            "issued. The photo shows a printout on a desk in the Water Protection Program "
            "office. Five staff had access to the draft, among them Environmental Specialist "
            "Connor Beckmann, whose desk the photo appears to show."
        ),
        charges=(
            Charge(
                f"{DNR} Confidentiality",
                "Disclosed a pre-decisional draft document through social media.",
            ),
            Charge(
                f"{DNR} Publish.1",
                "Published department information on the Internet without the Program "
                "Director's approval.",
            ),
        ),
        notes=(
            (
                NOTE,
                "Screenshots of the Reddit post and its comments captured on "
                "29 September 2026; the post was deleted on 1 October.",
            ),
            (CONTACT, "Asked ITSD for the print log of the draft for 22–24 September 2026."),
        ),
    ),
    Story(
        agency="MODNR",
        title="Snapchat stories and Facebook comments mocking a seasonal employee",
        outcome=Outcome.INVESTIGATING,
        subjects=("kremer",),
        reported=D(2026, 10, 13),
        conduct=(D(2026, 9, 20), D(2026, 10, 8)),
        channel=C.COWORKER,
        reporter="Seasonal employee, Ha Ha Tonka State Park",
        confidential=True,
        platforms=("Snapchat", "Facebook"),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=False,
        narrative=(
            "A seasonal employee reported that Maintenance Worker Dustin Kremer has posted "
            "Snapchat stories and Facebook comments mocking her weight and calling her 'the "
            "intern' since late September. She provided eleven screenshots. Mr. Kremer "
            "received a written reprimand under this policy in 2025."
        ),
        charges=(
            Charge(
                f"{DNR} OtherPolicies",
                "Bullied and harassed a co-worker on social-networking sites.",
            ),
        ),
        notes=(
            (
                WITNESS,
                "Statement of the complainant with eleven screenshots; two coworkers "
                "named as having seen the stories.",
            ),
        ),
    ),
    Story(
        agency="MODNR",
        title="Private fishing-guide pages use the State Parks arrowhead logo",
        outcome=Outcome.INTAKE,
        subjects=("hollister",),
        reported=D(2026, 11, 3),
        conduct=(D(2026, 9, 1), D(2026, 10, 31)),
        channel=C.PUBLIC,
        reporter="Lake of the Ozarks guide operator",
        reporter_contact="(573) 555-0190",
        platforms=("Facebook", "Instagram"),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=False,
        narrative=(
            "A competing guide operator reported that the Facebook and Instagram pages of a "
            "fishing-guide business run by Park Superintendent Gregory Hollister use the "
            "Missouri State Parks arrowhead logo and photos of park facilities. He says the "
            "pages imply the tours are park-sponsored and attached screenshots."
        ),
        charges=(
            Charge(
                f"{DNR} Policy.5",
                "Used department logos on social media for a private business without approval.",
            ),
        ),
        notes=((CONTACT, "Acknowledged the report by phone on 3 November 2026."),),
    ),
    Story(
        agency="MODNR",
        title="Complaint that a ranger 'liked' a ballot-measure post",
        outcome=Outcome.SCREENED_OUT,
        subjects=("pruitt",),
        reported=D(2026, 6, 23),
        conduct=(D(2026, 6, 20), D(2026, 6, 21)),
        channel=C.PUBLIC,
        reporter="Anonymous email",
        confidential=True,
        platforms=("Facebook",),
        duty=OFF,
        equipment=OWN_DEVICE,
        account=PERSONAL,
        clients=False,
        narrative=(
            "An anonymous email complained that Park Ranger Jolene Pruitt 'liked' a Facebook "
            "post supporting a state ballot measure 'last weekend'. The like was made from "
            "her personal account; the email gives no other detail."
        ),
        charges=(
            Charge(f"{DNR} Publish.3", "Alleged use of social media for political purposes."),
        ),
        notes=(
            (
                NOTE,
                "Looked at the public post and the like: nothing links it to work time, "
                "department equipment or the department's name.",
            ),
        ),
        reason=(
            "A 'like' from a personal account, off duty, without department systems, time "
            "or logos, is not conduct the Social Networking / Internet Use Policy "
            "prohibits. Closed without investigation."
        ),
    ),
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
            Charge(
                f"{STL} V.F",
                "Disseminated a closed criminal justice record on social media.",
                SUBSTANTIATED,
                "The REJIS audit log shows Ms. Whitaker opened the report at 14:06 and her "
                "post followed at 18:31; the photo matches the printout format of her "
                "terminal. The report is a closed record under RSMo 610.100.",
            ),
            Charge(
                f"{STL} IV.K.1.h",
                "Disclosed criminal justice information related to a juvenile.",
                SUBSTANTIATED,
                "The arrestee was 17 at the time; the report is information related to a juvenile.",
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

#: Every story, in the order reported, so case numbers run in date order as in real use.
STORIES: tuple[Story, ...] = tuple(
    sorted(
        MODMH_STORIES + MODNR_STORIES + ARDHS_STORIES + MADYS_STORIES + STLCITY_STORIES,
        key=lambda story: story.reported,
    )
)
