"""The demo's employees of the five agencies in the policy catalog (all invented)."""

from __future__ import annotations

from app.services.demo.stories.model import Staff

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
