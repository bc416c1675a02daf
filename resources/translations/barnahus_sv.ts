<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../ui/admin_panel.py" line="+120"/>
        <source>Add a user</source>
        <translation>Lägg till en användare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;User name:</source>
        <translation>&amp;Användarnamn:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User name</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Fullständigt namn:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full name</source>
        <translation>Fullständigt namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Roles:</source>
        <translation>&amp;Roller:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../ui/first_run.py" line="+166"/>
        <source>Your centre and its administrator</source>
        <translation>Ert centrum och dess administratör</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The administrator manages staff accounts and settings. The administrator&apos;s account does not see case content.</source>
        <translation>Administratören sköter personalens konton och inställningarna. Administratörens konto ser inte innehållet i ärendena.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Create the record</source>
        <translation>S&amp;kapa registret</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Centre&apos;s name:</source>
        <translation>&amp;Centrets namn:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Centre&apos;s name</source>
        <translation>Centrets namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. Barnahus Linköping</source>
        <translation>t.ex. Barnahus Linköping</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name:</source>
        <translation>&amp;Användarnamn:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Administrator&apos;s user name</source>
        <translation>Administratörens användarnamn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>e.g. admin or a.berg</source>
        <translation>t.ex. admin eller a.berg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Full name:</source>
        <translation>&amp;Fullständigt namn:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Administrator&apos;s full name</source>
        <translation>Administratörens fullständiga namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As staff will see it, e.g. Anna Berg</source>
        <translation>Så som personalen ser det, t.ex. Anna Berg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least {n} characters. A few unrelated words are easy to remember and hard to guess.</source>
        <translation>Minst {n} tecken. Några ord som inte hör ihop är lätta att komma ihåg och svåra att gissa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password &amp;again:</source>
        <translation>Lösenordet &amp;igen:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password again</source>
        <translation>Lösenordet igen</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The two passwords are not the same. Type them again.</source>
        <translation>De två lösenorden är inte likadana. Skriv dem igen.</translation>
    </message>
