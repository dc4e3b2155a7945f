"""Each employer's discipline law: pre-action notice, appeal, cap, sanctions, what to state."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.discipline import (
    KNOWN_AGENCIES,
    LOUDERMILL,
    DayKind,
    DisciplineAction,
    Outcome,
    Regime,
    SettingMissing,
    appeal_deadline,
    default_settings,
    pack_for,
    parse_regime,
)
from app.domain.discipline.flow import appeal_refusal, appeal_terms, no_appeal_statement
from app.domain.discipline.packs.missouri import AHC_APPEAL_NOTICE
from app.domain.errors import InvalidInput, Refused

A = DisciplineAction
D = dt.date
JURISDICTION = {
    "MODMH": "MO",
    "MODNR": "MO",
    "STLCITY": "MO",
    "ARDHS": "AR",
    "MADYS": "MA",
    "XXUNKNOWN": "MO",
}


def pack(code: str):  # type: ignore[no-untyped-def]
    return pack_for(code, JURISDICTION[code])


# --- Missouri state agencies (RSMo chapter 36) -------------------------------------------


@pytest.mark.parametrize("code", ["MODMH", "MODNR"])
@pytest.mark.parametrize(
    ("action", "days", "appeal"),
    [
        (A.WRITTEN_REPRIMAND, 0, False),
        (A.SUSPENSION, 5, False),
        (A.SUSPENSION, 6, True),
        (A.DEMOTION, 0, True),
        (A.DISMISSAL, 0, True),
    ],
)
def test_missouri_ahc_appeal_only_past_five_working_days(
    code: str, action: DisciplineAction, days: int, appeal: bool
) -> None:
    rule = pack(code).appeal_for(action, Regime.MERIT, days)
    assert (rule is not None) == appeal
    if rule is not None:
        assert rule.body.value == "Administrative Hearing Commission"
        assert (rule.days.value, rule.day_kind.value) == (30, DayKind.CALENDAR)
        assert rule.counted_from.value == "the effective date of the decision"
        assert "RSMo 621.075" in rule.citation and "RSMo 36.390.2" in rule.citation


@pytest.mark.parametrize("regime", [Regime.PROBATIONARY, Regime.AT_WILL])
def test_missouri_non_regular_employees_have_no_ahc_appeal(regime: Regime) -> None:
    assert pack("MODNR").appeal_for(A.DISMISSAL, regime) is None
    assert pack("MODNR").pre_action_for(A.DISMISSAL, regime) is None


def test_missouri_decision_carries_the_621_075_notice_verbatim() -> None:
    stated = pack("MODMH").must_state(A.SUSPENSION, Regime.MERIT, 10)
    notice = [r for r in stated if r.citation == "RSMo 621.075"]
    assert len(notice) == 1 and AHC_APPEAL_NOTICE in notice[0].text
    assert (
        "registered mail or certified mail, it will be deemed filed on the date it is mailed"
        in (AHC_APPEAL_NOTICE)
    )
    assert any(r.citation == "RSMo 36.370" for r in stated)  # reasons to the director
    short = pack("MODMH").must_state(A.SUSPENSION, Regime.MERIT, 5)
    assert not any(r.citation == "RSMo 621.075" for r in short)


def test_missouri_dismissal_needs_the_written_statement_before_it_takes_effect() -> None:
    stated = pack("MODNR").must_state(A.DISMISSAL, Regime.MERIT)
    statement = [r for r in stated if r.citation == "RSMo 36.380"]
    assert statement and "Before the effective date" in statement[0].text
    assert {r.citation for r in stated} >= {LOUDERMILL, "RSMo 621.075"}


def test_missouri_cap_is_20_working_days_in_12_months_except_terminal() -> None:
    cap = pack("MODMH").cap
    assert cap is not None
    assert (cap.days.value, cap.window_months.value, cap.citation) == (20, 12, "RSMo 36.370")
    assert cap.terminal_with_dismissal_exempt


def test_missouri_appeal_deadline_on_christmas_moves_under_621_205() -> None:
    mo = pack("MODNR")
    rule = mo.appeal_for(A.DISMISSAL, Regime.MERIT)
    assert rule is not None
    due = appeal_deadline(mo, rule, D(2026, 11, 25), {})
    assert due.day == D(2026, 12, 28)
    assert "2026-12-25 is Christmas Day; moved to 2026-12-28" in due.describe()
    assert "RSMo 621.205" in due.describe()


def test_mo_dnr_points_to_progressive_discipline_1_08_and_1_csr_20_3_070() -> None:
    (ref,) = pack("MODNR").sanction_policies
    assert "1.08" in ref.points_to and "1 CSR 20-3.070" in ref.points_to
    assert pack("MODMH").sanction_policies == ()


# --- City of St. Louis ----------------------------------------------------------------


def test_st_louis_is_not_under_chapter_36() -> None:
    stl = pack("STLCITY")
    assert stl.cap is not None and stl.cap.days.from_settings and stl.cap.days.value is None
    rule = stl.appeal_for(A.SUSPENSION, Regime.MERIT, 1)
    assert rule is not None
    assert rule.body.value == "Civil Service Commission of the City of St. Louis"
    assert "Article XVIII" in rule.citation
    assert rule.days.from_settings and rule.days.value is None
    assert "621.075" not in " ".join(r.citation for r in stl.must_state(A.DISMISSAL, Regime.MERIT))
    assert default_settings("MO", "STLCITY").suspension_cap_days is None
    assert default_settings("MO", "MODNR").suspension_cap_days == 20


def test_st_louis_appeal_days_unset_are_refused_with_the_setting_named() -> None:
    stl = pack("STLCITY")
    rule = stl.appeal_for(A.DISMISSAL, Regime.MERIT)
    assert rule is not None
    with pytest.raises(SettingMissing, match="discipline.appeal_days"):
        appeal_deadline(stl, rule, D(2026, 3, 2), {})
    due = appeal_deadline(
        stl,
        rule,
        D(2026, 3, 2),
        {"discipline.appeal_days": 10, "discipline.appeal_days_kind": "calendar"},
    )
    assert due.day == D(2026, 3, 12)
    # No verified rule moves the City's deadlines: a last day on a Saturday is printed as is.
    saturday = appeal_deadline(
        stl, rule, D(2026, 3, 4),
        {"discipline.appeal_days": 10, "discipline.appeal_days_kind": "calendar"},
    )  # fmt: skip
    assert saturday.day == D(2026, 3, 14) and not saturday.moved.moved
    with pytest.raises(InvalidInput, match="'calendar' or 'working'"):
        appeal_deadline(
            stl,
            rule,
            D(2026, 3, 2),
            {"discipline.appeal_days": 10, "discipline.appeal_days_kind": "weeks"},
        )


# --- Arkansas DHS --------------------------------------------------------------------


def test_arkansas_grievance_covers_termination_and_suspension_only() -> None:
    ar = pack("ARDHS")
    assert ar.appeal_for(A.DISMISSAL, Regime.MERIT) is not None
    assert ar.appeal_for(A.SUSPENSION, Regime.MERIT, 1) is not None
    assert ar.appeal_for(A.DEMOTION, Regime.MERIT) is None
    assert ar.appeal_for(A.WRITTEN_REPRIMAND, Regime.MERIT) is None
    rule = ar.appeal_for(A.DISMISSAL, Regime.MERIT)
    assert rule is not None and "21-1-701" in rule.citation
    assert rule.days.from_settings and rule.days.value is None
    assert ar.cap is None


def test_arkansas_sanctions_point_to_policies_4002_and_1009() -> None:
    refs = {r.provision: r for r in pack("ARDHS").sanction_policies}
    assert "Policy 4002" in refs["II(A)(3)"].points_to
    assert "Privacy Office" in refs["II(A)(3)"].points_to
    assert "immediate dismissal" in refs["II(A)(3)"].quote
    assert "Policy 1009" in refs["II(D)"].points_to


# --- Massachusetts DYS ----------------------------------------------------------------


def test_ma_tenured_hearing_before_suspension_over_five_days() -> None:
    ma = pack("MADYS")
    long = ma.pre_action_for(A.SUSPENSION, Regime.MERIT, 6)
    assert long is not None and long.citation == "M.G.L. c. 31, § 41"
    assert any("three days" in r.text for r in long.requirements)
    assert ma.pre_action_for(A.SUSPENSION, Regime.MERIT, 5) is None
    short = ma.must_state(A.SUSPENSION, Regime.MERIT, 5)
    assert any("forty-eight hours" in r.text for r in short)
    assert ma.pre_action_for(A.DISMISSAL, Regime.MERIT) is not None


def test_ma_tenured_appeal_to_the_commission_within_ten_days() -> None:
    ma = pack("MADYS")
    rule = ma.appeal_for(A.SUSPENSION, Regime.MERIT, 2)
    assert rule is not None
    assert (rule.body.value, rule.days.value, rule.citation) == (
        "Civil Service Commission",
        10,
        "M.G.L. c. 31, § 43",
    )
    due = appeal_deadline(ma, rule, D(2026, 4, 10), {})
    assert due.day == D(2026, 4, 21)
    assert "2026-04-20 is Patriots' Day" in due.describe()
    assert "M.G.L. c. 4, § 9" in due.describe()
    # c. 4, § 9 moves Sundays and legal holidays only: a Saturday last day stays.
    saturday = appeal_deadline(ma, rule, D(2026, 4, 1), {})
    assert saturday.day == D(2026, 4, 11) and not saturday.moved.moved
    sunday = appeal_deadline(ma, rule, D(2026, 4, 2), {})
    assert sunday.day == D(2026, 4, 13)
    # § 43's "preponderance of the evidence" is the Commission's standard on appeal, not the
    # appointing authority's for its own findings: the agency's setting, no default.
    merit = ma.standard_of_proof_for(Regime.MERIT)
    assert merit.from_settings and merit.value is None and "c. 31" not in merit.describe()


@pytest.mark.parametrize(
    "regime",
    [Regime.MERIT, Regime.PROBATIONARY, Regime.UNION, Regime.AT_WILL, Regime.PROVIDER, None],
)
def test_ma_standard_of_proof_is_the_agency_setting_for_every_regime(
    regime: Regime | None,
) -> None:
    """§ 43 is the Civil Service Commission's standard on a tenured employee's appeal from a
    § 41 decision, not the agency's for its own findings; 01.05.22 states none: the
    agency's setting, with no default, for every regime."""
    ma = pack("MADYS")
    cited = ma.standard_of_proof_for(regime)
    assert cited.from_settings and "c. 31" not in cited.describe()
    assert "discipline.standard_of_proof" in {s.key for s in ma.settings()}


