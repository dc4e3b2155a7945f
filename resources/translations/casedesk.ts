<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name></name>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="44"/>
        <source>CaseStatus</source>
        <comment>Intake</comment>
        <extracomment>Shown in a row whose page has not arrived yet.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="45"/>
        <source>CaseStatus</source>
        <comment>Investigating</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="46"/>
        <source>CaseStatus</source>
        <comment>Findings</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="47"/>
        <source>CaseStatus</source>
        <comment>Discipline review</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="48"/>
        <source>CaseStatus</source>
        <comment>Closed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="49"/>
        <source>CaseStatus</source>
        <comment>Reopened</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/labels.py" line="114"/>
        <source>Workflow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="24"/>
        <source>Errors</source>
        <comment>Check your input</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="26"/>
        <source>Errors</source>
        <comment>Not allowed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="28"/>
        <source>Errors</source>
        <comment>Database problem</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="30"/>
        <source>Errors</source>
        <comment>Casedesk</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/errors.py" line="33"/>
        <source>Errors</source>
        <comment>Something unexpected went wrong ({kind}). Your other work is kept; try again, and if it happens again send the log file to your administrator:
{path}</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="37"/>
        <source>Errors</source>
        <comment>Unexpected error</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="49"/>
        <source>MainWindow</source>
        <comment>Cases</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="51"/>
        <source>MainWindow</source>
        <comment>Policy catalog</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="53"/>
        <source>MainWindow</source>
        <comment>Users</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="32"/>
        <source>Users</source>
        <comment>Administrator</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="33"/>
        <source>Users</source>
        <comment>Investigator</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="34"/>
        <source>Users</source>
        <comment>Supervisor</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="35"/>
        <source>Users</source>
        <comment>HR</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="203"/>
        <source>The two passwords differ; type the same one twice.</source>
        <extracomment>the service&apos;s UserInfo, once the change is stored</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddEmployeeDialog</name>
    <message>
        <location filename="../../app/ui/case_view/employee_dialog.py" line="35"/>
        <source>New employee of {0}</source>
        <extracomment>the EmployeeInfo recorded</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/employee_dialog.py" line="49"/>
        <source>Full &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/employee_dialog.py" line="50"/>
        <source>&amp;Position:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/employee_dialog.py" line="51"/>
        <source>&amp;Division / unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/employee_dialog.py" line="52"/>
        <source>Employee n&amp;umber:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/employee_dialog.py" line="57"/>
        <source>Add employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/employee_dialog.py" line="60"/>
        <source>The employee is added to the agency&apos;s staff list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="220"/>
        <location filename="../../app/ui/users/dialogs.py" line="243"/>
        <source>Add user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="230"/>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="232"/>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;; starts with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="234"/>
        <source>&amp;Full name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="235"/>
        <source>Roles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="238"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="240"/>
        <source>At least {0} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="242"/>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AllegationModel</name>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="85"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="93"/>
        <source>Citation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="93"/>
        <source>Provision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="93"/>
        <source>Employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="94"/>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AllegationsTab</name>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="68"/>
        <source>Add allegation…</source>
        <extracomment>an allegation or finding was recorded: reload the case</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="71"/>
        <location filename="../../app/ui/case_view/allegations.py" line="295"/>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="73"/>
        <source>Withdraw an allegation that has no finding yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="79"/>
        <source>Select an allegation to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="87"/>
        <source>Why: the evidence and how it meets the rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="90"/>
        <source>Record finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="105"/>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="107"/>
        <source>&amp;Finding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="108"/>
        <source>&amp;Reasoning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="200"/>
        <source>Under {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="204"/>
        <source>Employee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="207"/>
        <source>Summary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="288"/>
        <source>Withdraw allegation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="289"/>
        <source>Withdraw the allegation under {0}? The withdrawal is recorded in the case&apos;s timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="329"/>
        <source>Finding recorded on {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackgroundTasks</name>
    <message>
        <location filename="../../app/ui/tasks.py" line="136"/>
        <source>Cancel</source>
        <extracomment>an unhandled task failure, for the error reporter</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks.py" line="138"/>
        <source>Casedesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="56"/>
        <source>Search number, title, narrative, notes…</source>
        <extracomment>Every status but Closed: what is still being worked on. the query changed (search text after a short pause) Milliseconds of typing pause before the search runs; tune against the keystroke-to-list benchmark. the filters the status counts are for</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="59"/>
        <source>Cases whose number starts with, or whose words begin with, what you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="67"/>
        <source>Show cases in this status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="76"/>
        <source>Show cases of this agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="77"/>
        <source>All agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="86"/>
        <source>Show cases assigned to this investigator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="87"/>
        <source>All investigators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="91"/>
        <source>Reported between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="93"/>
        <source>First day reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="94"/>
        <source>Last day reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="95"/>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="96"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="98"/>
        <source>Show all cases again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="175"/>
        <source>1 case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="177"/>
        <source>%1 cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="182"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="182"/>
        <source>Open (not closed)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <location filename="../../app/ui/case_view/form.py" line="112"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form.py" line="203"/>
        <source>(confidential)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form.py" line="258"/>
        <source>Choose the agency first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseFormInputs</name>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="64"/>
        <source>Choose the agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="69"/>
        <source>What was reported, in a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="78"/>
        <source>Phone, e-mail or office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="79"/>
        <source>Keep the reporter&apos;s identity confidential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="90"/>
        <source>Clients, youth or consumers are involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="96"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="101"/>
        <source>What was seen: where, when, what the post or message showed, and who saw it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="125"/>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="127"/>
        <source>A&amp;gency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="128"/>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="129"/>
        <source>Date &amp;reported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="130"/>
        <source>Reported t&amp;hrough:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="131"/>
        <source>Reporter &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="132"/>
        <source>Reporter c&amp;ontact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="135"/>
        <source>Conduct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="137"/>
        <source>Conduct &amp;from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="138"/>
        <source>Conduct t&amp;o:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="139"/>
        <source>&amp;Platforms:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="140"/>
        <source>&amp;Duty status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="141"/>
        <source>E&amp;quipment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="142"/>
        <source>Acc&amp;ount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="145"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="147"/>
        <source>&amp;Subject employees:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="148"/>
        <source>&amp;Investigator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="150"/>
        <source>What was seen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="109"/>
        <source>Number</source>
        <extracomment>A query&apos;s total and first page arrived: ``(total, same_query)``; ``same_query`` is true for a refresh, where row positions still mean something. A page arrived (its first row and its number of rows). the case id (int), None for a placeholder the raw value of the cell the CaseStatus of the row the whole CaseRow Cases fetched per query; a screen shows some 30 to 60 rows. Pages kept in memory; the least recently shown go first (they are fetched again if the user scrolls back), so memory and garbage-collection pauses stay flat however far the list is scrolled. The CaseSort of each sortable column (Subjects is not sortable). pages shown from before a refresh, being re-read pages asked for in this generation bumped by every new query; older answers are dropped a total and first page are on their way</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="110"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="111"/>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="112"/>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="113"/>
        <source>Investigator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="114"/>
        <source>Subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="115"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="116"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="355"/>
        <source>No investigator assigned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="43"/>
        <source>Loading…</source>
        <extracomment>the case number, for the tab a fresh copy of the case is shown</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="72"/>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="73"/>
        <source>&amp;Allegations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="74"/>
        <source>&amp;Notes &amp;&amp; timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="126"/>
        <source>{agency} · Investigator: {investigator} · Last changed by {who} at {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="129"/>
        <source>unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="212"/>
        <source>{0} is now in {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="241"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="242"/>
        <source>The intake facts of {0} have changes that are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="249"/>
        <source>Save them before closing?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../app/ui/cases_page.py" line="26"/>
        <source>All cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/cases_page.py" line="49"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="304"/>
        <source>Provision</source>
        <extracomment>How long typing must pause before the search runs (milliseconds). false for rows shown only as the context of a match an :class:`EntryKind` citation, or the policy code None for a policy whether the row matched the filter the policies shown, in code order</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="305"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="450"/>
        <source>Search provisions (words in text, title or ref)</source>
        <extracomment>the catalog arrived from the database the tree shows a new search result (provisions matching)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="452"/>
        <source>Search provisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="455"/>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="456"/>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="459"/>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="461"/>
        <source>&amp;Tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="476"/>
        <source>&amp;Copy citation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="480"/>
        <source>Copy the provision&apos;s citation (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="526"/>
        <source>Loading the policy catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="584"/>
        <location filename="../../app/ui/catalog_view.py" line="628"/>
        <location filename="../../app/ui/catalog_view.py" line="657"/>
        <source>Select a policy or a provision to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/catalog_view.py" line="620"/>
        <source>Matching provisions: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/catalog_view.py" line="622"/>
        <source>Provisions in the catalog: %n</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="626"/>
        <source>No provision matches. Try fewer words or another tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="680"/>
        <source>Copied {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/ui/login.py" line="51"/>
        <source>Casedesk is locked</source>
        <extracomment>the Actor</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="51"/>
        <source>Sign in to Casedesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="56"/>
        <source>The window was locked after a period of inactivity. Your work is kept; enter your password to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="59"/>
        <source>Social-media policy investigations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="72"/>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="78"/>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="79"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="84"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="84"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="87"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="87"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="103"/>
        <source>Database: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="109"/>
        <source>Casedesk cannot open its database; see below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="120"/>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="124"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="141"/>
        <source>Only {0} can unlock this window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="67"/>
        <source>Casedesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="116"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="118"/>
        <source>&amp;New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="124"/>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="127"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="129"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="130"/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="133"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="134"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="144"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="145"/>
        <source>&amp;About Casedesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="150"/>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="154"/>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="236"/>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="239"/>
        <source>Up to date at {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="250"/>
        <source>About Casedesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="251"/>
        <source>Casedesk {0}
Social-media policy investigations, from report to discipline.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../app/ui/case_view/new_case.py" line="38"/>
        <source>New case</source>
        <extracomment>the new case&apos;s id</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/new_case.py" line="48"/>
        <source>Create case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/new_case.py" line="66"/>
        <source>Choose the agency the report is about.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/new_case.py" line="80"/>
        <source>Case {0} created.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/new_case.py" line="106"/>
        <source>Discard this report?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/new_case.py" line="107"/>
        <source>The new case has not been created. Discard what you entered?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <location filename="../../app/ui/case_view/timeline.py" line="181"/>
        <source>Notes only</source>
        <extracomment>Changes the timeline names without quoting them: long, or ids rather than words. a note was added: reload the case</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/timeline.py" line="196"/>
        <source>Select an entry to read it in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/timeline.py" line="205"/>
        <source>What happened, who said what, what is next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/timeline.py" line="208"/>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/timeline.py" line="222"/>
        <source>Add a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/timeline.py" line="224"/>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/timeline.py" line="313"/>
        <source>Note added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../app/ui/case_view/inputs.py" line="63"/>
        <source>Not known</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="56"/>
        <source>Save</source>
        <extracomment>the CaseDetail after a successful save the user chose to discard their edits and reload a save ended: whether it succeeded a save was refused as stale: the rest of the view may catch up the version the form&apos;s facts were loaded from</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="58"/>
        <source>Save the intake facts (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="59"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="61"/>
        <source>Throw away your edits and show the saved facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="125"/>
        <source>Case {0} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="145"/>
        <source>Someone else changed this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="146"/>
        <source>{0} changed this case at {1}, after you opened it. Your edits are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="153"/>
        <source>Reload to see their changes (your edits are discarded), or keep editing, e.g. to copy what you typed first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="156"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="158"/>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="172"/>
        <source>Discard your edits?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="173"/>
        <source>Reloading shows the case as it is saved now; what you changed here is discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="179"/>
        <source>Discard and reload</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlatformPicker</name>
    <message>
        <location filename="../../app/ui/case_view/inputs.py" line="118"/>
        <source>Other platforms, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PolicyPanel</name>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="350"/>
        <source>Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="351"/>
        <source>Agency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="352"/>
        <source>Issued by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="353"/>
        <source>Document number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="354"/>
        <source>Effective:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="355"/>
        <source>Provisions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="356"/>
        <source>References:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="367"/>
        <source>not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="369"/>
        <source>not stated in the policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="375"/>
        <source>none listed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvisionModel</name>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="135"/>
        <source>Citation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="135"/>
        <source>Provision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvisionPanel</name>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="392"/>
        <source>Lead-in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="401"/>
        <source>Provision text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="405"/>
        <source>Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="424"/>
        <source>{0} — {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog_view.py" line="427"/>
        <source>Tags: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvisionPicker</name>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="66"/>
        <source>Cite a provision of {0}&apos;s policy</source>
        <extracomment>a ProvisionChoice the provisions arrived</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="73"/>
        <source>Search citations, titles and text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="77"/>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="88"/>
        <source>Select a provision to read it in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="91"/>
        <source>Not one employee in particular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="98"/>
        <source>Optional: what the employee did, in a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="106"/>
        <source>Add allegation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="119"/>
        <source>&amp;Employee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="120"/>
        <source>S&amp;ummary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="192"/>
        <source>Under {0}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../app/ui/case_view/workflow_bar.py" line="74"/>
        <source>Why? The reason is recorded in the case&apos;s timeline and audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/workflow_bar.py" line="105"/>
        <source>Give a reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="293"/>
        <source>Reset password of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="296"/>
        <source>Set a new password for {0} ({1})? Their current password stops working at once and any lock-out is lifted. Give them the new password in person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="304"/>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="306"/>
        <source>At least {0} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="308"/>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="309"/>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="265"/>
        <source>Roles of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="267"/>
        <source>Choose the roles of {0} ({1}); permissions add up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="272"/>
        <source>Roles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="273"/>
        <source>Save roles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubjectPicker</name>
    <message>
        <location filename="../../app/ui/case_view/inputs.py" line="186"/>
        <source>Type a name to find an employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/inputs.py" line="187"/>
        <source>Add subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/inputs.py" line="189"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/inputs.py" line="191"/>
        <source>New employee…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/inputs.py" line="265"/>
        <source>Employee {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="204"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="204"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="204"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../app/ui/users/model.py" line="136"/>
        <source>Disabled</source>
        <extracomment>a value that sorts the column sensibly an :class:`AccountState`</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="139"/>
        <source>Locked until {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="142"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="145"/>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="165"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="166"/>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="167"/>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="168"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="169"/>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../app/ui/users/page.py" line="66"/>
        <source>Filter by user name, name, role or state</source>
        <extracomment>the table shows a fresh list from the database</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="69"/>
        <source>F&amp;ilter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="95"/>
        <source>&amp;Add user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="96"/>
        <source>R&amp;oles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="97"/>
        <location filename="../../app/ui/users/page.py" line="304"/>
        <source>&amp;Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="98"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="100"/>
        <source>Reset &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="130"/>
        <source>You can see the accounts; only an administrator can change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="280"/>
        <source>Saved the account {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="293"/>
        <source>Accounts: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="304"/>
        <source>E&amp;nable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkflowBar</name>
    <message>
        <location filename="../../app/ui/case_view/workflow_bar.py" line="46"/>
        <source>Move the case to {0}</source>
        <extracomment>the Transition clicked</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
