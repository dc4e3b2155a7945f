"""The demo's cases of the Missouri Department of Natural Resources (all invented)."""

from __future__ import annotations

from app.domain.discipline import DisciplineAction
from app.services.demo.stories.model import (
    CONTACT,
    DEVICE_UNKNOWN,
    DNR,
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