def test_ma_union_members_grieve_under_the_agreement_with_no_default_days() -> None:
    ma = pack("MADYS")
    rule = ma.appeal_for(A.DISMISSAL, Regime.UNION)
    assert rule is not None and "collective bargaining" in rule.body.value  # type: ignore[operator]
    assert rule.days.from_settings
    with pytest.raises(SettingMissing, match="discipline.grievance_days"):
        appeal_deadline(ma, rule, D(2026, 4, 10), {})


def test_ma_provider_employees_are_referred_not_disciplined() -> None:
    ma = pack("MADYS")
    assert ma.outcome_for(Regime.PROVIDER) is Outcome.REFERRAL_TO_PROVIDER
    assert ma.outcome_for(Regime.MERIT) is Outcome.DISCIPLINE
    with pytest.raises(Refused, match="referral to the provider") as refused:
        ma.appeal_for(A.SUSPENSION, Regime.PROVIDER, 3)
    assert "MA DYS 01.05.22, Applicability" in str(refused.value)
    assert ma.provider_referral is not None
    assert "DYS contracted provider employees" in ma.provider_referral.text


def test_ma_code_of_conduct_reference() -> None:
    (ref,) = pack("MADYS").sanction_policies
    assert ref.provision == "C.2.g" and "1.05.04(d)" in ref.points_to


