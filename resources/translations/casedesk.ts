<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name></name>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="60"/>
        <source>CaseStatus</source>
        <comment>Intake</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="61"/>
        <source>CaseStatus</source>
        <comment>Investigating</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="62"/>
        <source>CaseStatus</source>
        <comment>Findings</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="63"/>
        <source>CaseStatus</source>
        <comment>Discipline review</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="64"/>
        <source>CaseStatus</source>
        <comment>Closed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="65"/>
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
        <location filename="../../app/ui/errors.py" line="25"/>
        <source>Errors</source>
        <comment>Check your input</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="27"/>
        <source>Errors</source>
        <comment>Not allowed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="29"/>
        <source>Errors</source>
        <comment>Database problem</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="31"/>
        <source>Errors</source>
        <comment>Casedesk</comment>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/errors.py" line="34"/>
        <source>Errors</source>
        <comment>Something unexpected went wrong ({kind}). Your other work is kept; try again, and if it happens again send the log file to your administrator:
{path}</comment>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/errors.py" line="38"/>
        <source>Errors</source>
        <comment>Unexpected error</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="76"/>
        <source>MainWindow</source>
        <comment>Home</comment>
        <extracomment>The smallest size at which every view is usable (smaller only on a smaller screen). None: every signed-in user</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="77"/>
        <source>MainWindow</source>
        <comment>Cases</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="79"/>
        <source>MainWindow</source>
        <comment>Authorizations</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="81"/>
        <source>MainWindow</source>
        <comment>Credential requests</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="84"/>
        <source>MainWindow</source>
        <comment>Dashboard</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="86"/>
        <source>MainWindow</source>
        <comment>Policy catalog</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="88"/>
        <source>MainWindow</source>
        <comment>Audit log</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="90"/>
        <source>MainWindow</source>
        <comment>Settings</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="92"/>
        <source>MainWindow</source>
        <comment>Users</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="31"/>
        <source>Users</source>
        <comment>Administrator</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="32"/>
        <source>Users</source>
        <comment>Investigator</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="33"/>
        <source>Users</source>
        <comment>Supervisor</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="34"/>
        <source>Users</source>
        <comment>HR</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/viewer_tabs.py" line="78"/>
        <source>Full page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/viewer_tabs.py" line="82"/>
        <source>Viewport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/viewer_tabs.py" line="87"/>
        <source>Headers and certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/viewer_tabs.py" line="93"/>
        <source>Capture log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/viewer_tabs.py" line="94"/>
        <source>Offline replay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/inputs.py" line="66"/>
        <source>Inputs</source>
        <comment>{what} {day} is after today ({today}): it cannot be in the future.</comment>
        <extracomment>The property of an error label holding the future-date message it shows, if any.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../app/ui/help/about.py" line="37"/>
        <source>About Casedesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/about.py" line="39"/>
        <source>reading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/about.py" line="40"/>
        <source>&lt;h2&gt;Casedesk {0}&lt;/h2&gt;&lt;p&gt;Social-media policy investigations, from report to discipline.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/about.py" line="45"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/about.py" line="47"/>
        <source>Copy these facts for a support request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/about.py" line="66"/>
        <source> (encrypted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/about.py" line="68"/>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/about.py" line="69"/>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/about.py" line="70"/>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/about.py" line="71"/>
        <source>Database kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/about.py" line="72"/>
        <source>Schema revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/about.py" line="73"/>
        <source>Qt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/about.py" line="74"/>
        <source>PySide6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/about.py" line="75"/>
        <source>Python</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/about.py" line="93"/>
        <source>{0} (this program: {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/about.py" line="98"/>
        <source>unknown ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/about.py" line="104"/>
        <source>The facts about Casedesk were copied.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccessDialog</name>
    <message>
        <location filename="../../app/ui/case_view/access_dialog.py" line="40"/>
        <source>Who may see this case</source>
        <extracomment>the stored :class:`AccessList` the current list and the candidates are shown</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/access_dialog.py" line="43"/>
        <source>&amp;Restricted: only the users ticked below see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/access_dialog.py" line="48"/>
        <source>You and the assigned investigator always stay on the list. Users of other agencies, and the case&apos;s subjects, never see it. Each change is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/access_dialog.py" line="88"/>
        <source>{0} (you, always)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountDialog</name>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="202"/>
        <source>The two passwords differ; type the same one twice.</source>
        <extracomment>the service&apos;s UserInfo, once the change is stored the message line of each field, by key</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddAuthorizationDialog</name>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="121"/>
        <source>New authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="124"/>
        <source>Log a written authorization under MA DYS Policy 01.05.22: B.2 for using social media to supervise youth, B.3 for an investigation (confidential).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="143"/>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="244"/>
        <source>The account&apos;s name or handle, e.g. @dys.watch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="146"/>
        <source>The youth&apos;s case the supervision concerns</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="151"/>
        <source>The account will not be used to chat, friend or otherwise communicate with any youth (B.2.a)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="156"/>
        <source>No false name or identity; the site&apos;s rules are followed (B.2.b)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="164"/>
        <source>The site shows users who viewed them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="166"/>
        <source>Privacy settings are enabled (B.2.d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="171"/>
        <source>Communication with youth is approved for this investigation (B.3.c)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="176"/>
        <source>Anything the written authorization adds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="178"/>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="179"/>
        <source>A&amp;gency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="180"/>
        <source>&amp;Employee authorized:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="181"/>
        <source>&amp;Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="183"/>
        <source>&amp;Supervisor who granted it:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="186"/>
        <source>&amp;Written authorization dated:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="188"/>
        <source>&amp;Platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="189"/>
        <source>A&amp;ccount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="190"/>
        <source>&amp;Youth case:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="191"/>
        <source>C&amp;ase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="192"/>
        <source>Attestations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="193"/>
        <source>Privacy:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="194"/>
        <source>Youth contact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="195"/>
        <source>S&amp;tarts on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="196"/>
        <source>E&amp;nds on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="197"/>
        <source>N&amp;otes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="198"/>
        <source>Log authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="210"/>
        <source>No Massachusetts agency is on file: authorizations are logged under MA DYS Policy 01.05.22.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="215"/>
        <source>Choose the supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="220"/>
        <source>No related case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="222"/>
        <source>Choose the investigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="242"/>
        <source>Related c&amp;ase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="242"/>
        <source>Investig&amp;ation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="246"/>
        <source>The investigation profile created</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddEmployeeDialog</name>
    <message>
        <location filename="../../app/ui/case_view/employee_dialog.py" line="37"/>
        <source>New employee of {0}</source>
        <extracomment>the EmployeeInfo recorded</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/employee_dialog.py" line="51"/>
        <source>Full &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/employee_dialog.py" line="52"/>
        <source>&amp;Position:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/employee_dialog.py" line="53"/>
        <source>&amp;Division / unit:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/employee_dialog.py" line="54"/>
        <source>Employee n&amp;umber:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/employee_dialog.py" line="59"/>
        <source>Add employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/employee_dialog.py" line="62"/>
        <source>The employee is added to the agency&apos;s staff list.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="235"/>
        <location filename="../../app/ui/users/dialogs.py" line="273"/>
        <source>Add user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="245"/>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="247"/>
        <source>Letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;; starts with a letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="250"/>
        <source>&amp;Full name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="251"/>
        <source>Roles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="258"/>
        <source>A&amp;gencies:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="260"/>
        <source>The user sees the cases of these agencies only; with none, no case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="264"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="267"/>
        <source>At least {0} characters, hard to guess (several uncommon words), without the user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="272"/>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgenciesDialog</name>
    <message>
        <location filename="../../app/ui/users/agencies.py" line="67"/>
        <source>Agencies of {0}</source>
        <extracomment>Checkboxes per row, so the form fits a small screen. the boxes are on screen</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/agencies.py" line="69"/>
        <source>{0} ({1}) sees the cases, employees and records of the agencies ticked, as their roles allow; with none, no case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/agencies.py" line="74"/>
        <source>The upgrade gave them the agencies of the cases they worked on; check them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/agencies.py" line="79"/>
        <source>Agencies:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/agencies.py" line="80"/>
        <source>Save agencies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AgencyForm</name>
    <message>
        <location filename="../../app/ui/authorizations/forms.py" line="366"/>
        <source>The account&apos;s name or handle</source>
        <extracomment>the agencies, staff and cases are in the pickers</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/forms.py" line="412"/>
        <source>Choose the employee</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AllegationModel</name>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="88"/>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="96"/>
        <source>Citation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="96"/>
        <source>Provision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="96"/>
        <source>Employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="97"/>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AllegationsTab</name>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="71"/>
        <source>Add allegation…</source>
        <extracomment>an allegation or finding was recorded: reload the case Findings being written for allegations not shown now: (finding, reasoning) by id.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="74"/>
        <location filename="../../app/ui/case_view/allegations.py" line="347"/>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="76"/>
        <source>Withdraw an allegation that has no finding yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="82"/>
        <source>Select an allegation to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="90"/>
        <source>Why: the evidence and how it meets the rule.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="93"/>
        <source>Record finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="108"/>
        <source>Finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="110"/>
        <source>&amp;Finding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="111"/>
        <source>&amp;Reasoning:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="180"/>
        <source>Policy version: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="187"/>
        <source>Employee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="190"/>
        <source>Summary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="237"/>
        <source>the finding on {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="238"/>
        <source>Finding: {0}

Reasoning:
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="255"/>
        <source>This case no longer has the allegation the finding was written for.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="261"/>
        <source>Another finding is being written on {0}: record or discard it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="340"/>
        <source>Withdraw allegation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="341"/>
        <source>Withdraw the allegation under {0}? The withdrawal is recorded in the case&apos;s timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/allegations.py" line="391"/>
        <source>Finding recorded on {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AmendDialog</name>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="71"/>
        <source>Amend details of evidence {0}</source>
        <extracomment>the EvidenceInfo after the correction</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="73"/>
        <source>Correct what was recorded about {0}. The earlier values stay in the item&apos;s history and its chain of custody.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="90"/>
        <source>Known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="134"/>
        <source>Why the details are corrected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="143"/>
        <source>Source &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="144"/>
        <source>&amp;No URL because:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="145"/>
        <source>&amp;Platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="146"/>
        <source>&amp;Account shown:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="147"/>
        <source>Capture &amp;time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="148"/>
        <source>Captured &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="149"/>
        <source>&amp;How obtained:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="150"/>
        <source>Obtained &amp;under:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="151"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="160"/>
        <source>&amp;Save correction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="234"/>
        <source>Nothing is changed: correct a field first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="236"/>
        <source>Say why the details are corrected.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <location filename="../../app/ui/app.py" line="156"/>
        <source>The passphrase does not open this database; check it and try again.</source>
        <extracomment>The idle lock, the idle time&apos;s read and the day&apos;s checkpoint start when Home shows its data, or this long (milliseconds) after sign-in if it has not by then. Set to ``1``, the window quits once the login dialog is on screen and the database is open (status 0), or once the database failed to open (status 1). The installed package&apos;s smoke test (packaging/smoke-test.sh) starts it so. made once the window&apos;s modules are imported the idle time&apos;s read and the day&apos;s checkpoint the application was told to end with this status Wakes the event loop for SIGTERM&apos;s handler (:func:`end_on_signal`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/app.py" line="160"/>
        <source>The database is encrypted: enter its passphrase to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/app.py" line="173"/>
        <source>No database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/app.py" line="174"/>
        <source>Casedesk found no database to open.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLogModel</name>
    <message>
        <location filename="../../app/ui/audit_log/model.py" line="50"/>
        <source>No.</source>
        <extracomment>``request(filter, before, deliver)``: fetch a page in the background, then ``deliver(page)``. a page arrived (the first one after a new filter, or one more)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/model.py" line="50"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/model.py" line="50"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/model.py" line="50"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/model.py" line="51"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/model.py" line="51"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/model.py" line="131"/>
        <source>Stored in UTC as {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditLogPage</name>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="71"/>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="72"/>
        <source>Every action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="74"/>
        <source>An action, or the start of one: &apos;evidence&apos; shows every evidence action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="78"/>
        <source>Case number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="81"/>
        <source>Between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="85"/>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="87"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="96"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="96"/>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="96"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="109"/>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="140"/>
        <source>Choose an event to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="150"/>
        <source>&amp;Verify chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="153"/>
        <source>Recompute every event&apos;s hash and check it against the signed checkpoints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="156"/>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="158"/>
        <source>Save the events the filters show as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="238"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/audit_log/page.py" line="255"/>
        <source>%n event(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="256"/>
        <source>{0:,} of {1:,} events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="294"/>
        <source>Event {0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="295"/>
        <source>When: {0} (UTC {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="297"/>
        <source>Who: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="298"/>
        <source>Record: {0} {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="299"/>
        <source>Case: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="299"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="300"/>
        <source>Hash: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="301"/>
        <source>Follows: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="305"/>
        <source>Details: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="307"/>
        <source>Details:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="327"/>
        <source>Verifying…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="338"/>
        <source>Verifying the audit chain…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="345"/>
        <source>Verification cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="350"/>
        <source>The chain is intact: {0:,} events checked, {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="355"/>
        <source>The checkpoint file&apos;s checkpoints are signed by {0}, which this workstation knows only from the database: they anchor nothing on their own. If it is an earlier workstation&apos;s key, an administrator can trust it here (&apos;casedesk audit key trust&apos;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="367"/>
        <source>The chain is intact ({0:,} events checked), but 1 record no longer holds what the log recorded for it: changed outside Casedesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="370"/>
        <source>The chain is intact ({0:,} events checked), but {1} records no longer hold what the log recorded for them: changed outside Casedesk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="380"/>
        <source>… and {0:,} more (&apos;casedesk audit verify --json&apos; lists all).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="386"/>
        <source>first bad event {0}: </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="387"/>
        <source>The audit log fails verification: {0}{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="420"/>
        <source>Export the audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="421"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/audit_log/page.py" line="439"/>
        <source>Exporting the audit log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/audit_log/page.py" line="445"/>
        <source>%n event(s) exported to {0}.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>AuthorizationDetails</name>
    <message>
        <location filename="../../build/translations/module_strings.py" line="4"/>
        <source>Yes</source>
        <extracomment>app/ui/authorizations/details.py:55</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="6"/>
        <source>No</source>
        <extracomment>app/ui/authorizations/details.py:55</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="8"/>
        <source>Authorization {0}</source>
        <extracomment>app/ui/authorizations/details.py:62</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="10"/>
        <source>Confidential (MA-DYS-01.05.22 B.3.a): every view is recorded in the audit log.</source>
        <extracomment>app/ui/authorizations/details.py:65</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="12"/>
        <source>Review meeting overdue by {0}: it was due on {1} (MA-DYS-01.05.22 B.3.b).</source>
        <extracomment>app/ui/authorizations/details.py:72</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="14"/>
        <source>day</source>
        <extracomment>app/ui/authorizations/details.py:74</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="16"/>
        <source>days</source>
        <extracomment>app/ui/authorizations/details.py:74</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="18"/>
        <source>State</source>
        <extracomment>app/ui/authorizations/details.py:79</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="20"/>
        <location filename="../../build/translations/module_strings.py" line="74"/>
        <source>Agency</source>
        <extracomment>app/ui/authorizations/details.py:80
----------
app/ui/authorizations/details.py:153</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="22"/>
        <source>Employee authorized</source>
        <extracomment>app/ui/authorizations/details.py:81</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="24"/>
        <source>Role</source>
        <extracomment>app/ui/authorizations/details.py:82</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="26"/>
        <source>Authorized in writing by</source>
        <extracomment>app/ui/authorizations/details.py:83</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="28"/>
        <source>Written authorization dated</source>
        <extracomment>app/ui/authorizations/details.py:84</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="30"/>
        <location filename="../../build/translations/module_strings.py" line="82"/>
        <source>Platform</source>
        <extracomment>app/ui/authorizations/details.py:85
----------
app/ui/authorizations/details.py:156</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="32"/>
        <location filename="../../build/translations/module_strings.py" line="84"/>
        <location filename="../../build/translations/module_strings.py" line="90"/>
        <source>Account</source>
        <extracomment>app/ui/authorizations/details.py:86
----------
app/ui/authorizations/details.py:157
----------
app/ui/authorizations/details.py:160</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="34"/>
        <source>Youth case</source>
        <extracomment>app/ui/authorizations/details.py:87</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="36"/>
        <location filename="../../build/translations/module_strings.py" line="76"/>
        <source>Case</source>
        <extracomment>app/ui/authorizations/details.py:88
----------
app/ui/authorizations/details.py:154</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="38"/>
        <source>Period</source>
        <extracomment>app/ui/authorizations/details.py:89</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="40"/>
        <source>No contact with youth (B.2.a)</source>
        <extracomment>app/ui/authorizations/details.py:93</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="42"/>
        <source>True identity (B.2.b)</source>
        <extracomment>app/ui/authorizations/details.py:94</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="44"/>
        <source>Site shows viewers</source>
        <extracomment>app/ui/authorizations/details.py:95</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="46"/>
        <source>Privacy settings enabled (B.2.d)</source>
        <extracomment>app/ui/authorizations/details.py:96</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="48"/>
        <source>Communication with youth approved (B.3.c)</source>
        <extracomment>app/ui/authorizations/details.py:100</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="50"/>
        <source>Next review due</source>
        <extracomment>app/ui/authorizations/details.py:104</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="52"/>
        <location filename="../../build/translations/module_strings.py" line="78"/>
        <source>none</source>
        <extracomment>app/ui/authorizations/details.py:105
----------
app/ui/authorizations/details.py:154</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="54"/>
        <source>Revoked from</source>
        <extracomment>app/ui/authorizations/details.py:107</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="56"/>
        <source>Reason</source>
        <extracomment>app/ui/authorizations/details.py:108</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="58"/>
        <source>Logged by</source>
        <extracomment>app/ui/authorizations/details.py:109</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="60"/>
        <source>Notes</source>
        <extracomment>app/ui/authorizations/details.py:113</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="62"/>
        <source>Review meetings (B.3.b)</source>
        <extracomment>app/ui/authorizations/details.py:117</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="64"/>
        <source>No review meeting recorded yet.</source>
        <extracomment>app/ui/authorizations/details.py:119</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="66"/>
        <source>Inadvertent receipt {0}</source>
        <extracomment>app/ui/authorizations/details.py:129</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="68"/>
        <source>Credential request {0}</source>
        <extracomment>app/ui/authorizations/details.py:131</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="70"/>
        <source>AR-DHS II(H); Ark. Code Ann. § 11-2-124: these credentials were received inadvertently and may not be used to access the account.</source>
        <extracomment>app/ui/authorizations/details.py:137</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="72"/>
        <source>Not a personal account ({0}): recorded as the exclusion; no credential request applies.</source>
        <extracomment>app/ui/authorizations/details.py:144</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="80"/>
        <source>Employee</source>
        <extracomment>app/ui/authorizations/details.py:155</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="86"/>
        <source>Investigating office</source>
        <extracomment>app/ui/authorizations/details.py:158</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="88"/>
        <source>Suspected violation</source>
        <extracomment>app/ui/authorizations/details.py:159</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="92"/>
        <source>Received through</source>
        <extracomment>app/ui/authorizations/details.py:162</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="94"/>
        <source>Received on</source>
        <extracomment>app/ui/authorizations/details.py:164</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="96"/>
        <source>Requested by</source>
        <extracomment>app/ui/authorizations/details.py:165</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="98"/>
        <source>Recorded by</source>
        <extracomment>app/ui/authorizations/details.py:166</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="100"/>
        <source>Approved by</source>
        <extracomment>app/ui/authorizations/details.py:170</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="102"/>
        <source>Denied by</source>
        <extracomment>app/ui/authorizations/details.py:172</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="104"/>
        <source>Decision note</source>
        <extracomment>app/ui/authorizations/details.py:175</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="106"/>
        <source>Credentials provided</source>
        <extracomment>app/ui/authorizations/details.py:178</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="108"/>
        <source>by {0} to {1}, {2}</source>
        <extracomment>app/ui/authorizations/details.py:179</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="110"/>
        <source>Ended</source>
        <extracomment>app/ui/authorizations/details.py:183</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="112"/>
        <source>Justification (reasonable belief, AR-DHS II(G))</source>
        <extracomment>app/ui/authorizations/details.py:187</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="114"/>
        <source>Description</source>
        <extracomment>app/ui/authorizations/details.py:191</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="116"/>
        <source>No password is ever stored: the record says only that credentials were provided, by whom, to whom and when.</source>
        <extracomment>app/ui/authorizations/details.py:194</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="118"/>
        <source>Uses of the credentials</source>
        <extracomment>app/ui/authorizations/details.py:203</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="120"/>
        <source>No use recorded.</source>
        <extracomment>app/ui/authorizations/details.py:203</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuthorizationLabels</name>
    <message>
        <location filename="../../build/translations/module_strings.py" line="122"/>
        <source>Active</source>
        <extracomment>app/ui/authorizations/labels.py:53</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="124"/>
        <source>Not yet started</source>
        <extracomment>app/ui/authorizations/labels.py:54</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="126"/>
        <source>Ended</source>
        <extracomment>app/ui/authorizations/labels.py:55</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="128"/>
        <source>Revoked</source>
        <extracomment>app/ui/authorizations/labels.py:56</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="130"/>
        <source>Supervision (B.2)</source>
        <extracomment>app/ui/authorizations/labels.py:62</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="132"/>
        <source>Investigation (B.3)</source>
        <extracomment>app/ui/authorizations/labels.py:63</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="134"/>
        <source>Caseworker</source>
        <extracomment>app/ui/authorizations/labels.py:69</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="136"/>
        <location filename="../../build/translations/module_strings.py" line="152"/>
        <source>Apprehension officer</source>
        <extracomment>app/ui/authorizations/labels.py:70
----------
app/ui/authorizations/labels.py:83</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="138"/>
        <source>Clinical director</source>
        <extracomment>app/ui/authorizations/labels.py:71</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="140"/>
        <source>Program director</source>
        <extracomment>app/ui/authorizations/labels.py:72</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="142"/>
        <source>Assistant program director</source>
        <extracomment>app/ui/authorizations/labels.py:73</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="144"/>
        <source>District manager</source>
        <extracomment>app/ui/authorizations/labels.py:74</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="146"/>
        <location filename="../../build/translations/module_strings.py" line="156"/>
        <source>Other</source>
        <extracomment>app/ui/authorizations/labels.py:75
----------
app/ui/authorizations/labels.py:85</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="148"/>
        <source>Legal Unit</source>
        <extracomment>app/ui/authorizations/labels.py:81</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="150"/>
        <source>Investigation Unit</source>
        <extracomment>app/ui/authorizations/labels.py:82</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="154"/>
        <source>Designee of the Legal or Investigation Unit</source>
        <extracomment>app/ui/authorizations/labels.py:84</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="158"/>
        <source>Pending approval</source>
        <extracomment>app/ui/authorizations/labels.py:101</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="160"/>
        <source>Approved</source>
        <extracomment>app/ui/authorizations/labels.py:102</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="162"/>
        <source>Denied</source>
        <extracomment>app/ui/authorizations/labels.py:103</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="164"/>
        <source>Ended (case closed)</source>
        <extracomment>app/ui/authorizations/labels.py:104</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="166"/>
        <source>Excluded account</source>
        <extracomment>app/ui/authorizations/labels.py:105</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="168"/>
        <source>Received inadvertently</source>
        <extracomment>app/ui/authorizations/labels.py:106</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="170"/>
        <source>Federal law</source>
        <extracomment>app/ui/authorizations/labels.py:112</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="172"/>
        <source>State law</source>
        <extracomment>app/ui/authorizations/labels.py:113</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="174"/>
        <source>Local law</source>
        <extracomment>app/ui/authorizations/labels.py:114</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="176"/>
        <source>Regulation</source>
        <extracomment>app/ui/authorizations/labels.py:115</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="178"/>
        <source>Agency policy</source>
        <extracomment>app/ui/authorizations/labels.py:116</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="180"/>
        <source>A personal account of the employee</source>
        <extracomment>app/ui/authorizations/labels.py:122</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="182"/>
        <source>Opened by the employee at the agency&apos;s request (I(A))</source>
        <extracomment>app/ui/authorizations/labels.py:123</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="184"/>
        <source>Provided to the employee by the agency (I(B))</source>
        <extracomment>app/ui/authorizations/labels.py:126</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="186"/>
        <source>Set up by the employee on the agency&apos;s behalf (I(C))</source>
        <extracomment>app/ui/authorizations/labels.py:129</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="188"/>
        <source>Set up to impersonate the agency (I(D))</source>
        <extracomment>app/ui/authorizations/labels.py:132</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="190"/>
        <source>An agency-provided device</source>
        <extracomment>app/ui/authorizations/labels.py:138</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="192"/>
        <source>Agency network monitoring</source>
        <extracomment>app/ui/authorizations/labels.py:139</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="194"/>
        <source>{0}: {1}</source>
        <extracomment>app/ui/authorizations/labels.py:162</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="196"/>
        <source>from {0}</source>
        <extracomment>app/ui/authorizations/labels.py:172</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuthorizationLogDialog</name>
    <message>
        <location filename="../../app/ui/authorizations/authorization_log_dialog.py" line="68"/>
        <source>Authorization log report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_log_dialog.py" line="89"/>
        <source>&amp;Agency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_log_dialog.py" line="90"/>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_log_dialog.py" line="91"/>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_log_dialog.py" line="97"/>
        <source>Supervision and investigation authorizations (MA DYS 01.05.22 B.2, B.3) and credential requests with their uses (AR-DHS II(G)) in force during the period, both days included. The report is recorded with its SHA-256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_log_dialog.py" line="106"/>
        <source>Confidential entries your role may not see are left out, and the report says so.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_log_dialog.py" line="146"/>
        <source>The first day is after today ({0}); the log covers days up to today.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_log_dialog.py" line="150"/>
        <source>The last day is after today ({0}); choose today or an earlier day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_log_dialog.py" line="154"/>
        <source>The last day is before the first day ({0}); choose a day on or after it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_log_dialog.py" line="167"/>
        <source>Choose the agency whose log you want.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_log_dialog.py" line="186"/>
        <source>Generating the authorization log of {0}, {1} to {2}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuthorizationModel</name>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="122"/>
        <source>No.</source>
        <extracomment>a value that sorts the column sensibly the records&apos; class; other rows show nothing bool: a review meeting is overdue an :class:`AuthorizationState`</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="123"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="124"/>
        <source>Employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="125"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="126"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="127"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="128"/>
        <source>Review (B.3.b)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="129"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="130"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="131"/>
        <source>Authorized by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="132"/>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="144"/>
        <source>day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="144"/>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="145"/>
        <source>OVERDUE by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="147"/>
        <source>No review due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="148"/>
        <source>Due {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="177"/>
        <source>{0} (revoked from {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="214"/>
        <source>MA-DYS-01.05.22 B.3.b: the periodic review meeting with the supervisor was due on {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuthorizationsPage</name>
    <message>
        <location filename="../../app/ui/authorizations/authorizations_page.py" line="56"/>
        <source>Employee, supervisor, account, case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorizations_page.py" line="60"/>
        <source>All kinds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorizations_page.py" line="70"/>
        <location filename="../../app/ui/authorizations/authorizations_page.py" line="165"/>
        <source>All agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorizations_page.py" line="73"/>
        <source>Any state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorizations_page.py" line="76"/>
        <source>&amp;Overdue reviews only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorizations_page.py" line="93"/>
        <source>&amp;New authorization…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorizations_page.py" line="96"/>
        <source>Record re&amp;view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorizations_page.py" line="98"/>
        <source>Re&amp;voke…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorizations_page.py" line="105"/>
        <source>You can see the authorizations; supervisors log, review and revoke them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorizations_page.py" line="112"/>
        <source>Authorization &amp;log report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorizations_page.py" line="155"/>
        <source>review overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorizations_page.py" line="155"/>
        <source>reviews overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorizations_page.py" line="210"/>
        <source>Already revoked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorizations_page.py" line="219"/>
        <source>Review meetings are recorded for active investigation authorizations (MA-DYS-01.05.22 B.3.b).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorizations_page.py" line="273"/>
        <source>Saved authorization {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackgroundTasks</name>
    <message>
        <location filename="../../app/ui/tasks.py" line="219"/>
        <source>Cancel</source>
        <extracomment>a _Job whose result or error is set TaskControl, done, total, text kept here so the last reference to the work is the main thread&apos;s an unhandled task failure, for the error reporter</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tasks.py" line="221"/>
        <source>Casedesk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BundleResultDialog</name>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="189"/>
        <source>Evidence bundle written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="196"/>
        <source>{items} items, {redacted} with a redacted rendering; {size}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="204"/>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="211"/>
        <source>Give the SHA-256 to the recipient with the file, so they can check it; the export is recorded in each item&apos;s custody.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="217"/>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="218"/>
        <source>Contents:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="219"/>
        <source>SHA-256:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="224"/>
        <source>Also in the bundle&apos;s manifest.json</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="226"/>
        <source>Audit log:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaptureDialog</name>
    <message>
        <location filename="../../app/ui/evidence/capture.py" line="59"/>
        <source>Capture screen</source>
        <extracomment>A region smaller than this (in screen pixels) is taken as a click, not a drag.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/capture.py" line="60"/>
        <source>&amp;Full screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/capture.py" line="62"/>
        <source>A &amp;region I draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/capture.py" line="71"/>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/capture.py" line="74"/>
        <source>Casedesk hides itself, counts down, and takes the picture. Arrange the page you want to capture behind this window first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/capture.py" line="81"/>
        <source>&amp;Wait before capturing:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/capture.py" line="86"/>
        <source>&amp;Capture</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaptureWindow</name>
    <message>
        <location filename="../../app/ui/capture/window.py" line="79"/>
        <source>Capture from the web · {0}</source>
        <extracomment>The ways a web capture can be obtained (a reporter&apos;s file is not a capture). the stored item (EvidenceInfo)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="97"/>
        <source>Address of the post, e.g. https://…</source>
        <extracomment>The details as recorded (empty at first): what differs is the user&apos;s work.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="99"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="100"/>
        <source>Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="101"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="102"/>
        <source>Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="129"/>
        <source>The account&apos;s privacy settings hide me as a viewer (MA DYS 01.05.22 B.2.d)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="135"/>
        <source>&amp;Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="143"/>
        <source>&amp;Platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="144"/>
        <source>&amp;Account shown:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="145"/>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="146"/>
        <source>&amp;How obtained:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="147"/>
        <source>Under:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="157"/>
        <source>Visited in this window:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="229"/>
        <source>Browsing in the profile of the authorized account of authorization {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="232"/>
        <source>Browsing in a private profile: nothing is kept after the window closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="263"/>
        <source>Certificate error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="264"/>
        <source>The site&apos;s certificate could not be verified:
{0}

{1}

Continue to the page anyway? If you capture it, your choice is recorded with the capture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="285"/>
        <source>Capturing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="291"/>
        <source>Storing the capture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="306"/>
        <source>the details typed in the capture browser of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="317"/>
        <source>Platform</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="317"/>
        <source>Account shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="317"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="326"/>
        <source>Captured as evidence item {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="328"/>
        <source>Captured as evidence item {0} (SHA-256 {1}…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/capture/window.py" line="336"/>
        <source>Nothing was stored.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseAuthorizationsTab</name>
    <message>
        <location filename="../../app/ui/authorizations/case_tab.py" line="78"/>
        <source>No authorization is logged for this case.</source>
        <extracomment>both lists show a fresh copy from the database</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/case_tab.py" line="80"/>
        <source>No credential request or receipt is recorded for this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/case_tab.py" line="84"/>
        <source>Select a row to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/case_tab.py" line="91"/>
        <source>Social-media authorizations (MA-DYS-01.05.22 B.2, B.3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/case_tab.py" line="95"/>
        <source>Credential requests (AR-DHS II(G), Ark. Code Ann. § 11-2-124)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/case_tab.py" line="115"/>
        <location filename="../../app/ui/authorizations/case_tab.py" line="241"/>
        <source>Authori&amp;zations</source>
        <extracomment>the case agency&apos;s state, once known</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/case_tab.py" line="208"/>
        <source>{0} of this case overdue for the periodic review meeting (MA-DYS-01.05.22 B.3.b).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/case_tab.py" line="210"/>
        <source>investigation authorization</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/case_tab.py" line="211"/>
        <source>investigation authorizations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/case_tab.py" line="241"/>
        <source>Authori&amp;zations ({0})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseFilterBar</name>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="75"/>
        <source>Search number, title, narrative, notes (2 letters or more)…</source>
        <extracomment>Every status but Closed: what is still being worked on. the query changed (search text after a short pause) Keys typed less than this many milliseconds apart (a burst) wait for a pause this long before the search runs; a key after a longer gap searches at once. Tuned against the keystroke-to-painted-list benchmark (``benchmarks/case_list_typing.py``). Search text shorter than this does not search: one letter matches most cases. the count under way the filters of the last count asked for the count of ``_counted`` arrived and is shown the user asked to count this exactly</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="79"/>
        <source>Cases whose number starts with, or whose words begin with, what you type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="89"/>
        <source>Show cases in this status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="102"/>
        <source>Show cases of this agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="103"/>
        <source>All agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="112"/>
        <source>Show cases assigned to this investigator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="113"/>
        <source>All investigators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="120"/>
        <source>Reported between</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="122"/>
        <source>First day reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="123"/>
        <source>Last day reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="124"/>
        <source>and</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="125"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="127"/>
        <source>Show all cases again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="128"/>
        <source>Sa&amp;ve search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="131"/>
        <source>Keep these filters under a name; Home lists your saved searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="253"/>
        <source>more than %1 cases</source>
        <extracomment>since the search text last changed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="254"/>
        <source>count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="256"/>
        <source>Click “count” to count every matching case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="260"/>
        <source>1 case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="262"/>
        <source>%1 cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="266"/>
        <source>Type one more letter to search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="270"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="270"/>
        <source>Open (not closed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="304"/>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="408"/>
        <source>Save search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="409"/>
        <source>Name (a saved search of the same name is replaced):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/filter_bar.py" line="418"/>
        <source>Search saved as “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <location filename="../../app/ui/case_view/form.py" line="113"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form.py" line="273"/>
        <source>(confidential)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form.py" line="312"/>
        <source>Date reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form.py" line="313"/>
        <source>Conduct date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form.py" line="314"/>
        <source>Conduct end date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form.py" line="335"/>
        <source>Choose the agency first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseFormInputs</name>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="69"/>
        <source>Choose the agency</source>
        <extracomment>The message line of each input; :class:`CaseForm` hides them as inputs are edited.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="74"/>
        <source>What was reported, in a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="83"/>
        <source>Phone, e-mail or office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="84"/>
        <source>Keep the reporter&apos;s identity confidential</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="87"/>
        <source>Show &amp;reporter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="90"/>
        <source>Show the confidential reporter&apos;s identity; the view is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="103"/>
        <source>Clients, youth or consumers are involved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="109"/>
        <source>Unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="114"/>
        <source>What was seen: where, when, what the post or message showed, and who saw it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="140"/>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="142"/>
        <source>A&amp;gency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="143"/>
        <source>&amp;Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="144"/>
        <source>Date &amp;reported:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="146"/>
        <source>Reported t&amp;hrough:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="147"/>
        <source>Reporter &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="148"/>
        <source>Reporter c&amp;ontact:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="152"/>
        <source>Conduct</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="154"/>
        <source>Conduct &amp;from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="155"/>
        <source>Conduct t&amp;o:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="156"/>
        <source>&amp;Platforms:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="157"/>
        <source>&amp;Duty status:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="158"/>
        <source>E&amp;quipment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="159"/>
        <source>Acc&amp;ount:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="162"/>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="164"/>
        <source>&amp;Subject employees:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="165"/>
        <source>&amp;Investigator:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/form_inputs.py" line="167"/>
        <source>What was seen</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseLabels</name>
    <message>
        <location filename="../../build/translations/module_strings.py" line="506"/>
        <source>Intake</source>
        <extracomment>app/ui/case_view/labels.py:25</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="508"/>
        <source>Investigating</source>
        <extracomment>app/ui/case_view/labels.py:26</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="510"/>
        <source>Findings</source>
        <extracomment>app/ui/case_view/labels.py:27</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="512"/>
        <source>Discipline review</source>
        <extracomment>app/ui/case_view/labels.py:28</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="514"/>
        <source>Closed</source>
        <extracomment>app/ui/case_view/labels.py:29</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="516"/>
        <source>Reopened</source>
        <extracomment>app/ui/case_view/labels.py:30</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="518"/>
        <source>Supervisor</source>
        <extracomment>app/ui/case_view/labels.py:36</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="520"/>
        <source>Human Resources</source>
        <extracomment>app/ui/case_view/labels.py:37</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="522"/>
        <source>Employee Relations</source>
        <extracomment>app/ui/case_view/labels.py:38</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="524"/>
        <source>Coworker</source>
        <extracomment>app/ui/case_view/labels.py:39</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="526"/>
        <source>Member of the public</source>
        <extracomment>app/ui/case_view/labels.py:40</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="528"/>
        <source>Hotline</source>
        <extracomment>app/ui/case_view/labels.py:41</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="530"/>
        <source>Monitoring</source>
        <extracomment>app/ui/case_view/labels.py:42</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="532"/>
        <source>Other</source>
        <extracomment>app/ui/case_view/labels.py:43</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="534"/>
        <source>On duty</source>
        <extracomment>app/ui/case_view/labels.py:49</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="536"/>
        <source>Off duty</source>
        <extracomment>app/ui/case_view/labels.py:50</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="538"/>
        <location filename="../../build/translations/module_strings.py" line="544"/>
        <location filename="../../build/translations/module_strings.py" line="550"/>
        <source>Not known</source>
        <extracomment>app/ui/case_view/labels.py:51
----------
app/ui/case_view/labels.py:59
----------
app/ui/case_view/labels.py:67</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="540"/>
        <source>Agency equipment (state or city)</source>
        <extracomment>app/ui/case_view/labels.py:57</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="542"/>
        <source>Personal device</source>
        <extracomment>app/ui/case_view/labels.py:58</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="546"/>
        <source>Personal account</source>
        <extracomment>app/ui/case_view/labels.py:65</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="548"/>
        <source>Official account</source>
        <extracomment>app/ui/case_view/labels.py:66</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="552"/>
        <source>Pending</source>
        <extracomment>app/ui/case_view/labels.py:73</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="554"/>
        <source>Substantiated</source>
        <extracomment>app/ui/case_view/labels.py:74</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="556"/>
        <source>Not substantiated</source>
        <extracomment>app/ui/case_view/labels.py:75</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="558"/>
        <source>Unfounded</source>
        <extracomment>app/ui/case_view/labels.py:76</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="560"/>
        <source>Exonerated</source>
        <extracomment>app/ui/case_view/labels.py:77</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="562"/>
        <source>Note</source>
        <extracomment>app/ui/case_view/labels.py:83</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="564"/>
        <source>Interview</source>
        <extracomment>app/ui/case_view/labels.py:84</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="566"/>
        <source>Witness statement</source>
        <extracomment>app/ui/case_view/labels.py:85</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="568"/>
        <source>Contact</source>
        <extracomment>app/ui/case_view/labels.py:86</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="570"/>
        <source>Title</source>
        <extracomment>app/ui/case_view/labels.py:93</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="572"/>
        <source>Date reported</source>
        <extracomment>app/ui/case_view/labels.py:94</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="574"/>
        <source>Reported through</source>
        <extracomment>app/ui/case_view/labels.py:95</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="576"/>
        <source>Conduct from</source>
        <extracomment>app/ui/case_view/labels.py:96</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="578"/>
        <source>Conduct to</source>
        <extracomment>app/ui/case_view/labels.py:97</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="580"/>
        <source>Reporter name</source>
        <extracomment>app/ui/case_view/labels.py:98</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="582"/>
        <source>Reporter contact</source>
        <extracomment>app/ui/case_view/labels.py:99</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="584"/>
        <source>Confidential reporter</source>
        <extracomment>app/ui/case_view/labels.py:100</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="586"/>
        <source>Platforms</source>
        <extracomment>app/ui/case_view/labels.py:101</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="588"/>
        <source>Duty status</source>
        <extracomment>app/ui/case_view/labels.py:102</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="590"/>
        <source>Equipment</source>
        <extracomment>app/ui/case_view/labels.py:103</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="592"/>
        <source>Account</source>
        <extracomment>app/ui/case_view/labels.py:104</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="594"/>
        <source>Clients involved</source>
        <extracomment>app/ui/case_view/labels.py:105</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="596"/>
        <source>Narrative</source>
        <extracomment>app/ui/case_view/labels.py:106</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="598"/>
        <source>Subject employees</source>
        <extracomment>app/ui/case_view/labels.py:107</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="600"/>
        <source>Investigator</source>
        <extracomment>app/ui/case_view/labels.py:108</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <location filename="../../app/ui/case_list/view.py" line="82"/>
        <source>Case &amp;summary report…</source>
        <extracomment>Text as wide as each column&apos;s widest usual value, for the first layout. the user opened a case (its id) the selected case, kept across a reload the model reset since the last reload announcement count once the table has painted the new rows</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/view.py" line="85"/>
        <source>One PDF with a page for each selected case (Ctrl+click or Shift+click to select several)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/view.py" line="230"/>
        <source>Select the cases for the summary in the list first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseSummaryDialog</name>
    <message>
        <location filename="../../app/ui/case_list/summary_dialog.py" line="34"/>
        <source>Case summary report</source>
        <extracomment>Rows of the case list shown before it scrolls.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/summary_dialog.py" line="49"/>
        <source>Cases ({0}):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/summary_dialog.py" line="51"/>
        <source>One page per case, in the order of the list: status, employees, allegations with their findings, discipline and evidence count. The report is recorded with its SHA-256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/summary_dialog.py" line="69"/>
        <source>Generating the case summary…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTableModel</name>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="127"/>
        <source>Number</source>
        <extracomment>A query&apos;s first page arrived: ``same_query`` is true for a refresh, where row positions still mean something. More rows arrived (the first of them and how many). the case id (int) the raw value of the cell the CaseStatus of the row the whole CaseRow The roles :meth:`data` answers besides the display text. Cases fetched per query; a screen shows some 30 to 60 rows. The CaseSort of each sortable column (Subjects is not sortable). Each row&apos;s cell texts, formatted when the row is first painted (None: not yet). where the next page starts; None: no more bumped by every new query; older answers are dropped a first page is on its way a following page is on its way The queries under way: a newer query interrupts them in the database.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="128"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="129"/>
        <source>Agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="130"/>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="131"/>
        <source>Investigator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="132"/>
        <source>Subjects</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="133"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="134"/>
        <source>Updated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_list/model.py" line="384"/>
        <source>No investigator assigned</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="64"/>
        <source>Loading…</source>
        <extracomment>the case number, for the tab a fresh copy of the case is shown the intake facts have unsaved edits, or no longer</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="93"/>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="94"/>
        <source>&amp;Allegations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="95"/>
        <source>&amp;Notes &amp;&amp; timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="99"/>
        <source>&amp;Evidence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="104"/>
        <source>&amp;Discipline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="109"/>
        <source>Generate report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="127"/>
        <source>A&amp;ccess…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="129"/>
        <source>Restrict the case to the users you name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="179"/>
        <source>{agency} · Investigator: {investigator} · Last changed by {who} at {when}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="182"/>
        <source>unassigned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="189"/>
        <source>{0} · Restricted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="293"/>
        <source>Close {0}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="295"/>
        <source>A closed case can no longer be edited: its intake facts, allegations, findings, notes, evidence and discipline stay as they are. Only a supervisor or HR can reopen it, giving a reason that is recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="307"/>
        <source>{0} allegation(s) of {1} still have no finding: {2}. Submit anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="310"/>
        <source>After submitting, the case waits for a supervisor, who cannot send it to HR or close it while a finding is pending, only return it for more investigation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="336"/>
        <source>{0} is now in {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="379"/>
        <source>{0} has work that is not recorded yet:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="400"/>
        <location filename="../../app/ui/case_view/view.py" line="455"/>
        <source>what you typed in “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="435"/>
        <source>the intake facts not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="443"/>
        <source>a note not yet added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="452"/>
        <source>the redaction boxes drawn on evidence item {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="464"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="465"/>
        <source>The intake facts of {0} have changes that are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/view.py" line="472"/>
        <source>Save them before closing?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <location filename="../../app/ui/cases_page.py" line="54"/>
        <source>All cases</source>
        <extracomment>The case view&apos;s module: its tabs bring the discipline, evidence and authorization views and services, so it is imported when the first case is opened, not with the list. The case in front, or its unsaved state, changed: the window title follows.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/cases_page.py" line="62"/>
        <source>Close case tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/cases_page.py" line="66"/>
        <source>Next tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/cases_page.py" line="70"/>
        <source>Previous tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/cases_page.py" line="119"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/cases_page.py" line="138"/>
        <source>{0}: unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogModel</name>
    <message>
        <location filename="../../app/ui/catalog/model.py" line="243"/>
        <source>Provision</source>
        <extracomment>false for rows shown only as the context of a match an :class:`EntryKind` citation, or the policy code None for a policy whether the row matched the filter the policies shown, in code order</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/model.py" line="244"/>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CatalogPage</name>
    <message>
        <location filename="../../app/ui/catalog/page.py" line="59"/>
        <source>Search provisions (words in text, title or ref)</source>
        <extracomment>How long typing must pause before the search runs (milliseconds). the catalog arrived from the database the tree shows a new search result (provisions matching)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/page.py" line="61"/>
        <source>Search provisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/page.py" line="64"/>
        <source>Tag</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/page.py" line="65"/>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/page.py" line="68"/>
        <source>&amp;Search:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/page.py" line="70"/>
        <source>&amp;Tag:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/page.py" line="85"/>
        <source>&amp;Copy citation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/page.py" line="94"/>
        <source>Copy the provision&apos;s citation (Ctrl+C, Ctrl+Shift+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/page.py" line="234"/>
        <source>Matching provisions: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/page.py" line="236"/>
        <source>Provisions in the catalog: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/page.py" line="140"/>
        <source>Loading the policy catalog…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/page.py" line="198"/>
        <location filename="../../app/ui/catalog/page.py" line="242"/>
        <location filename="../../app/ui/catalog/page.py" line="271"/>
        <source>Select a policy or a provision to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/page.py" line="240"/>
        <source>No provision matches. Try fewer words or another tag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/page.py" line="292"/>
        <source>Copied {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartPanel</name>
    <message>
        <location filename="../../app/ui/dashboard/panel.py" line="41"/>
        <source>Export CSV…</source>
        <extracomment>a CSV or PNG was written (its path)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/panel.py" line="42"/>
        <source>Save as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/panel.py" line="62"/>
        <source>Nothing to count for this filter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/panel.py" line="91"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/panel.py" line="92"/>
        <source>Cannot write {0}: {1}. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/panel.py" line="111"/>
        <source>Export chart as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/panel.py" line="111"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/panel.py" line="120"/>
        <source>Save chart as PNG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/panel.py" line="120"/>
        <source>PNG images (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparablesPanel</name>
    <message>
        <location filename="../../app/ui/dashboard/comparables.py" line="53"/>
        <source>Comparable decisions under a provision</source>
        <extracomment>the table shows the decisions of the chosen provision the CSV was written to this path</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/comparables.py" line="58"/>
        <source>Agency of the decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/comparables.py" line="62"/>
        <source>Provision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/comparables.py" line="65"/>
        <source>Show &amp;decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/comparables.py" line="67"/>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/comparables.py" line="71"/>
        <source>A&amp;gency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/comparables.py" line="72"/>
        <source>&amp;Provision:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/comparables.py" line="83"/>
        <source>Earlier decisions under the provision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/comparables.py" line="90"/>
        <source>Choose an agency and a provision: the earlier decisions in force under it, which a new decision is compared with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/comparables.py" line="129"/>
        <source>Choose an agency and one of its provisions first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/comparables.py" line="131"/>
        <source>Looking up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/comparables.py" line="148"/>
        <source>{0} earlier decisions of {1} under {2}. A decision harsher or milder than all of them needs a consistency reason, kept with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/comparables.py" line="154"/>
        <source>No decision of {0} rests on {1} yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/comparables.py" line="176"/>
        <source>Export decisions as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/comparables.py" line="177"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/comparables.py" line="188"/>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/comparables.py" line="189"/>
        <source>Cannot write {0}: {1}. Choose another folder.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Countdown</name>
    <message>
        <location filename="../../app/ui/evidence/capture.py" line="107"/>
        <source>Capturing the screen…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialRequestModel</name>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="236"/>
        <source>No.</source>
        <extracomment>a :class:`RequestStatus`</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="237"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="238"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="239"/>
        <source>Employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="240"/>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="241"/>
        <source>Office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="242"/>
        <source>Requested by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="243"/>
        <source>Requested</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="244"/>
        <source>Decided by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/models.py" line="245"/>
        <source>Uses</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CredentialRequestsPage</name>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="49"/>
        <source>Employee, account, case, requester…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="53"/>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="58"/>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="117"/>
        <source>All cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="65"/>
        <source>&amp;New request…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="67"/>
        <source>&amp;Approve…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="68"/>
        <source>&amp;Deny…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="70"/>
        <source>Credentials &amp;provided…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="72"/>
        <source>Record &amp;use…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="74"/>
        <source>Record &amp;inadvertent receipt…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="131"/>
        <source>Select a request to approve or deny it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="133"/>
        <source>Request {0} is {1}: only a pending request can be approved or denied.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="138"/>
        <source>You requested these credentials, so another supervisor must approve or deny the request (separation of duties).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="150"/>
        <source>AR-DHS II(G): no record shows the employee provided the credentials yet; record that with Credentials provided… (who provided them, to whom and when) before recording a use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="161"/>
        <source>AR-DHS II(H): inadvertently received credentials may never be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="163"/>
        <source>AR-DHS II(G): the investigation has ended; the credentials are no longer usable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="166"/>
        <source>AR-DHS II(G): only an approved request&apos;s credentials may be used.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="180"/>
        <source>Select an approved request to record a use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="188"/>
        <source>Already recorded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="196"/>
        <source>A supervisor who did not make the request approves or denies it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="253"/>
        <source>Recorded the use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credentials_page.py" line="258"/>
        <source>Saved credential record {0} ({1}).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="67"/>
        <source>Agency</source>
        <extracomment>Panels per row of the grid. the charts show the figures of the current filter</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="68"/>
        <source>All agencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="70"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="72"/>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="73"/>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="79"/>
        <source>&amp;Agency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="80"/>
        <source>Reported &amp;from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="81"/>
        <source>&amp;to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="130"/>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dashboard/page.py" line="169"/>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="226"/>
        <source>Approve request {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="226"/>
        <source>Deny request {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="230"/>
        <source>{employee}&apos;s {platform} account {account}, for {case} ({office}), requested by {requester}. Suspected violation: {provision}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="239"/>
        <source>Optional note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="239"/>
        <source>Why the request is denied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="243"/>
        <source>&amp;Note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="243"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="247"/>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="247"/>
        <source>Deny</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisciplineLetters</name>
    <message>
        <location filename="../../build/translations/module_strings.py" line="286"/>
        <source>A contracted provider&apos;s employee gets no pre-action notice; the referral to the provider is under Decision letter.</source>
        <extracomment>app/ui/case_view/discipline/letters.py:56</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="288"/>
        <source>No pre-action notice is on record yet (1 Notice).</source>
        <extracomment>app/ui/case_view/discipline/letters.py:60</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="290"/>
        <source>No allegation is substantiated: there is no decision; the document is the closure letter.</source>
        <extracomment>app/ui/case_view/discipline/letters.py:67</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="292"/>
        <source>No referral to the provider is on record yet (Referral).</source>
        <extracomment>app/ui/case_view/discipline/letters.py:71</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="294"/>
        <source>No decision is on record yet (3 Decision).</source>
        <extracomment>app/ui/case_view/discipline/letters.py:73</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="296"/>
        <source>An allegation is substantiated: the outcome is a decision, not a closure.</source>
        <extracomment>app/ui/case_view/discipline/letters.py:76</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="298"/>
        <source>No allegation against the employee.</source>
        <extracomment>app/ui/case_view/discipline/letters.py:79</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="300"/>
        <source>A finding is still pending: record every finding first.</source>
        <extracomment>app/ui/case_view/discipline/letters.py:81</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="302"/>
        <source>Pre-action &amp;notice…</source>
        <extracomment>app/ui/case_view/discipline/letters.py:89</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="304"/>
        <source>Draft pre-action notice (watermarked)…</source>
        <extracomment>app/ui/case_view/discipline/letters.py:90</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="306"/>
        <source>&amp;Decision letter…</source>
        <extracomment>app/ui/case_view/discipline/letters.py:93</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="308"/>
        <source>Draft decision letter (watermarked)…</source>
        <extracomment>app/ui/case_view/discipline/letters.py:94</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="310"/>
        <source>&amp;Closure letter…</source>
        <extracomment>app/ui/case_view/discipline/letters.py:97</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="312"/>
        <source>Draft closure letter (watermarked)…</source>
        <extracomment>app/ui/case_view/discipline/letters.py:98</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="314"/>
        <source>print a draft (watermarked) from Letters</source>
        <extracomment>app/ui/case_view/discipline/letters.py:106</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DisciplineTab</name>
    <message>
        <location filename="../../app/ui/case_view/discipline/tab.py" line="108"/>
        <source>Record &amp;regime</source>
        <extracomment>a step was recorded: reload the case the case&apos;s discipline is shown the user asked for &quot;Generate report…&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/tab.py" line="113"/>
        <source>Regime:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/tab.py" line="152"/>
        <source>Generate report…</source>
        <extracomment>What each form was filled for: a reload leaves a form the user changed.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/tab.py" line="162"/>
        <source>Employee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/tab.py" line="249"/>
        <source>This case has no subject employee.</source>
        <extracomment>Records each step typed in the pages (confirmed first where it is grave).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/tab.py" line="325"/>
        <source>For a {0}:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/tab.py" line="413"/>
        <source>the pre-action notice to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/tab.py" line="414"/>
        <source>the response of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/tab.py" line="415"/>
        <source>the decision for {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/tab.py" line="416"/>
        <source>the appeal of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/tab.py" line="417"/>
        <source>the referral of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="198"/>
        <source>It takes effect on {0}.</source>
        <extracomment>app/ui/case_view/discipline/confirm.py:30</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="200"/>
        <source>{0} is off work without pay until {1} and returns on {2}.</source>
        <extracomment>app/ui/case_view/discipline/confirm.py:33</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="202"/>
        <source>It counts as prior discipline from then on; it can only be withdrawn, with a reason that is audited.</source>
        <extracomment>app/ui/case_view/discipline/confirm.py:45</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="204"/>
        <source>Record decision</source>
        <extracomment>app/ui/case_view/discipline/confirm.py:51</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="206"/>
        <source>Record a {0} of {1}?</source>
        <extracomment>app/ui/case_view/discipline/confirm.py:52</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="208"/>
        <source>Record {0}</source>
        <extracomment>app/ui/case_view/discipline/confirm.py:54</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="210"/>
        <source>Earlier decisions under the same provisions</source>
        <extracomment>app/ui/case_view/discipline/consistency.py:21</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="212"/>
        <source>None: the agency has decided no earlier case under {0}.</source>
        <extracomment>app/ui/case_view/discipline/consistency.py:23</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="214"/>
        <source>these provisions</source>
        <extracomment>app/ui/case_view/discipline/consistency.py:24</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="216"/>
        <source>prior: {0}</source>
        <extracomment>app/ui/case_view/discipline/consistency.py:31</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="218"/>
        <source>no prior discipline</source>
        <extracomment>app/ui/case_view/discipline/consistency.py:33</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="220"/>
        <source>A {0} is milder than the agency&apos;s earlier decision under the same provision: give the reason for the difference.</source>
        <extracomment>app/ui/case_view/discipline/consistency.py:49</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="222"/>
        <source>A {0} is harsher than the agency&apos;s earlier decision under the same provision: give the reason for the difference.</source>
        <extracomment>app/ui/case_view/discipline/consistency.py:52</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="224"/>
        <source>A {0} is milder than every one of the agency&apos;s {1} earlier decisions under the same provision: give the reason for the difference.</source>
        <extracomment>app/ui/case_view/discipline/consistency.py:55</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="226"/>
        <source>A {0} is harsher than every one of the agency&apos;s {1} earlier decisions under the same provision: give the reason for the difference.</source>
        <extracomment>app/ui/case_view/discipline/consistency.py:58</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="228"/>
        <source>Record &amp;decision</source>
        <extracomment>app/ui/case_view/discipline/decision.py:43</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="230"/>
        <location filename="../../build/translations/module_strings.py" line="318"/>
        <location filename="../../build/translations/module_strings.py" line="322"/>
        <source> working days</source>
        <extracomment>app/ui/case_view/discipline/decision.py:55
----------
app/ui/case_view/discipline/steps.py:169
----------
app/ui/case_view/discipline/steps.py:181</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="232"/>
        <source>The day the decision was made, if not today: after the employee&apos;s response, or after the last day to respond when none came.</source>
        <extracomment>app/ui/case_view/discipline/decision.py:59</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="234"/>
        <source>Override the suspension cap</source>
        <extracomment>app/ui/case_view/discipline/decision.py:69</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="236"/>
        <source>Why (audited).</source>
        <extracomment>app/ui/case_view/discipline/decision.py:71</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="238"/>
        <source>Where this stands in progressive discipline.</source>
        <extracomment>app/ui/case_view/discipline/decision.py:73</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="240"/>
        <source>Aggravating factors.</source>
        <extracomment>app/ui/case_view/discipline/decision.py:75</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="242"/>
        <source>Mitigating factors.</source>
        <extracomment>app/ui/case_view/discipline/decision.py:76</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="244"/>
        <source>What the employee must do to correct the conduct.</source>
        <extracomment>app/ui/case_view/discipline/decision.py:78</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="246"/>
        <source>What a repeat will lead to.</source>
        <extracomment>app/ui/case_view/discipline/decision.py:80</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="248"/>
        <source>&amp;Action:</source>
        <extracomment>app/ui/case_view/discipline/decision.py:82</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="250"/>
        <source>Why this differs from the earlier decisions (kept with the decision).</source>
        <extracomment>app/ui/case_view/discipline/decision.py:88</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="252"/>
        <source>Consistenc&amp;y reason:</source>
        <extracomment>app/ui/case_view/discipline/decision.py:90</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="254"/>
        <source>&amp;Suspension:</source>
        <extracomment>app/ui/case_view/discipline/decision.py:98</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="256"/>
        <source>Override &amp;reason:</source>
        <extracomment>app/ui/case_view/discipline/decision.py:107</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="258"/>
        <source>&amp;Effective date:</source>
        <extracomment>app/ui/case_view/discipline/decision.py:114</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="260"/>
        <source>Decided o&amp;n:</source>
        <extracomment>app/ui/case_view/discipline/decision.py:115</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="262"/>
        <source>&amp;First day off:</source>
        <extracomment>app/ui/case_view/discipline/decision.py:116</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="264"/>
        <source>Pro&amp;gressive step:</source>
        <extracomment>app/ui/case_view/discipline/decision.py:125</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="266"/>
        <source>A&amp;ggravating:</source>
        <extracomment>app/ui/case_view/discipline/decision.py:127</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="268"/>
        <source>&amp;Mitigating:</source>
        <extracomment>app/ui/case_view/discipline/decision.py:128</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="270"/>
        <source>S&amp;teps to correct:</source>
        <extracomment>app/ui/case_view/discipline/decision.py:129</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="272"/>
        <source>If re&amp;peated:</source>
        <extracomment>app/ui/case_view/discipline/decision.py:130</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="274"/>
        <source>&amp;Withdraw decision…</source>
        <extracomment>app/ui/case_view/discipline/decision.py:131</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="276"/>
        <source>Withdraw the decision in force, with the reason (audited).</source>
        <extracomment>app/ui/case_view/discipline/decision.py:134</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="278"/>
        <source>Last day off &lt;b&gt;{0}&lt;/b&gt;; back at work &lt;b&gt;{1}&lt;/b&gt; (working days, {2}).</source>
        <extracomment>app/ui/case_view/discipline/decision.py:225</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="280"/>
        <source>From {0} to {1}: {2} working days of other suspensions; with this suspension {3} of the cap of {4} working days in any {5} months.</source>
        <extracomment>app/ui/case_view/discipline/decision.py:240</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="282"/>
        <source>Give the reason for overriding the cap.</source>
        <extracomment>app/ui/case_view/discipline/decision.py:346</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="284"/>
        <source>Give the reason this action differs from the earlier decisions.</source>
        <extracomment>app/ui/case_view/discipline/decision.py:351</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="316"/>
        <source>Record &amp;notice</source>
        <extracomment>app/ui/case_view/discipline/steps.py:159</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="320"/>
        <source>Who handed or sent it</source>
        <extracomment>app/ui/case_view/discipline/steps.py:177</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="324"/>
        <source>The employer&apos;s evidence, explained (optional).</source>
        <extracomment>app/ui/case_view/discipline/steps.py:186</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="326"/>
        <source>e.g. on paid administrative leave</source>
        <extracomment>app/ui/case_view/discipline/steps.py:190</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="328"/>
        <source>Proposed &amp;action:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:191</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="330"/>
        <source>Suspension:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:192</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="332"/>
        <source>Notice &amp;date:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:197</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="334"/>
        <source>Deli&amp;vered:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:198</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="336"/>
        <source>Delivered &amp;by:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:199</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="338"/>
        <source>Response window:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:200</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="340"/>
        <source>Response due:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:205</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="342"/>
        <source>E&amp;vidence:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:206</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="344"/>
        <source>Status &amp;pending:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:207</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="346"/>
        <source>{0} Response window:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:228</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="348"/>
        <source>From the agency&apos;s settings (its response days).</source>
        <extracomment>app/ui/case_view/discipline/steps.py:229</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="350"/>
        <source>Record &amp;response</source>
        <extracomment>app/ui/case_view/discipline/steps.py:272</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="352"/>
        <source>Received</source>
        <extracomment>app/ui/case_view/discipline/steps.py:273</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="354"/>
        <source>None came by the deadline</source>
        <extracomment>app/ui/case_view/discipline/steps.py:276</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="356"/>
        <source>What the employee said.</source>
        <extracomment>app/ui/case_view/discipline/steps.py:284</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="358"/>
        <source>Add &amp;files…</source>
        <extracomment>app/ui/case_view/discipline/steps.py:288</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="360"/>
        <source>Received &amp;on:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:297</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="362"/>
        <source>S&amp;ummary:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:298</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="364"/>
        <source>Files:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:299</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="366"/>
        <source>Files handed in with the response</source>
        <extracomment>app/ui/case_view/discipline/steps.py:319</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="368"/>
        <source>{0} cannot be read: {1}</source>
        <extracomment>app/ui/case_view/discipline/steps.py:338</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="370"/>
        <source>Record &amp;appeal</source>
        <extracomment>app/ui/case_view/discipline/steps.py:355</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="372"/>
        <source>&amp;Filed on:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:361</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="374"/>
        <source>Record &amp;outcome</source>
        <extracomment>app/ui/case_view/discipline/steps.py:362</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="376"/>
        <source>The decision&apos;s gist.</source>
        <extracomment>app/ui/case_view/discipline/steps.py:368</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="378"/>
        <source>O&amp;utcome:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:369</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="380"/>
        <source>Decided &amp;on:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:370</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="382"/>
        <location filename="../../build/translations/module_strings.py" line="396"/>
        <source>&amp;Note:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:371
----------
app/ui/case_view/discipline/steps.py:411</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="384"/>
        <source>&amp;Refer to the provider</source>
        <extracomment>app/ui/case_view/discipline/steps.py:399</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="386"/>
        <source>The provider that employs them</source>
        <extracomment>app/ui/case_view/discipline/steps.py:403</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="388"/>
        <source>What was sent (optional).</source>
        <extracomment>app/ui/case_view/discipline/steps.py:407</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="390"/>
        <source>&amp;Provider:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:408</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="392"/>
        <source>Referred &amp;on:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:409</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="394"/>
        <source>Sent &amp;by:</source>
        <extracomment>app/ui/case_view/discipline/steps.py:410</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="398"/>
        <source>Counseling</source>
        <extracomment>app/ui/case_view/discipline/text.py:41</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="400"/>
        <source>Verbal reprimand</source>
        <extracomment>app/ui/case_view/discipline/text.py:42</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="402"/>
        <source>Written reprimand</source>
        <extracomment>app/ui/case_view/discipline/text.py:43</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="404"/>
        <source>Suspension without pay</source>
        <extracomment>app/ui/case_view/discipline/text.py:44</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="406"/>
        <source>Demotion</source>
        <extracomment>app/ui/case_view/discipline/text.py:45</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="408"/>
        <source>Dismissal</source>
        <extracomment>app/ui/case_view/discipline/text.py:46</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="410"/>
        <source>{0} ({1})</source>
        <extracomment>app/ui/case_view/discipline/text.py:54</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="412"/>
        <source>Nothing: discipline rests only on substantiated allegations.</source>
        <extracomment>app/ui/case_view/discipline/text.py:80</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="414"/>
        <source>Record the employee&apos;s regime (above): the due process owed depends on it.</source>
        <extracomment>app/ui/case_view/discipline/text.py:81</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="416"/>
        <source>Give a pre-action notice on the Notice page before a suspension, demotion or dismissal; a lesser action can be decided directly on the Decision page.</source>
        <extracomment>app/ui/case_view/discipline/text.py:84</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="418"/>
        <source>The response is due by {0}. Record it on the Response page when it comes; the decision follows it, or the deadline.</source>
        <extracomment>app/ui/case_view/discipline/text.py:89</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="420"/>
        <source>Decide on the Decision page.</source>
        <extracomment>app/ui/case_view/discipline/text.py:94</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="422"/>
        <source>The decision takes effect on its effective date.</source>
        <extracomment>app/ui/case_view/discipline/text.py:95</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="424"/>
        <source>The action is in force; record an appeal on the Appeal page if one is filed.</source>
        <extracomment>app/ui/case_view/discipline/text.py:96</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="426"/>
        <source>Record the appeal&apos;s outcome on the Appeal page when known.</source>
        <extracomment>app/ui/case_view/discipline/text.py:99</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="428"/>
        <source>Nothing further.</source>
        <extracomment>app/ui/case_view/discipline/text.py:100</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="430"/>
        <source>The action was overturned on appeal; it no longer counts.</source>
        <extracomment>app/ui/case_view/discipline/text.py:101</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="432"/>
        <source>A new decision may be recorded on the Decision page while the case is open.</source>
        <extracomment>app/ui/case_view/discipline/text.py:102</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="434"/>
        <source>Nothing further: the provider decides any discipline.</source>
        <extracomment>app/ui/case_view/discipline/text.py:105</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="436"/>
        <source>Refer the findings to the provider on the Referral page.</source>
        <extracomment>app/ui/case_view/discipline/text.py:106</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="438"/>
        <source>HR records each step while the case is in discipline review.</source>
        <extracomment>app/ui/case_view/discipline/text.py:112</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="440"/>
        <source>The employee&apos;s regime is not recorded: the due process owed for this action depends on it.</source>
        <extracomment>app/ui/case_view/discipline/text.py:133</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="442"/>
        <source>A pre-action notice and a chance to respond are owed before a {0}.</source>
        <extracomment>app/ui/case_view/discipline/text.py:143</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="444"/>
        <source>No pre-action notice is owed before a {0}.</source>
        <extracomment>app/ui/case_view/discipline/text.py:146</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="446"/>
        <source>. {0} calendar days on would be {1}; weekends{2} are not counted, so it is {3}</source>
        <extracomment>app/ui/case_view/discipline/text.py:185</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="448"/>
        <source> and holidays</source>
        <extracomment>app/ui/case_view/discipline/text.py:188</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="450"/>
        <source>Findings</source>
        <extracomment>app/ui/case_view/discipline/text.py:207</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="452"/>
        <source>No allegations against this employee.</source>
        <extracomment>app/ui/case_view/discipline/text.py:209</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="454"/>
        <source>(no reasoning recorded)</source>
        <extracomment>app/ui/case_view/discipline/text.py:216</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="456"/>
        <source>Prior discipline</source>
        <extracomment>app/ui/case_view/discipline/text.py:227</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="458"/>
        <source>None: no earlier discipline is recorded.</source>
        <extracomment>app/ui/case_view/discipline/text.py:229</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="460"/>
        <source>Rules that apply: {0}</source>
        <extracomment>app/ui/case_view/discipline/text.py:252</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="462"/>
        <source>Regime: {0}.</source>
        <extracomment>app/ui/case_view/discipline/text.py:256</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="464"/>
        <source>{0} Agency settings</source>
        <extracomment>app/ui/case_view/discipline/text.py:270</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="466"/>
        <source>(the agency&apos;s own values, not the law&apos;s; an administrator changes them)</source>
        <extracomment>app/ui/case_view/discipline/text.py:271</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="468"/>
        <source>not set</source>
        <extracomment>app/ui/case_view/discipline/text.py:279</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="470"/>
        <source>&lt;b&gt;Notice&lt;/b&gt; of {0}: {1} proposed; {2} by {3}. Response due {4} ({5}).</source>
        <extracomment>app/ui/case_view/discipline/text.py:293</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="472"/>
        <source>&lt;b&gt;Response&lt;/b&gt;: none came by the deadline.</source>
        <extracomment>app/ui/case_view/discipline/text.py:307</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="474"/>
        <source>&lt;b&gt;Response&lt;/b&gt; received {0}{1}: {2}</source>
        <extracomment>app/ui/case_view/discipline/text.py:311</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="476"/>
        <source> (late)</source>
        <extracomment>app/ui/case_view/discipline/text.py:312</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="478"/>
        <source> Files: {0}.</source>
        <extracomment>app/ui/case_view/discipline/text.py:314</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="480"/>
        <source>&lt;b&gt;Decision&lt;/b&gt; of {0}, recorded by {1}: {2}, effective {3}.</source>
        <extracomment>app/ui/case_view/discipline/text.py:318</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="482"/>
        <source> Suspended {0} to {1}; returns {2}.</source>
        <extracomment>app/ui/case_view/discipline/text.py:322</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="484"/>
        <source> &lt;b&gt;Withdrawn&lt;/b&gt; by {0}: {1}</source>
        <extracomment>app/ui/case_view/discipline/text.py:326</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="486"/>
        <source>&lt;b&gt;Appeal&lt;/b&gt; to the {0} filed {1}.</source>
        <extracomment>app/ui/case_view/discipline/text.py:332</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="488"/>
        <source> Outcome: {0} on {1}.</source>
        <extracomment>app/ui/case_view/discipline/text.py:334</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="490"/>
        <source>&lt;b&gt;Referred&lt;/b&gt; to {0} on {1} by {2}.</source>
        <extracomment>app/ui/case_view/discipline/text.py:339</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="492"/>
        <source>Nothing recorded yet.</source>
        <extracomment>app/ui/case_view/discipline/text.py:344</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EndDateInput</name>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="58"/>
        <source>No end date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceDetails</name>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="57"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="57"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="57"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="72"/>
        <source>A&amp;mend details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="74"/>
        <source>&amp;Void…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="84"/>
        <source>&lt;b&gt;Metadata&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="87"/>
        <source>&lt;b&gt;Chain of custody&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="111"/>
        <source>none: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="114"/>
        <source>VOID: {reason}
Made void by {who} at {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="121"/>
        <source>Original name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="122"/>
        <source>SHA-256:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="123"/>
        <source>Media type:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="124"/>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="125"/>
        <source>Pixels:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="126"/>
        <source>Source URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="127"/>
        <source>Platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="128"/>
        <source>Account shown:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="129"/>
        <source>Captured:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="130"/>
        <source>Captured by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="131"/>
        <source>Added:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="132"/>
        <source>How obtained:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="133"/>
        <source>Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="134"/>
        <source>Page source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="136"/>
        <source>Redactions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/details.py" line="137"/>
        <source>Corrections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="738"/>
        <source>{when} {who}: {field} {old} → {new} ({reason})</source>
        <extracomment>app/ui/evidence/details.py:38</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceIntake</name>
    <message>
        <location filename="../../build/translations/module_strings.py" line="740"/>
        <source>Added: {0}</source>
        <extracomment>app/ui/evidence/intake.py:392</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="742"/>
        <source>Skipped, already in the case: {0}</source>
        <extracomment>app/ui/evidence/intake.py:395</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="744"/>
        <source>{name}: same content as evidence item {id}</source>
        <extracomment>app/ui/evidence/intake.py:397</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="746"/>
        <source>Refused: {0}</source>
        <extracomment>app/ui/evidence/intake.py:404</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="748"/>
        <source>{name}: {message}</source>
        <extracomment>app/ui/evidence/intake.py:409</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="750"/>
        <source>Cancelled: the files after that point were not added.</source>
        <extracomment>app/ui/evidence/intake.py:412</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="752"/>
        <source>Adding {name} ({done} of {total})…</source>
        <extracomment>app/ui/evidence/intake.py:494</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="754"/>
        <source>Adding evidence…</source>
        <extracomment>app/ui/evidence/intake.py:519</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceLabels</name>
    <message>
        <location filename="../../build/translations/module_strings.py" line="756"/>
        <source>Publicly available</source>
        <extracomment>app/ui/evidence/labels.py:20</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="758"/>
        <source>Under a supervision authorization</source>
        <extracomment>app/ui/evidence/labels.py:21</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="760"/>
        <source>Under an investigation authorization</source>
        <extracomment>app/ui/evidence/labels.py:22</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="762"/>
        <source>Through a credential request</source>
        <extracomment>app/ui/evidence/labels.py:23</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="764"/>
        <source>Supplied by a reporter</source>
        <extracomment>app/ui/evidence/labels.py:24</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="766"/>
        <source>Under a confidential authorization or request (details restricted)</source>
        <extracomment>app/ui/evidence/labels.py:25</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="768"/>
        <source>Youth identity</source>
        <extracomment>app/ui/evidence/labels.py:40</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="770"/>
        <source>CORI</source>
        <extracomment>app/ui/evidence/labels.py:41</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="772"/>
        <source>Medical information</source>
        <extracomment>app/ui/evidence/labels.py:42</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="774"/>
        <source>Other confidential</source>
        <extracomment>app/ui/evidence/labels.py:43</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="776"/>
        <source>Added</source>
        <extracomment>app/ui/evidence/labels.py:50</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="778"/>
        <source>Viewed</source>
        <extracomment>app/ui/evidence/labels.py:51</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="780"/>
        <source>Exported</source>
        <extracomment>app/ui/evidence/labels.py:52</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="782"/>
        <source>Included in a report</source>
        <extracomment>app/ui/evidence/labels.py:53</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="784"/>
        <source>Integrity checked</source>
        <extracomment>app/ui/evidence/labels.py:54</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="786"/>
        <source>INTEGRITY FAILURE</source>
        <extracomment>app/ui/evidence/labels.py:55</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="788"/>
        <source>Page source attached</source>
        <extracomment>app/ui/evidence/labels.py:56</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="790"/>
        <location filename="../../build/translations/module_strings.py" line="792"/>
        <location filename="../../build/translations/module_strings.py" line="794"/>
        <source>Redactions changed</source>
        <extracomment>app/ui/evidence/labels.py:57
----------
app/ui/evidence/labels.py:58
----------
app/ui/evidence/labels.py:59</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="796"/>
        <source>Details amended</source>
        <extracomment>app/ui/evidence/labels.py:60</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="798"/>
        <source>Made void</source>
        <extracomment>app/ui/evidence/labels.py:61</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceLinkPicker</name>
    <message>
        <location filename="../../build/translations/module_strings.py" line="800"/>
        <source>Credential request {0}</source>
        <extracomment>app/ui/evidence/link_picker.py:44</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="802"/>
        <source>Authorization {0}</source>
        <extracomment>app/ui/evidence/link_picker.py:49</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="804"/>
        <source>Or choose another way they were obtained.</source>
        <extracomment>app/ui/evidence/link_picker.py:56</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="806"/>
        <source>No supervision authorization is logged for this case or its agency</source>
        <extracomment>app/ui/evidence/link_picker.py:59</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="808"/>
        <source>A supervisor logs supervision authorizations (MA DYS 01.05.22 B.2) on the Authorizations page; once it is logged, choose it here.</source>
        <extracomment>app/ui/evidence/link_picker.py:60</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="810"/>
        <source>No investigation authorization is logged for this case</source>
        <extracomment>app/ui/evidence/link_picker.py:65</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="812"/>
        <source>A supervisor logs the investigation authorization (MA DYS 01.05.22 B.3) for this case on the Authorizations page; once it is logged, choose it here.</source>
        <extracomment>app/ui/evidence/link_picker.py:66</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="814"/>
        <source>No credential request is recorded for this case</source>
        <extracomment>app/ui/evidence/link_picker.py:71</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="816"/>
        <source>Request the credentials for this case on the Credential requests page; once a supervisor approves the request, choose it here.</source>
        <extracomment>app/ui/evidence/link_picker.py:72</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="818"/>
        <source>Loading…</source>
        <extracomment>app/ui/evidence/link_picker.py:119</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="820"/>
        <source>The records could not be read</source>
        <extracomment>app/ui/evidence/link_picker.py:141</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="822"/>
        <source>Choose the credential request…</source>
        <extracomment>app/ui/evidence/link_picker.py:154</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="824"/>
        <source>Choose the authorization…</source>
        <extracomment>app/ui/evidence/link_picker.py:156</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="826"/>
        <source>Employee: {0}</source>
        <extracomment>app/ui/evidence/link_picker.py:161</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceModel</name>
    <message>
        <location filename="../../build/translations/module_strings.py" line="828"/>
        <source>not recorded</source>
        <extracomment>app/ui/evidence/model.py:44</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="830"/>
        <source>{0} bytes</source>
        <extracomment>app/ui/evidence/model.py:56</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="832"/>
        <source>{0:.1f} KB</source>
        <extracomment>app/ui/evidence/model.py:58</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="834"/>
        <source>{0:.1f} MB</source>
        <extracomment>app/ui/evidence/model.py:59</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="836"/>
        <source>Preview</source>
        <extracomment>app/ui/evidence/model.py:88</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="838"/>
        <source>File</source>
        <extracomment>app/ui/evidence/model.py:88</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="840"/>
        <source>Captured</source>
        <extracomment>app/ui/evidence/model.py:88</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="842"/>
        <source>Platform</source>
        <extracomment>app/ui/evidence/model.py:88</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="844"/>
        <source>Account shown</source>
        <extracomment>app/ui/evidence/model.py:89</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="846"/>
        <source>SHA-256</source>
        <extracomment>app/ui/evidence/model.py:89</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="848"/>
        <source>Status</source>
        <extracomment>app/ui/evidence/model.py:89</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="850"/>
        <source>INTEGRITY FAILED</source>
        <extracomment>app/ui/evidence/model.py:185</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="852"/>
        <source>VOID</source>
        <extracomment>app/ui/evidence/model.py:187</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="854"/>
        <source>Redacted ({0})</source>
        <extracomment>app/ui/evidence/model.py:189</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="856"/>
        <source>SHA-256 {0}</source>
        <extracomment>app/ui/evidence/model.py:195</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="858"/>
        <source>{name}, {type}, added by {who}</source>
        <extracomment>app/ui/evidence/model.py:197</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="860"/>
        <source>Void: {reason} ({who}). Left out of reports and bundles unless asked for.</source>
        <extracomment>app/ui/evidence/model.py:203</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="862"/>
        <source>{0} redaction boxes; the original is kept unchanged.</source>
        <extracomment>app/ui/evidence/model.py:207</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceTab</name>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="117"/>
        <source>&amp;Add files…</source>
        <extracomment>Thumbnails are cached at this size and scaled down for the list. The question after an import failed as a whole (try again, or discard). What waits for the next list read (:meth:`open_item`).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="118"/>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="120"/>
        <source>Add the image or the files on the clipboard (Ctrl+V)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="122"/>
        <source>&amp;Capture screen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="124"/>
        <source>Capture from the &amp;web…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="127"/>
        <source>Browse to a post and capture it: full page, MHTML, WARC, headers, certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="130"/>
        <source>Attach page &amp;source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="133"/>
        <source>Attach the saved page (HTML, MHTML, WARC or PDF) the screenshot came from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="138"/>
        <source>&amp;Open viewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="139"/>
        <source>E&amp;xport bundle…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="145"/>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="146"/>
        <source>Re-hash every item and compare with its record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="183"/>
        <source>Drop screenshot files here, paste with Ctrl+V, or capture the screen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="184"/>
        <source>Double-click an item to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="235"/>
        <source>Items: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="261"/>
        <source>Thumbnails could not be made: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="300"/>
        <source>Add screenshots</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="301"/>
        <source>Images (*.png *.jpg *.jpeg *.gif *.webp *.bmp *.tif *.tiff);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="314"/>
        <source>Attach the page source of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="315"/>
        <source>Saved pages (*.html *.htm *.mhtml *.mht *.warc *.pdf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="323"/>
        <source>Attaching the page source…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="328"/>
        <source>Page source attached to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="343"/>
        <source>The clipboard holds no image and no files to add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="401"/>
        <source>Evidence not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="402"/>
        <source>The screenshots were not added: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="409"/>
        <source>They and what you typed for them are kept: try again, or discard them (those already added stay; an item added twice is recognised and skipped).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="435"/>
        <source>Screenshots added: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="492"/>
        <source>Capture screen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="548"/>
        <source>Checking the evidence…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="555"/>
        <source>Items that no longer match their recorded SHA-256: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="562"/>
        <source>Integrity check failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="568"/>
        <source>Integrity check passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/tab.py" line="569"/>
        <source>Every item matches its recorded SHA-256 ({0} checked).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvidenceViewer</name>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="99"/>
        <location filename="../../app/ui/evidence/viewer.py" line="292"/>
        <source>Evidence {0}: {1}</source>
        <extracomment>The redacted rendering, when the item has boxes. the picture (or the integrity error) is shown the item&apos;s id the item&apos;s id: its details were corrected or it was voided Whether the item has been read: the picture or the error is shown (``opened``).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="107"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="118"/>
        <source>−</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="118"/>
        <source>Zoom out (-)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="120"/>
        <source>+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="120"/>
        <source>Zoom in (+)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="121"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="121"/>
        <source>Fit to window (0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="122"/>
        <source>100 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="122"/>
        <source>Actual size (1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="136"/>
        <source>&amp;Draw redactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="148"/>
        <source>De&amp;lete box</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="151"/>
        <source>&amp;Save redactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="154"/>
        <source>Disca&amp;rd changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="157"/>
        <source>Show red&amp;acted rendering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="187"/>
        <source>Picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="237"/>
        <source>The picture could not be shown (it could not be decoded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="260"/>
        <source>This item failed its integrity check and is not shown.

{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="293"/>
        <source> (VOID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="355"/>
        <source>Reason of the selected box:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="356"/>
        <source>Reason for the next box:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="378"/>
        <source>Save the boxes first to see the rendering reports and exports use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="399"/>
        <source>Redaction boxes saved: {0}; the original is unchanged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="483"/>
        <source>the redaction boxes drawn on evidence item {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="505"/>
        <source>Unsaved redactions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/viewer.py" line="506"/>
        <source>The redaction boxes have changes that are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="53"/>
        <location filename="../../app/ui/evidence/export.py" line="100"/>
        <source>Export evidence bundle</source>
        <extracomment>the BundleResult</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="59"/>
        <source>&amp;Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="64"/>
        <source>Include &amp;redacted renderings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="68"/>
        <source>The bundle holds every item&apos;s original bytes, a manifest with the metadata and hashes, a SHA256SUMS file and the custody log. Redacted renderings are added beside the originals of items that have redaction boxes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="75"/>
        <source>&amp;Save as:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="79"/>
        <source>Include &amp;void items (marked in the manifest)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="86"/>
        <source>&amp;Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="101"/>
        <source>Zip bundles (*.zip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="112"/>
        <source>Choose where to save the bundle.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="125"/>
        <source>Replace the bundle?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="126"/>
        <source>{0} already exists. Replace it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="140"/>
        <source>Exporting {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/export.py" line="164"/>
        <source>Exporting the evidence bundle…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormDrafts</name>
    <message>
        <location filename="../../build/translations/module_strings.py" line="864"/>
        <source>Work not recorded</source>
        <extracomment>app/ui/form_drafts.py:95</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="866"/>
        <source>This work is not recorded yet:</source>
        <extracomment>app/ui/form_drafts.py:96</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="868"/>
        <source>Discard it, or cancel and record it?</source>
        <extracomment>app/ui/form_drafts.py:103</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="870"/>
        <source>Discard them, or cancel and record them?</source>
        <extracomment>app/ui/form_drafts.py:104</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="872"/>
        <source>Discard it, or cancel and save it?</source>
        <extracomment>app/ui/form_drafts.py:105</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="874"/>
        <source>Discard them, or cancel and save them?</source>
        <extracomment>app/ui/form_drafts.py:106</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="876"/>
        <source>Discard what you typed?</source>
        <extracomment>app/ui/form_drafts.py:162</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="878"/>
        <source>Close “{0}” without recording what you typed?</source>
        <extracomment>app/ui/form_drafts.py:163</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="880"/>
        <source>What you typed is lost if you close now.</source>
        <extracomment>app/ui/form_drafts.py:170</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GenerateReportDialog</name>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="110"/>
        <source>&amp;Generate</source>
        <extracomment>the :class:`GeneratedReportInfo` the path written by Open or Save as…</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="113"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="115"/>
        <source>Save &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="158"/>
        <source>Generating…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="182"/>
        <source>Cancelled; no report was generated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="187"/>
        <source>Generated {0} ({1:,} bytes). SHA-256 {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="200"/>
        <source>No report was generated.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="239"/>
        <source>No PDF viewer opened it; the report is at {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="247"/>
        <source>Save report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="250"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="270"/>
        <source>Saved to {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>GuideWindow</name>
    <message>
        <location filename="../../app/ui/help/guide.py" line="59"/>
        <source>Casedesk user guide</source>
        <extracomment>The guide&apos;s section of each view, by page key. The widest a picture is shown, in pixels (screenshots are 1366 wide).</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/guide.py" line="73"/>
        <source>Find in the guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/guide.py" line="75"/>
        <source>&amp;Find:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/guide.py" line="77"/>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/guide.py" line="195"/>
        <source>Not found</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../app/ui/home/page.py" line="78"/>
        <source>Needs you now</source>
        <extracomment>How often Home asks whether anything was recorded (milliseconds). A row asks to be opened: the navigator page key and the record&apos;s id. A saved search asks to be shown in the case list (a ``CaseQuery``). The counts for the navigator&apos;s entries changed (page key → count). Home shows a fresh load from the database.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="84"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="90"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="94"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="94"/>
        <location filename="../../app/ui/home/page.py" line="97"/>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="94"/>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="94"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="97"/>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="97"/>
        <source>Status and title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="98"/>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="111"/>
        <source>&amp;Delete search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="116"/>
        <source>Save a search from the case list (Save search…) to find it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="134"/>
        <source>Right-click a case here and choose Pin to Home to keep it at hand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="136"/>
        <source>The cases you open appear here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="137"/>
        <source>Pinned cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="138"/>
        <source>Recently opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="142"/>
        <source>Saved searches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="229"/>
        <source>Pinned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="230"/>
        <source>Recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="238"/>
        <source>Updated at {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="263"/>
        <source>Could not check for changes: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="299"/>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="302"/>
        <source>&amp;Unpin from Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="302"/>
        <source>&amp;Pin to Home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="325"/>
        <source>Delete saved search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="326"/>
        <source>Delete the saved search “{0}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="327"/>
        <source>The cases stay as they are; only the search&apos;s name and filters are forgotten, on every workstation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/home/page.py" line="329"/>
        <source>Delete search</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="427"/>
        <source>Evidence added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="432"/>
        <source>The import was cancelled; what was added before stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="434"/>
        <source>Some files were not added; each one&apos;s reason is below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="436"/>
        <source>Every file was added to the case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="438"/>
        <source>Nothing new was added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>InadvertentDialog</name>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="162"/>
        <source>Record an inadvertent receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="165"/>
        <source>AR-DHS II(H): credentials received inadvertently through an agency device or network monitoring are recorded here, and may never be used to access the account. Do not enter the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="176"/>
        <source>How the credentials came to the agency&apos;s attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="178"/>
        <source>A&amp;gency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="179"/>
        <source>&amp;Employee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="180"/>
        <source>&amp;Platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="181"/>
        <source>Acco&amp;unt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="183"/>
        <source>Received &amp;through:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="185"/>
        <source>Received &amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="186"/>
        <source>&amp;Case:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="187"/>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="188"/>
        <source>Record receipt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="192"/>
        <source>No case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IntakeDialog</name>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="138"/>
        <source>Add evidence</source>
        <extracomment>aware; None leaves the time unset shown but not set (a file&apos;s date) the checked IntakeMetadata The service&apos;s field names that the record combo answers for.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="143"/>
        <source>, …</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="144"/>
        <source>Files ({0}): {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="155"/>
        <source>Only without a URL, e.g. supplied by reporter as a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="165"/>
        <source>The account or profile the screenshot shows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="168"/>
        <source>Known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="216"/>
        <source>Source &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="217"/>
        <source>&amp;No URL because:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="218"/>
        <source>&amp;Platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="219"/>
        <source>&amp;Account shown:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="220"/>
        <source>Capture &amp;time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="221"/>
        <source>Captured &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="222"/>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="223"/>
        <source>&amp;How obtained:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="224"/>
        <source>Obtained &amp;under:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="239"/>
        <source>&amp;Add to case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/intake.py" line="373"/>
        <source>{0}: {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LetterDialog</name>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="384"/>
        <source>Pre-action notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="385"/>
        <source>Decision letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="386"/>
        <source>Closure letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="390"/>
        <source>Draft {0} (watermarked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="392"/>
        <source>Letter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="393"/>
        <source>Employee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="395"/>
        <source>A draft is watermarked DRAFT on every page and has no signature part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="397"/>
        <source>The letter is recorded with its SHA-256; Generate makes it again from the record as it stands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="416"/>
        <source>Generating the letter of {0}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LettersButton</name>
    <message>
        <location filename="../../app/ui/case_view/discipline/letters.py" line="123"/>
        <source>&amp;Letters</source>
        <extracomment>the :class:`GeneratedReportInfo`</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/letters.py" line="125"/>
        <source>The letters of the disciplinary process for this employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/letters.py" line="159"/>
        <source>Watermarked DRAFT on every page, with no signature part.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/letters.py" line="176"/>
        <source>Generating the letter for {0}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../app/ui/login.py" line="63"/>
        <source>Casedesk is locked</source>
        <extracomment>the Actor open the encrypted database with this passphrase Quit was clicked on the lock: the application asks as quitting the window does.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="63"/>
        <source>Sign in to Casedesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="69"/>
        <source>You locked the window. Your work is kept; enter your password to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="73"/>
        <source>The window was locked after a period of inactivity. Your work is kept; enter your password to continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="77"/>
        <source>Social-media policy investigations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="95"/>
        <location filename="../../app/ui/login.py" line="211"/>
        <source>Opening the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="101"/>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="102"/>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="103"/>
        <source>Database pass&amp;phrase:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="109"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="109"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="112"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="112"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="147"/>
        <source>Database: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="169"/>
        <source>Casedesk cannot open its database; see below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="184"/>
        <source>Enter your user name and password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="188"/>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="205"/>
        <source>Enter the database passphrase, your user name and your password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/login.py" line="218"/>
        <source>Only {0} can unlock this window.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="106"/>
        <location filename="../../app/ui/main_window.py" line="464"/>
        <source>Casedesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="167"/>
        <source>&amp;File</source>
        <extracomment>The views by key; each is built when first shown or looked up. Keeps the typed work not yet recorded against a crash (started with the session&apos;s work, once Home shows its data: ``app.ui.app``). The application is ending without a user to ask (SIGTERM, the desktop session ending): the work was kept, and the window closes without asking.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="169"/>
        <source>&amp;New case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="175"/>
        <source>&amp;Capture screen…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="185"/>
        <source>Case &amp;summary report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="192"/>
        <source>&amp;Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="195"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="197"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="198"/>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="201"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="202"/>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="212"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="213"/>
        <source>&amp;User guide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="216"/>
        <source>&amp;Help for this view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="219"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="225"/>
        <source>&amp;About Casedesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="231"/>
        <source>Main toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="236"/>
        <source>&amp;Generate report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="253"/>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="257"/>
        <source>Up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="369"/>
        <source>{0}: {1} waiting for you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="401"/>
        <source>Generate a report of the case in front (Ctrl+P in the case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="402"/>
        <source>Open a case on the Cases view to generate its report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="456"/>
        <source>{0}[*] — Casedesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="462"/>
        <source>{0} — Casedesk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="480"/>
        <source>Open a case to capture the screen into it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="507"/>
        <source>Working…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="510"/>
        <source>Up to date at {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="601"/>
        <location filename="../../app/ui/main_window.py" line="649"/>
        <source>what you typed in “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewCaseDialog</name>
    <message>
        <location filename="../../app/ui/case_view/new_case.py" line="42"/>
        <source>New case</source>
        <extracomment>the new case&apos;s id</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/new_case.py" line="52"/>
        <source>Create case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/new_case.py" line="58"/>
        <source>&amp;Restricted: only I and the assigned investigator see it (Access… adds others)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/new_case.py" line="94"/>
        <source>Case {0} created.</source>
        <extracomment>The question before what was typed is thrown away, while it is open.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/new_case.py" line="124"/>
        <source>Discard this report?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/new_case.py" line="125"/>
        <source>The new case has not been created. Discard what you entered?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NewRequestDialog</name>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="63"/>
        <source>New credential request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="66"/>
        <source>AR-DHS II(G), Ark. Code Ann. § 11-2-124: an employee&apos;s username and password may be requested only for a formal investigation by Internal Affairs/Fraud, the Privacy Office or the Security Office, for a stated violation, where the account activity is reasonably believed relevant. No password is entered or stored here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="74"/>
        <source>Choose the investigating office</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="77"/>
        <source>Violation of…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="83"/>
        <source>The provision, e.g. AR-DHS 1084 IV(C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="91"/>
        <source>Why the account activity is reasonably believed relevant to the investigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="99"/>
        <source>The information sought is publicly available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="102"/>
        <source>AR-DHS II(E): public information may be viewed without any request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="104"/>
        <source>A&amp;gency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="105"/>
        <source>&amp;Case:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="106"/>
        <source>An open formal investigation of the agency.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="108"/>
        <source>Investigating &amp;office:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="109"/>
        <source>&amp;Employee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="110"/>
        <source>&amp;Platform:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="111"/>
        <source>Acco&amp;unt:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="112"/>
        <source>The account is:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="113"/>
        <source>Suspected &amp;violation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="114"/>
        <source>&amp;Justification:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="116"/>
        <source>Submit request</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesTab</name>
    <message>
        <location filename="../../app/ui/case_view/timeline.py" line="92"/>
        <source>Notes only</source>
        <extracomment>a note was added: reload the case</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/timeline.py" line="107"/>
        <source>Select an entry to read it in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/timeline.py" line="116"/>
        <source>What happened, who said what, what is next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/timeline.py" line="119"/>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/timeline.py" line="133"/>
        <source>Add a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/timeline.py" line="135"/>
        <source>&amp;Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/timeline.py" line="233"/>
        <source>a note not yet added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/timeline.py" line="244"/>
        <source>Note added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionalDateEdit</name>
    <message>
        <location filename="../../app/ui/case_view/inputs.py" line="91"/>
        <source>Not known</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverviewTab</name>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="61"/>
        <source>Save</source>
        <extracomment>the CaseDetail after a successful save the user chose to discard their edits and reload a save ended: whether it succeeded a save was refused as stale: the rest of the view may catch up the version the form&apos;s facts were loaded from The reporter revealed in this view: (case version, name, contact). Reloads of the same version keep showing it without asking again; a newer version hides it.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="63"/>
        <location filename="../../app/ui/case_view/overview.py" line="314"/>
        <source>Save the intake facts (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="64"/>
        <source>Revert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="66"/>
        <location filename="../../app/ui/case_view/overview.py" line="315"/>
        <source>Throw away your edits and show the saved facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="159"/>
        <source>Case {0} saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="198"/>
        <source>no intake facts (notes, allegations or the status)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="202"/>
        <location filename="../../app/ui/case_view/overview.py" line="254"/>
        <source>Someone else changed this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="203"/>
        <source>Also changed by {0} at {1}: {2}. Your edits are not saved yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="211"/>
        <source>Your changes ({0}) are to other fields. Merge keeps theirs and yours and saves; Reload shows the case as saved and discards your edits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="215"/>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="255"/>
        <source>{0} changed this case at {1}, after you opened it. Your edits are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="261"/>
        <source>Reload to see their changes (your edits are discarded), or keep editing, e.g. to copy what you typed first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="309"/>
        <source>Saving the intake facts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="311"/>
        <source>Nothing to save: the intake facts are as saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="312"/>
        <source>Nothing to revert: the intake facts are as saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="332"/>
        <source>your edits of the intake facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="333"/>
        <source>Revert to the intake facts as saved?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="217"/>
        <location filename="../../app/ui/case_view/overview.py" line="266"/>
        <source>Reload</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="219"/>
        <location filename="../../app/ui/case_view/overview.py" line="268"/>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="264"/>
        <source>You both changed: {0}. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="282"/>
        <source>Discard your edits?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="283"/>
        <source>Reloading shows the case as it is saved now; what you changed here is discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/overview.py" line="289"/>
        <source>Discard and reload</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PlatformPicker</name>
    <message>
        <location filename="../../app/ui/case_view/inputs.py" line="146"/>
        <source>Other platforms, separated by commas</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PolicyPanel</name>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="67"/>
        <source>Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="68"/>
        <source>Agency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="69"/>
        <source>Issued by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="70"/>
        <source>Document number:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="71"/>
        <source>Effective:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="72"/>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="73"/>
        <source>Sunset date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="74"/>
        <source>Provisions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="75"/>
        <source>References:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="86"/>
        <location filename="../../app/ui/catalog/panels.py" line="91"/>
        <source>not stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="88"/>
        <source>not stated in the policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="93"/>
        <source>none stated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="96"/>
        <source>{0} — charging conduct after it needs a confirmation that the policy is still in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="101"/>
        <source>none listed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvidedDialog</name>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="322"/>
        <source>Credentials provided under request {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="325"/>
        <source>Record that {employee} provided the credentials of {account} on {platform} for {case}. Do not enter the username or password: Casedesk records only that they were provided, by whom, to whom and when.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="340"/>
        <source>Provided &amp;by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="342"/>
        <source>Provided &amp;to (user name):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="344"/>
        <source>&amp;When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="345"/>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvisionModel</name>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="104"/>
        <source>Kind not known: the catalog needs reloading before it is charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="108"/>
        <source>Kind: {0}; can be charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="111"/>
        <source>Kind: {0}; cannot be charged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="117"/>
        <source>Charge instead: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="166"/>
        <source>Citation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="166"/>
        <source>Provision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvisionPanel</name>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="119"/>
        <source>Lead-in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="128"/>
        <source>Provision text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="132"/>
        <source>Text:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="150"/>
        <source>{0} — {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/catalog/panels.py" line="155"/>
        <source>Tags: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProvisionPicker</name>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="89"/>
        <source>Cite a provision of {0}&apos;s policy</source>
        <extracomment>The user confirmed that a policy past its sunset date was still in force. a ProvisionChoice the provisions arrived</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="96"/>
        <source>Search citations, titles and text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="100"/>
        <source>All tags</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="112"/>
        <source>Select a provision to read it in full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="115"/>
        <source>Not one employee in particular</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="122"/>
        <source>Optional: what the employee did, in a line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="133"/>
        <source>Add allegation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="146"/>
        <source>&amp;Employee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="147"/>
        <source>S&amp;ummary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="216"/>
        <source>{0} cannot be charged: it is {1}. Only a provision that prohibits or requires conduct can be the ground of an allegation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="222"/>
        <source>Charge instead: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="231"/>
        <source>Policy version: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/provision_picker.py" line="281"/>
        <source>I confirm that {0} was still in force when the conduct happened: its sunset date {1} is before the conduct (recorded in the audit trail).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PutBack</name>
    <message>
        <location filename="../../build/translations/module_strings.py" line="602"/>
        <source>The intake facts have other changes that are not saved: save or revert them first.</source>
        <extracomment>app/ui/case_view/put_back.py:118</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="604"/>
        <source>The intake facts of this case cannot be edited here.</source>
        <extracomment>app/ui/case_view/put_back.py:121</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="606"/>
        <source>This case no longer has that employee&apos;s discipline step.</source>
        <extracomment>app/ui/case_view/put_back.py:146</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="608"/>
        <source>Something was recorded in the discipline of {0} since this was typed; copy the text back by hand if it still applies.</source>
        <extracomment>app/ui/case_view/put_back.py:149</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="610"/>
        <source>Record or discard what is typed for {0} first.</source>
        <extracomment>app/ui/case_view/put_back.py:155</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="612"/>
        <source>Other text not recorded is in that step&apos;s form for {0}: record or discard it first.</source>
        <extracomment>app/ui/case_view/put_back.py:160</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="614"/>
        <source>That step&apos;s form cannot be typed in here.</source>
        <extracomment>app/ui/case_view/put_back.py:167</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="616"/>
        <source>You may not see this case&apos;s discipline.</source>
        <extracomment>app/ui/case_view/put_back.py:172</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="618"/>
        <source>Other boxes drawn on evidence item {0} are not saved: save or discard them first.</source>
        <extracomment>app/ui/case_view/put_back.py:222</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="620"/>
        <source>You may not redact evidence, so the boxes cannot be put back.</source>
        <extracomment>app/ui/case_view/put_back.py:229</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="622"/>
        <source>The picture of evidence item {0} is not shown, so the boxes cannot be put back on it.</source>
        <extracomment>app/ui/case_view/put_back.py:231</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="624"/>
        <source>This case holds no evidence item {0}.</source>
        <extracomment>app/ui/case_view/put_back.py:236</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="626"/>
        <source>You may not see this case&apos;s evidence.</source>
        <extracomment>app/ui/case_view/put_back.py:245</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="628"/>
        <source>Evidence item {0} ({1}): {2} redaction boxes drawn and not saved.</source>
        <extracomment>app/ui/case_view/put_back.py:262</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="630"/>
        <source>• {0}: {1} × {2} pixels at ({3}, {4})</source>
        <extracomment>app/ui/case_view/put_back.py:266</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <location filename="../../app/ui/case_view/workflow_bar.py" line="76"/>
        <source>Why? The reason is recorded in the case&apos;s timeline and audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/workflow_bar.py" line="107"/>
        <source>Give a reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecordListPage</name>
    <message>
        <location filename="../../app/ui/authorizations/list_page.py" line="165"/>
        <source>F&amp;ilter:</source>
        <extracomment>the table shows a fresh list from the database the form open on the page, if any</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/list_page.py" line="201"/>
        <source>Shown: {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/list_page.py" line="292"/>
        <source>Select a row to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveredWorkDialog</name>
    <message>
        <location filename="../../app/ui/recovery.py" line="303"/>
        <source>Recovered work</source>
        <extracomment>How often the window&apos;s unrecorded text is looked at (and kept when it changed). Kept again even unchanged after this long, so a live session&apos;s drafts stay fresh (``services.recovery.QUIET_FOR`` is 90 s). This window session&apos;s id: its drafts, and which drafts are another&apos;s. Puts a draft back (:meth:`WorkRecovery.put_back`): then &quot;placed&quot;, or &quot;refused&quot; and why.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="307"/>
        <source>Casedesk ended before this work was recorded (it was stopped, or the computer was). Nothing of it is in the case yet: put it back where it was typed (a note, a finding, the intake facts, a step of the discipline flow, redaction boxes), or copy what you need back into its place, and record it there. It is kept here until you put it back or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="325"/>
        <source>&amp;Put back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="376"/>
        <source>Open the case with this note back in its note editor, to add it there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="327"/>
        <source>&amp;Copy text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="329"/>
        <source>&amp;Open case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="331"/>
        <source>&amp;Discard…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="337"/>
        <source>Keep the rest for the next sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="355"/>
        <source>{0} (kept {1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="377"/>
        <source>Open the evidence item with these boxes back on its picture, to check and save them there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="379"/>
        <source>Open the case with this finding back in its allegation&apos;s finding editor, to record it there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="381"/>
        <source>Open the case with this text back in its intake facts, to check and save them there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="383"/>
        <source>Open the case with this text back in its step of the discipline flow, to record it there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="385"/>
        <source>Open a new case form with this text back in it, to create the case there</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="408"/>
        <source>Boxes put back in {0}: save them there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="409"/>
        <source>Finding put back in {0}: record it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="410"/>
        <source>Intake facts put back in {0}: save them there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="411"/>
        <source>Discipline step put back in {0}: record it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="412"/>
        <source>The new case form is open again: create the case there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="413"/>
        <source>Note put back in {0}: add it there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="421"/>
        <source>Put back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="422"/>
        <source>This work cannot be put back: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="425"/>
        <source>It stays here: copy its text, or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="436"/>
        <source>The recovered text is on the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="451"/>
        <source>Discard recovered work</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="452"/>
        <source>Discard “{0}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="453"/>
        <source>Its text is removed from the database and cannot be brought back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/recovery.py" line="454"/>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RegionOverlay</name>
    <message>
        <location filename="../../app/ui/evidence/capture.py" line="139"/>
        <source>Drag a rectangle over the part to capture. Esc cancels.</source>
        <extracomment>the region in the overlay&apos;s (logical) coordinates</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="289"/>
        <source>Generate report — {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="291"/>
        <source>&amp;Disciplinary report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="294"/>
        <source>Case &amp;summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="302"/>
        <source>Every evidence item is re-hashed first; the report is refused if one no longer matches. The report is recorded with its SHA-256.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="305"/>
        <source>Kind:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="307"/>
        <source>&amp;Employee:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="308"/>
        <source>Include &amp;void evidence (printed as VOID)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="311"/>
        <source>Void items are left out unless chosen; when included, each is marked VOID with the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/report_dialog.py" line="345"/>
        <source>Generating the report of {0}…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ResetPasswordDialog</name>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="325"/>
        <source>Reset password of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="328"/>
        <source>Set a new password for {0} ({1})? Their current password stops working at once and any lock-out is lifted. Give them the new password in person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="336"/>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="339"/>
        <source>At least {0} characters, hard to guess (several uncommon words), without the user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="344"/>
        <source>&amp;Repeat password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="345"/>
        <source>Reset password</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="303"/>
        <source>Review meeting on authorization {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="305"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="307"/>
        <source>{0}, overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="310"/>
        <source>MA-DYS-01.05.22 B.3.b: {employee} meets periodically with {supervisor} to review the use of social media in the investigation ({account} on {platform}). Next review due: {due}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="318"/>
        <source>What was reviewed and decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="320"/>
        <source>&amp;Meeting date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="321"/>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="322"/>
        <source>Record review</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="345"/>
        <source>Revoke authorization {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="348"/>
        <source>Revoke the authorization of {employee} for {account} on {platform}? From the revocation date on, evidence captured under it is no longer covered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="354"/>
        <source>Why the authorization is revoked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="355"/>
        <source>Re&amp;voked from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="356"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/authorization_dialogs.py" line="357"/>
        <source>Revoke</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="297"/>
        <source>Roles of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="299"/>
        <source>Choose the roles of {0} ({1}); permissions add up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="304"/>
        <source>Roles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/dialogs.py" line="305"/>
        <source>Save roles</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../../app/ui/authorizations/forms.py" line="274"/>
        <source>Not allowed:</source>
        <extracomment>the reasons as plain text, as shown the service&apos;s result, once stored A reason&apos;s or an error&apos;s field → the key of the row that shows it. the message line of each row, by key the input of each row, by key</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ScreenCapture</name>
    <message>
        <location filename="../../app/ui/evidence/capture.py" line="249"/>
        <source>The screen could not be captured on this display.</source>
        <extracomment>PendingImage, the aware capture time</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/capture.py" line="282"/>
        <source>screen-capture-{0}.png</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsForm</name>
    <message>
        <location filename="../../app/ui/settings_view/page.py" line="59"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view/page.py" line="92"/>
        <source>Where it comes from: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view/page.py" line="115"/>
        <source> (default {0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view/page.py" line="116"/>
        <source> (not set: no default)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../app/ui/settings_view/page.py" line="165"/>
        <source>Business settings</source>
        <extracomment>settings were stored (how many)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view/page.py" line="165"/>
        <source>required</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view/page.py" line="168"/>
        <source>These apply to everyone who uses this database. A changed value is recorded in the audit log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view/page.py" line="174"/>
        <source>Discipline settings of an agency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view/page.py" line="175"/>
        <source>not set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view/page.py" line="178"/>
        <source>Facts the law leaves to the agency&apos;s own rules. None has a default: a field left empty is not set, and a step that needs it is refused and names it. Hover a label to see where the value comes from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view/page.py" line="189"/>
        <source>&amp;Agency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view/page.py" line="246"/>
        <source>Settings changed, not saved:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view/page.py" line="234"/>
        <source>the business settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view/page.py" line="236"/>
        <location filename="../../app/ui/settings_view/page.py" line="265"/>
        <source>the discipline settings of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/settings_view/page.py" line="283"/>
        <source>Nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/settings_view/page.py" line="296"/>
        <source>%n setting(s) saved.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../app/ui/help/shortcuts.py" line="67"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/shortcuts.py" line="71"/>
        <source>Shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/help/shortcuts.py" line="71"/>
        <source>What it does</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepPages</name>
    <message>
        <location filename="../../app/ui/case_view/discipline/pages.py" line="66"/>
        <source>1 Notice</source>
        <extracomment>The page shown for each stage of the flow: the step that comes next.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/pages.py" line="67"/>
        <source>2 Response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/pages.py" line="68"/>
        <source>3 Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/pages.py" line="69"/>
        <source>4 Appeal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/pages.py" line="70"/>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/pages.py" line="138"/>
        <source>No decision in force to appeal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/pages.py" line="140"/>
        <source>Last day to appeal: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StepRecording</name>
    <message>
        <location filename="../../app/ui/case_view/discipline/recording.py" line="91"/>
        <source>Pre-action notice recorded for {0}.</source>
        <extracomment>a step was recorded: reload the case Dialogs and questions are the tab&apos;s windows, and a call ends with the tab.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/recording.py" line="100"/>
        <source>Response recorded for {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/recording.py" line="112"/>
        <source>Decision recorded for {0}: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/recording.py" line="148"/>
        <source>Decision withdrawn for {0}: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/recording.py" line="158"/>
        <source>Appeal recorded for {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/recording.py" line="168"/>
        <source>Appeal outcome recorded for {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/discipline/recording.py" line="175"/>
        <source>Findings referred to the provider for {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SubjectPicker</name>
    <message>
        <location filename="../../app/ui/case_view/inputs.py" line="214"/>
        <source>Type a name to find an employee</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/inputs.py" line="215"/>
        <source>Add subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/inputs.py" line="217"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/inputs.py" line="219"/>
        <source>New employee…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/inputs.py" line="293"/>
        <source>Employee {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <location filename="../../build/translations/module_strings.py" line="632"/>
        <source>yes</source>
        <extracomment>app/ui/case_view/timeline_text.py:52</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="634"/>
        <source>no</source>
        <extracomment>app/ui/case_view/timeline_text.py:52</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="636"/>
        <source>none</source>
        <extracomment>app/ui/case_view/timeline_text.py:54</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="638"/>
        <source>Case opened: {0}</source>
        <extracomment>app/ui/case_view/timeline_text.py:65</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="640"/>
        <source>Status: {0} → {1}</source>
        <extracomment>app/ui/case_view/timeline_text.py:70</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="642"/>
        <source>{0}: changed</source>
        <extracomment>app/ui/case_view/timeline_text.py:90</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="644"/>
        <source>Intake facts changed: {0}</source>
        <extracomment>app/ui/case_view/timeline_text.py:91</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="646"/>
        <source>Allegation added: {0}</source>
        <extracomment>app/ui/case_view/timeline_text.py:93</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="648"/>
        <source>Allegation withdrawn: {0}</source>
        <extracomment>app/ui/case_view/timeline_text.py:95</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="650"/>
        <source>an allegation</source>
        <extracomment>app/ui/case_view/timeline_text.py:98</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="652"/>
        <source>Finding on {0}: {1} → {2}</source>
        <extracomment>app/ui/case_view/timeline_text.py:99</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="654"/>
        <source>Viewed the confidential reporter&apos;s identity</source>
        <extracomment>app/ui/case_view/timeline_text.py:106</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="656"/>
        <source>Case bundle exported: {0} ({1} items)</source>
        <extracomment>app/ui/case_view/timeline_text.py:110</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="658"/>
        <source>Bundle SHA-256: {0}</source>
        <extracomment>app/ui/case_view/timeline_text.py:113</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="660"/>
        <source>Discipline decided on {0}: {1}, effective {2}</source>
        <extracomment>app/ui/case_view/timeline_text.py:117</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="662"/>
        <source>Discipline decided: {0}, effective {1}</source>
        <extracomment>app/ui/case_view/timeline_text.py:121</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="664"/>
        <source>Suspension cap overridden</source>
        <extracomment>app/ui/case_view/timeline_text.py:134</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="666"/>
        <source>Report generated: {0}</source>
        <extracomment>app/ui/case_view/timeline_text.py:136</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="668"/>
        <source>PDF SHA-256: {0}</source>
        <extracomment>app/ui/case_view/timeline_text.py:137</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="670"/>
        <source>disciplinary report</source>
        <extracomment>app/ui/case_view/timeline_text.py:150</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="672"/>
        <source>case summary</source>
        <extracomment>app/ui/case_view/timeline_text.py:151</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="674"/>
        <source>authorization log</source>
        <extracomment>app/ui/case_view/timeline_text.py:152</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="676"/>
        <source>SHA-256: {0}</source>
        <extracomment>app/ui/case_view/timeline_text.py:162</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="678"/>
        <source>Evidence item {0} added: {1}</source>
        <extracomment>app/ui/case_view/timeline_text.py:164</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="680"/>
        <source>Page source attached to evidence item {0}: {1}</source>
        <extracomment>app/ui/case_view/timeline_text.py:165</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="682"/>
        <source>Evidence item {0} viewed</source>
        <extracomment>app/ui/case_view/timeline_text.py:166</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="684"/>
        <source>Evidence item {0} exported</source>
        <extracomment>app/ui/case_view/timeline_text.py:167</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="686"/>
        <source>Evidence item {0} included in a report</source>
        <extracomment>app/ui/case_view/timeline_text.py:168</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="688"/>
        <source>Redaction of evidence item {0} changed</source>
        <extracomment>app/ui/case_view/timeline_text.py:169</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="690"/>
        <source>Details of evidence item {0} amended</source>
        <extracomment>app/ui/case_view/timeline_text.py:170</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="692"/>
        <source>Evidence item {0} made void</source>
        <extracomment>app/ui/case_view/timeline_text.py:171</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="694"/>
        <source>Evidence item {0} verified</source>
        <extracomment>app/ui/case_view/timeline_text.py:172</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="696"/>
        <source>Evidence item {0} FAILED its integrity check</source>
        <extracomment>app/ui/case_view/timeline_text.py:173</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="698"/>
        <source>Evidence item {0} FAILED verification</source>
        <extracomment>app/ui/case_view/timeline_text.py:179</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="700"/>
        <source>Redaction of evidence item {0}: {1} boxes</source>
        <extracomment>app/ui/case_view/timeline_text.py:182</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="702"/>
        <source>{0} ({1} working days)</source>
        <extracomment>app/ui/case_view/timeline_text.py:194</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="704"/>
        <source>Pre-action notice given on {0}: {1} proposed</source>
        <extracomment>app/ui/case_view/timeline_text.py:195</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="706"/>
        <source>Given by {0}; {1} working days to respond</source>
        <extracomment>app/ui/case_view/timeline_text.py:198</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="708"/>
        <source>No response to the notice by its deadline</source>
        <extracomment>app/ui/case_view/timeline_text.py:204</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="710"/>
        <source>Response to the notice received on {0}</source>
        <extracomment>app/ui/case_view/timeline_text.py:206</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="712"/>
        <source>Files given with it: {0}</source>
        <extracomment>app/ui/case_view/timeline_text.py:209</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="714"/>
        <source>Discipline withdrawn: {0}, effective {1}</source>
        <extracomment>app/ui/case_view/timeline_text.py:211</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="716"/>
        <source>Appeal filed on {0}</source>
        <extracomment>app/ui/case_view/timeline_text.py:216</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="718"/>
        <source>Appeal decided on {0}: {1}</source>
        <extracomment>app/ui/case_view/timeline_text.py:224</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="720"/>
        <source>Findings referred to {0} on {1}</source>
        <extracomment>app/ui/case_view/timeline_text.py:227</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="722"/>
        <source>Access restricted to listed users</source>
        <extracomment>app/ui/case_view/timeline_text.py:240</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="724"/>
        <source>Access restriction lifted</source>
        <extracomment>app/ui/case_view/timeline_text.py:242</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="726"/>
        <source>Restricted case viewed</source>
        <extracomment>app/ui/case_view/timeline_text.py:244</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="728"/>
        <source>Conflict of interest allowed for {0}</source>
        <extracomment>app/ui/case_view/timeline_text.py:246</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="730"/>
        <source>{0} recorded as involved in the case</source>
        <extracomment>app/ui/case_view/timeline_text.py:249</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="732"/>
        <source>Authorization {0} logged: {1}</source>
        <extracomment>app/ui/case_view/timeline_text.py:259</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="734"/>
        <source>Starts on {0}</source>
        <extracomment>app/ui/case_view/timeline_text.py:260</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="736"/>
        <source>Authorization {0} revoked from {1}</source>
        <extracomment>app/ui/case_view/timeline_text.py:261</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineModel</name>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="235"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="235"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/case_view/models.py" line="235"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UseDialog</name>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="270"/>
        <source>Record a use of request {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="273"/>
        <source>AR-DHS II(G): the credentials may only be used for the formal investigation they were requested for ({case}) or a related proceeding, while it is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="281"/>
        <source>What the credentials were used for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="282"/>
        <source>&amp;Case:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="283"/>
        <source>&amp;Purpose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="284"/>
        <source>Record use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="298"/>
        <source>Choose the case.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <location filename="../../app/ui/users/model.py" line="133"/>
        <source>Disabled</source>
        <extracomment>a value that sorts the column sensibly an :class:`AccountState`</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="135"/>
        <source>Locked until {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="136"/>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="139"/>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="142"/>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="144"/>
        <source>{0} (to review)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="161"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="162"/>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="163"/>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="164"/>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="165"/>
        <source>Last sign-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/model.py" line="166"/>
        <source>Agencies</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <location filename="../../app/ui/users/page.py" line="68"/>
        <source>Filter by user name, name, role or state</source>
        <extracomment>the table shows a fresh list from the database</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="71"/>
        <source>F&amp;ilter:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="98"/>
        <source>&amp;Add user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="99"/>
        <source>R&amp;oles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="101"/>
        <source>A&amp;gencies…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="103"/>
        <location filename="../../app/ui/users/page.py" line="356"/>
        <source>&amp;Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="104"/>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="106"/>
        <source>Reset &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="138"/>
        <source>You can see the accounts; only an administrator can change them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="273"/>
        <source>Disable account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="274"/>
        <source>Disable the account of {0} ({1})?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="278"/>
        <source>{0} can no longer sign in or unlock a locked window. Their cases, records and audit trail stay as they are; an administrator can enable the account again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="282"/>
        <source>Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="320"/>
        <source>Saved the account {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="334"/>
        <source>Accounts: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="337"/>
        <source>— {0} with agencies to review (Agencies…): an upgrade gave them the agencies of the cases they worked on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/users/page.py" line="356"/>
        <source>E&amp;nable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="280"/>
        <source>Make evidence {0} void</source>
        <extracomment>the EvidenceInfo, now void</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="282"/>
        <source>{0} stays in the case with its bytes and chain of custody, marked VOID. Reports and bundles leave it out unless you ask for void items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="287"/>
        <source>Why the item is void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="294"/>
        <source>Make &amp;void</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="299"/>
        <source>&amp;Reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/evidence/amend.py" line="311"/>
        <source>Say why the item is void.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WithdrawDecisionDialog</name>
    <message>
        <location filename="../../build/translations/module_strings.py" line="494"/>
        <source>Withdraw decision</source>
        <extracomment>app/ui/case_view/discipline/withdraw.py:36</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="496"/>
        <source>Withdraw the decision for &lt;b&gt;{0}&lt;/b&gt;: {1}? It stays on record, marked withdrawn, but no longer counts as prior discipline or toward the suspension cap, and the disciplinary report no longer shows it.</source>
        <extracomment>app/ui/case_view/discipline/withdraw.py:38</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="498"/>
        <source>Why the decision is withdrawn, e.g. the findings were revised on appeal.</source>
        <extracomment>app/ui/case_view/discipline/withdraw.py:50</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="500"/>
        <source>&amp;Reason (audited):</source>
        <extracomment>app/ui/case_view/discipline/withdraw.py:52</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="502"/>
        <source>&amp;Withdraw decision</source>
        <extracomment>app/ui/case_view/discipline/withdraw.py:60</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="504"/>
        <source>Give the reason for withdrawing the decision.</source>
        <extracomment>app/ui/case_view/discipline/withdraw.py:81</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <location filename="../../build/translations/module_strings.py" line="900"/>
        <source>(Credentials provided… in the Credential requests view)</source>
        <extracomment>app/ui/wording.py:30</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="902"/>
        <source>in the Users view</source>
        <extracomment>app/ui/wording.py:32</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="904"/>
        <source>add them first (Add employee… beside the subjects of a case)</source>
        <extracomment>app/ui/wording.py:35</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="906"/>
        <source>Ask an administrator to verify the audit log</source>
        <extracomment>app/ui/wording.py:39</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="908"/>
        <source>verifies the audit log</source>
        <extracomment>app/ui/wording.py:41</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="910"/>
        <source>an administrator&apos;s command</source>
        <extracomment>app/ui/wording.py:43</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkRecovery</name>
    <message>
        <location filename="../../build/translations/module_strings.py" line="882"/>
        <source>Typed work could not be kept against a crash (details in {0}); record it soon.</source>
        <extracomment>app/ui/recovery.py:146</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="884"/>
        <source>Typed work is kept against a crash again.</source>
        <extracomment>app/ui/recovery.py:159</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="886"/>
        <source>Typed work could not be kept against a crash ({0}); record it soon.</source>
        <extracomment>app/ui/recovery.py:167</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="888"/>
        <source>You may not create cases.</source>
        <extracomment>app/ui/recovery.py:265</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="890"/>
        <source>The new case form has none of the inputs this text was typed in.</source>
        <extracomment>app/ui/recovery.py:273</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="892"/>
        <source>Work kept from an earlier session could not be read ({0}).</source>
        <extracomment>app/ui/recovery.py:277</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="894"/>
        <source>Text</source>
        <extracomment>app/ui/typed_work.py:44</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="896"/>
        <source>yes</source>
        <extracomment>app/ui/typed_work.py:136</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../build/translations/module_strings.py" line="898"/>
        <source>no</source>
        <extracomment>app/ui/typed_work.py:136</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorkflowBar</name>
    <message>
        <location filename="../../app/ui/case_view/workflow_bar.py" line="47"/>
        <source>Move the case to {0}</source>
        <extracomment>the Transition clicked</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_PackForm</name>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="44"/>
        <source>No agency on file has credential-request rules (rule packs exist for: {0}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/authorizations/credential_dialogs.py" line="48"/>
        <source>Choose the case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>combo</name>
    <message>
        <location filename="../../app/ui/authorizations/forms.py" line="64"/>
        <source>Choose or type the platform</source>
        <extracomment>A date input&apos;s property: its day may not be after today (said beside it as typed).</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>label</name>
    <message>
        <location filename="../../app/ui/form_messages.py" line="117"/>
        <location filename="../../app/ui/form_messages.py" line="118"/>
        <source>Required</source>
        <extracomment>What a required input&apos;s label ends with.</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