</context>
<context>
    <name>AdminPanel</name>
    <message>
        <location filename="../../ui/admin_panel.py" line="+67"/>
        <location line="+151"/>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location line="-144"/>
        <location line="+5"/>
        <source>Users</source>
        <translation>Användare</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>User name</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Full name</source>
        <translation>Fullständigt namn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Add a user…</source>
        <translation>&amp;Lägg till en användare…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set r&amp;oles…</source>
        <translation>Ange r&amp;oller…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset &amp;password…</source>
        <translation>Återställ löse&amp;nord…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+96"/>
        <source>&amp;Disable</source>
        <translation>&amp;Inaktivera</translation>
    </message>
    <message>
        <location line="-87"/>
        <source>Record settings</source>
        <translation>Registrets inställningar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lock after this many minutes without use</source>
        <translation>Lås efter så här många minuter utan användning</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear copied identifiers after this many seconds</source>
        <translation>Töm kopierade identifierare efter så här många sekunder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Loc&amp;k after this many minutes without use:</source>
        <translation>Lås efter så här många minuter utan an&amp;vändning:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Clear copied identifiers a&amp;fter:</source>
        <translation>Töm kopierade identifierare e&amp;fter:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Sa&amp;ve settings</source>
        <translation>&amp;Spara inställningarna</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>Inaktiverad</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>&amp;Enable…</source>
        <translation>&amp;Aktivera…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The user was added. They can unlock the record now.</source>
        <translation>Användaren lades till och kan nu låsa upp registret.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The roles of {name} were changed.</source>
        <translation>Rollerna för {name} ändrades.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The password of {name} was reset.</source>
        <translation>Lösenordet för {name} återställdes.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name} can unlock the record again.</source>
        <translation>{name} kan låsa upp registret igen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disable the account of {name}? They will no longer be able to unlock the record. To enable it again you will give them a new password.</source>
        <translation>Inaktivera kontot för {name}? Hen kan då inte längre låsa upp registret. För att aktivera kontot igen ger du hen ett nytt lösenord.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The account of {name} is disabled.</source>
        <translation>Kontot för {name} är inaktiverat.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved. The record now locks after {n} minutes without use.</source>
        <translation>Sparat. Registret låses nu efter {n} minuter utan användning.</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../ui/case_list.py" line="+152"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Child</source>
        <translation type="unfinished">Barn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <source>Emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Click to sort by this column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This column cannot be sorted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Triage: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <location line="+115"/>
        <source>Search by name or reference (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finds cases by case reference, police or prosecution reference, or the name of a person in the case. Press Down to move to the list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;New case</source>
        <translation type="unfinished">&amp;Nytt ärende</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the intake of a new case (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Any status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any case lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any form of abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Emergencies only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No emergencies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With or without emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oldest first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form of abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+111"/>
        <source>Emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-110"/>
        <source>Sort by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Sort:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cases</source>
        <translation type="unfinished">Ärenden</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Number of cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+169"/>
        <source>1 case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No cases match the search and filters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There are no cases yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <location filename="../../ui/case_workspace.py" line="+611"/>
        <location line="+83"/>
        <location line="+227"/>
        <source>Emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-308"/>
        <location line="+1"/>
        <source>Emergency: remove the child from harm at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the changes (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+526"/>
        <source>&amp;Overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-522"/>
        <source>Case &amp;details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+229"/>
        <source>Report received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-228"/>
        <location line="+229"/>
        <source>Referred by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-228"/>
        <location line="+2"/>
        <location line="+4"/>
        <location line="+190"/>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-195"/>
        <location line="+228"/>
        <source>Reporter&apos;s profession</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-226"/>
        <location line="+227"/>
        <source>Ex officio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-227"/>
        <source>Opened without a complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+227"/>
        <source>Screened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-227"/>
        <location line="+3"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+227"/>
        <source>Triage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-226"/>
        <source>Remove the child from harm at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+228"/>
        <source>Acted on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-227"/>
        <location line="+231"/>
        <source>Case</source>
        <translation type="unfinished">Ärende</translation>
    </message>
    <message>
        <location line="-230"/>
        <location line="+233"/>
        <source>Status</source>
        <translation type="unfinished">Status</translation>
    </message>
    <message>
        <location line="-226"/>
        <location line="+227"/>
        <source>Case lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-226"/>
        <source>Choose the case lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+226"/>
        <source>Jurisdiction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-225"/>
        <source>Choose a jurisdiction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+225"/>
        <source>Police reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-224"/>
        <location line="+225"/>
        <source>Prosecution reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-221"/>
        <source>Forms of abuse and exploitation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+221"/>
        <source>Forms of abuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-220"/>
        <source>Tick every form that applies (Space ticks the selected line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+256"/>
        <source>Summary of the referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-238"/>
        <location line="+3"/>
        <source>Persons in this case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add ch&amp;ild</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add other p&amp;erson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A carer, alleged offender, witness, guardian or trusted person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move (not saved yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No persons are recorded in this case yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the child first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+75"/>
        <source>New person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Referral and screening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Yes, opened without a complaint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yes: remove the child from harm at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Children</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No child is recorded in this case yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>date of birth not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Other persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No other person is recorded in this case yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>relationship to the child: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the child was told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+25"/>
        <source>No contact: %1 and %2 must never be in the building at the same time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a person outside this case (no. %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+1"/>
        <source>Status: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+134"/>
        <source>add the child to the case first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+22"/>
        <location line="+255"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-169"/>
        <source>Not saved: one field needs attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not saved: %1 fields need attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-159"/>
        <source>Not saved: choose whether %1 is a person already in the record.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-164"/>
        <location line="+343"/>
        <source>born %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>type at least the given name to look for a person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No one with this name is in the record yet. A new person will be created when you save.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Using the existing record of this person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unsaved changes</source>
        <translation type="unfinished">Osparade ändringar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has changes that are not saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save them before closing?</source>
        <translation type="unfinished">Spara dem innan du stänger?</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Not saved: check the marked field.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <location filename="../../ui/today.py" line="+537"/>
        <source>Complete a reminder</source>
        <translation>Slutför en påminnelse</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record that this review was done. The next review falls due from the day it was done, until the team records the child&apos;s full recovery.</source>
        <translation>Registrera att uppföljningen är gjord. Nästa uppföljning räknas från den dag den gjordes, tills teamet registrerar att barnet har återhämtat sig helt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record that this milestone was followed up. The child&apos;s later milestones still come.</source>
        <translation>Registrera att milstolpen är uppföljd. Barnets senare milstolpar kommer ändå.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record that this was done. The reminder ends.</source>
        <translation>Registrera att detta är gjort. Påminnelsen avslutas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Complete</source>
        <translation>&amp;Slutför</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Done on:</source>
        <translation>&amp;Utförd den:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done on</source>
        <translation>Utförd den</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Note (optional):</source>
        <translation>&amp;Anteckning (frivillig):</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
</context>
<context>
    <name>ConfirmPage</name>
    <message>
        <location filename="../../ui/first_run.py" line="+134"/>
        <source>Check that you kept the key</source>
        <translation>Kontrollera att du har sparat nyckeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type one group of the key, to show that you have it.</source>
        <translation>Skriv en grupp av nyckeln för att visa att du har den.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Look at the key you printed or saved, and type group {n} of it: the block of eight characters under “Group {n}”. You can go back to see the key again.</source>
        <translation>Titta på nyckeln som du skrev ut eller sparade och skriv grupp {n}: de åtta tecknen under ”Grupp {n}”. Du kan gå tillbaka och se nyckeln igen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Group {n}:</source>
        <translation>&amp;Grupp {n}:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group {n} of the recovery key</source>
        <translation>Grupp {n} av återställningsnyckeln</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>That is not group {n}. Check the key you printed or saved, or go back to see it again.</source>
        <translation>Det är inte grupp {n}. Kontrollera nyckeln som du skrev ut eller sparade, eller gå tillbaka och se den igen.</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../ui/feedback.py" line="+16"/>
        <source>Wrong user name or password.</source>
        <translation>Fel användarnamn eller lösenord.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This session is closed; unlock the record again.</source>
        <translation>Sessionen är stängd. Lås upp registret igen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>use 1 to 64 letters, digits, dots, hyphens or underscores.</source>
        <translation>använd 1 till 64 bokstäver, siffror, punkter, bindestreck eller understreck.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be at least 10 characters long.</source>
        <translation>måste vara minst 10 tecken långt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be at most 1024 characters long.</source>
        <translation>får vara högst 1024 tecken långt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give at least one role.</source>
        <translation>ange minst en roll.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>give at least one role; disable the user instead.</source>
        <translation>ange minst en roll, eller inaktivera användaren i stället.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the record must keep at least one active administrator.</source>
        <translation>registret måste ha minst en aktiv administratör.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is required.</source>
        <translation>måste fyllas i.</translation>
    </message>
    <message>
        <location filename="../../ui/today.py" line="-518"/>
        <source>Snoozing needs a new date: when should it come back?</source>
        <translation>Att skjuta upp kräver ett nytt datum: när ska påminnelsen komma tillbaka?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>must be after today.</source>
        <translation>måste vara efter i dag.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is in the future.</source>
        <translation>ligger i framtiden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not a date (use YYYY-MM-DD).</source>
        <translation>är inget datum (använd ÅÅÅÅ-MM-DD).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>is not an open reminder of this follow-up.</source>
        <translation>är ingen öppen påminnelse i den här uppföljningen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This follow-up has no open reminder: it was completed, declined, or cannot be computed yet.</source>
        <translation>Den här uppföljningen har ingen öppen påminnelse: den är slutförd eller avböjd, eller kan inte beräknas ännu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This follow-up belongs to another discipline; your roles do not allow you to change it (followup: update).</source>
        <translation>Den här uppföljningen hör till en annan yrkesgrupp; dina roller tillåter inte att du ändrar den (followup: update).</translation>
    </message>
</context>
<context>
    <name>CreatingPage</name>
    <message>
        <location filename="../../ui/first_run.py" line="-159"/>
        <location line="+9"/>
        <source>Creating the record</source>
        <translation>Registret skapas</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>The record file and the administrator&apos;s key are being made.</source>
        <translation>Registerfilen och administratörens nyckel skapas.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Creating the encrypted record and the administrator&apos;s key. This takes a few seconds…</source>
        <translation>Det krypterade registret och administratörens nyckel skapas. Det tar några sekunder…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The record was created.</source>
        <translation>Registret har skapats.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The record was not created.</source>
        <translation>Registret skapades inte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go back to change what is needed.</source>
        <translation>Gå tillbaka och ändra det som behövs.</translation>
    </message>
</context>
<context>
    <name>DeclineDialog</name>
    <message>
        <location filename="../../ui/today.py" line="+523"/>
        <source>Decline a reminder</source>
        <translation>Avböj en påminnelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Decline</source>
        <translation>&amp;Avböj</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record why this will not be done. Without a date to offer it again, the regular reviews end.</source>
        <translation>Ange varför detta inte blir gjort. Utan ett datum då den erbjuds igen upphör de återkommande uppföljningarna.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record why this will not be done. Only this milestone ends: the child&apos;s later milestones still come.</source>
        <translation>Ange varför detta inte blir gjort. Bara den här milstolpen upphör: barnets senare milstolpar kommer ändå.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record why this will not be done. The reminder ends, unless you give a date to offer it again.</source>
        <translation>Ange varför detta inte blir gjort. Påminnelsen upphör, om du inte anger ett datum då den erbjuds igen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Skäl:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required. For example: declined further contact.</source>
        <translation>Måste fyllas i. Till exempel: avböjde fortsatt kontakt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;On this date:</source>
        <translation>&amp;På detta datum:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date to offer again</source>
        <translation>Datum då den erbjuds igen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Offer again:</source>
        <translation>Erbjud igen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional. On that date the reminder comes back.</source>
        <translation>Frivilligt. Den dagen kommer påminnelsen tillbaka.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offer again</source>
        <translation>Erbjud igen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Offer again on a date</source>
        <translation>Erbjud igen på ett datum</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../ui/first_run.py" line="+117"/>
        <source>The record is ready</source>
        <translation>Registret är klart</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everything is in place.</source>
        <translation>Allt är på plats.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Next, unlock the record with the user name “{user}” and the password you chose.

Then, under Administration, add the staff who will work with the record, each with their own roles.</source>
        <translation>Lås nu upp registret med användarnamnet ”{user}” och lösenordet som du valde.

Lägg sedan till personalen som ska arbeta i registret under Administration, var och en med sina egna roller.</translation>
    </message>
</context>
<context>
    <name>DuplicatePersonDialog</name>
    <message>
        <location filename="../../ui/case_workspace.py" line="-1202"/>
        <source>Is this person already in the record?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>These persons in the record have a similar name or the same date of birth. If one of them is the person you are entering, use that record: one person keeps one record across all their cases.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You entered: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Persons already in the record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>born %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date of birth not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2 (person no. %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Using an existing person links their record as it is stored; check their details afterwards.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Use the selected person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create a &amp;new person</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <location filename="../../ui/field_widgets.py" line="+254"/>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/first_run.py" line="+23"/>
        <source>Set up Barnahus Case Record</source>
        <translation>Kom igång med Barnahus Case Record</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Barnahus Case Record: recovery key</source>
        <translation>Barnahus Case Record: återställningsnyckel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record file: {path}</source>
        <translation>Registerfil: {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Created on {date}</source>
        <translation>Skapad {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This key opens the record if every administrator password is lost. Anyone who has this key and the record file can read the record.</source>
        <translation>Den här nyckeln öppnar registret om alla administratörers lösenord har gått förlorade. Den som har nyckeln och registerfilen kan läsa registret.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep this page locked away, apart from the computer that holds the record. Do not photograph it, e-mail it or keep it in the same folder as the record.</source>
        <translation>Förvara sidan inlåst och skild från datorn där registret finns. Fotografera den inte, skicka den inte med e-post och spara den inte i samma mapp som registret.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Barnahus recovery key</source>
        <translation>Barnahus återställningsnyckel</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Print the recovery key</source>
        <translation>Skriv ut återställningsnyckeln</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sent to the printer. Check that the page came out whole.</source>
        <translation>Skickad till skrivaren. Kontrollera att hela sidan kom ut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Barnahus recovery key.pdf</source>
        <translation>Barnahus återställningsnyckel.pdf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the recovery key as PDF</source>
        <translation>Spara återställningsnyckeln som PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The PDF could not be written to {path}. Choose another place.</source>
        <translation>PDF-filen kunde inte sparas i {path}. Välj en annan plats.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved to {path}. If that is on this computer, move it to a USB stick or print it, and then delete it here.</source>
        <translation>Sparad i {path}. Om det är på den här datorn: flytta den till ett USB-minne eller skriv ut den, och radera den sedan här.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Open a record</source>
        <translation>Öppna ett register</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barnahus records (*.barnahus);;All files (*)</source>
        <translation>Barnahus-register (*.barnahus);;Alla filer (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Close without confirming the key?</source>
        <translation>Stänga utan att bekräfta nyckeln?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The record was created, but you have not yet confirmed that you kept its recovery key. Without the key, a lost administrator password cannot be recovered.

Close anyway?</source>
        <translation>Registret har skapats, men du har ännu inte bekräftat att du har sparat återställningsnyckeln. Utan nyckeln går det inte att komma åt registret om administratörens lösenord försvinner.

Stänga ändå?</translation>
    </message>
</context>
<context>
    <name>InlineMessage</name>
    <message>
        <location filename="../../ui/feedback.py" line="+67"/>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <location filename="../../ui/first_run.py" line="-250"/>
        <source>Your recovery key</source>
        <translation>Din återställningsnyckel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>If every administrator password is lost, this key is the only way to open the record. It is shown only now.</source>
        <translation>Om alla administratörers lösenord går förlorade är den här nyckeln det enda sättet att öppna registret. Den visas bara nu.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Group {n}</source>
        <translation>Grupp {n}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Print it, or save it as a PDF on a USB stick, and keep it locked away from this computer, for example in the centre&apos;s safe. Anyone who has the key and the record file can read the record.</source>
        <translation>Skriv ut den, eller spara den som PDF på ett USB-minne, och förvara den inlåst och skild från den här datorn, till exempel i centrets kassaskåp. Den som har nyckeln och registerfilen kan läsa registret.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Print…</source>
        <translation>S&amp;kriv ut…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as PDF…</source>
        <translation>Spara som &amp;PDF…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Group {n}: {group}</source>
        <translation>Grupp {n}: {group}</translation>
    </message>
</context>
<context>
    <name>LocationPage</name>
    <message>
        <location line="-257"/>
        <source>Where to keep the record</source>
        <translation>Var registret ska sparas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The record is one encrypted file, with a small key file beside it. Back up both.</source>
        <translation>Registret är en krypterad fil med en liten nyckelfil bredvid. Säkerhetskopiera båda.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In my &amp;data folder (recommended)</source>
        <translation>I min &amp;datamapp (rekommenderas)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>In a &amp;folder I choose:</source>
        <translation>I en &amp;mapp som jag väljer:</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+49"/>
        <source>Folder for the record</source>
        <translation>Mapp för registret</translation>
    </message>
    <message>
        <location line="-48"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Bläddra…</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Choose a folder.</source>
        <translation>Välj en mapp.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The record will be: {path}</source>
        <translation>Registret blir: {path}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>There is already a record in this folder. Choose another folder, or go back and open the existing record instead.</source>
        <translation>Det finns redan ett register i den här mappen. Välj en annan mapp, eller gå tillbaka och öppna det befintliga registret i stället.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+147"/>
        <source>&amp;Lock</source>
        <translation>&amp;Lås</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock the record now (Ctrl+L)</source>
        <translation>Lås registret nu (Ctrl+L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Inställningar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;New case</source>
        <translation>&amp;Nytt ärende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Close case</source>
        <translation>&amp;Stäng ärendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Today</source>
        <translation>&amp;I dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Cases</source>
        <translation>Ä&amp;renden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open cases</source>
        <translation>&amp;Öppna ärenden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Administration</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;About Barnahus Case Record</source>
        <translation>&amp;Om Barnahus Case Record</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Record</source>
        <translation>&amp;Register</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;ase</source>
        <translation>&amp;Ärende</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Go</source>
        <translation>&amp;Gå till</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Your unsaved changes from before the record was locked were kept safely in the record. They are open again: save them, or close them to discard them. Open cases with kept changes: {n}.</source>
        <translation>Dina osparade ändringar från innan registret låstes har bevarats säkert i registret. De är öppna igen: spara dem, eller stäng dem för att kasta dem. Öppna ärenden med bevarade ändringar: {n}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Some kept changes could not be opened: {reasons}</source>
        <translation>Några bevarade ändringar kunde inte öppnas: {reasons}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Signed in as {name} ({roles})</source>
        <translation>Inloggad som {name} ({roles})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{centre} · {file}</source>
        <translation>{centre} · {file}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Barnahus Case Record — {centre}</source>
        <translation>Barnahus Case Record — {centre}</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Barnahus Case Record</source>
        <translation>Barnahus Case Record</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Since you last signed in, someone tried to unlock the record and gave a wrong password or user name. Attempts: {n}; the most recent at {when}. If this was not you, tell your administrator.</source>
        <translation>Sedan du senast loggade in har någon försökt låsa upp registret med fel lösenord eller användarnamn. Försök: {n}; det senaste {when}. Om det inte var du, säg till din administratör.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Locked</source>
        <translation>Låst</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Navigation</source>
        <translation>Navigering</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+88"/>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <location line="-81"/>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <source>Open cases</source>
        <translation>Öppna ärenden</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your roles do not give you anything to work on in this version of the application. Ask your administrator.</source>
        <translation>Dina roller ger dig inget att arbeta med i den här versionen av programmet. Fråga din administratör.</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Today ({n})</source>
        <translation>I dag ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{overdue} overdue, {week} due this week</source>
        <translation>{overdue} försenade, {week} denna vecka</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Today: {tip}</source>
        <translation>I dag: {tip}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open cases ({n})</source>
        <translation>Öppna ärenden ({n})</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Your roles were changed. Unlock again to go on with them.</source>
        <translation>Dina roller har ändrats. Lås upp igen för att fortsätta med dem.</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>{title} (not saved)</source>
        <translation>{title} (inte sparat)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Unsaved changes</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{title} has changes that are not saved.</source>
        <translation>{title} har ändringar som inte är sparade.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save them before closing?</source>
        <translation>Spara dem innan du stänger?</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>Some unsaved changes could not be kept in the record ({reasons}). They are held in memory until you unlock again; do not quit before you have saved them.</source>
        <translation>Några osparade ändringar kunde inte bevaras i registret ({reasons}). De finns kvar i minnet tills du låser upp igen; avsluta inte innan du har sparat dem.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>About Barnahus Case Record</source>
        <translation>Om Barnahus Case Record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barnahus Case Record {version}

An encrypted case record for a Barnahus (children&apos;s house). Free software under the GNU General Public License, version 3 or later.</source>
        <translation>Barnahus Case Record {version}

Ett krypterat ärenderegister för ett Barnahus. Fri programvara under GNU General Public License, version 3 eller senare.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../ui/feedback.py" line="+48"/>
        <source>&amp;Dismiss</source>
        <translation>&amp;Uppfattat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Dismiss this message</source>
        <translation>Stäng meddelandet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Notice</source>
        <translation>Meddelande</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <location line="-78"/>
        <source>The file could not be used ({reason}). Nothing was changed.</source>
        <translation>Filen kunde inte användas ({reason}). Ingenting ändrades.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Something unexpected went wrong ({kind}). Nothing was changed. If it happens again, tell your administrator what you were doing.</source>
        <translation>Något oväntat gick fel ({kind}). Ingenting ändrades. Om det händer igen, berätta för din administratör vad du gjorde.</translation>
    </message>
</context>
<context>
    <name>NoContactBanner</name>
    <message>
        <location filename="../../ui/case_workspace.py" line="-84"/>
        <source>No-contact warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No contact</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionalDateTimeEdit</name>
    <message>
        <location filename="../../ui/field_widgets.py" line="-145"/>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set to the current date and time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/admin_panel.py" line="-219"/>
        <source>Enable {name}</source>
        <translation>Aktivera {name}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New password for {name}</source>
        <translation>Nytt lösenord för {name}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Give {name} this password in person. They can change it later.</source>
        <translation>Ge {name} lösenordet personligen. Hen kan byta det senare.</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <location filename="../../ui/case_workspace.py" line="+165"/>
        <location line="+198"/>
        <source>Child</source>
        <translation type="unfinished">Barn</translation>
    </message>
    <message>
        <location line="-198"/>
        <location line="+198"/>
        <source>Other person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-187"/>
        <source>Role in the case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose a role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relationship to the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <location line="+1"/>
        <location line="+16"/>
        <location line="+6"/>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Identity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look for this person in the record…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check whether this person already has a record, before entering their details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Other names</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Earlier names, nicknames or other spellings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year-month-day, e.g. 2014-05-06. Leave empty if not known.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth is</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender in their own words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only if the person describes their gender themselves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation type="unfinished">Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language codes separated by commas, e.g. sv, ar, uk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Needs an interpreter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One language code, e.g. ar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Background</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country of origin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Birth registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guardian and trusted person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardian or representative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>None recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Add the guardian as another person in this case first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of guardian</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trusted person chosen by the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vulnerability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Special protection needs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk factors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Protective factors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>No contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must never be in the building at the same time as the child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduling will keep this person and the child apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for no contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+90"/>
        <source>New child</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>role not chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not saved yet</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PersonRefCombo</name>
    <message>
        <location line="-249"/>
        <source>Person no. %1 (not in this case)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A person no longer in this list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReminderModel</name>
    <message>
        <location filename="../../ui/today.py" line="-510"/>
        <source>Follow-up review</source>
        <translation>Återkommande uppföljning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court date</source>
        <translation>Domstolsförhandling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action item</source>
        <translation>Åtgärdspunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compensation deadline</source>
        <translation>Sista dag för ersättningsanspråk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Carer follow-up survey</source>
        <translation>Uppföljningsenkät till omsorgsperson</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other follow-up</source>
        <translation>Annan uppföljning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review of the guardian&apos;s appointment</source>
        <translation>Översyn av ställföreträdarens förordnande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixity check of a recording</source>
        <translation>Fixitetskontroll av en inspelning</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Turns {age}: move to adult services</source>
        <translation>Fyller {age}: övergång till vuxenverksamhet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Turns {age}: age milestone</source>
        <translation>Fyller {age}: åldersmilstolpe</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Limitation period ends {date}</source>
        <translation>Preskriptionstiden går ut {date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limitation period ends soon</source>
        <translation>Preskriptionstiden går snart ut</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{what} (snoozed to this date)</source>
        <translation>{what} (uppskjuten till detta datum)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what} (offer again: declined before)</source>
        <translation>{what} (erbjud igen: avböjdes tidigare)</translation>
    </message>
    <message numerus="yes">
        <location line="+10"/>
        <source>%n year(s) overdue</source>
        <translation>
            <numerusform>%n år försenad</numerusform>
            <numerusform>%n år försenad</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n month(s) overdue</source>
        <translation>
            <numerusform>%n månad försenad</numerusform>
            <numerusform>%n månader försenad</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n week(s) overdue</source>
        <translation>
            <numerusform>%n vecka försenad</numerusform>
            <numerusform>%n veckor försenad</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n day(s) overdue</source>
        <translation>
            <numerusform>%n dag försenad</numerusform>
            <numerusform>%n dagar försenad</numerusform>
        </translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Due tomorrow</source>
        <translation>I morgon</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>In %n day(s)</source>
        <translation>
            <numerusform>Om %n dag</numerusform>
            <numerusform>Om %n dagar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>In %n week(s)</source>
        <translation>
            <numerusform>Om %n vecka</numerusform>
            <numerusform>Om %n veckor</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No case</source>
        <translation>Inget ärende</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{parts}; due {date} ({when})</source>
        <translation>{parts}; datum {date} ({when})</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Due</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For</source>
        <translation>För</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>This follow-up is for the child, not for one case: it is shown with the child&apos;s most recent case.</source>
        <translation>Den här uppföljningen gäller barnet, inte ett enskilt ärende: den visas med barnets senaste ärende.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This follow-up is for the child, who has no case you can open.</source>
        <translation>Den här uppföljningen gäller barnet, som inte har något ärende du kan öppna.</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/feedback.py" line="-42"/>
        <source>Coordinator / social worker</source>
        <translation>Samordnare / socialsekreterare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forensic interviewer</source>
        <translation>Förhörsledare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical staff</source>
        <translation>Medicinsk personal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Therapist / psychologist</source>
        <translation>Terapeut / psykolog</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Police / prosecution liaison</source>
        <translation>Kontakt polis / åklagare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Administrator</source>
        <translation>Administratör</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <location filename="../../ui/admin_panel.py" line="-19"/>
        <source>Roles of {name}</source>
        <translation>Roller för {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Roles:</source>
        <translation>&amp;Roller:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/main_window.py" line="-514"/>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The system&apos;s language</source>
        <translation>Systemets språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English</source>
        <translation>English</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Svenska</source>
        <translation>Svenska</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A new language is used the next time you start Barnahus Case Record.</source>
        <translation>Ett nytt språk används nästa gång du startar Barnahus Case Record.</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <location filename="../../ui/today.py" line="+387"/>
        <source>Snooze a reminder</source>
        <translation>Skjut upp en påminnelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Snooze</source>
        <translation>Skjut &amp;upp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move this reminder to a later date. It comes back on that date.</source>
        <translation>Flytta påminnelsen till ett senare datum. Den kommer tillbaka den dagen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose a date</source>
        <translation>Välj ett datum</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+17"/>
        <source>New date</source>
        <translation>Nytt datum</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>In 1 week</source>
        <translation>Om 1 vecka</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In 1 month</source>
        <translation>Om 1 månad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In 3 months</source>
        <translation>Om 3 månader</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In 6 months</source>
        <translation>Om 6 månader</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;New date:</source>
        <translation>&amp;Nytt datum:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Required. A date after today.</source>
        <translation>Måste fyllas i. Ett datum efter i dag.</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <location line="+48"/>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>As o&amp;f:</source>
        <translation>Per &amp;datum:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>As of date</source>
        <translation>Per datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the reminders as they stand on this date</source>
        <translation>Visa påminnelserna som de ser ut detta datum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Back to today</source>
        <translation>Tillbaka till i dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the reminders as of today</source>
        <translation>Visa påminnelserna per i dag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refresh</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Load the reminders again (F5)</source>
        <translation>Läs in påminnelserna igen (F5)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Summary of the reminders</source>
        <translation>Sammanfattning av påminnelserna</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Open case</source>
        <translation>Ö&amp;ppna ärendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the case of the selected reminder (Enter)</source>
        <translation>Öppna ärendet för den valda påminnelsen (Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Complete…</source>
        <translation>&amp;Slutför…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record that the selected reminder was done (Alt+C)</source>
        <translation>Registrera att den valda påminnelsen är gjord (Alt+S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Decline…</source>
        <translation>&amp;Avböj…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record why the selected reminder will not be done (Alt+D)</source>
        <translation>Ange varför den valda påminnelsen inte blir gjord (Alt+A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Snooze…</source>
        <translation>Skjut &amp;upp…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected reminder to a later date (Alt+S)</source>
        <translation>Flytta den valda påminnelsen till ett senare datum (Alt+U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open case</source>
        <translation>Öppna ärendet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Complete</source>
        <translation>Slutför</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decline</source>
        <translation>Avböj</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Snooze</source>
        <translation>Skjut upp</translation>
    </message>
    <message>
        <location line="+78"/>
        <source>Loading the reminders…</source>
        <translation>Läser in påminnelserna…</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>The reminders could not be loaded: {reason}</source>
        <translation>Påminnelserna kunde inte läsas in: {reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{overdue} overdue, {week} due this week, {upcoming} upcoming.</source>
        <translation>{overdue} försenade, {week} denna vecka, {upcoming} kommande.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Shown as of {date}, not today.</source>
        <translation>Visas per {date}, inte per i dag.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Select a reminder to open its case or act on it.</source>
        <translation>Välj en påminnelse för att öppna dess ärende eller hantera den.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Selected: {summary}</source>
        <translation>Vald: {summary}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>This follow-up is for the child, who has no case you can open. Nothing was opened.</source>
        <translation>Den här uppföljningen gäller barnet, som inte har något ärende du kan öppna. Ingenting öppnades.</translation>
    </message>
</context>
<context>
    <name>UnlockPanel</name>
    <message>
        <location filename="../../ui/unlock.py" line="+70"/>
        <source>Barnahus Case Record</source>
        <translation>Barnahus Case Record</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>User name</source>
        <translation>Användarnamn</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User name:</source>
        <translation>&amp;Användarnamn:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Password:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Unlocking</source>
        <translation>Låser upp</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Un&amp;lock</source>
        <translation>Lås &amp;upp</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+77"/>
        <source>Unlock the record</source>
        <translation>Lås upp registret</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Recen&amp;t records:</source>
        <translation>&amp;Senaste register:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Recent records</source>
        <translation>Senaste register</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Open another record…</source>
        <translation>&amp;Öppna ett annat register…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a ne&amp;w record…</source>
        <translation>Skapa ett &amp;nytt register…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>No record is chosen. Open a record, or create a new one.</source>
        <translation>Inget register är valt. Öppna ett register eller skapa ett nytt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record: {path}</source>
        <translation>Register: {path}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{path} (not found)</source>
        <translation>{path} (hittades inte)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The record is locked. Unlock it to go on.</source>
        <translation>Registret är låst. Lås upp det för att fortsätta.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Unlocking the record…</source>
        <translation>Registret låses upp…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Choose a record first: open one, or create a new one.</source>
        <translation>Välj ett register först: öppna ett eller skapa ett nytt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type your user name.</source>
        <translation>Skriv ditt användarnamn.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Type your password.</source>
        <translation>Skriv ditt lösenord.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Open a record</source>
        <translation>Öppna ett register</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barnahus records (*.barnahus);;All files (*)</source>
        <translation>Barnahus-register (*.barnahus);;Alla filer (*)</translation>
    </message>
</context>
<context>
    <name>VocabWidgets</name>
    <message>
        <location filename="../../ui/vocab_widgets.py" line="+40"/>
        <source>(no longer offered)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/first_run.py" line="-84"/>
        <source>Welcome to Barnahus Case Record</source>
        <translation>Välkommen till Barnahus Case Record</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set up the encrypted record of your centre.</source>
        <translation>Skapa ert centrums krypterade register.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It takes a few minutes:</source>
        <translation>Det tar några minuter:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>1.  Choose where the record is kept.
2.  Name your centre and create the administrator&apos;s account.
3.  Keep the recovery key safe: print it, or save it to a USB stick.</source>
        <translation>1.  Välj var registret ska sparas.
2.  Ange centrets namn och skapa administratörens konto.
3.  Förvara återställningsnyckeln säkert: skriv ut den eller spara den på ett USB-minne.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Everything about the children and their cases is kept only inside the encrypted record file. Staff unlock it with their own user name and password.</source>
        <translation>Allt om barnen och deras ärenden finns bara i den krypterade registerfilen. Personalen låser upp den med sitt eget användarnamn och lösenord.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>I already have a record: &amp;open it…</source>
        <translation>Jag har redan ett register: &amp;öppna det…</translation>
    </message>
</context>
<context>
    <name>_CoreDialog</name>
    <message>
        <location filename="../../ui/admin_panel.py" line="-81"/>
        <source>&amp;Password:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password</source>
        <translation>Lösenord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least {n} characters. A few unrelated words are easy to remember and hard to guess.</source>
        <translation>Minst {n} tecken. Några ord som inte hör ihop är lätta att komma ihåg och svåra att gissa.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Password &amp;again:</source>
        <translation>Lösenordet &amp;igen:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Password again</source>
        <translation>Lösenordet igen</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The two passwords are not the same. Type them again.</source>
        <translation>De två lösenorden är inte likadana. Skriv dem igen.</translation>
    </message>
</context>
<context>
    <name>_Section</name>
    <message>
        <location filename="../../ui/today.py" line="-738"/>
        <source>Reminders never expire: each stays here until someone completes, declines or snoozes it.</source>
        <translation>Påminnelser upphör aldrig av sig själva: var och en står kvar här tills någon slutför, avböjer eller skjuter upp den.</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>O&amp;verdue</source>
        <translation>&amp;Försenade</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing is overdue.</source>
        <translation>Ingenting är försenat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This &amp;week</source>
        <translation>Denna &amp;vecka</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nothing is due in the next seven days.</source>
        <translation>Ingenting ska göras de närmaste sju dagarna.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Upcoming, in the next {n} days</source>
        <translation>&amp;Kommande, de närmaste {n} dagarna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is due in the next {n} days.</source>
        <translation>Ingenting ska göras de närmaste {n} dagarna.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{title} ({n})</source>
        <translation>{title} ({n})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
</context>
</TS>