# --- Every employer --------------------------------------------------------------------


@pytest.mark.parametrize("code", KNOWN_AGENCIES)
def test_regular_employees_get_notice_before_dismissal(code: str) -> None:
    rule = pack(code).pre_action_for(A.DISMISSAL, Regime.MERIT)
    assert rule is not None
    assert rule.citation in (LOUDERMILL, "M.G.L. c. 31, § 41")
    assert pack(code).pre_action_for(A.WRITTEN_REPRIMAND, Regime.MERIT) is None


@pytest.mark.parametrize("code", KNOWN_AGENCIES)
def test_at_will_and_probationary_get_no_pre_action_notice(code: str) -> None:
    for regime in (Regime.AT_WILL, Regime.PROBATIONARY):
        assert pack(code).pre_action_for(A.DISMISSAL, regime) is None


@pytest.mark.parametrize("code", ["MODMH", "MODNR", "STLCITY", "ARDHS"])
def test_provider_regime_exists_only_at_ma_dys(code: str) -> None:
    with pytest.raises(Refused, match="choose one of"):
        pack(code).outcome_for(Regime.PROVIDER)


@pytest.mark.parametrize("code", KNOWN_AGENCIES)
def test_the_response_window_is_always_the_agencys_setting(code: str) -> None:
    response = pack(code).response_days
    assert response.from_settings and response.value is None
    assert "discipline.response_days" in [s.key for s in pack(code).settings()]
    with pytest.raises(SettingMissing, match="has no default"):
        response.resolve({}, code)
    assert response.resolve({"discipline.response_days": "7"}, code) == 7


@pytest.mark.parametrize("code", ["MODMH", "MODNR", "STLCITY", "ARDHS"])
def test_standard_of_proof_without_a_source_is_a_setting(code: str) -> None:
    assert pack(code).standard_of_proof.from_settings
    assert "from the agency's settings" in pack(code).standard_of_proof.describe()


def test_an_unknown_agency_gets_every_fact_from_its_settings() -> None:
    other = pack_for("TXHHS", "TX")
    assert not other.verified
    keys = {s.key for s in other.settings()}
    assert keys >= {
        "discipline.standard_of_proof",
        "discipline.response_days",
        "discipline.appeal_body",
        "discipline.appeal_days",
        "discipline.suspension_cap_days",
    }
    assert other.pre_action_for(A.DISMISSAL, Regime.MERIT) is not None


def test_regimes_parse_and_refuse_with_the_list() -> None:
    assert parse_regime("At-will") is Regime.AT_WILL
    assert Regime.PROVIDER.label == "Employee of a contracted provider"
    with pytest.raises(InvalidInput, match="merit, probationary, union, at_will, provider"):
        parse_regime("contractor")


def test_st_louis_union_members_appeal_is_every_fact_a_setting() -> None:
    """The Commission hears permanent employees' appeals and an agreement has its own
    grievance: which one a union member takes was not verified, so nothing is said."""
    stl = pack("STLCITY")
    rule = stl.appeal_for(A.DISMISSAL, Regime.UNION)
    assert rule is not None
    assert rule.body.from_settings and rule.days.from_settings and rule.day_kind.from_settings
    keys = {s.key for s in stl.settings()}
    assert {"discipline.appeal_body", "discipline.grievance_days"} <= keys


@pytest.mark.parametrize("code", ["STLCITY", "XXUNKNOWN"])
def test_unverified_rules_never_say_there_is_no_appeal(code: str) -> None:
    """St. Louis's civil-service rules and an unknown agency's were not verified: an action
    no encoded rule covers is sent to the employer's rules, never said to have no appeal."""
    unverified = pack(code)
    assert not unverified.appeals_complete(Regime.MERIT)
    assert unverified.appeal_for(A.WRITTEN_REPRIMAND, Regime.MERIT) is None
    text, _cites = no_appeal_statement(unverified, A.WRITTEN_REPRIMAND, Regime.MERIT, 0)
    assert text.startswith("No rule Casedesk has verified says whether")
    assert "appeal or grieve a written reprimand" in text and "gives" not in text
    refusal = appeal_refusal(unverified, A.WRITTEN_REPRIMAND, Regime.MERIT, 0)
    assert "No appeal can be recorded: no rule Casedesk has verified" in str(refusal)
    # Missouri's law was read: its statement stands.
    verified, _ = no_appeal_statement(pack("MODNR"), A.WRITTEN_REPRIMAND, Regime.MERIT, 0)
    assert (
        "The discipline law governing the" in verified
        and "no appeal of a written reprimand" in verified
    )


def test_ar_at_will_employees_grieve_a_termination_as_the_statute_defines_it() -> None:
    """§ 21-1-701 gives the grievance to a classified "employee" whatever the at-will
    doctrine: an at-will DHS employee is told of it; a probationer's letter names the
    employer's rules (whether a probationer is "regularly appointed" was not verified)."""
    ar = pack("ARDHS")
    for regime in (Regime.MERIT, Regime.AT_WILL):
        rule = ar.appeal_for(A.DISMISSAL, regime)
        # The statute names no body (§§ 21-1-702(a), 21-1-703(a) leave it to OPM's rules):
        # the agency's setting, with no default, never "SEGAP" on the statute's authority.
        assert rule is not None and rule.body.from_settings and rule.body.value is None
        assert rule.body.setting is not None
        assert rule.body.setting.key == "discipline.appeal_body"
        assert ar.appeals_complete(regime)
    assert ar.appeal_for(A.DISMISSAL, Regime.PROBATIONARY) is None
    text, _ = no_appeal_statement(ar, A.DISMISSAL, Regime.PROBATIONARY, 0)
    assert text.startswith("No rule Casedesk has verified says whether")
    # A reprimand is no "grievance" (§ 21-1-701(2)): said so for an at-will employee.
    reprimand, _ = no_appeal_statement(ar, A.WRITTEN_REPRIMAND, Regime.AT_WILL, 0)
    assert "The discipline law governing the" in reprimand
    # Only what the statute says, cited; no grievance of a reprimand the statute excludes.
    assert reprimand.endswith(
        "no appeal of a written reprimand: the appeal or grievance it gives covers only a "
        "suspension without pay or a dismissal (Ark. Code Ann. §§ 21-1-701(2), 21-1-702)."
    )
    assert "grievance procedure" not in reprimand


def test_the_ar_grievance_is_stated_as_a_grievance_in_one_sentence_that_reads() -> None:
    # The usual "You may appeal this dismissal to the BODY within …" made "to the A
    # grievance under … (SEGAP) within 5 working days": a grievance is first heard by the
    # employer, and its days are the grievance's. The statute is cited for what it says
    # (what a grievance is, who may file one); who hears it and the days are settings.
    rule = pack("ARDHS").appeal_for(A.DISMISSAL, Regime.AT_WILL)
    assert rule is not None
    values = {
        "discipline.appeal_body": "Department's grievance procedure",
        "discipline.appeal_days": 5, "discipline.appeal_days_kind": "working",
        "discipline.appeal_counted_from": "the day of the termination",
    }  # fmt: skip
    terms = appeal_terms(rule, values, "ARDHS")
    assert terms.statement(A.DISMISSAL) == (
        "You may grieve this dismissal: a grievance is an employee's complaint resulting from "
        "a termination or suspension (Ark. Code Ann. §§ 21-1-701(2), 21-1-702). The grievance "
        "is filed within 5 working days after the day of the termination and heard by the "
        "Department's grievance procedure (the days and who hears it are the agency's "
        "settings: the statute leaves the procedure and its appeal to the Office of Personnel "
        "Management's rules, §§ 21-1-702(a), 21-1-703(a)). The grievance is open to an "
        "employee in a position of state service with a class title and pay grade, not to a "
        "supervisory employee (Ark. Code Ann. § 21-1-701(1)(A), (B))."
    )
    assert "SEGAP" not in terms.statement(A.DISMISSAL)
    assert "discipline.appeal_body" in terms.from_settings
    # The letter's lead uses the statement's own verb ("You may grieve this dismissal").
    assert terms.opening(A.DISMISSAL) == "You may grieve this dismissal"
    # Unset, the body is refused by name, never guessed.
    with pytest.raises(SettingMissing, match="discipline.appeal_body"):
        appeal_terms(rule, {k: v for k, v in values.items() if "body" not in k}, "ARDHS")
    # Missouri's appeal keeps the usual wording.
    ahc = pack("MODNR").appeal_for(A.DISMISSAL, Regime.MERIT)
    assert ahc is not None
    usual = appeal_terms(ahc, {}, "MODNR").statement(A.DISMISSAL)
    assert appeal_terms(ahc, {}, "MODNR").opening(A.DISMISSAL) == "You may appeal this dismissal"
    assert usual.startswith(
        "You may appeal this dismissal to the Administrative Hearing Commission"
    )


def test_a_st_louis_union_member_s_appeal_reads_whatever_body_the_agency_sets() -> None:
    # The usual wording made "to the The grievance procedure … within 10 working days after
    # as the agreement or the rules provide": a body set with its article, and a start that
    # is the agreement's, not a day.
    rule = pack("STLCITY").appeal_for(A.SUSPENSION, Regime.UNION, 15)
    assert rule is not None
    values = {
        "discipline.appeal_body": "The grievance procedure of the collective bargaining agreement",
        "discipline.grievance_days": 10, "discipline.grievance_days_kind": "working",
    }  # fmt: skip
    terms = appeal_terms(rule, values, "STLCITY")
    assert terms.body == "grievance procedure of the collective bargaining agreement"
    assert terms.statement(A.SUSPENSION) == (
        "You may appeal or grieve this suspension without pay to the grievance procedure of "
        "the collective bargaining agreement within 10 working days, counted as the collective "
        "bargaining agreement or the City's civil service rules provide (the body and the days "
        "are the agency's settings)."
    )
    assert terms.opening(A.SUSPENSION) == "You may appeal or grieve this suspension without pay"
    # The same for any agency whose body is a setting: the article is dropped once.
    unknown = pack("XXUNKNOWN").appeal_for(A.DISMISSAL, Regime.MERIT)
    assert unknown is not None
    other = appeal_terms(
        unknown,
        {"discipline.appeal_body": "the Civil Service Commission", "discipline.appeal_days": 30,
         "discipline.appeal_days_kind": "calendar",
         "discipline.appeal_counted_from": "the effective date"},
        "XXUNKNOWN",
    )  # fmt: skip
    assert other.statement(A.DISMISSAL).startswith(
        "You may appeal this dismissal to the Civil Service Commission within 30 calendar days"
    )


def test_a_missouri_reprimand_names_the_appeals_as_rsmo_36_390_does() -> None:
    """RSMo 36.390.2 covers an employee "dismissed or involuntarily demoted for cause or
    suspended for more than five working days": not any demotion."""
    statement, cited = no_appeal_statement(
        pack_for("MODNR", "MO"), A.WRITTEN_REPRIMAND, Regime.MERIT, 0
    )
    assert statement.endswith(
        "covers only a suspension without pay of more than 5 working days, an involuntary "
        "demotion for cause or a dismissal (RSMo 36.390.2; RSMo 621.075)."
    )
    assert cited == ("RSMo 36.390.2; RSMo 621.075",)
