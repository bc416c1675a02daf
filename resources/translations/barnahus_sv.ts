<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv">
<context>
    <name>ActionCancelDialog</name>
    <message>
        <location filename="../../ui/cases/team_dialogs.py" line="+392"/>
        <source>Cancel an action</source>
        <translation>Ställ in en åtgärd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the &amp;action</source>
        <translation>Ställ in &amp;åtgärden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{action}
The action stays in the record as cancelled, with your reason.</source>
        <translation>{action}
Åtgärden finns kvar i registret som inställd, med ditt skäl.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Skäl:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Required.</source>
        <translation>Måste fyllas i.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
</context>
<context>
    <name>ActionDoneDialog</name>
    <message>
        <location line="-27"/>
        <source>Mark an action as done</source>
        <translation>Markera en åtgärd som utförd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Done</source>
        <translation>&amp;Utförd</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Done &amp;on:</source>
        <translation>Utförd &amp;den:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Done on</source>
        <translation>Utförd den</translation>
    </message>
</context>
<context>
    <name>AddCustodyEventDialog</name>
    <message>
        <location filename="../../ui/interviews/custody.py" line="+33"/>
        <source>Add to the chain of custody</source>
        <translation>Lägg till i beviskedjan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>&amp;Lägg till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording: %1. Who did what, when, where and why. Entries cannot be changed or removed afterwards.</source>
        <translation>Inspelning: %1. Vem gjorde vad, när, var och varför. Posterna kan inte ändras eller tas bort i efterhand.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose what happened</source>
        <translation>Välj vad som hände</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;What happened:</source>
        <translation>&amp;Vad hände:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What happened</source>
        <translation>Vad hände</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Wh&amp;en:</source>
        <translation>&amp;När:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Local time in %1.</source>
        <translation>Lokal tid i %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;By whom:</source>
        <translation>&amp;Av vem:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Empty: you.</source>
        <translation>Tomt: du.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By whom</source>
        <translation>Av vem</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>W&amp;here:</source>
        <translation>Va&amp;r:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Required.</source>
        <translation>Måste fyllas i.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Var</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Received by:</source>
        <translation>&amp;Mottagen av:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name and agency of whoever received it.</source>
        <translation>Namn och myndighet på den som tog emot den.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received by</source>
        <translation>Mottagen av</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;ceipt:</source>
        <translation>&amp;Kvitto:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Receipt number, signature, date.</source>
        <translation>Kvittonummer, underskrift, datum.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt</source>
        <translation>Kvitto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Order:</source>
        <translation>&amp;Beslut:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reference of the order that allowed the destruction.</source>
        <translation>Referens till beslutet som medgav att inspelningen förstördes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order reference</source>
        <translation>Beslutets referens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wh&amp;y:</source>
        <translation>Var&amp;för:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Required. Name and agency of whoever received it.</source>
        <translation>Måste fyllas i. Namn och myndighet på den som tog emot den.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name and agency of whoever it came back from.</source>
        <translation>Namn och myndighet på den som den kom tillbaka från.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose what happened.</source>
        <translation>Välj vad som hände.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Destroy the recording?</source>
        <translation>Förstöra inspelningen?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record that this recording was destroyed? Its chain of custody then ends; this cannot be undone.</source>
        <translation>Registrera att inspelningen har förstörts? Då avslutas dess beviskedja. Det går inte att ångra.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not recorded.</source>
        <translation>Inte registrerat.</translation>
    </message>
</context>
<context>
    <name>AddGoalDialog</name>
    <message>
        <location filename="../../ui/psychosocial/dialogs.py" line="+514"/>
        <source>Add a recovery goal</source>
        <translation>Lägg till ett mål i återhämtningsplanen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>&amp;Lägg till</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the person</source>
        <translation>Välj person</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;For:</source>
        <translation>&amp;För:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For</source>
        <translation>För</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the domain</source>
        <translation>Välj område</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Domain:</source>
        <translation>&amp;Område:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Domain</source>
        <translation>Område</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Goal:</source>
        <translation>&amp;Mål:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../ui/admin/panel.py" line="+49"/>
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
        <location filename="../../ui/shell/first_run.py" line="+207"/>
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
        <location filename="../../ui/admin/panel.py" line="+236"/>
        <location line="+272"/>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location line="-269"/>
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
        <location line="+16"/>
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
        <location line="+218"/>
        <source>&amp;Disable</source>
        <translation>&amp;Inaktivera</translation>
    </message>
    <message>
        <location line="-209"/>
        <source>Record settings</source>
        <translation>Registrets inställningar</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+14"/>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location line="-13"/>
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
        <location line="+7"/>
        <source>Keep no-contact persons apart by this many minutes</source>
        <translation>Håll personer med kontaktförbud åtskilda så här många minuter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When an interview is planned, the child and anyone under a no-contact flag must not be in the building within this many minutes of each other (arriving and leaving take time). With 0, only bookings that overlap clash.</source>
        <translation>När ett barnförhör planeras får barnet och personer som omfattas av kontaktförbud inte vara i byggnaden inom så här många minuter från varandra (det tar tid att komma och gå). Med 0 krockar bara bokningar som överlappar varandra.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No-contact b&amp;uffer between visits:</source>
        <translation>&amp;Tidsmarginal vid kontaktförbud:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> days</source>
        <translation> dagar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review each case at team meetings every this many days</source>
        <translation>Ta upp varje ärende på teammöten med så här många dagars mellanrum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new case comes to the next case-review meeting, then again after this many days while any service or follow-up runs. A case&apos;s own interval, set in its team tab, takes precedence.</source>
        <translation>Ett nytt ärende tas upp på nästa ärendegenomgång och sedan igen efter så här många dagar så länge någon insats eller uppföljning pågår. Ett ärendes egen intervall, som anges under dess teamflik, gäller före denna.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Review cases at team meetings every:</source>
        <translation>Ta upp ärenden på teammöten var:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> hours</source>
        <translation> timmar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A medical examination is acute within this many hours of the last contact</source>
        <translation>En läkarundersökning är akut inom så här många timmar efter den senaste kontakten</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>An examination is marked acute when it starts at most this many hours after the child&apos;s last contact with the alleged offender (72 in the usual guidance). Findings heal: an acute examination is planned first.</source>
        <translation>En undersökning markeras som akut när den börjar högst så här många timmar efter barnets senaste kontakt med den misstänkta förövaren (72 enligt gängse riktlinjer). Fynd läker: en akut undersökning planeras först.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Medical examination acute within:</source>
        <translation>Läkarundersökning akut inom:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The centre&apos;s time zone</source>
        <translation>Centrets tidszon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Centre&apos;s time &amp;zone:</source>
        <translation>Centrets tids&amp;zon:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each user&apos;s documents folder</source>
        <translation>Respektive användares dokumentmapp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save documents and exports in this folder</source>
        <translation>Spara dokument och exporter i den här mappen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the save dialogs for court summaries, bundles, calendars and audit seals start</source>
        <translation>Där dialogrutorna för att spara sammanställningar för domstol, paket, kalendrar och förseglingar av loggen öppnas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save documents and exports &amp;in:</source>
        <translation>Spara dokument och ex&amp;porter i:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sa&amp;ve settings</source>
        <translation>&amp;Spara inställningarna</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Split the recovery ke&amp;y…</source>
        <translation>Dela &amp;upp återställningsnyckeln…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give several people one share each of the recovery key, so that no single person holds the whole record</source>
        <translation>Ge flera personer var sin del av återställningsnyckeln, så att ingen enskild person ensam kan öppna registret</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Roo&amp;ms…</source>
        <translation>&amp;Centrets rum…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The centre&apos;s rooms, where interviews are planned: add, rename, retire</source>
        <translation>Centrets rum, där barnförhör planeras: lägg till, byt namn, ta ur bruk</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disabled</source>
        <translation>Inaktiverad</translation>
    </message>
    <message>
        <location line="+26"/>
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
        <location line="+8"/>
        <source>The account of {name} is disabled, and the record key was replaced: old copies of the key file no longer open the record. The new recovery key is in {file}: print it, lock the sheet away, then delete the file.</source>
        <translation>Kontot för {name} är inaktiverat, och registrets nyckel har bytts ut: gamla kopior av nyckelfilen öppnar inte längre registret. Den nya återställningsnyckeln finns i {file}: skriv ut den, lås in utskriften och radera sedan filen.</translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Saved. The record now locks after %n minute(s) without use.</source>
        <translation>
            <numerusform>Sparat. Registret låses nu efter %n minut utan användning.</numerusform>
            <numerusform>Sparat. Registret låses nu efter %n minuter utan användning.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Folder to save documents and exports in</source>
        <translation>Mapp där dokument och exporter sparas</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>None yet. Create one here: its CA key goes to a file for the centre&apos;s safe. Otherwise the first document issued makes one whose CA key is kept nowhere, so it can never be renewed.</source>
        <translation>Inget ännu. Skapa ett här: dess CA-nyckel sparas i en fil för centrets kassaskåp. Annars skapar det första dokument som utfärdas ett certifikat vars CA-nyckel inte sparas någonstans, och det kan då aldrig förnyas.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>E&amp;xport the CA key…</source>
        <translation>E&amp;xportera CA-nyckeln…</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The centre&apos;s CA key is still inside this record: anyone who can read the record can sign in the centre&apos;s name. Export it to a file for the centre&apos;s safe (it is then removed from the record).</source>
        <translation>Centrets CA-nyckel finns fortfarande i registret: den som kan läsa registret kan signera i centrets namn. Exportera den till en fil för centrets kassaskåp (den tas då bort ur registret).</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The CA fingerprint was copied. Send it by letter or read it out by phone; never with the documents themselves.</source>
        <translation>CA-fingeravtrycket har kopierats. Skicka det per brev eller läs upp det per telefon, aldrig tillsammans med själva dokumenten.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>A new signing certificate was created; its CA key is only in the file you chose. Its CA fingerprint is shown above: send it to the courts and prosecutors by letter.</source>
        <translation>Ett nytt signeringscertifikat har skapats; dess CA-nyckel finns bara i filen du valde. Dess CA-fingeravtryck visas ovan: skicka det per brev till domstolarna och åklagarna.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The signing certificate was renewed; the CA fingerprint is the same.</source>
        <translation>Signeringscertifikatet har förnyats; CA-fingeravtrycket är detsamma.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The CA key was written to the file you chose and removed from the record.</source>
        <translation>CA-nyckeln har sparats i filen du valde och tagits bort ur registret.</translation>
    </message>
    <message>
        <location line="-182"/>
        <source>The account of {name} is disabled.</source>
        <translation>Kontot för {name} är inaktiverat.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Document signing</source>
        <translation>Signering av dokument</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The centre signs court summaries and bundles with this certificate. Recipients compare the CA fingerprint with the one the centre gives them by letter or phone.</source>
        <translation>Centret signerar sammanställningar för domstol och paket med det här certifikatet. Mottagarna jämför CA-fingeravtrycket med det som centret lämnar dem per brev eller telefon.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Signed as:</source>
        <translation>Signerat som:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Certificate fingerprint:</source>
        <translation>Certifikatets fingeravtryck:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>CA fingerprint:</source>
        <translation>CA-fingeravtryck:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Valid until:</source>
        <translation>Giltigt till:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Line for the recipients&apos; trust file</source>
        <translation>Rad för mottagarnas fil med betrodda fingeravtryck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Line for the recipients&apos; trust file:</source>
        <translation>Rad för mottagarnas fil med betrodda fingeravtryck:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Copy the CA fingerprint</source>
        <translation>&amp;Kopiera CA-fingeravtrycket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For a letter to the courts and prosecutors: they compare it, or put it in their trust file.</source>
        <translation>För ett brev till domstolarna och åklagarna: de jämför fingeravtrycket eller lägger in det i sin fil med betrodda fingeravtryck.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a &amp;new signing certificate…</source>
        <translation>Skapa ett nytt si&amp;gneringscertifikat…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Renew with the CA file…</source>
        <translation>Fö&amp;rnya med CA-filen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Import from PKCS#12…</source>
        <translation>I&amp;mportera från PKCS#12…</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>The certificate was imported. New documents are signed with it.</source>
        <translation>Certifikatet har importerats. Nya dokument signeras med det.</translation>
    </message>
</context>
<context>
    <name>AgencyModel</name>
    <message>
        <location filename="../../ui/today/panel.py" line="+699"/>
        <source>Team action of {owner}, {agency}</source>
        <translation>Teamets åtgärd för {owner}, {agency}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Referral: {service}, {agency} ({status})</source>
        <translation>Remiss: {service}, {agency} ({status})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Referral: {service} ({status})</source>
        <translation>Remiss: {service} ({status})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what}, {case}; due {date} ({when})</source>
        <translation>{what}, {case}; senast {date} ({when})</translation>
    </message>
    <message>
        <location line="+8"/>
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
        <location line="+0"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
</context>
<context>
    <name>AgendaBuilder</name>
    <message>
        <location filename="../../ui/meetings/agenda.py" line="+24"/>
        <source>(due %1)</source>
        <translation>(senast %1)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Cases due</source>
        <translation>Ärenden att ta upp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cases due: tick to add to the agenda</source>
        <translation>Ärenden att ta upp: kryssa i för att lägga till på dagordningen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No case is new or due for review.</source>
        <translation>Inget ärende är nytt eller ska följas upp nu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Tic&amp;k all</source>
        <translation>Kryssa i &amp;alla</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add ticked to the agenda</source>
        <translation>Lägg till ikryssade</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Case &amp;reference:</source>
        <translation>Re&amp;ferens:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>e.g. 2026-0042</source>
        <translation>t.ex. 2026-0042</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Why it is on the agenda</source>
        <translation>Varför ärendet står på dagordningen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add &amp;case</source>
        <translation>&amp;Lägg till ärende</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Agenda, in order</source>
        <translation>Dagordningen, i turordning</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Agenda: Ctrl+Up and Ctrl+Down move the case selected</source>
        <translation>Dagordning: Ctrl+Upp och Ctrl+Ned flyttar det valda ärendet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Move &amp;up</source>
        <translation>Flytta &amp;upp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Up in the agenda</source>
        <translation>Ctrl+Upp i dagordningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move dow&amp;n</source>
        <translation>Flytta &amp;ned</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ctrl+Down in the agenda</source>
        <translation>Ctrl+Ned i dagordningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remo&amp;ve from the agenda</source>
        <translation>Ta &amp;bort från dagordningen</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>%1 more case(s) on the agenda are not shown: you do not work on them.</source>
        <translation>%1 ärende(n) till på dagordningen visas inte: du arbetar inte med dem.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Tick the cases to add first (Space ticks the case selected).</source>
        <translation>Kryssa först i de ärenden som ska läggas till (Mellanslag kryssar i det valda ärendet).</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type the case&apos;s reference first.</source>
        <translation>Skriv först ärendets referens.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No case has the reference %1.</source>
        <translation>Inget ärende har referensen %1.</translation>
    </message>
</context>
<context>
    <name>AttendeesEditor</name>
    <message>
        <location filename="../../ui/meetings/attendees.py" line="+135"/>
        <source>Nobody is asked to this meeting yet.</source>
        <translation>Ingen är kallad till det här mötet ännu.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Add &amp;person:</source>
        <translation>Lägg till &amp;person:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a colleague or an agency contact</source>
        <translation>Välj en kollega eller en kontaktperson hos en myndighet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Person to add</source>
        <translation>Person att lägga till</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Save attendance</source>
        <translation>&amp;Spara närvaro</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>%1 (staff)</source>
        <translation>%1 (personal)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="-132"/>
        <location line="+132"/>
        <source>Discipline</source>
        <translation>Yrkesgrupp</translation>
    </message>
    <message>
        <location line="-125"/>
        <source>Remote</source>
        <translation>På distans</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: discipline</source>
        <translation>%1: yrkesgrupp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: attendance</source>
        <translation>%1: närvaro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: remote</source>
        <translation>%1: på distans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove %1</source>
        <translation>Ta bort %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Undertaking signed %1</source>
        <translation>Undertecknad %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Record undertaking…</source>
        <translation>Registrera förbindelse…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record the undertaking of %1</source>
        <translation>Registrera sekretessförbindelsen för %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No undertaking yet</source>
        <translation>Inte undertecknad ännu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <location line="+100"/>
        <source>Attendance</source>
        <translation>Närvaro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Undertaking</source>
        <translation>Sekretessförbindelse</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No one is expected from: %1. A meeting that decides needs every core discipline.</source>
        <translation>Ingen väntas från: %1. Ett möte som fattar beslut behöver alla de centrala yrkesgrupperna.</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Choose who to add first.</source>
        <translation>Välj först vem som ska läggas till.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Choose the discipline each person speaks for.</source>
        <translation>Välj vilken yrkesgrupp varje person företräder.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Attendance saved.</source>
        <translation>Närvaron har sparats.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not saved: a colleague is booked elsewhere then.</source>
        <translation>Inte sparat: en kollega är bokad på annat håll vid den tiden.</translation>
    </message>
</context>
<context>
    <name>AutomaticBackup</name>
    <message>
        <location filename="../../ui/shell/automatic_backup.py" line="+76"/>
        <source>Backing up the record in the background…</source>
        <translation>Säkerhetskopierar registret i bakgrunden…</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Stopping the backup…</source>
        <translation>Avbryter säkerhetskopieringen…</translation>
    </message>
    <message>
        <location line="+21"/>
        <location line="+1"/>
        <source>Automatic backup</source>
        <translation>Automatisk säkerhetskopiering</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Skip this backup</source>
        <translation>&amp;Hoppa över den här säkerhetskopieringen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backing up the record…</source>
        <translation>Säkerhetskopierar registret…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Checking the copy…</source>
        <translation>Kontrollerar kopian…</translation>
    </message>
</context>
<context>
    <name>BackupChooser</name>
    <message>
        <location filename="../../ui/shell/damaged.py" line="+118"/>
        <source>Restore a backup</source>
        <translation>Återställ en säkerhetskopia</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The backups in the folder “backups” beside {name}, newest last. Each was verified when it was written. The one you choose is verified again and copied to a new file; nothing is written over a record.</source>
        <translation>Säkerhetskopiorna i mappen ”backups” bredvid {name}, den nyaste sist. Var och en kontrollerades när den skrevs. Den du väljer kontrolleras på nytt och kopieras till en ny fil; ingenting skrivs över något register.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Made (UTC)</source>
        <translation>Gjord (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SHA-256 manifest</source>
        <translation>SHA-256-manifest</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Backups beside the record</source>
        <translation>Säkerhetskopior bredvid registret</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>R&amp;estore…</source>
        <translation>Åte&amp;rställ…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>matches</source>
        <translation>stämmer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DIFFERS — do not restore</source>
        <translation>SKILJER SIG — återställ inte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no manifest</source>
        <translation>inget manifest</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} KiB</source>
        <translation>{n} KiB</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>There are no backups beside this record. Salvage what can still be read instead.</source>
        <translation>Det finns inga säkerhetskopior bredvid det här registret. Rädda i stället det som fortfarande går att läsa.</translation>
    </message>
</context>
<context>
    <name>BackupSettingsDialog</name>
    <message>
        <location filename="../../ui/admin/backup_settings.py" line="+43"/>
        <source>Backup settings</source>
        <translation>Inställningar för säkerhetskopior</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Barnahus backs the record up by itself into the folder “backups” beside it: when the record is locked or closed, and every hour while it is open, once the newest backup is older than the time below. Each backup is verified before it is kept.</source>
        <translation>Barnahus säkerhetskopierar registret av sig självt till mappen ”backups” bredvid det: när registret låses eller stängs, och varje timme medan det är öppet, om den senaste säkerhetskopian är äldre än tiden nedan. Varje säkerhetskopia kontrolleras innan den sparas.</translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source> hour(s)</source>
        <translation>
            <numerusform> timme</numerusform>
            <numerusform> timmar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Never (automatic backups off)</source>
        <translation>Aldrig (automatisk säkerhetskopiering avstängd)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back up &amp;every:</source>
        <translation>&amp;Tid mellan säkerhetskopior:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Back up every</source>
        <translation>Tid mellan säkerhetskopior</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>24 hours is a backup a day. Backups you make with “Back up now” are not affected.</source>
        <translation>24 timmar ger en säkerhetskopia om dagen. Säkerhetskopior som du gör med ”Säkerhetskopiera nu” påverkas inte.</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source> day(s)</source>
        <translation>
            <numerusform> dag</numerusform>
            <numerusform> dagar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep every backup for:</source>
        <translation>&amp;Behåll alla säkerhetskopior i:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep every backup for</source>
        <translation>Behåll alla säkerhetskopior i</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source> week(s)</source>
        <translation>
            <numerusform> vecka</numerusform>
            <numerusform> veckor</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Then keep one a &amp;week for:</source>
        <translation>Behåll sedan en per v&amp;ecka i:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Then keep one backup a week for</source>
        <translation>Behåll sedan en säkerhetskopia per vecka i</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>After that, one backup a month is kept for ever. Backups made before an upgrade are never deleted.</source>
        <translation>Därefter behålls en säkerhetskopia per månad för alltid. Säkerhetskopior som gjordes före en uppgradering raderas aldrig.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose…</source>
        <translation>&amp;Välj…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;None</source>
        <translation>&amp;Ingen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy backups to no second folder</source>
        <translation>Kopiera inte säkerhetskopiorna till någon andra mapp</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Second folder:</source>
        <translation>Andra &amp;mappen:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A drive or network folder that gets a verified copy of each backup, ideally kept in another building.</source>
        <translation>En enhet eller nätverksmapp som får en kontrollerad kopia av varje säkerhetskopia, helst förvarad i en annan byggnad.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Second folder</source>
        <translation>Andra mappen</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>No second folder: backups are kept beside the record only.</source>
        <translation>Ingen andra mapp: säkerhetskopiorna sparas bara bredvid registret.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder is there and can be written to.</source>
        <translation>Mappen finns och går att skriva till.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The folder is not there now (a drive not plugged in?). Backups are still made beside the record, and administrators are told when a copy could not be made.</source>
        <translation>Mappen finns inte just nu (en enhet som inte är ansluten?). Säkerhetskopior görs ändå bredvid registret, och administratörerna får veta när en kopia inte kunde göras.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This is a file, not a folder.</source>
        <translation>Det här är en fil, inte en mapp.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barnahus may not write into this folder. Ask whoever manages the computer to allow it, or choose another.</source>
        <translation>Barnahus får inte skriva i den här mappen. Be den som sköter datorn att tillåta det, eller välj en annan mapp.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the second backup folder</source>
        <translation>Välj den andra mappen för säkerhetskopior</translation>
    </message>
</context>
<context>
    <name>BackupsBox</name>
    <message>
        <location filename="../../ui/admin/backups.py" line="+112"/>
        <source>Backups</source>
        <translation>Säkerhetskopior</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Backups are encrypted copies in the folder “backups” beside the record, each verified when it is written. Copy that folder to safe storage.</source>
        <translation>Säkerhetskopiorna är krypterade kopior i mappen ”backups” bredvid registret, var och en kontrollerad när den skrivs. Kopiera den mappen till en säker förvaring.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Made (UTC)</source>
        <translation>Gjord (UTC)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Audit head</source>
        <translation>Loggens senaste post</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256 manifest</source>
        <translation>SHA-256-manifest</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>From the backup&apos;s audit seal (none for a backup made before seals).</source>
        <translation>Från säkerhetskopians försegling av loggen (saknas för en säkerhetskopia som gjordes innan förseglingar infördes).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backups beside the record</source>
        <translation>Säkerhetskopior bredvid registret</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>No backups beside the record yet.</source>
        <translation>Inga säkerhetskopior bredvid registret ännu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Back up now</source>
        <translation>&amp;Säkerhetskopiera nu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>R&amp;estore…</source>
        <translation>Åte&amp;rställ…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;heck the record</source>
        <translation>&amp;Kontrollera registret</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Salvage…</source>
        <translation>Rä&amp;dda…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;witch to a restored record…</source>
        <translation>&amp;Byt till ett återställt register…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make a file restored from a backup the record; the record now in use is kept beside it.</source>
        <translation>Gör en fil som har återställts från en säkerhetskopia till registret; registret som används nu behålls bredvid det.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sea&amp;l the audit trail…</source>
        <translation>&amp;Försegla loggen…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the audit trail&apos;s current head, signed by the centre, to a file kept outside the record: a later check against it shows whether entries were removed or rewritten.</source>
        <translation>Spara loggens senaste post, signerad av centret, i en fil som förvaras utanför registret: en senare kontroll mot den visar om poster har tagits bort eller skrivits om.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check a&amp;gainst a seal…</source>
        <translation>Kontrollera mot en förse&amp;gling…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check the record and prove that its audit trail still holds the head in an audit seal kept outside it.</source>
        <translation>Kontrollera registret och bekräfta att loggen fortfarande innehåller den senaste post som anges i en försegling av loggen som förvaras utanför registret.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup se&amp;ttings…</source>
        <translation>I&amp;nställningar för säkerhetskopior…</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>{n} KiB</source>
        <translation>{n} KiB</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>matches</source>
        <translation>stämmer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DIFFERS — do not restore</source>
        <translation>SKILJER SIG — återställ inte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no manifest</source>
        <translation>inget manifest</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Backing up and verifying the copy…</source>
        <translation>Säkerhetskopierar och kontrollerar kopian…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Backed up to {name}. The copy was verified.</source>
        <translation>Säkerhetskopierat till {name}. Kopian kontrollerades.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Check against an audit seal</source>
        <translation>Kontrollera mot en försegling av loggen</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+31"/>
        <source>Audit seals (*.seal);;All files (*)</source>
        <translation>Förseglingar av loggen (*.seal);;Alla filer (*)</translation>
    </message>
    <message>
        <location line="-25"/>
        <source>Checking the record (read-only)…</source>
        <translation>Kontrollerar registret (utan att ändra det)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The check found no problem.</source>
        <translation>Kontrollen hittade inget problem.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The audit trail does not match what was sealed or quoted outside the record, or the seal is not the centre&apos;s (see below). Keep this copy for inspection and report it.</source>
        <translation>Loggen stämmer inte med det som förseglades eller angavs utanför registret, eller så är förseglingen inte centrets (se nedan). Behåll den här kopian för granskning och rapportera avvikelsen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The check found a problem. Restore from a backup, or keep this copy for inspection.</source>
        <translation>Kontrollen hittade ett problem. Återställ från en säkerhetskopia, eller behåll den här kopian för granskning.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Seal the audit trail</source>
        <translation>Försegla loggen</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Sealing the audit trail…</source>
        <translation>Förseglar loggen…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sealed the audit trail in {name}: entry {id}, {count} entries.</source>
        <translation>Loggen förseglades i {name}: post {id}, {count} poster.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed by the centre. Keep the file outside the record (another drive, a letter); a check against it shows whether entries were removed or rewritten since.</source>
        <translation>Signerad av centret. Förvara filen utanför registret (på en annan enhet, i ett brev); en kontroll mot den visar om poster har tagits bort eller skrivits om sedan dess.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>It is NOT signed: the centre has no signing certificate yet, so it proves nothing by itself.</source>
        <translation>Den är INTE signerad: centret har ännu inget signeringscertifikat, så den bevisar ingenting i sig själv.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The backup settings were saved.</source>
        <translation>Inställningarna för säkerhetskopior sparades.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Restored to {path}.

The backup was written {made}; its audit head is {head}. It was verified. The record you have open was not changed.</source>
        <translation>Återställd till {path}.

Säkerhetskopian skrevs {made}; loggens senaste post är {head}. Den kontrollerades. Registret du har öppet ändrades inte.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restored to {name}. The record you have open was not changed.</source>
        <translation>Återställd till {name}. Registret du har öppet ändrades inte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Backup restored</source>
        <translation>Säkerhetskopian återställd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open the restored record</source>
        <translation>&amp;Öppna det återställda registret</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Switch to the restored record…</source>
        <translation>&amp;Byt till det återställda registret…</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Switch to a restored record</source>
        <translation>Byt till ett återställt register</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Barnahus records (*.barnahus);;All files (*)</source>
        <translation>Barnahus-register (*.barnahus);;Alla filer (*)</translation>
    </message>
</context>
<context>
    <name>BookingTimeFields</name>
    <message>
        <location filename="../../ui/common/booking_fields.py" line="+25"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start time</source>
        <translation>Starttid</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Start:</source>
        <translation>&amp;Start:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Dat&amp;e:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Local time in %1.</source>
        <translation>Lokal tid i %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Date and start</source>
        <translation>Datum och starttid</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> minutes</source>
        <translation> minuter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;uration:</source>
        <translation>&amp;Längd:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Duration in minutes</source>
        <translation>Längd i minuter</translation>
    </message>
</context>
<context>
    <name>BundleDialog</name>
    <message>
        <location filename="../../ui/documents/panel.py" line="+300"/>
        <source>Prosecutor bundle for {case}</source>
        <translation>Paket till åklagaren för {case}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Write the bundle</source>
        <translation>&amp;Skapa paketet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A bundle for the prosecutor: the court summary as PDF and DOCX, the interview index, the recordings manifest, the chain of custody, the case&apos;s audit extract and the centre&apos;s certificates. Every file is listed with its SHA-256 and the list is signed by the centre, so the recipient can check it without this program.</source>
        <translation>Ett paket till åklagaren: sammanställningen för domstol som PDF och DOCX, förteckningen över barnförhör, förteckningen över inspelningar, beviskedjan, ärendets utdrag ur loggen och centrets certifikat. Varje fil listas med sin SHA-256 och listan signeras av centret, så att mottagaren kan kontrollera den utan det här programmet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>A &amp;folder</source>
        <translation>En &amp;mapp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A &amp;zip file</source>
        <translation>En &amp;zip-fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write as:</source>
        <translation>Spara som:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Write the bundle as</source>
        <translation>Spara paketet som</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Encrypt the zip for transport (AES-256)</source>
        <translation>&amp;Kryptera zip-filen för transport (AES-256)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the passphrase to the recipient by another channel; the bundle stays signed either way.</source>
        <translation>Ge mottagaren lösenfrasen på annan väg. Paketet är signerat i båda fallen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Encrypt the zip for transport</source>
        <translation>Kryptera zip-filen för transport</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pass&amp;phrase:</source>
        <translation>Lösen&amp;fras:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least {n} characters. A few unrelated words are easy to read out and hard to guess.</source>
        <translation>Minst {n} tecken. Några ord som inte hör ihop är lätta att läsa upp och svåra att gissa.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passphrase a&amp;gain:</source>
        <translation>Lösenfrasen &amp;igen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase again</source>
        <translation>Lösenfrasen igen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Include copies of the &amp;recordings</source>
        <translation>&amp;Ta med kopior av inspelningarna</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Copies every recording of the case found where it is kept. Large files take a while and need as much free space where the bundle is written.</source>
        <translation>Kopierar alla inspelningar i ärendet från platsen där de förvaras. Stora filer tar tid och kräver lika mycket ledigt utrymme där paketet sparas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your role does not see recordings: the bundle lists none.</source>
        <translation>Din roll ser inte inspelningar: paketet listar inga.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Include copies of the recordings</source>
        <translation>Ta med kopior av inspelningarna</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pse&amp;udonymise: no names, dates of birth or addresses</source>
        <translation>Pse&amp;udonymisera: inga namn, födelsedatum eller adresser</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The child is called Child A; other persons and staff are named by their role.</source>
        <translation>Barnet kallas Barn A; andra personer och personal anges med sin roll.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pseudonymise</source>
        <translation>Pseudonymisera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as:</source>
        <translation>Spara s&amp;om:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{case}-prosecutor-bundle-{date}</source>
        <translation>{case}-paket-till-åklagare-{date}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>-pseudonymised</source>
        <translation>-pseudonymiserad</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Save the bundle as</source>
        <translation>Spara paketet som</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zip files (*.zip)</source>
        <translation>Zip-filer (*.zip)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the folder to put the bundle in</source>
        <translation>Välj mappen där paketet ska sparas</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The two passphrases are not the same. Type them again.</source>
        <translation>De två lösenfraserna är inte likadana. Skriv dem igen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Writing and signing the bundle for {case}. Copying recordings takes a while.</source>
        <translation>Paketet för {case} skapas och signeras. Det tar en stund att kopiera inspelningar.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing and signing the bundle for {case}…</source>
        <translation>Paketet för {case} skapas och signeras…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the prosecutor bundle</source>
        <translation>Paketet till åklagaren skapas</translation>
    </message>
</context>
<context>
    <name>CalendarGrid</name>
    <message>
        <location filename="../../ui/calendar/grid.py" line="+39"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Planned</source>
        <translation>Planerat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Held</source>
        <translation>Genomfört</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not held</source>
        <translation>Inte genomfört</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes approved</source>
        <translation>Protokollet godkänt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancelled</source>
        <translation>Inställt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined by the child</source>
        <translation>Barnet avböjde</translation>
    </message>
    <message>
        <location line="+141"/>
        <source>Medical examination, {status}</source>
        <translation>Läkarundersökning, {status}</translation>
    </message>
    <message>
        <location line="+163"/>
        <source>A team meeting is moved on the Meetings page.</source>
        <translation>Ett teammöte flyttas på sidan Möten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A medical examination is moved in the case&apos;s Medical tab.</source>
        <translation>En läkarundersökning flyttas på ärendets flik Medicinskt.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only a planned interview can be moved; this one is {status}.</source>
        <translation>Bara ett planerat barnförhör kan flyttas; det här är {status}.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>This booking starts on a day that is not shown. Show that day to move it.</source>
        <translation>Bokningen börjar en dag som inte visas. Visa den dagen för att flytta den.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Select a booking first: move the cursor onto it with the arrow keys.</source>
        <translation>Välj en bokning först: flytta markören till den med piltangenterna.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Nothing was moved.</source>
        <translation>Ingenting flyttades.</translation>
    </message>
    <message>
        <location line="+190"/>
        <source>{start}{dash}{end}, {room}: {title}, chaired by {chair}, {status}</source>
        <translation>{start}{dash}{end}, {room}: {title}, ordförande {chair}, {status}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{start}{dash}{end}, {room}: medical examination, case {reference}, {examiner}, {status}</source>
        <translation>{start}{dash}{end}, {room}: läkarundersökning, ärende {reference}, {examiner}, {status}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{start}{dash}{end}, {room}: case {reference}, {interviewer}, {status}</source>
        <translation>{start}{dash}{end}, {room}: ärende {reference}, {interviewer}, {status}</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/painter.py" line="+112"/>
        <source>No rooms to show. An administrator sets up the centre&apos;s rooms under Administration.</source>
        <translation>Det finns inga rum att visa. En administratör lägger upp centrets rum under Administration.</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>Move to {start}{dash}{end}</source>
        <translation>Flytta till {start}{dash}{end}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>ddd d MMM</source>
        <translation>ddd d MMM</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{day} (today)</source>
        <translation>{day} (i dag)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{room} (retired)</source>
        <translation>{room} (används inte längre)</translation>
    </message>
</context>
<context>
    <name>CalendarPanel</name>
    <message>
        <location filename="../../ui/calendar/panel.py" line="+227"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Days shown</source>
        <translation>Visade dagar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Plan interview…</source>
        <translation>&amp;Planera barnförhör…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plan an interview; in the selected free cell when there is one</source>
        <translation>Planera ett barnförhör, i den valda lediga rutan om det finns en</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xport .ics…</source>
        <translation>&amp;Exportera .ics…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the bookings shown as an iCalendar file for staff calendars</source>
        <translation>Spara de visade bokningarna som en iCalendar-fil för personalens kalendrar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Da&amp;y</source>
        <translation>&amp;Dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Week</source>
        <translation>&amp;Vecka</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show one day, the rooms side by side</source>
        <translation>Visa en dag, med rummen bredvid varandra</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the week, each day with its rooms side by side</source>
        <translation>Visa veckan, varje dag med sina rum bredvid varandra</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Compact week</source>
        <translation>&amp;Kompakt vecka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The whole week at once: each room a coloured lane in its day (the rooms are named below the calendar). Off: each day&apos;s rooms side by side with their names, scrolled sideways.</source>
        <translation>Hela veckan på en gång: varje rum som en färgad kolumn i sin dag (rummens namn står under kalendern). Av: varje dags rum bredvid varandra med sina namn, och kalendern rullas i sidled.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Pre&amp;vious</source>
        <translation>Före&amp;gående</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Today</source>
        <translation>&amp;I dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next</source>
        <translation>&amp;Nästa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The day or week before</source>
        <translation>Dagen eller veckan före</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back to today</source>
        <translation>Tillbaka till i dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The day or week after</source>
        <translation>Dagen eller veckan efter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Date:</source>
        <translation>D&amp;atum:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Date shown</source>
        <translation>Visat datum</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Interviewer:</source>
        <translation>Förhörs&amp;ledare:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the bookings of</source>
        <translation>Visa bokningarna för</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only the interviews this person leads or takes part in</source>
        <translation>Bara de barnförhör som den här personen leder eller deltar i</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyone</source>
        <translation>Alla</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room &amp;filter:</source>
        <translation>R&amp;umsfilter:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Show the room</source>
        <translation>Visa rummet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only this room&apos;s bookings</source>
        <translation>Bara det här rummets bokningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All rooms</source>
        <translation>Alla rum</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Times in {zone}</source>
        <translation>Tider i {zone}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Open case</source>
        <translation>&amp;Öppna ärendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the case of the selected booking (Enter)</source>
        <translation>Öppna ärendet för den valda bokningen (Enter)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Move</source>
        <translation>&amp;Flytta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the selected booking with Ctrl and the arrow keys; Enter moves it there, Esc cancels. Or drag it with the mouse.</source>
        <translation>Flytta den valda bokningen med Ctrl och piltangenterna; Enter flyttar den dit, Esc avbryter. Eller dra den med musen.</translation>
    </message>
    <message>
        <location line="+96"/>
        <source>{first} to {last}, week {week}</source>
        <translation>{first}–{last}, vecka {week}</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>The calendar could not be read: {reason}</source>
        <translation>Kalendern kunde inte läsas: {reason}</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Remote</source>
        <translation>Distans</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No room</source>
        <translation>Inget rum</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>There are no rooms yet. An administrator sets up the centre&apos;s rooms under Administration.</source>
        <translation>Det finns inga rum ännu. En administratör lägger upp centrets rum under Administration.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>{day}, {time}</source>
        <translation>{day}, {time}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>dddd d MMMM</source>
        <translation>dddd d MMMM</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Moving case {reference} to {when}, {room}. Enter or releasing the mouse moves it there; Esc cancels.</source>
        <translation>Ärende {reference} flyttas till {when}, {room}. Enter eller när du släpper musknappen flyttar det dit; Esc avbryter.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+3"/>
        <source>Selected: {what}.</source>
        <translation>Vald: {what}.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Enter opens the meeting.</source>
        <translation>Enter öppnar mötet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Enter opens the case.</source>
        <translation>Enter öppnar ärendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>It is moved in the case&apos;s Medical tab.</source>
        <translation>Den flyttas på ärendets flik Medicinskt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ctrl+arrow keys move it.</source>
        <translation>Ctrl+piltangenterna flyttar den.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{when}, {room}: free.</source>
        <translation>{when}, {room}: ledigt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Enter plans an interview here.</source>
        <translation>Enter planerar ett barnförhör här.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Move the booking with the arrow keys (15 minutes, one room at a time); Enter moves it there, Esc cancels.</source>
        <translation>Flytta bokningen med piltangenterna (15 minuter, ett rum i taget); Enter flyttar den dit, Esc avbryter.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>That time does not exist on that day: the clocks go forward. Choose another time.</source>
        <translation>Den tiden finns inte den dagen: klockan ställs fram. Välj en annan tid.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Planning is not available in this version of the application.</source>
        <translation>Planering finns inte i den här versionen av programmet.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>An interview is held in a room, not remotely. Nothing was moved.</source>
        <translation>Ett barnförhör hålls i ett rum, inte på distans. Inget flyttades.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>That time does not exist on that day: the clocks go forward. Nothing was moved.</source>
        <translation>Den tiden finns inte den dagen: klockan ställs fram. Ingenting flyttades.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Nothing was moved.</source>
        <translation>Ingenting flyttades.</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+2"/>
        <source>Not moved: {reason}</source>
        <translation>Inte flyttat: {reason}</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Moved case {reference} to {when}, {room}.</source>
        <translation>Ärende {reference} flyttades till {when}, {room}.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>{first} to {last}</source>
        <translation>{first}–{last}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Save the calendar as</source>
        <translation>Spara kalendern som</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>iCalendar files (*.ics)</source>
        <translation>iCalendar-filer (*.ics)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>The calendar was not exported: {reason}</source>
        <translation>Kalendern exporterades inte: {reason}</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The calendar was saved to {path}. Only you can read the file.</source>
        <translation>Kalendern sparades i {path}. Bara du kan läsa filen.</translation>
    </message>
</context>
<context>
    <name>CancelExaminationDialog</name>
    <message>
        <location filename="../../ui/medical/dialogs.py" line="+196"/>
        <source>Cancel the examination</source>
        <translation>Ställ in undersökningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the e&amp;xamination</source>
        <translation>Ställ in &amp;undersökningen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Skäl:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
</context>
<context>
    <name>CancelInterviewDialog</name>
    <message>
        <location filename="../../ui/interviews/status_dialogs.py" line="+14"/>
        <source>Cancel an interview</source>
        <translation>Ställ in ett barnförhör</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel the &amp;interview</source>
        <translation>Ställ in &amp;barnförhöret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The interview stays in the record as cancelled, with your reason. It no longer counts as one of the child&apos;s interviews.</source>
        <translation>Barnförhöret finns kvar i registret som inställt, med ditt skäl. Det räknas inte längre som ett av barnets barnförhör.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Skäl:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Required.</source>
        <translation>Måste fyllas i.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <location filename="../../ui/cases/case_list.py" line="+157"/>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+67"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="-66"/>
        <source>Born</source>
        <translation>Född</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>Ålder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Matched</source>
        <translation>Träff</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received</source>
        <translation>Inkom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case lead</source>
        <translation>Ärendeansvarig</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+25"/>
        <source>Emergency</source>
        <translation>Akut</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Click to sort by this column</source>
        <translation>Klicka för att sortera efter den här kolumnen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This column cannot be sorted</source>
        <translation>Den här kolumnen kan inte sorteras</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Triage: %1</source>
        <translation>Prioritering: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Police reference</source>
        <translation>Polisens diarienummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Prosecution reference</source>
        <translation>Åklagarens diarienummer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{role} ({relationship})</source>
        <translation>{role} ({relationship})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{who}: {name}, born {date}</source>
        <translation>{who}: {name}, född {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{who}: {name}</source>
        <translation>{who}: {name}</translation>
    </message>
</context>
<context>
    <name>CaseListPanel</name>
    <message>
        <location line="+127"/>
        <source>Search cases</source>
        <translation>Sök ärenden</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Search by name, date of birth or reference (Ctrl+F)</source>
        <translation>Sök på namn, födelsedatum eller referens (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Finds cases by case reference, police or prosecution reference, or the name or date of birth (2015-03-07, 7.3.2015, 7 March 2015) of a person in the case. Press Down, or Tab, to move to the list.</source>
        <translation>Hittar ärenden på ärendereferens, polisens eller åklagarens diarienummer, eller på namn eller födelsedatum (2015-03-07, 7.3.2015, 7 mars 2015) för en person i ärendet. Tryck på nedåtpil eller Tabb för att gå till listan.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;New case</source>
        <translation>&amp;Nytt ärende</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open the intake of a new case (Ctrl+N)</source>
        <translation>Öppna mottagningen av ett nytt ärende (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New case</source>
        <translation>Nytt ärende</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Any status</source>
        <translation>Alla statusar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any case lead</source>
        <translation>Alla ärendeansvariga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any form of abuse</source>
        <translation>Alla former av övergrepp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any year</source>
        <translation>Alla år</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Emergencies only</source>
        <translation>Bara akuta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No emergencies</source>
        <translation>Inga akuta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>With or without emergency</source>
        <translation>Akuta och icke akuta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Newest first</source>
        <translation>Nyaste först</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Oldest first</source>
        <translation>Äldsta först</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+6"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case lead</source>
        <translation>Ärendeansvarig</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Form of abuse</source>
        <translation>Form av övergrepp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year received</source>
        <translation>År då ärendet inkom</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+105"/>
        <source>Emergency</source>
        <translation>Akut</translation>
    </message>
    <message>
        <location line="-104"/>
        <source>Sort by</source>
        <translation>Sortera efter</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Sort:</source>
        <translation>&amp;Sortera:</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+1"/>
        <source>Clear filters</source>
        <translation>Rensa filter</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Number of cases</source>
        <translation>Antal ärenden</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Age</source>
        <translation>Ålder</translation>
    </message>
    <message>
        <location line="+130"/>
        <source>1 case</source>
        <translation>1 ärende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 cases</source>
        <translation>%1 ärenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No cases match the search and filters.</source>
        <translation>Inga ärenden matchar sökningen och filtren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There are no cases yet.</source>
        <translation>Det finns inga ärenden ännu.</translation>
    </message>
</context>
<context>
    <name>CaseWorkspace</name>
    <message>
        <location filename="../../ui/cases/workspace.py" line="+593"/>
        <location line="+123"/>
        <location line="+243"/>
        <source>Emergency</source>
        <translation>Akut</translation>
    </message>
    <message>
        <location line="-364"/>
        <location line="+1"/>
        <source>Emergency: remove the child from harm at once</source>
        <translation>Akut: skydda barnet från fara omedelbart</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the changes (Ctrl+S)</source>
        <translation>Spara ändringarna (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+610"/>
        <source>&amp;Overview</source>
        <translation>&amp;Översikt</translation>
    </message>
    <message>
        <location line="-606"/>
        <source>Case &amp;details</source>
        <translation>Ärende&amp;uppgifter</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Persons</source>
        <translation>&amp;Personer</translation>
    </message>
    <message>
        <location filename="../../ui/interviews/__init__.py" line="+18"/>
        <source>In&amp;terviews</source>
        <translation>Barnför&amp;hör</translation>
    </message>
    <message>
        <location filename="../../ui/documents/__init__.py" line="+16"/>
        <source>Doc&amp;uments</source>
        <translation>&amp;Dokument</translation>
    </message>
    <message>
        <location filename="../../ui/cases/workspace.py" line="+52"/>
        <source>Referral</source>
        <translation>Anmälan</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+245"/>
        <source>Report received</source>
        <translation>Anmälan inkom</translation>
    </message>
    <message>
        <location line="-244"/>
        <location line="+245"/>
        <source>Referred by</source>
        <translation>Anmäld av</translation>
    </message>
    <message>
        <location line="-244"/>
        <location line="+2"/>
        <location line="+4"/>
        <location line="+206"/>
        <source>Not recorded</source>
        <translation>Inte registrerat</translation>
    </message>
    <message>
        <location line="-211"/>
        <location line="+244"/>
        <source>Reporter&apos;s profession</source>
        <translation>Anmälarens yrke</translation>
    </message>
    <message>
        <location line="-242"/>
        <location line="+243"/>
        <source>Ex officio</source>
        <translation>Eget initiativ</translation>
    </message>
    <message>
        <location line="-243"/>
        <source>Opened without a complaint</source>
        <translation>Inlett utan anmälan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screening</source>
        <translation>Första bedömning</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+243"/>
        <source>Screened</source>
        <translation>Bedömt</translation>
    </message>
    <message>
        <location line="-243"/>
        <location line="+3"/>
        <source>Done</source>
        <translation>Utfört</translation>
    </message>
    <message>
        <location line="-2"/>
        <location line="+243"/>
        <source>Triage</source>
        <translation>Prioritering</translation>
    </message>
    <message>
        <location line="-242"/>
        <source>Remove the child from harm at once</source>
        <translation>Skydda barnet från fara omedelbart</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+244"/>
        <source>Acted on</source>
        <translation>Åtgärdat</translation>
    </message>
    <message>
        <location line="-243"/>
        <location line="+247"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="-246"/>
        <location line="+249"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-242"/>
        <location line="+243"/>
        <source>Case lead</source>
        <translation>Ärendeansvarig</translation>
    </message>
    <message>
        <location line="-242"/>
        <source>Choose the case lead</source>
        <translation>Välj ärendeansvarig</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+242"/>
        <source>Jurisdiction</source>
        <translation>Jurisdiktion</translation>
    </message>
    <message>
        <location line="-241"/>
        <source>Choose a jurisdiction</source>
        <translation>Välj en jurisdiktion</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+241"/>
        <source>Police reference</source>
        <translation>Polisens diarienummer</translation>
    </message>
    <message>
        <location line="-240"/>
        <location line="+241"/>
        <source>Prosecution reference</source>
        <translation>Åklagarens diarienummer</translation>
    </message>
    <message>
        <location line="-237"/>
        <source>Forms of abuse and exploitation</source>
        <translation>Former av övergrepp och exploatering</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+237"/>
        <source>Forms of abuse</source>
        <translation>Former av övergrepp</translation>
    </message>
    <message>
        <location line="-236"/>
        <source>Tick every form that applies (Space ticks the selected line)</source>
        <translation>Markera alla former som gäller (Mellanslag markerar den valda raden)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Summary</source>
        <translation>Sammanfattning</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+277"/>
        <source>Summary of the referral</source>
        <translation>Sammanfattning av anmälan</translation>
    </message>
    <message>
        <location line="-259"/>
        <location line="+3"/>
        <source>Persons in this case</source>
        <translation>Personer i ärendet</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add ch&amp;ild</source>
        <translation>Lägg till b&amp;arn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add other p&amp;erson</source>
        <translation>Lägg till annan p&amp;erson</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A carer, alleged offender, witness, guardian or trusted person</source>
        <translation>En omsorgsperson, misstänkt gärningsperson, ett vittne, en vårdnadshavare eller stödperson</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move (not saved yet)</source>
        <translation>Ta bo&amp;rt (inte sparat ännu)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No persons are recorded in this case yet.</source>
        <translation>Inga personer är registrerade i ärendet ännu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the child first.</source>
        <translation>Lägg till barnet först.</translation>
    </message>
    <message>
        <location line="+91"/>
        <source>New person</source>
        <translation>Ny person</translation>
    </message>
    <message>
        <location line="+71"/>
        <source>Referral and screening</source>
        <translation>Anmälan och första bedömning</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Yes, opened without a complaint</source>
        <translation>Ja, inlett utan anmälan</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+4"/>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yes: remove the child from harm at once</source>
        <translation>Ja: skydda barnet från fara omedelbart</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reference</source>
        <translation>Referens</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Children</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No child is recorded in this case yet.</source>
        <translation>Inget barn är registrerat i ärendet ännu.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>date of birth not recorded</source>
        <translation>födelsedatum inte registrerat</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Other persons</source>
        <translation>Andra personer</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No other person is recorded in this case yet.</source>
        <translation>Ingen annan person är registrerad i ärendet ännu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>relationship to the child: %1</source>
        <translation>relation till barnet: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What the child was told</source>
        <translation>Vad barnet har fått veta</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Medical examinations</source>
        <translation>Läkarundersökningar</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>planned %1</source>
        <translation>planerad %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>held %1</source>
        <translation>genomförd %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cancelled (was %1)</source>
        <translation>inställd (var %1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>declined by the child (%1)</source>
        <translation>barnet avböjde (%1)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>acute</source>
        <translation>akut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Medical examination: %1</source>
        <translation>Läkarundersökning: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>outcome: %1</source>
        <translation>resultat: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>samples handed to police</source>
        <translation>prover lämnade till polisen</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No contact: %1 and %2 must never be in the building at the same time.</source>
        <translation>Kontaktförbud: %1 och %2 får aldrig vistas i huset samtidigt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reason: %1</source>
        <translation>Skäl: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>a person outside this case (no. %1)</source>
        <translation>en person utanför ärendet (nr %1)</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+1"/>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>New case</source>
        <translation>Nytt ärende</translation>
    </message>
    <message>
        <location line="+134"/>
        <source>add the child to the case first.</source>
        <translation>lägg till barnet i ärendet först.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Saved.</source>
        <translation>Sparat.</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Not saved: one field needs attention.</source>
        <translation>Inte sparat: ett fält behöver åtgärdas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not saved: %1 fields need attention.</source>
        <translation>Inte sparat: %1 fält behöver åtgärdas.</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>Not saved: choose whether %1 is a person already in the record.</source>
        <translation>Inte sparat: välj om %1 är en person som redan finns i registret.</translation>
    </message>
    <message>
        <location line="-199"/>
        <location line="+378"/>
        <source>born %1</source>
        <translation>född %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>type at least the given name to look for a person.</source>
        <translation>skriv åtminstone förnamnet för att söka efter en person.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>No one with this name is in the record yet. A new person will be created when you save.</source>
        <translation>Ingen med det här namnet finns i registret ännu. En ny person skapas när du sparar.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Using the existing record of this person.</source>
        <translation>De befintliga uppgifterna om personen används.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unsaved changes</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 has changes that are not saved.</source>
        <translation>%1 har ändringar som inte är sparade.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save them before closing?</source>
        <translation>Spara dem innan du stänger?</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Not saved: check the marked field.</source>
        <translation>Inte sparat: kontrollera det markerade fältet.</translation>
    </message>
    <message>
        <location filename="../../ui/cases/__init__.py" line="+85"/>
        <source>Team and re&amp;ferrals</source>
        <translation>&amp;Team och remisser</translation>
    </message>
    <message>
        <location filename="../../ui/medical/__init__.py" line="+19"/>
        <source>&amp;Medical</source>
        <translation>&amp;Medicinskt</translation>
    </message>
    <message>
        <location filename="../../ui/followup/__init__.py" line="+19"/>
        <source>Fo&amp;llow-up</source>
        <translation>Uppföl&amp;jning</translation>
    </message>
    <message>
        <location filename="../../ui/psychosocial/__init__.py" line="+20"/>
        <source>Psychosoci&amp;al</source>
        <translation>Psykoso&amp;cialt</translation>
    </message>
    <message>
        <location filename="../../ui/justice/__init__.py" line="+20"/>
        <source>&amp;Justice</source>
        <translation>Rättspr&amp;ocess</translation>
    </message>
</context>
<context>
    <name>ChangeOwnPasswordDialog</name>
    <message>
        <location filename="../../ui/admin/own_password.py" line="+15"/>
        <source>Change my password</source>
        <translation>Byt mitt lösenord</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed in as {name}. From now on the record unlocks with your new password; what you may read, the sealed interviewer&apos;s notes included, is sealed to it too. Backups made before now still open with your current password.</source>
        <translation>Inloggad som {name}. Från och med nu låses registret upp med ditt nya lösenord; det du får läsa, inklusive förhörsledarens förseglade anteckningar, förseglas också till det. Säkerhetskopior som gjorts före nu öppnas fortfarande med ditt nuvarande lösenord.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Current password:</source>
        <translation>Nu&amp;varande lösenord:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Current password</source>
        <translation>Nuvarande lösenord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New password:</source>
        <translation>&amp;Nytt lösenord:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New password &amp;again:</source>
        <translation>Nytt lösenord &amp;igen:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Type your current password.</source>
        <translation>Skriv ditt nuvarande lösenord.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>This is not your current password. Nothing was changed.</source>
        <translation>Det här är inte ditt nuvarande lösenord. Ingenting ändrades.</translation>
    </message>
</context>
<context>
    <name>ChildPartDialog</name>
    <message>
        <location filename="../../ui/justice/dialogs.py" line="+354"/>
        <source>The child&apos;s part</source>
        <translation>Barnets medverkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taking part is the child&apos;s right, not a duty: whether and how they took part is recorded as they chose.</source>
        <translation>Att medverka är barnets rättighet, inte en skyldighet: om och hur barnet medverkade registreras så som barnet valde.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+14"/>
        <location line="+9"/>
        <source>Not recorded</source>
        <translation>Inte registrerat</translation>
    </message>
    <message>
        <location line="-20"/>
        <source>&amp;How they took part:</source>
        <translation>&amp;Hur barnet medverkade:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>How the child took part</source>
        <translation>Hur barnet medverkade</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Special &amp;measures:</source>
        <translation>Särskilda &amp;åtgärder:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Special measures</source>
        <translation>Särskilda åtgärder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Su&amp;pport person:</source>
        <translation>Stöd&amp;person:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Legal representative:</source>
        <translation>&amp;Målsägandebiträde / ombud:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The child&apos;s &amp;view:</source>
        <translation>Barnets &amp;uppfattning:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The child&apos;s own view of the outcome</source>
        <translation>Barnets egen uppfattning om utgången</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In their &amp;words:</source>
        <translation>Med egna &amp;ord:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The child&apos;s view in their own words</source>
        <translation>Barnets uppfattning med egna ord</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>View given &amp;on:</source>
        <translation>Uppfattningen &amp;gavs den:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The day the child gave their view</source>
        <translation>Dagen barnet gav sin uppfattning</translation>
    </message>
</context>
<context>
    <name>ClaimDialog</name>
    <message>
        <location line="+116"/>
        <source>New compensation claim</source>
        <translation>Nytt ersättningsanspråk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Öppna</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+3"/>
        <location line="+3"/>
        <source>Choose</source>
        <translation>Välj</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>&amp;Route:</source>
        <translation>&amp;Väg:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Route</source>
        <translation>Väg</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;laimant:</source>
        <translation>&amp;Sökande:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Claimant</source>
        <translation>Sökande</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;hild:</source>
        <translation>&amp;Barn:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Re&amp;presentative:</source>
        <translation>&amp;Ombud:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>C&amp;urrency:</source>
        <translation>Val&amp;uta:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Currency</source>
        <translation>Valuta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Amount claimed:</source>
        <translation>&amp;Yrkat belopp:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Amount claimed</source>
        <translation>Yrkat belopp</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optional until the claim is filed.</source>
        <translation>Frivilligt tills anspråket har lämnats in.</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>None</source>
        <translation>Inget</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&amp;In the proceeding:</source>
        <translation>&amp;I förfarandet:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proceeding</source>
        <translation>Förfarande</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Deadline:</source>
        <translation>Sista &amp;dag:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deadline</source>
        <translation>Sista dag</translation>
    </message>
</context>
<context>
    <name>ClaimStatusDialog</name>
    <message>
        <location line="+26"/>
        <source>Set the claim&apos;s status</source>
        <translation>Ange anspråkets status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Now: %1.</source>
        <translation>Nu: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;New status:</source>
        <translation>&amp;Ny status:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New status</source>
        <translation>Ny status</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Amount:</source>
        <translation>&amp;Belopp:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount</source>
        <translation>Belopp</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The sum claimed, in %1.</source>
        <translation>Det yrkade beloppet, i %1.</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+1"/>
        <source>The sum awarded, in %1.</source>
        <translation>Det tilldömda beloppet, i %1.</translation>
    </message>
</context>
<context>
    <name>CompleteDialog</name>
    <message>
        <location filename="../../ui/today/panel.py" line="+228"/>
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
        <location line="+4"/>
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
        <location filename="../../ui/shell/first_run.py" line="+136"/>
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
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/interviews/conflict_dialog.py" line="+23"/>
        <source>This booking clashes</source>
        <translation>Bokningen krockar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Nothing has been booked. Move the booking, or write why it must go ahead despite each warning below. Your reasons are kept with the booking and in the audit trail.</source>
        <translation>Ingenting har bokats. Flytta bokningen, eller skriv varför den måste genomföras trots varje varning nedan. Dina skäl sparas med bokningen och i loggen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Room already booked</source>
        <translation>Rummet är redan bokat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Staff member already booked</source>
        <translation>Medarbetaren är redan bokad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The child is already booked</source>
        <translation>Barnet är redan bokat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-contact: these persons must never meet</source>
        <translation>Kontaktförbud: dessa personer får aldrig mötas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The child testifies once</source>
        <translation>Barnet ska bara höras en gång</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Why this booking must go ahead anyway (required to override)</source>
        <translation>Varför bokningen ändå måste genomföras (krävs för att gå förbi varningen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason to override: {title}</source>
        <translation>Skäl att gå förbi: {title}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Override and book</source>
        <translation>&amp;Boka ändå</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Go back and change it</source>
        <translation>&amp;Gå tillbaka och ändra</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>A reason is at most {n} characters long.</source>
        <translation>Ett skäl får vara högst {n} tecken långt.</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../ui/common/feedback.py" line="+23"/>
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
        <location filename="../../ui/today/panel.py" line="-907"/>
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
    <message>
        <location filename="../../ui/interviews/plan_dialog.py" line="+36"/>
        <source>Choose a child of this case.</source>
        <translation>Välj ett barn i det här ärendet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose one of the centre&apos;s rooms in use.</source>
        <translation>Välj ett av centrets rum som används.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The interviewer must be an active user with the forensic interviewer role.</source>
        <translation>Förhörsledaren måste vara en aktiv användare med rollen förhörsledare.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The child was interviewed before by someone else; the same interviewer is preferred.</source>
        <translation>Barnet har tidigare hörts av någon annan; samma förhörsledare är att föredra.</translation>
    </message>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="+48"/>
        <source>the signature does not check out or files were changed (see the problems listed)</source>
        <translation>signaturen stämmer inte, eller så har filer ändrats (se problemen i listan)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>its CA certificate does not match any fingerprint you trust</source>
        <translation>dess CA-certifikat matchar inget fingeravtryck som du litar på</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the file carries no signature of a centre</source>
        <translation>filen har ingen signatur från ett center</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>this file carries no signature (a DOCX is not signed; only the register of the record that issued it vouches for it)</source>
        <translation>den här filen har ingen signatur (en DOCX signeras inte; bara dokumentförteckningen i registret som utfärdade den intygar den)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the centre</source>
        <translation>centret</translation>
    </message>
</context>
<context>
    <name>CorrectLabelDialog</name>
    <message>
        <location filename="../../ui/interviews/recording_dialog.py" line="+170"/>
        <source>Correct the label</source>
        <translation>Rätta etiketten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Correct</source>
        <translation>&amp;Rätta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The label it has now stays in its history, with who corrected it, when and why. The SHA-256 and the size never change.</source>
        <translation>Den nuvarande etiketten finns kvar i historiken, tillsammans med vem som rättade den, när och varför. SHA-256 och storleken ändras aldrig.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Label:</source>
        <translation>&amp;Etikett:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Corrected label</source>
        <translation>Rättad etikett</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Why:</source>
        <translation>&amp;Varför:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Required, e.g. a typing error.</source>
        <translation>Måste fyllas i, t.ex. ett skrivfel.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why it is corrected</source>
        <translation>Varför den rättas</translation>
    </message>
</context>
<context>
    <name>CourtSummaryDialog</name>
    <message>
        <location filename="../../ui/documents/panel.py" line="-145"/>
        <source>Court summary of {case}</source>
        <translation>Sammanställning för domstol för {case}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Write the summary</source>
        <translation>&amp;Skapa sammanställningen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The summary of the case for a court: the case, the child, the interviews and the recordings with their chain of custody. It is written to the file you choose and entered in the document register with its SHA-256, so that anyone can later check that a copy is unaltered.</source>
        <translation>Sammanställningen av ärendet för en domstol: ärendet, barnet, barnförhören och inspelningarna med sin beviskedja. Den sparas i filen du väljer och förs in i dokumentregistret med sin SHA-256, så att vem som helst senare kan kontrollera att en kopia är oförändrad.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;PDF, signed by the centre (PDF/A): for the court</source>
        <translation>&amp;PDF, signerad av centret (PDF/A): för domstolen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;DOCX, editable and not signed: for drafting</source>
        <translation>&amp;DOCX, redigerbar och inte signerad: för utkast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pse&amp;udonymise: no names, dates of birth or addresses</source>
        <translation>Pse&amp;udonymisera: inga namn, födelsedatum eller adresser</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The child is called Child A; other persons and staff are named by their role.</source>
        <translation>Barnet kallas Barn A; andra personer och personal anges med sin roll.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pseudonymise</source>
        <translation>Pseudonymisera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as:</source>
        <translation>Spara s&amp;om:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{case}-court-summary-{date}</source>
        <translation>{case}-sammanställning-för-domstol-{date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>-pseudonymised</source>
        <translation>-pseudonymiserad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the court summary as</source>
        <translation>Spara sammanställningen för domstol som</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writing the court summary</source>
        <translation>Sammanställningen för domstol skapas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing and signing the court summary of {case}…</source>
        <translation>Sammanställningen för domstol för {case} skapas och signeras…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writing the court summary of {case}…</source>
        <translation>Sammanställningen för domstol för {case} skapas…</translation>
    </message>
</context>
<context>
    <name>CreateSigningDialog</name>
    <message>
        <location filename="../../ui/admin/panel.py" line="-554"/>
        <source>Create a new signing certificate</source>
        <translation>Skapa ett nytt signeringscertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new CA and signing certificate for the centre. The CA key is written ONCE to the file you choose, encrypted with the passphrase, and never kept in the record: whoever reads the record cannot make certificates in the centre&apos;s name. Keep the file and the passphrase in the centre&apos;s safe; renewing the signing certificate needs them. Documents issued until now keep verifying; new ones carry a new CA fingerprint, so send the courts and prosecutors the new one.</source>
        <translation>En ny CA (certifikatutfärdare) och ett nytt signeringscertifikat för centret. CA-nyckeln sparas EN gång i filen du väljer, krypterad med lösenfrasen, och sparas aldrig i registret: den som läser registret kan inte skapa certifikat i centrets namn. Förvara filen och lösenfrasen i centrets kassaskåp; de behövs för att förnya signeringscertifikatet. Dokument som har utfärdats hittills kan fortfarande verifieras; nya dokument får ett nytt CA-fingeravtryck, så skicka det nya till domstolarna och åklagarna.</translation>
    </message>
</context>
<context>
    <name>CreatingPage</name>
    <message>
        <location filename="../../ui/shell/first_run.py" line="-161"/>
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
        <location line="+22"/>
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
    <name>CrisisContactDialog</name>
    <message>
        <location filename="../../ui/psychosocial/dialogs.py" line="-82"/>
        <source>Record a crisis contact</source>
        <translation>Registrera en kriskontakt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the person</source>
        <translation>Välj person</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;With:</source>
        <translation>&amp;Med:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>With</source>
        <translation>Med</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>W&amp;hen:</source>
        <translation>&amp;När:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Anteckningar:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealed: only therapists read them.</source>
        <translation>Förseglade: bara terapeuter kan läsa dem.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes of the contact</source>
        <translation>Anteckningar om kontakten</translation>
    </message>
</context>
<context>
    <name>CustodyLogDialog</name>
    <message>
        <location filename="../../ui/interviews/custody.py" line="+26"/>
        <source>Chain of custody: %1</source>
        <translation>Beviskedja: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 · SHA-256 %2</source>
        <translation>%1 · SHA-256 %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Registered as “%1”.</source>
        <translation>Registrerad som ”%1”.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Corrected to “%1” by %2, %3: %4</source>
        <translation>Rättad till ”%1” av %2, %3: %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Label history</source>
        <translation>Etikettens historik</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By whom</source>
        <translation>Av vem</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Var</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When (%1)</source>
        <translation>När (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>To / from</source>
        <translation>Till / från</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Receipt or order</source>
        <translation>Kvitto eller beslut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SHA-256 computed</source>
        <translation>Beräknad SHA-256</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Entered by</source>
        <translation>Registrerad av</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Chain of custody</source>
        <translation>Beviskedja</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Add event…</source>
        <translation>&amp;Lägg till händelse…</translation>
    </message>
</context>
<context>
    <name>DamagedBanner</name>
    <message>
        <location filename="../../ui/shell/damaged.py" line="-122"/>
        <source>Open rea&amp;d-only</source>
        <translation>Öppna skrivsky&amp;ddat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Restore a &amp;backup…</source>
        <translation>&amp;Återställ en säkerhetskopia…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sal&amp;vage…</source>
        <translation>&amp;Rädda…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The record is damaged</source>
        <translation>Registret är skadat</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The record file is damaged</source>
        <translation>Registerfilen är skadad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A part of the record file failed its check, so it cannot be opened for work. Nothing offered here changes the damaged file, and your backups are not touched.

To look at it, type your password again and choose Open read-only: you can check it and see its backups. To go on working, restore a verified backup to a new file, or salvage every row that can still be read into a new file.</source>
        <translation>En del av registerfilen klarade inte sin kontroll, och filen kan därför inte öppnas för arbete. Ingenting som erbjuds här ändrar den skadade filen, och dina säkerhetskopior berörs inte.

Om du vill titta på den skriver du ditt lösenord igen och väljer Öppna skrivskyddat: då kan du kontrollera den och se dess säkerhetskopior. Om du vill fortsätta arbeta återställer du en kontrollerad säkerhetskopia till en ny fil, eller räddar varje rad som fortfarande går att läsa till en ny fil.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing offered here changes the damaged file, and your backups are not touched.</source>
        <translation>Ingenting som erbjuds här ändrar den skadade filen, och dina säkerhetskopior berörs inte.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The record is open read-only</source>
        <translation>Registret är öppnat i skrivskyddat läge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Its file is damaged, so nothing is written to it, and nothing about cases or persons is shown (every reading must be written to the audit trail). Check the record to see what is damaged, then restore a verified backup or salvage what can still be read: each makes a new file, which you can then open, and leaves this one as it is.</source>
        <translation>Registrets fil är skadad, så ingenting skrivs till den och ingenting om ärenden eller personer visas (varje läsning måste föras in i loggen). Kontrollera registret för att se vad som är skadat, och återställ sedan en kontrollerad säkerhetskopia eller rädda det som fortfarande går att läsa: båda skapar en ny fil, som du sedan kan öppna, och lämnar den här filen som den är.</translation>
    </message>
</context>
<context>
    <name>DamagedRecord</name>
    <message>
        <location line="+104"/>
        <source>A new record was made</source>
        <translation>Ett nytt register har skapats</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open the new record</source>
        <translation>&amp;Öppna det nya registret</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Switch to the restored record…</source>
        <translation>&amp;Byt till det återställda registret…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Restored to {path}.

The backup was written {made}; its audit head is {head}. It was verified. The damaged record was not changed.</source>
        <translation>Återställd till {path}.

Säkerhetskopian skrevs {made}; loggens senaste post är {head}. Den kontrollerades. Det skadade registret ändrades inte.</translation>
    </message>
</context>
<context>
    <name>DeadlineDialog</name>
    <message>
        <location filename="../../ui/justice/dialogs.py" line="+49"/>
        <source>Claim deadline</source>
        <translation>Sista dag för anspråket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A compensation-deadline reminder for the liaison, completed by the claim&apos;s next step.</source>
        <translation>En påminnelse om sista dag för ersättning till kontakten med polis och åklagare, avklarad med anspråkets nästa steg.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Deadline:</source>
        <translation>Sista &amp;dag:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deadline</source>
        <translation>Sista dag</translation>
    </message>
</context>
<context>
    <name>DeclineDialog</name>
    <message>
        <location filename="../../ui/today/panel.py" line="+910"/>
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
    <name>DeclinedDialog</name>
    <message>
        <location filename="../../ui/interviews/status_dialogs.py" line="+13"/>
        <source>The child chose not to take part</source>
        <translation>Barnet valde att inte delta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taking part is the child&apos;s right, not a duty. The interview is recorded as not held because the child chose not to take part.</source>
        <translation>Att delta är barnets rättighet, inte en skyldighet. Barnförhöret registreras som inte genomfört eftersom barnet valde att inte delta.</translation>
    </message>
    <message>
        <location line="+4"/>
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
    <name>DisableDialog</name>
    <message>
        <location filename="../../ui/admin/disable.py" line="+26"/>
        <source>Disable an account</source>
        <translation>Inaktivera ett konto</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{name} will no longer be able to unlock the record, and no longer holds the keys of the sealed parts of the record (such as the interviewer&apos;s notes), which get new keys. To enable the account again you will give them a new password.</source>
        <translation>{name} kommer inte längre att kunna låsa upp registret och har inte längre nycklarna till registrets förseglade avsnitt (till exempel förhörsledarens anteckningar), som får nya nycklar. För att aktivera kontot igen ger du användaren ett nytt lösenord.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copies of the key file in older backups still open the record with this account&apos;s password until the record key is replaced. Replace it if the account may be misused: a new recovery key is issued, and the old one no longer opens the record.</source>
        <translation>Kopior av nyckelfilen i äldre säkerhetskopior öppnar fortfarande registret med det här kontots lösenord tills registrets nyckel byts ut. Byt ut den om kontot kan komma att missbrukas: en ny återställningsnyckel skapas, och den gamla öppnar inte längre registret.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Also &amp;replace the record key</source>
        <translation>Byt också ut &amp;registrets nyckel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Also replace the record key</source>
        <translation>Byt också ut registrets nyckel</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>New recovery key &amp;file:</source>
        <translation>&amp;Fil för den nya återställningsnyckeln:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New recovery key file</source>
        <translation>Fil för den nya återställningsnyckeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new file, readable by you only. Print it, lock the sheet away, then delete the file.</source>
        <translation>En ny fil som bara du kan läsa. Skriv ut den, lås in utskriften och radera sedan filen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Disable</source>
        <translation>&amp;Inaktivera</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save the new recovery key</source>
        <translation>Spara den nya återställningsnyckeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textfiler (*.txt);;Alla filer (*)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a file for the new recovery key.</source>
        <translation>Välj en fil för den nya återställningsnyckeln.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Disabling the account and replacing the record key…</source>
        <translation>Inaktiverar kontot och byter ut registrets nyckel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disabling the account…</source>
        <translation>Inaktiverar kontot…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Stopping before the record key is replaced…</source>
        <translation>Avbryter innan registrets nyckel byts ut…</translation>
    </message>
</context>
<context>
    <name>DisclosureDialog</name>
    <message>
        <location filename="../../ui/documents/panel.py" line="+140"/>
        <source>Record a disclosure</source>
        <translation>Registrera ett utlämnande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who received document {document} ({type}, {format}, version {version}), when, and on what undertaking. The entry stays in the disclosure register.</source>
        <translation>Vem som tog emot dokument {document} ({type}, {format}, version {version}), när och med vilket förbehåll. Posten stannar i registret över utlämnanden.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;To whom:</source>
        <translation>&amp;Till vem:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required: the person and their organisation, e.g. a prosecutor&apos;s name and office.</source>
        <translation>Måste fyllas i: personen och dess organisation, t.ex. en åklagares namn och åklagarkammare.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Undertaking:</source>
        <translation>&amp;Förbehåll:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required: what the recipient undertook, e.g. to use it only in these proceedings and not to pass it on.</source>
        <translation>Måste fyllas i: vad mottagaren åtog sig, t.ex. att bara använda det i detta mål och inte lämna det vidare.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undertaking</source>
        <translation>Förbehåll</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;How:</source>
        <translation>&amp;Hur:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E.g. handed over in person, registered post, secure e-mail.</source>
        <translation>T.ex. överlämnat personligen, rekommenderat brev, säker e-post.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>Sätt för utlämnandet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;When:</source>
        <translation>&amp;När:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date and time of disclosure</source>
        <translation>Datum och tid för utlämnandet</translation>
    </message>
</context>
<context>
    <name>DocumentWords</name>
    <message>
        <location filename="../../ui/documents/words.py" line="+12"/>
        <source>Court summary</source>
        <translation>Sammanställning för domstol</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prosecutor bundle</source>
        <translation>Paket till åklagare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meeting minutes</source>
        <translation>Mötesprotokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Psychosocial summary</source>
        <translation>Psykosocial sammanställning</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>PDF, signed</source>
        <translation>PDF, signerad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>DOCX</source>
        <translation>DOCX</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Folder, signed</source>
        <translation>Mapp, signerad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zip, signed</source>
        <translation>Zip, signerad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Nej</translation>
    </message>
</context>
<context>
    <name>DocumentsPanel</name>
    <message>
        <location filename="../../ui/documents/panel.py" line="+160"/>
        <source>Every court summary and bundle issued for this case, and the minutes of the team meetings that discussed it, newest first, and to whom each was given. The register keeps each one&apos;s SHA-256: Verify a file… tells whether a copy is the one issued, unaltered.</source>
        <translation>Alla sammanställningar för domstol och paket som har utfärdats för ärendet, och protokollen från de teammöten som behandlade det, nyaste först, och till vem vart och ett har lämnats. Dokumentregistret sparar varje dokuments SHA-256: Verifiera en fil… visar om en kopia är den som utfärdades, oförändrad.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Court su&amp;mmary…</source>
        <translation>Sa&amp;mmanställning för domstol…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the court summary as a signed PDF or as DOCX</source>
        <translation>Skapa sammanställningen för domstol som signerad PDF eller som DOCX</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prosecutor &amp;bundle…</source>
        <translation>Paket till &amp;åklagaren…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a signed bundle: summary, interview index, recordings manifest, custody log and audit extract</source>
        <translation>Skapa ett signerat paket: sammanställning, förteckning över barnförhör, förteckning över inspelningar, beviskedjans logg och utdrag ur loggen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record dis&amp;closure…</source>
        <translation>Re&amp;gistrera utlämnande…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record that the selected document was given to someone</source>
        <translation>Registrera att det valda dokumentet har lämnats till någon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verify a file…</source>
        <translation>&amp;Verifiera en fil…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check whether a file or bundle is one this record issued, unaltered</source>
        <translation>Kontrollera om en fil eller ett paket har utfärdats av det här registret, oförändrat</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>&amp;Issued documents</source>
        <translation>Utf&amp;ärdade dokument</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Document ID</source>
        <translation>Dokument-ID</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+16"/>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Issued (%1)</source>
        <translation>Utfärdat (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <source>Pseudonymised</source>
        <translation>Pseudonymiserat</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Disclosures</source>
        <translation>Utlämnanden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Issued documents</source>
        <translation>Utfärdade dokument</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Type:</source>
        <translation>Typ:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File name when issued:</source>
        <translation>Filnamn vid utfärdandet:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size:</source>
        <translation>Storlek:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued:</source>
        <translation>Utfärdat:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Pseudonymised:</source>
        <translation>Pseudonymiserat:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256:</source>
        <translation>SHA-256:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Audit trail at issue:</source>
        <translation>Loggen vid utfärdandet:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Cop&amp;y SHA-256</source>
        <translation>&amp;Kopiera SHA-256</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Copy the full SHA-256 of the selected document (Ctrl+C in the table)</source>
        <translation>Kopiera hela SHA-256 för det valda dokumentet (Ctrl+C i tabellen)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Disclosur&amp;es of the selected document</source>
        <translation>Utlämna&amp;nden av det valda dokumentet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>To whom</source>
        <translation>Till vem</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>How</source>
        <translation>Hur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undertaking</source>
        <translation>Förbehåll</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disclosures of the selected document</source>
        <translation>Utlämnanden av det valda dokumentet</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>No document has been issued for this case yet.</source>
        <translation>Inget dokument har utfärdats för ärendet ännu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court summary… writes the first one.</source>
        <translation>Sammanställning för domstol… skapar det första.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>SHA-256 {sha}</source>
        <translation>SHA-256 {sha}</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Given to %n recipient(s), as recorded here</source>
        <translation>
            <numerusform>Lämnat till %n mottagare, enligt vad som registrerats här</numerusform>
            <numerusform>Lämnat till %n mottagare, enligt vad som registrerats här</numerusform>
        </translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Document {document}</source>
        <translation>Dokument {document}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{type} ({format}), version {version}</source>
        <translation>{type} ({format}), version {version}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{when} by {user}</source>
        <translation>{when} av {user}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>entry {n}</source>
        <translation>post {n}</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Not given to anyone yet, as far as recorded here.</source>
        <translation>Inte lämnat till någon ännu, enligt vad som registrerats här.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Undertaking of {recipient}: {text}</source>
        <translation>Förbehåll från {recipient}: {text}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The SHA-256 of {document} is on the clipboard.</source>
        <translation>SHA-256 för {document} finns i urklippet.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{type} {document} was written and registered.</source>
        <translation>{type} {document} har skapats och registrerats.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The disclosure of {document} was recorded.</source>
        <translation>Utlämnandet av {document} har registrerats.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <location filename="../../ui/shell/first_run.py" line="+117"/>
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
        <location filename="../../ui/cases/workspace.py" line="-1297"/>
        <source>Is this person already in the record?</source>
        <translation>Finns personen redan i registret?</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>These persons in the record have a similar name or the same date of birth. If one of them is the person you are entering, use that record: one person keeps one record across all their cases.</source>
        <translation>De här personerna i registret har ett liknande namn eller samma födelsedatum. Om en av dem är den person du registrerar, använd den: en person har samma uppgifter i alla sina ärenden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>You entered: %1</source>
        <translation>Du skrev: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Persons already in the record</source>
        <translation>Personer som redan finns i registret</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>born %1</source>
        <translation>född %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date of birth not recorded</source>
        <translation>födelsedatum inte registrerat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1, %2 (person no. %3)</source>
        <translation>%1, %2 (person nr %3)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Using an existing person links their record as it is stored; check their details afterwards.</source>
        <translation>Om du använder en befintlig person kopplas personens uppgifter in så som de är sparade; kontrollera uppgifterna efteråt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Use the selected person</source>
        <translation>&amp;Använd den valda personen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Create a &amp;new person</source>
        <translation>Skapa en &amp;ny person</translation>
    </message>
</context>
<context>
    <name>EditExaminationDialog</name>
    <message>
        <location filename="../../ui/medical/dialogs.py" line="+288"/>
        <source>Edit the booking</source>
        <translation>Ändra bokningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Co&amp;mmissioned by:</source>
        <translation>B&amp;eställare:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commissioned by</source>
        <translation>Beställare</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Priority:</source>
        <translation>&amp;Prioritet:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Seco&amp;nd examiner:</source>
        <translation>&amp;Andra undersökare:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second examiner or nurse</source>
        <translation>Andra undersökare eller sjuksköterska</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known</source>
        <translation>Känd</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Last contact:</source>
        <translation>Senaste &amp;kontakt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The core derives whether the examination is acute.</source>
        <translation>Om undersökningen är akut räknas ut av programmet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last contact</source>
        <translation>Senaste kontakt</translation>
    </message>
</context>
<context>
    <name>EditGoalDialog</name>
    <message>
        <location filename="../../ui/psychosocial/dialogs.py" line="+86"/>
        <source>Review the recovery goal</source>
        <translation>Följ upp målet i återhämtningsplanen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Goal:</source>
        <translation>&amp;Mål:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
</context>
<context>
    <name>EndEpisodeDialog</name>
    <message>
        <location line="-182"/>
        <source>End the treatment episode</source>
        <translation>Avsluta behandlingen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;End</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ended &amp;on:</source>
        <translation>Avslutad &amp;den:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ended on</source>
        <translation>Avslutad den</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the reason</source>
        <translation>Välj skäl</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Skäl:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why it ended</source>
        <translation>Varför den avslutades</translation>
    </message>
</context>
<context>
    <name>EndRuleDialog</name>
    <message>
        <location filename="../../ui/followup/dialogs.py" line="+160"/>
        <source>End the follow-up rule</source>
        <translation>Avsluta uppföljningsregeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every open date of this rule is declined with the reason; its history keeps what was done.</source>
        <translation>Varje öppet datum för regeln avböjs med skälet; historiken behåller det som gjorts.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;End the rule</source>
        <translation>Avsluta &amp;regeln</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Reason:</source>
        <translation>&amp;Skäl:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
</context>
<context>
    <name>EventDialog</name>
    <message>
        <location filename="../../ui/justice/dialogs.py" line="-436"/>
        <source>Record an event</source>
        <translation>Registrera en händelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where it stands: %1.</source>
        <translation>Läge: %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Record</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Event:</source>
        <translation>&amp;Händelse:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+15"/>
        <location line="+5"/>
        <location line="+6"/>
        <source>Choose</source>
        <translation>Välj</translation>
    </message>
    <message>
        <location line="-24"/>
        <source>De&amp;cision:</source>
        <translation>&amp;Beslut:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Rea&amp;son:</source>
        <translation>&amp;Skäl:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 (recorded alleged offence)</source>
        <translation>%1 (registrerat misstänkt brott)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;harges:</source>
        <translation>&amp;Åtalspunkter:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Charges</source>
        <translation>Åtalspunkter</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>C&amp;harge:</source>
        <translation>&amp;Åtalspunkt:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Charge</source>
        <translation>Åtalspunkt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Verdict:</source>
        <translation>Do&amp;m:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Verdict</source>
        <translation>Dom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known yet</source>
        <translation>Inte känt ännu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;lease date:</source>
        <translation>&amp;Frigivningsdag:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Release date</source>
        <translation>Frigivningsdag</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Outcome:</source>
        <translation>&amp;Utfall:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
</context>
<context>
    <name>ExportCaDialog</name>
    <message>
        <location filename="../../ui/admin/panel.py" line="+18"/>
        <source>Export the CA key</source>
        <translation>Exportera CA-nyckeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This record still holds the centre&apos;s CA key, so anyone who can read the record can sign in the centre&apos;s name. Write it to a file for the centre&apos;s safe; it is then removed from the record. Backups made until now still hold it: keep them as safe as the CA file.</source>
        <translation>Registret innehåller fortfarande centrets CA-nyckel, så den som kan läsa registret kan signera i centrets namn. Spara den i en fil för centrets kassaskåp; den tas då bort ur registret. Säkerhetskopior som har gjorts hittills innehåller den fortfarande: förvara dem lika säkert som CA-filen.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../ui/calendar/panel.py" line="-664"/>
        <source>Export the calendar</source>
        <translation>Exportera kalendern</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The bookings of {range}, as an iCalendar (.ics) file for staff calendars.</source>
        <translation>Bokningarna för {range}, som en iCalendar-fil (.ics) för personalens kalendrar.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Only my bookings (the interviews I lead or take part in)</source>
        <translation>&amp;Bara mina bokningar (barnförhör som jag leder eller deltar i)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file holds case references and rooms only, marked confidential; no names. It is not encrypted: only you can read it on this computer. Do not keep it longer than you need it.</source>
        <translation>Filen innehåller bara ärendereferenser och rum, märkta som konfidentiella; inga namn. Den är inte krypterad: bara du kan läsa den på den här datorn. Spara den inte längre än du behöver.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save as…</source>
        <translation>&amp;Spara som…</translation>
    </message>
</context>
<context>
    <name>FieldRow</name>
    <message>
        <location filename="../../ui/common/field_widgets.py" line="+236"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Not recorded</source>
        <translation>Inte registrerat</translation>
    </message>
</context>
<context>
    <name>FindingDialog</name>
    <message>
        <location filename="../../ui/medical/dialogs.py" line="-279"/>
        <source>Add a finding</source>
        <translation>Lägg till ett fynd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>&amp;Lägg till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coded under %1.</source>
        <translation>Kodat enligt %1.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the item</source>
        <translation>Välj benämning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Item:</source>
        <translation>&amp;Fynd:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Finding</source>
        <translation>Fynd</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Category:</source>
        <translation>Kategori:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the site</source>
        <translation>Välj lokalisation</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Site:</source>
        <translation>&amp;Plats på kroppen:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Site</source>
        <translation>Plats på kroppen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Description:</source>
        <translation>&amp;Beskrivning:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Derived from the item.</source>
        <translation>Följer av benämningen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(needs an expert review)</source>
        <translation>(behöver sakkunnig granskning)</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <location filename="../../ui/shell/first_run.py" line="+23"/>
        <source>Set up Barnahus Case Record</source>
        <translation>Kom igång med Barnahus Case Record</translation>
    </message>
    <message>
        <location line="+40"/>
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
        <location line="+15"/>
        <location line="+3"/>
        <source>Barnahus recovery key</source>
        <translation>Barnahus återställningsnyckel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print the recovery key</source>
        <translation>Skriv ut återställningsnyckeln</translation>
    </message>
    <message>
        <location line="+1"/>
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
    <name>FixityAlarmDialog</name>
    <message>
        <location filename="../../ui/interviews/fixity.py" line="+28"/>
        <location line="+20"/>
        <source>FIXITY CHECK FAILED</source>
        <translation>LARM: INNEHÅLLSKONTROLLEN UNDERKÄND</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file was not found where it is kept.</source>
        <translation>Filen hittades inte där den förvaras.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file&apos;s contents are NOT the contents that were registered.</source>
        <translation>Filens innehåll är INTE det innehåll som registrerades.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The stored hash was NOT changed. The SHA-256 taken at registration stays the reference; this failure is now an entry in the chain of custody and in the audit trail.</source>
        <translation>Den sparade hashen har INTE ändrats. SHA-256 från registreringen är fortfarande referensen; avvikelsen är nu en post i beviskedjan och i loggen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Recording:</source>
        <translation>Inspelning:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Image:</source>
        <translation>Bild:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Checked file:</source>
        <translation>Kontrollerad fil:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>SHA-256 at registration:</source>
        <translation>SHA-256 vid registreringen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(no file to hash)</source>
        <translation>(ingen fil att beräkna hash för)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SHA-256 found now:</source>
        <translation>SHA-256 nu:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not use this copy as evidence. Tell the person responsible for the evidence store, find an intact copy, and check it.</source>
        <translation>Använd inte den här kopian som bevis. Meddela den som ansvarar för bevisförvaringen, leta upp en oskadad kopia och kontrollera den.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>I have &amp;read this</source>
        <translation>Jag har &amp;läst detta</translation>
    </message>
</context>
<context>
    <name>FixityCheckDialog</name>
    <message>
        <location line="+27"/>
        <source>Check fixity</source>
        <translation>Kontrollera att innehållet är oförändrat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Check</source>
        <translation>&amp;Kontrollera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The copy is hashed again and compared with the SHA-256 taken when it was registered. The result is recorded in the chain of custody; the registered hash never changes.</source>
        <translation>Kopians hash beräknas på nytt och jämförs med SHA-256 från registreringen. Resultatet förs in i beviskedjan; den registrerade hashen ändras aldrig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recording:</source>
        <translation>Inspelning:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Image:</source>
        <translation>Bild:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Registered SHA-256:</source>
        <translation>Registrerad SHA-256:</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+3"/>
        <source>File to check</source>
        <translation>Fil att kontrollera</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>&amp;File to check:</source>
        <translation>&amp;Fil att kontrollera:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where this copy is kept now (a removable drive may be mounted elsewhere).</source>
        <translation>Var den här kopian förvaras nu (en flyttbar enhet kan vara monterad på en annan plats).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the copy to check</source>
        <translation>Välj kopian som ska kontrolleras</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Checking fixity</source>
        <translation>Innehållet kontrolleras</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Computing the SHA-256 of %1…</source>
        <translation>SHA-256 för %1 beräknas…</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Fixity check of %1: unaltered. The SHA-256 matches the one taken at registration.</source>
        <translation>Kontroll av innehållet i %1: oförändrat. SHA-256 stämmer med den från registreringen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>FIXITY CHECK FAILED for %1. The registered SHA-256 was not changed.</source>
        <translation>LARM: %1 klarade inte kontrollen av innehållet. Den registrerade SHA-256 ändrades inte.</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Stopping…</source>
        <translation>Avbryter…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stopped. Nothing was recorded.</source>
        <translation>Avbrutet. Ingenting registrerades.</translation>
    </message>
</context>
<context>
    <name>FollowUpPanel</name>
    <message>
        <location filename="../../ui/followup/dialogs.py" line="-147"/>
        <source>Recurring review</source>
        <translation>Återkommande uppföljning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age milestones</source>
        <translation>Åldersmilstolpar</translation>
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
        <source>Carers&apos; survey</source>
        <translation>Enkät till omsorgspersoner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other date</source>
        <translation>Annat datum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardian review</source>
        <translation>Översyn av vårdnadshavare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixity check of a recording</source>
        <translation>Innehållskontroll av en inspelning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statute-of-limitation warning</source>
        <translation>Varning för preskription</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Coordinator</source>
        <translation>Samordnare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Therapist</source>
        <translation>Terapeut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Medical</source>
        <translation>Medicinsk personal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interviewer</source>
        <translation>Förhörsledare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Liaison</source>
        <translation>Kontakt polis / åklagare</translation>
    </message>
    <message>
        <location filename="../../ui/followup/panel.py" line="+25"/>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Klar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended (declined)</source>
        <translation>Avslutad (avböjd)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ended by full recovery</source>
        <translation>Avslutad genom full återhämtning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Waits for a date of birth</source>
        <translation>Väntar på ett födelsedatum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Needs a date</source>
        <translation>Behöver ett datum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Completed</source>
        <translation>Utförd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined</source>
        <translation>Avböjd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snoozed</source>
        <translation>Uppskjuten</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Follow-up plan</source>
        <translation>Uppföljningsplan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hild:</source>
        <translation>&amp;Barn:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;New rule…</source>
        <translation>&amp;Ny regel…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a rule to the plan (Ctrl+N)</source>
        <translation>Lägg till en regel i planen (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full re&amp;covery…</source>
        <translation>&amp;Full återhämtning…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Relapse…</source>
        <translation>&amp;Återfall…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Follow-up</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next due</source>
        <translation>Nästa datum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For</source>
        <translation>För</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The child&apos;s follow-up rules</source>
        <translation>Barnets uppföljningsregler</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No follow-up is planned for this child yet.</source>
        <translation>Ingen uppföljning är planerad för barnet ännu.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Chan&amp;ge…</source>
        <translation>&amp;Ändra…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;End the rule…</source>
        <translation>Avsluta &amp;regeln…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>History</source>
        <translation>Historik</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Of</source>
        <translation>Gäller</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason or note</source>
        <translation>Skäl eller anteckning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was done about this rule</source>
        <translation>Vad som gjorts för regeln</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Nothing was done about this rule yet.</source>
        <translation>Inget har gjorts för regeln ännu.</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>No date of birth is recorded for %1: the milestones at ages %2 wait for one. Record it on the Persons tab.</source>
        <translation>Inget födelsedatum är registrerat för %1: milstolparna vid %2 års ålder väntar på det. Registrera det under fliken Personer.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Full recovery recorded on %1, decided at the MDT meeting of %2.</source>
        <translation>Full återhämtning registrerad den %1, beslutad vid MDT-mötet den %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Full recovery recorded on %1.</source>
        <translation>Full återhämtning registrerad den %1.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Recurring review after a relapse</source>
        <translation>Återkommande uppföljning efter ett återfall</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>At ages %1</source>
        <translation>Vid %1 års ålder</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Before the limitation period ends</source>
        <translation>Innan preskriptionstiden löper ut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every %1 months from %2</source>
        <translation>Var %1:e månad från %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Once, on %1</source>
        <translation>En gång, den %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Active, overdue</source>
        <translation>Aktiv, försenad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not computed: see the statute of limitations</source>
        <translation>Inte beräknat: se preskriptionen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Age %1</source>
        <translation>%1 år</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limitation ends %1</source>
        <translation>Preskription %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Snoozed to %1</source>
        <translation>Uppskjuten till %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Declined; offer again on %1</source>
        <translation>Avböjd; erbjud igen den %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>age %1 on %2</source>
        <translation>%1 år den %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the warning on %1</source>
        <translation>varningen den %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, snoozed to %2</source>
        <translation>%1, uppskjuten till %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1, offered again on %2</source>
        <translation>%1, erbjuds igen den %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>due %1</source>
        <translation>senast %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Open: %1</source>
        <translation>Öppet: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing is open.</source>
        <translation>Inget är öppet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case %1</source>
        <translation>Ärende %1</translation>
    </message>
</context>
<context>
    <name>FullRecoveryDialog</name>
    <message>
        <location filename="../../ui/followup/dialogs.py" line="+149"/>
        <source>Record full recovery</source>
        <translation>Registrera full återhämtning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The team&apos;s decision that %1 has fully recovered ends the recurring reviews planned before it. Age milestones and dates stay.</source>
        <translation>Teamets beslut att %1 har återhämtat sig helt avslutar de återkommande uppföljningar som planerats före det. Åldersmilstolpar och datum ligger kvar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Record</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No meeting chosen</source>
        <translation>Inget möte valt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Meeting:</source>
        <translation>&amp;Möte:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The team meeting</source>
        <translation>Teamets möte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A held meeting with the case on its agenda.</source>
        <translation>Ett genomfört möte med ärendet på dagordningen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The meeting&apos;s day, or today</source>
        <translation>Mötets dag, eller i dag</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Date:</source>
        <translation>D&amp;atum:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date of the decision</source>
        <translation>Datum för beslutet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Basis:</source>
        <translation>&amp;Grund:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Basis of the decision</source>
        <translation>Grund för beslutet</translation>
    </message>
</context>
<context>
    <name>HashJob</name>
    <message>
        <location filename="../../ui/interviews/hashing.py" line="+16"/>
        <source>%1
%2 of %3</source>
        <translation>%1
%2 av %3</translation>
    </message>
</context>
<context>
    <name>HearingDialog</name>
    <message>
        <location filename="../../ui/justice/dialogs.py" line="+47"/>
        <source>Schedule a hearing</source>
        <translation>Boka en förhandling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hearing becomes a court-date reminder for the liaison and the case lead.</source>
        <translation>Förhandlingen blir en påminnelse om rättegångsdag för kontakten med polis och åklagare och för ärendeansvarig.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Schedule</source>
        <translation>&amp;Boka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the hearing</source>
        <translation>Flytta förhandlingen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The hearing of %1 moves to another day or time; its court-date reminder moves with it.</source>
        <translation>Förhandlingen den %1 flyttas till en annan dag eller tid; påminnelsen om rättegångsdagen flyttas med den.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Move</source>
        <translation>&amp;Flytta</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date of the hearing</source>
        <translation>Förhandlingens datum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Time:</source>
        <translation>&amp;Tid:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time of the hearing</source>
        <translation>Förhandlingens tid</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional, in the centre&apos;s time zone.</source>
        <translation>Frivilligt, i centrets tidszon.</translation>
    </message>
</context>
<context>
    <name>ImageViewingDialog</name>
    <message>
        <location filename="../../ui/medical/images.py" line="+133"/>
        <source>Log a viewing</source>
        <translation>Logga en visning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Log</source>
        <translation>&amp;Logga</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image %1.</source>
        <translation>Bild %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Why:</source>
        <translation>&amp;Varför:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>W&amp;here:</source>
        <translation>Va&amp;r:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Var</translation>
    </message>
</context>
<context>
    <name>ImportSigningDialog</name>
    <message>
        <location filename="../../ui/admin/panel.py" line="-80"/>
        <source>Import a signing certificate</source>
        <translation>Importera ett signeringscertifikat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A PKCS#12 file (.p12 or .pfx) from the centre&apos;s own certificate authority, holding the private key, its certificate and the chain up to the root. New documents are signed with it; documents issued earlier keep verifying.</source>
        <translation>En PKCS#12-fil (.p12 eller .pfx) från centrets egen certifikatutfärdare, med den privata nyckeln, dess certifikat och kedjan upp till rotcertifikatet. Nya dokument signeras med den; dokument som har utfärdats tidigare kan fortfarande verifieras.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PKCS#12 file</source>
        <translation>PKCS#12-fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password of the file:</source>
        <translation>Filens &amp;lösenord:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password of the file</source>
        <translation>Filens lösenord</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Empty if the file has none.</source>
        <translation>Tomt om filen inte har något.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the PKCS#12 file</source>
        <translation>Välj PKCS#12-filen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the file.</source>
        <translation>Välj filen.</translation>
    </message>
</context>
<context>
    <name>InlineMessage</name>
    <message>
        <location filename="../../ui/common/feedback.py" line="+117"/>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
</context>
<context>
    <name>InterviewPlanDialog</name>
    <message>
        <location filename="../../ui/interviews/plan_dialog.py" line="+229"/>
        <source>Move an interview</source>
        <translation>Flytta ett barnförhör</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Plan an interview</source>
        <translation>Planera ett barnförhör</translation>
    </message>
    <message>
        <location line="+58"/>
        <source>Choose the child</source>
        <translation>Välj barnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;hild:</source>
        <translation>&amp;Barn:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Start time</source>
        <translation>Starttid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dat&amp;e:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Start time:</source>
        <translation>S&amp;tarttid:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Times are local time in %1.</source>
        <translation>Tiderna är lokal tid i %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date and start time</source>
        <translation>Datum och starttid</translation>
    </message>
    <message>
        <location line="+7"/>
        <source> minutes</source>
        <translation> minuter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>D&amp;uration:</source>
        <translation>&amp;Längd:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration in minutes</source>
        <translation>Längd i minuter</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a room</source>
        <translation>Välj ett rum</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Room:</source>
        <translation>&amp;Rum:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Room</source>
        <translation>Rum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the interviewer</source>
        <translation>Välj förhörsledare</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Interviewer:</source>
        <translation>&amp;Förhörsledare:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only forensic interviewers lead an interview.</source>
        <translation>Bara förhörsledare leder ett barnförhör.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Interviewer</source>
        <translation>Förhörsledare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not recorded</source>
        <translation>Inte registrerat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pr&amp;otocol:</source>
        <translation>&amp;Protokoll:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>e.g. sv</source>
        <translation>t.ex. sv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language of the interview</source>
        <translation>Barnförhörets språk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>none</source>
        <translation>inget</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+15"/>
        <source>Interpreter language</source>
        <translation>Tolkspråk</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>&amp;Language:</source>
        <translation>&amp;Språk:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interpre&amp;ter language:</source>
        <translation>T&amp;olkspråk:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Language codes such as sv, ar or uk.</source>
        <translation>Språkkoder som sv, ar eller uk.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not asked yet</source>
        <translation>Inte tillfrågat ännu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chose to take part</source>
        <translation>Valde att delta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chose not to take part</source>
        <translation>Valde att inte delta</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Child&apos;s participatio&amp;n:</source>
        <translation>Barnets delta&amp;gande:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Taking part is the child&apos;s right, not a duty.</source>
        <translation>Att delta är barnets rättighet, inte en skyldighet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Child&apos;s participation</source>
        <translation>Barnets deltagande</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Participants:</source>
        <translation>D&amp;eltagare:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Besides the child and the interviewer.</source>
        <translation>Utöver barnet och förhörsledaren.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participants</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Why is another interview needed?</source>
        <translation>&amp;Varför behövs ytterligare ett barnförhör?</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Why is another interview needed? (required)</source>
        <translation>Varför behövs ytterligare ett barnförhör? (måste fyllas i)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Justification</source>
        <translation>Motivering</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Move</source>
        <translation>Fl&amp;ytta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Book</source>
        <translation>Bo&amp;ka</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Type a case reference or a name</source>
        <translation>Skriv en ärendereferens eller ett namn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cases found</source>
        <translation>Hittade ärenden</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Case:</source>
        <translation>&amp;Ärende:</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+1"/>
        <source>Find the case</source>
        <translation>Hitta ärendet</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>No case matches.</source>
        <translation>Inget ärende matchar.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Chosen: case %1</source>
        <translation>Valt: ärende %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No child is recorded in this case yet: add the child to the case first.</source>
        <translation>Inget barn är registrerat i ärendet ännu: lägg först till barnet i ärendet.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>%1 (staff)</source>
        <translation>%1 (personal)</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Interview number: choose the child first</source>
        <translation>Barnförhörets nummer: välj barnet först</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The number counts this child&apos;s interviews across all their cases.</source>
        <translation>Numret räknar barnets barnförhör i alla barnets ärenden.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Interview %1 of this child (across all cases)</source>
        <translation>Barnförhör %1 med barnet (i alla ärenden)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Moving keeps the interview&apos;s justification and participants.</source>
        <translation>Vid flytt behålls barnförhörets motivering och deltagare.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This would be the child&apos;s first interview.</source>
        <translation>Det här blir barnets första barnförhör.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The child has 1 interview planned or held already. As few interviews as possible: say why another one is needed.</source>
        <translation>Barnet har redan 1 barnförhör planerat eller genomfört. Så få barnförhör som möjligt: ange varför ytterligare ett behövs.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The child has %1 interviews planned or held already. As few interviews as possible: say why another one is needed.</source>
        <translation>Barnet har redan %1 barnförhör planerade eller genomförda. Så få barnförhör som möjligt: ange varför ytterligare ett behövs.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Required: this would be interview %1 of this child. Every further interview is a burden on the child; the reason is kept with the booking.</source>
        <translation>Måste fyllas i: det här blir barnförhör %1 med barnet. Varje ytterligare barnförhör är en belastning för barnet; skälet sparas med bokningen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Choose the room and the interviewer to see any clashes.</source>
        <translation>Välj rum och förhörsledare för att se eventuella krockar.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>This booking clashes; booking it needs a written reason for each:</source>
        <translation>Bokningen krockar; för att boka krävs ett skriftligt skäl för varje krock:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No clash with other bookings.</source>
        <translation>Ingen krock med andra bokningar.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This interview is pre-constituted evidence (the child&apos;s age and the jurisdiction&apos;s rules).</source>
        <translation>Det här barnförhöret är bevisupptagning i förväg (barnets ålder och jurisdiktionens regler).</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Choose the case first.</source>
        <translation>Välj ärendet först.</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not booked. Change the time, the room or the people, or book again and give your reasons.</source>
        <translation>Inte bokat. Ändra tiden, rummet eller personerna, eller boka igen och ange dina skäl.</translation>
    </message>
</context>
<context>
    <name>InterviewsPanel</name>
    <message>
        <location filename="../../ui/interviews/panel.py" line="+94"/>
        <source>Planned and held interviews of the child across all their cases. As few interviews as possible: each further one needs a written reason.</source>
        <translation>Planerade och genomförda barnförhör med barnet i alla barnets ärenden. Så få barnförhör som möjligt: varje ytterligare barnförhör kräver ett skriftligt skäl.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Plan &amp;interview…</source>
        <translation>Planera &amp;barnförhör…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record as h&amp;eld…</source>
        <translation>Registrera som &amp;genomfört…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Child de&amp;clined…</source>
        <translation>Barnet a&amp;vböjde…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The child chose not to take part: a right, not a duty</source>
        <translation>Barnet valde att inte delta: en rättighet, inte en skyldighet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Move…</source>
        <translation>&amp;Flytta…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Another time, room or interviewer</source>
        <translation>En annan tid, ett annat rum eller en annan förhörsledare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel inte&amp;rview…</source>
        <translation>Ställ &amp;in barnförhör…</translation>
    </message>
    <message>
        <location line="+31"/>
        <location line="+10"/>
        <source>Interviews in this case</source>
        <translation>Barnförhör i det här ärendet</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>No.</source>
        <translation>Nr</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date and time (%1)</source>
        <translation>Datum och tid (%1)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+325"/>
        <source>Room</source>
        <translation>Rum</translation>
    </message>
    <message>
        <location line="-324"/>
        <location line="+325"/>
        <source>Interviewer</source>
        <translation>Förhörsledare</translation>
    </message>
    <message>
        <location line="-325"/>
        <location line="+317"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-316"/>
        <source>Participation</source>
        <translation>Deltagande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The child&apos;s choice to take part</source>
        <translation>Barnets val att delta</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No interview is planned in this case yet.</source>
        <translation>Inget barnförhör är planerat i ärendet ännu.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Intervie&amp;wer&apos;s notes</source>
        <translation>Förhörsledarens &amp;anteckningar</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+392"/>
        <source>Interviewer&apos;s notes</source>
        <translation>Förhörsledarens anteckningar</translation>
    </message>
    <message>
        <location line="-381"/>
        <source>Sa&amp;ve notes</source>
        <translation>Spara a&amp;nteckningarna</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Open wi&amp;th the recovery key…</source>
        <translation>Öppna &amp;med återställningsnyckeln…</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Recordings o&amp;f the selected interview</source>
        <translation>Inspe&amp;lningar från det valda barnförhöret</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Label</source>
        <translation>Etikett</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy</source>
        <translation>Exemplar</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Size</source>
        <translation>Storlek</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Duration</source>
        <translation>Längd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Fixity</source>
        <translation>Innehållskontroll</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recordings of the selected interview</source>
        <translation>Inspelningar från det valda barnförhöret</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Register a recordi&amp;ng…</source>
        <translation>&amp;Registrera en inspelning…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;ustody log…</source>
        <translation>Bevis&amp;kedja…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check fi&amp;xity…</source>
        <translation>Kontrollera inneh&amp;åll…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cop&amp;y SHA-256</source>
        <translation>Kopiera SHA-256</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Copy the full SHA-256 of the selected recording (Ctrl+C in the table)</source>
        <translation>Kopiera hela SHA-256 för den valda inspelningen (Ctrl+C i tabellen)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Correct la&amp;bel…</source>
        <translation>Rätta &amp;etikett…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Correct the selected recording&apos;s label; the original stays in its history</source>
        <translation>Rätta den valda inspelningens etikett; den ursprungliga finns kvar i historiken</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Recordings are registered by: %1</source>
        <translation>Inspelningar registreras av: %1</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>No child is recorded in this case yet.</source>
        <translation>Inget barn är registrerat i ärendet ännu.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1: %2 interviews (across all cases)</source>
        <translation>%1: %2 barnförhör (i alla ärenden)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: 1 interview (across all cases)</source>
        <translation>%1: 1 barnförhör (i alla ärenden)</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Interview %1 of %2 (across all cases)</source>
        <translation>Barnförhör %1 av %2 (i alla ärenden)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Interview of %1: %2</source>
        <translation>Barnförhör med %1: %2</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Planned</source>
        <translation>Planerat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held</source>
        <translation>Genomfört</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Breaks</source>
        <translation>Pauser</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter language</source>
        <translation>Tolkspråk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language used</source>
        <translation>Språk som användes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Child&apos;s participation</source>
        <translation>Barnets deltagande</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pre-constituted evidence</source>
        <translation>Bevisupptagning i förväg</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why cancelled</source>
        <translation>Varför inställt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why another interview</source>
        <translation>Varför ytterligare ett barnförhör</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Participants</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only the child and the interviewer.</source>
        <translation>Bara barnet och förhörsledaren.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not named</source>
        <translation>namn saknas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>language %1</source>
        <translation>språk %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>present</source>
        <translation>närvarande</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not present</source>
        <translation>inte närvarande</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Warnings overridden</source>
        <translation>Varningar som förbigicks</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — reason: %2 (%3, %4)</source>
        <translation>%1 – skäl: %2 (%3, %4)</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>The notes are sealed, and you do not hold their key yet. It is sealed to you the next time a colleague who holds it unlocks the record.</source>
        <translation>Anteckningarna är förseglade, och du har ännu inte deras nyckel. Du får nyckeln nästa gång en kollega som har den låser upp registret.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only forensic interviewers write these notes.</source>
        <translation>Bara förhörsledare skriver de här anteckningarna.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not saved yet.</source>
        <translation>Inte sparat ännu.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Notes saved.</source>
        <translation>Anteckningarna har sparats.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The recovery key of the interviewer&apos;s notes (64 hexadecimal digits, as on the sheet):</source>
        <translation>Återställningsnyckeln till förhörsledarens anteckningar (64 hexadecimala tecken, som på utskriften):</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Unsaved notes</source>
        <translation>Osparade anteckningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The interviewer&apos;s notes have changes that are not saved. Save them?</source>
        <translation>Förhörsledarens anteckningar har ändringar som inte är sparade. Spara dem?</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose an interview to see its recordings.</source>
        <translation>Välj ett barnförhör för att se dess inspelningar.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>No recording is registered for this interview.</source>
        <translation>Ingen inspelning är registrerad för det här barnförhöret.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>FIXITY CHECK FAILED for %1. Do not use it as evidence; the registered SHA-256 was not changed.</source>
        <translation>LARM: %1 klarade inte kontrollen av innehållet. Använd den inte som bevis; den registrerade SHA-256 ändrades inte.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Master</source>
        <translation>Original</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Working copy of %1</source>
        <translation>Arbetskopia av %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Working copy</source>
        <translation>Arbetskopia</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 (checked %2)</source>
        <translation>%1 (kontrollerad %2)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>SHA-256 %1</source>
        <translation>SHA-256 %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1
File: %2
Kept at: %3</source>
        <translation>%1
Fil: %2
Förvaras: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Registered as: %1</source>
        <translation>Registrerad som: %1</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The file checked did not match the SHA-256 taken at registration, or was not found. The registered SHA-256 was not changed.</source>
        <translation>Den kontrollerade filen stämde inte med SHA-256 från registreringen, eller hittades inte. Den registrerade SHA-256 ändrades inte.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The SHA-256 of %1 is on the clipboard.</source>
        <translation>SHA-256 för %1 finns i urklippet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Copy SHA-256</source>
        <translation>Kopiera SHA-256</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Custody log…</source>
        <translation>Beviskedja…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check fixity…</source>
        <translation>Kontrollera innehåll…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Already recorded as held: %1.</source>
        <translation>Redan registrerat som genomfört: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Only a planned interview can be recorded as held.</source>
        <translation>Bara ett planerat barnförhör kan registreras som genomfört.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The interview took place: when, breaks and who was present</source>
        <translation>Barnförhöret har genomförts: när, pauser och vilka som var närvarande</translation>
    </message>
</context>
<context>
    <name>IssueDialog</name>
    <message>
        <location filename="../../ui/documents/panel.py" line="-795"/>
        <source>Choose where to save it.</source>
        <translation>Välj var den ska sparas.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stopping…</source>
        <translation>Avbryter…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Stopped. Nothing was written and nothing was registered.</source>
        <translation>Avbrutet. Ingenting skapades och ingenting registrerades.</translation>
    </message>
</context>
<context>
    <name>IssueMinutesDialog</name>
    <message>
        <location filename="../../ui/meetings/issue_dialog.py" line="+36"/>
        <source>Minutes of %1</source>
        <translation>Protokoll från %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Write the minutes</source>
        <translation>&amp;Skapa protokollet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The minutes of the meeting: who attended, and for each case discussed the agencies&apos; updates, the child&apos;s views, the decisions and the actions. They are written to the file you choose and entered in the document register with their SHA-256.</source>
        <translation>Mötets protokoll: vilka som deltog och, för varje ärende som behandlades, myndigheternas lägesrapporter, barnets synpunkter, besluten och åtgärderna. Det sparas i filen du väljer och förs in i dokumentregistret med sin SHA-256.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>These minutes are not approved yet: every page is marked DRAFT. Approve them first for the minutes of record.</source>
        <translation>Protokollet är inte godkänt ännu: varje sida märks UTKAST. Godkänn det först om det ska vara det gällande protokollet.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;PDF, signed by the centre (PDF/A)</source>
        <translation>&amp;PDF, signerad av centret (PDF/A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;DOCX, editable and not signed</source>
        <translation>&amp;DOCX, redigerbar och inte signerad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pse&amp;udonymise: no names of the children or of the cases&apos; persons</source>
        <translation>Pse&amp;udonymisera: inga namn på barnen eller på ärendenas personer</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The children are called by pseudonyms; the cases&apos; persons&apos; names are taken out of every text.</source>
        <translation>Barnen anges med pseudonymer; namnen på ärendenas personer tas bort ur all text.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pseudonymise</source>
        <translation>Pseudonymisera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as:</source>
        <translation>Spara s&amp;om:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>minutes-%1-meeting-%2</source>
        <translation>protokoll-%1-möte-%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>-draft</source>
        <translation>-utkast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>-pseudonymised</source>
        <translation>-pseudonymiserat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the minutes as</source>
        <translation>Spara protokollet som</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writing the minutes</source>
        <translation>Protokollet skapas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing and signing the minutes…</source>
        <translation>Protokollet skapas och signeras…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the minutes…</source>
        <translation>Protokollet skapas…</translation>
    </message>
</context>
<context>
    <name>IssuedDialog</name>
    <message>
        <location filename="../../ui/documents/panel.py" line="+264"/>
        <source>Bundle written</source>
        <translation>Paketet har skapats</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Minutes written</source>
        <translation>Protokollet har skapats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Psychosocial summary written</source>
        <translation>Den psykosociala sammanställningen har skapats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Court summary written</source>
        <translation>Sammanställningen för domstol har skapats</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved as {path}
It is in the document register of case {case} as version {version}.</source>
        <translation>Sparat som {path}
Det finns i dokumentregistret för ärende {case} som version {version}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Saved as {path}
It is in the document register as version {version}.</source>
        <translation>Sparat som {path}
Det finns i dokumentregistret som version {version}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Inside it, the court summary is registered as documents {pdf} (PDF) and {docx} (DOCX).</source>
        <translation>I paketet är sammanställningen för domstol registrerad som dokument {pdf} (PDF) och {docx} (DOCX).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written and registered</source>
        <translation>Skapat och registrerat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Some recordings were not copied</source>
        <translation>Några inspelningar kopierades inte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recording(s) {numbers} were not found where they are kept, so the bundle lists them in its manifest without a copy. Check where they are before handing the bundle over.</source>
        <translation>Inspelning(ar) {numbers} fanns inte där de förvaras, så paketet listar dem i sitt manifest utan kopia. Kontrollera var de finns innan paketet lämnas ut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SHA-256 of the zip file:</source>
        <translation>SHA-256 för zip-filen:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256 of its signed list (tagmanifest-sha256.txt):</source>
        <translation>SHA-256 för dess signerade lista (tagmanifest-sha256.txt):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SHA-256 of the file:</source>
        <translation>SHA-256 för filen:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Document ID:</source>
        <translation>Dokument-ID:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy &amp;ID</source>
        <translation>Kopiera &amp;ID</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;SHA-256</source>
        <translation>Kopiera &amp;SHA-256</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Centre CA fingerprint (SHA-256):</source>
        <translation>Centrets CA-fingeravtryck (SHA-256):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy CA &amp;fingerprint</source>
        <translation>Kopiera CA-&amp;fingeravtryck</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Give the recipient the document ID and the CA fingerprint by another channel than the file itself (a letter, a phone call). With them they can check that the file is the one the centre issued and that the signature is the centre&apos;s.</source>
        <translation>Ge mottagaren dokument-ID:t och CA-fingeravtrycket på en annan väg än själva filen (ett brev, ett telefonsamtal). Med dem kan mottagaren kontrollera att filen är den som centret utfärdade och att signaturen är centrets.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A DOCX file carries no signature. The register recognises it by its SHA-256 as long as nobody edits it.</source>
        <translation>En DOCX-fil har ingen signatur. Dokumentregistret känner igen den på dess SHA-256 så länge ingen redigerar den.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Give the passphrase to the recipient by another channel than the zip.</source>
        <translation>Ge mottagaren lösenfrasen på en annan väg än zip-filen.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each time you hand it to someone, record it on the Documents page (Record disclosure), with the undertaking they gave.</source>
        <translation>Varje gång du lämnar den till någon, registrera det på sidan Dokument (Registrera utlämnande), med det förbehåll som mottagaren gav.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{name} is on the clipboard.</source>
        <translation>{name} finns i urklippet.</translation>
    </message>
</context>
<context>
    <name>JusticeModel</name>
    <message numerus="yes">
        <location filename="../../ui/today/panel.py" line="-227"/>
        <source>Waiting %n month(s)</source>
        <translation>
            <numerusform>Väntat %n månad</numerusform>
            <numerusform>Väntat %n månader</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Waiting %n week(s)</source>
        <translation>
            <numerusform>Väntat %n vecka</numerusform>
            <numerusform>Väntat %n veckor</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>Waiting %n day(s)</source>
        <translation>
            <numerusform>Väntat %n dag</numerusform>
            <numerusform>Väntat %n dagar</numerusform>
        </translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Hearing ({kind})</source>
        <translation>Förhandling ({kind})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{hearing} at {time}</source>
        <translation>{hearing} kl. {time}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Verdict awaited since {date}</source>
        <translation>Dom väntas sedan {date}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Charge decision awaited since {date}</source>
        <translation>Åtalsbeslut väntas sedan {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Release on {release}: ask the child and family whether they wish to be told, by {date}</source>
        <translation>Frigivning den {release}: fråga barnet och familjen om de vill bli underrättade, senast den {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Release on {release}: inform the child and family by {date}</source>
        <translation>Frigivning den {release}: underrätta barnet och familjen senast den {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Compensation claim deadline</source>
        <translation>Sista dag för ersättningsanspråk</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{what}, {case} ({when})</source>
        <translation>{what}, {case} ({when})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{what}, {case}; {date} ({when})</source>
        <translation>{what}, {case}; {date} ({when})</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Date</source>
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
        <location line="+0"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
</context>
<context>
    <name>JusticePanel</name>
    <message>
        <location filename="../../ui/justice/money.py" line="+45"/>
        <source>Type the amount in %1, e.g. %2.</source>
        <translation>Skriv beloppet i %1, t.ex. %2.</translation>
    </message>
    <message>
        <location filename="../../ui/justice/panel.py" line="+72"/>
        <source>Justice and compensation</source>
        <translation>Rättsprocess och ersättning</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The proceedings and the compensation claims are read by the case lead and the liaison.</source>
        <translation>Förfarandena och ersättningsanspråken läses av ärendeansvarig och kontakten med polis och åklagare.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Proceedings</source>
        <translation>Förfaranden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Against</source>
        <translation>Mot</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Slag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where it stands</source>
        <translation>Läge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Next hearing</source>
        <translation>Nästa förhandling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release date</source>
        <translation>Frigivningsdag</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>References</source>
        <translation>Diarienummer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The case&apos;s proceedings</source>
        <translation>Ärendets förfaranden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No proceeding is recorded for this case.</source>
        <translation>Inget förfarande är registrerat för ärendet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Open a proceeding (Ctrl+N)</source>
        <translation>Öppna ett förfarande (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Release date…</source>
        <translation>Fri&amp;givningsdag…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>On</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event</source>
        <translation>Händelse</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Detail</source>
        <translation>Detalj</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The proceeding&apos;s events</source>
        <translation>Förfarandets händelser</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Alleged offences and limitation</source>
        <translation>Misstänkta brott och preskription</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Offence</source>
        <translation>Brott</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date of the offence</source>
        <translation>Brottets datum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Victim</source>
        <translation>Brottsoffer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Limitation</source>
        <translation>Preskription</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The case&apos;s alleged offences</source>
        <translation>Ärendets misstänkta brott</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No alleged offence is recorded for this case.</source>
        <translation>Inget misstänkt brott är registrerat för ärendet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add offence…</source>
        <translation>Lägg till brott…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Compensation</source>
        <translation>Ersättning</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Route</source>
        <translation>Väg</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Claimant</source>
        <translation>Sökande</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Claimed</source>
        <translation>Yrkat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Awarded</source>
        <translation>Tilldömt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paid</source>
        <translation>Betalt</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Deadline</source>
        <translation>Sista dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The compensation claims</source>
        <translation>Ersättningsanspråken</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No compensation claim is recorded for this case.</source>
        <translation>Inget ersättningsanspråk är registrerat för ärendet.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Set status…</source>
        <translation>&amp;Ange status…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deadline…</source>
        <translation>Sista dag…</translation>
    </message>
    <message>
        <location line="-82"/>
        <source>&amp;New proceeding…</source>
        <translation>&amp;Nytt förfarande…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Record event…</source>
        <translation>&amp;Registrera händelse…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Sc&amp;hedule hearing…</source>
        <translation>&amp;Boka förhandling…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mo&amp;ve hearing…</source>
        <translation>Fl&amp;ytta förhandling…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Offen&amp;ce…</source>
        <translation>Brott…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ch&amp;ild&apos;s part…</source>
        <translation>Barnets &amp;medverkan…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>R&amp;elease notification…</source>
        <translation>Underrättelse om fr&amp;igivning…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Release infor&amp;med…</source>
        <translation>Underr&amp;ättade om frigivning…</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Chan&amp;ge offence…</source>
        <translation>Ändra brott…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Ne&amp;w claim…</source>
        <translation>Nytt ansprå&amp;k…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Record pa&amp;yment…</source>
        <translation>Registrera beta&amp;lning…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Rights e&amp;xplained…</source>
        <translation>Rättigh&amp;eter förklarade…</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>No proceedings or compensation claims recorded.</source>
        <translation>Inga förfaranden eller ersättningsanspråk registrerade.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n proceeding(s), %1 open</source>
        <translation>
            <numerusform>%n förfarande, %1 öppet</numerusform>
            <numerusform>%n förfaranden, %1 öppna</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>%n compensation claim(s), %1 paid</source>
        <translation>
            <numerusform>%n ersättningsanspråk, %1 betalt</numerusform>
            <numerusform>%n ersättningsanspråk, %1 betalda</numerusform>
        </translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The alleged offender</source>
        <translation>Den misstänkta gärningspersonen</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Charges: %1</source>
        <translation>Åtalspunkter: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>How the child took part: %1</source>
        <translation>Hur barnet medverkade: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>special measures: %1</source>
        <translation>särskilda åtgärder: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>support person: %1</source>
        <translation>stödperson: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>legal representative: %1</source>
        <translation>målsägandebiträde / ombud: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the child&apos;s view: %1</source>
        <translation>barnets uppfattning: %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Release notification: %1 (said on %2).</source>
        <translation>Underrättelse om frigivning: %1 (sagt den %2).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Release on %1; the child and family were informed on %2.</source>
        <translation>Frigivning den %1; barnet och familjen underrättades den %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Release on %1; the child and family do not wish to be told.</source>
        <translation>Frigivning den %1; barnet och familjen vill inte bli underrättade.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Release on %1; inform the child and family by %2.</source>
        <translation>Frigivning den %1; underrätta barnet och familjen senast den %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The limitation period of the alleged offence ends on %1.</source>
        <translation>Preskriptionstiden för det misstänkta brottet löper ut den %1.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Ended on %1</source>
        <translation>Löpte ut den %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ends on %1</source>
        <translation>Löper ut den %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No limitation</source>
        <translation>Ingen preskription</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waits for the child&apos;s date of birth</source>
        <translation>Väntar på barnets födelsedatum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Waits for the date of the offence</source>
        <translation>Väntar på brottets datum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>For the centre&apos;s legal adviser to fill in</source>
        <translation>För centrets juridiska rådgivare att fylla i</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No case is ever purged because a limitation period ended.</source>
        <translation>Inget ärende rensas någonsin bort för att en preskriptionstid har löpt ut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is for the centre&apos;s legal adviser to fill in; no warning can be given until it is.</source>
        <translation>Det är för centrets juridiska rådgivare att fylla i; ingen varning kan ges förrän det är gjort.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The limitation table has no rules for %1.</source>
        <translation>Preskriptionstabellen har inga regler för %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When the limitation period for %1 starts in %2, and how long it is, is not filled in.</source>
        <translation>När preskriptionstiden för %1 börjar i %2, och hur lång den är, är inte ifyllt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In %2 there is no statute of limitations for %1. No warning is needed.</source>
        <translation>I %2 finns ingen preskriptionstid för %1. Ingen varning behövs.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In %2 the period for %1 starts when the child turns %3, but the child&apos;s date of birth is not recorded: record it so that the period can be worked out.</source>
        <translation>I %2 börjar tiden för %1 när barnet fyller %3, men barnets födelsedatum är inte registrerat: registrera det så att tiden kan räknas ut.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In %2 the period for %1 starts on the date of the offence, which is not recorded: record it so that the period can be worked out.</source>
        <translation>I %2 börjar tiden för %1 den dag brottet begicks, och det datumet är inte registrerat: registrera det så att tiden kan räknas ut.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>In %2 the period for %1 starts on %3. How many years it lasts is not filled in.</source>
        <translation>I %2 börjar tiden för %1 den %3. Hur många år den varar är inte ifyllt.</translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>The limitation period for %1 in %2 ended on %3, %n year(s) from %4.</source>
        <translation>
            <numerusform>Preskriptionstiden för %1 i %2 löpte ut den %3, %n år från den %4.</numerusform>
            <numerusform>Preskriptionstiden för %1 i %2 löpte ut den %3, %n år från den %4.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>The limitation period for %1 in %2 runs %n year(s) from %3 and ends on %4; a warning appears among the reminders on %5.</source>
        <translation>
            <numerusform>Preskriptionstiden för %1 i %2 gäller %n år från den %3 och löper ut den %4; en varning visas bland påminnelserna den %5.</numerusform>
            <numerusform>Preskriptionstiden för %1 i %2 gäller %n år från den %3 och löper ut den %4; en varning visas bland påminnelserna den %5.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Not known</source>
        <translation>Okänt</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The right to compensation has not been recorded as explained yet.</source>
        <translation>Det är ännu inte registrerat att rätten till ersättning har förklarats.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The right to compensation was explained: %1.</source>
        <translation>Rätten till ersättning förklarades: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>KeyPage</name>
    <message>
        <location filename="../../ui/shell/first_run.py" line="-243"/>
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
        <location line="-296"/>
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
        <location filename="../../ui/shell/main_window.py" line="+145"/>
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
        <source>Change my &amp;password…</source>
        <translation>&amp;Byt mitt lösenord…</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location filename="../../ui/today/__init__.py" line="+45"/>
        <source>&amp;Today</source>
        <translation>&amp;I dag</translation>
    </message>
    <message>
        <location filename="../../ui/cases/__init__.py" line="-23"/>
        <source>&amp;Cases</source>
        <translation>Ä&amp;renden</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Open cases</source>
        <translation>&amp;Öppna ärenden</translation>
    </message>
    <message>
        <location filename="../../ui/admin/__init__.py" line="+22"/>
        <source>&amp;Administration</source>
        <translation>&amp;Administration</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/__init__.py" line="+34"/>
        <source>Ca&amp;lendar</source>
        <translation>&amp;Kalender</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="+7"/>
        <source>&amp;About Barnahus Case Record</source>
        <translation>&amp;Om Barnahus Case Record</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Verify a document or bundle…</source>
        <translation>&amp;Verifiera ett dokument eller paket…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Record</source>
        <translation>Register</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Go</source>
        <translation>Gå till</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Help</source>
        <translation>Hjälp</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the menus</source>
        <translation>Öppna menyerna</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Nothing was switched.</source>
        <translation>Inget byte gjordes.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The record could not be locked, so nothing was switched. Try again.</source>
        <translation>Registret kunde inte låsas, så inget byte gjordes. Försök igen.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Switching to the restored record</source>
        <translation>Byter till det återställda registret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verifying the restored record and counting what the record in use holds after the backup…</source>
        <translation>Kontrollerar det återställda registret och räknar det som registret i bruk innehåller från tiden efter säkerhetskopian…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopping before anything is switched…</source>
        <translation>Avbryter innan något byts…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Switched to the restored record</source>
        <translation>Bytt till det återställda registret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The record is now the restored one. Unlock it to go on.</source>
        <translation>Registret är nu det återställda. Lås upp det för att fortsätta.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>A switch to the restored record {name} was interrupted (a crash or power cut). An administrator finishes it under Administration, Backups: Switch to a restored record…</source>
        <translation>Ett byte till det återställda registret {name} avbröts (en krasch eller ett strömavbrott). En administratör slutför det under Administration, Säkerhetskopior: Byt till ett återställt register…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>You are the first to unlock the record who may read {section}, so they are now sealed with a key of their own. Its recovery key, shown only now: {key} — write it down, lock it away, and keep it apart from the record&apos;s recovery key. It opens {section} if everyone who holds their key has left.</source>
        <translation>Du är den första som låser upp registret och får läsa {section}, så de förseglas nu med en egen nyckel. Avsnittets återställningsnyckel, som bara visas nu: {key} — skriv ner den, lås in den och förvara den skild från registrets återställningsnyckel. Den öppnar {section} om alla som har nyckeln har slutat.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Leftovers of interrupted work beside the record (a backup or an export stopped part-way) were removed: {names}</source>
        <translation>Rester av avbrutet arbete bredvid registret (en säkerhetskopia eller en export som avbröts halvvägs) togs bort: {names}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Your unsaved changes from before Barnahus was closed were kept safely in the record.</source>
        <translation>Dina osparade ändringar från innan Barnahus stängdes har bevarats säkert i registret.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your unsaved changes from before the record was locked were kept safely in the record.</source>
        <translation>Dina osparade ändringar från innan registret låstes har bevarats säkert i registret.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your unsaved changes from before the record was locked or Barnahus was closed were kept safely in the record.</source>
        <translation>Dina osparade ändringar från innan registret låstes eller Barnahus stängdes har bevarats säkert i registret.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>They are open again: save them, or close them to discard them. Open cases with kept changes: {n}.</source>
        <translation>De är öppna igen: spara dem, eller stäng dem för att förkasta dem. Öppna ärenden med bevarade ändringar: {n}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Some kept changes could not be opened: {reasons}</source>
        <translation>Några bevarade ändringar kunde inte öppnas: {reasons}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Signed in as {name} ({roles})</source>
        <translation>Inloggad som {name} ({roles})</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed in as {name} ({roles}) · read-only</source>
        <translation>Inloggad som {name} ({roles}) · skrivskyddat</translation>
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
        <location line="+67"/>
        <source>Barnahus Case Record</source>
        <translation>Barnahus Case Record</translation>
    </message>
    <message>
        <location line="-56"/>
        <source>the record failed its check</source>
        <translation>registret klarade inte sin kontroll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the disk was full</source>
        <translation>disken var full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the copy could not be written or did not read back</source>
        <translation>kopian kunde inte skrivas eller läsas tillbaka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the second backup folder was not there (a drive not plugged in?)</source>
        <translation>den andra mappen för säkerhetskopior fanns inte (en enhet som inte är ansluten?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the second backup folder&apos;s disk was full</source>
        <translation>disken med den andra mappen för säkerhetskopior var full</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the copy to the second backup folder failed</source>
        <translation>kopieringen till den andra mappen för säkerhetskopior misslyckades</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Backups failed since an administrator last signed in: {n}; the most recent at {when}: {reason}. Check the backups under Administration.</source>
        <translation>Säkerhetskopior som misslyckats sedan en administratör senast loggade in: {n}; den senaste {when}: {reason}. Kontrollera säkerhetskopiorna under Administration.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The list of failed unlock attempts kept beside the record (in its key file) was changed outside Barnahus: entries were removed or rewritten since the record last read it. Found at {when}. Someone may have tried to hide wrong passwords; the attempts the record had already read are in the audit trail (login.failed). Check who can reach the record&apos;s folder.</source>
        <translation>Listan över misslyckade upplåsningsförsök som sparas bredvid registret (i dess nyckelfil) har ändrats utanför Barnahus: poster har tagits bort eller skrivits om sedan registret senast läste den. Upptäcktes {when}. Någon kan ha försökt dölja fel lösenord; de försök som registret redan hade läst finns i loggen (login.failed). Kontrollera vem som har åtkomst till registrets mapp.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the interviewer&apos;s notes</source>
        <translation>förhörsledarens anteckningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the centre&apos;s signing keys</source>
        <translation>centrets signeringsnycklar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the medical findings, notes, statements, tests, samples and images</source>
        <translation>de medicinska fynden, anteckningarna, utlåtandena, analyserna, proverna och bilderna</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A key rotation interrupted earlier was finished at this unlock: the new recovery key in {file} opens the record; the previous recovery key no longer does.</source>
        <translation>Ett nyckelbyte som avbröts tidigare slutfördes vid den här upplåsningen: den nya återställningsnyckeln i {file} öppnar registret; den tidigare återställningsnyckeln gör det inte längre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A key rotation interrupted earlier was finished at this unlock: the recovery key it issued opens the record; the previous recovery key no longer does.</source>
        <translation>Ett nyckelbyte som avbröts tidigare slutfördes vid den här upplåsningen: återställningsnyckeln som det skapade öppnar registret; den tidigare återställningsnyckeln gör det inte längre.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A key rotation interrupted earlier was undone at this unlock: the record key was not replaced, and the previous recovery key still opens the record. The recovery key it wrote, now {file}, does NOT open the record: delete it.</source>
        <translation>Ett nyckelbyte som avbröts tidigare ångrades vid den här upplåsningen: registrets nyckel byttes inte ut, och den tidigare återställningsnyckeln öppnar fortfarande registret. Återställningsnyckeln som det sparade, nu {file}, öppnar INTE registret: radera den.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A key rotation interrupted earlier was undone at this unlock: the record key was not replaced, and the previous recovery key still opens the record. A recovery key it issued does NOT open the record.</source>
        <translation>Ett nyckelbyte som avbröts tidigare ångrades vid den här upplåsningen: registrets nyckel byttes inte ut, och den tidigare återställningsnyckeln öppnar fortfarande registret. En återställningsnyckel som det skapade öppnar INTE registret.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Since you last signed in, someone tried to unlock the record and gave a wrong password or user name. Attempts: {n}; the most recent at {when}. If this was not you, tell your administrator.</source>
        <translation>Sedan du senast loggade in har någon försökt låsa upp registret med fel lösenord eller användarnamn. Försök: {n}; det senaste {when}. Om det inte var du, säg till din administratör.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Locked</source>
        <translation>Låst</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The record file is damaged</source>
        <translation>Registerfilen är skadad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A part of the record file could not be read just now, and what you were doing was not saved. To keep the record safe, lock it and open it again read-only: you can then check it, and restore a verified backup or salvage what can still be read into a new file.</source>
        <translation>En del av registerfilen gick inte att läsa nyss, och det du höll på med sparades inte. Lås registret och öppna det igen i skrivskyddat läge för att skydda det: då kan du kontrollera det och återställa en kontrollerad säkerhetskopia eller rädda det som fortfarande går att läsa till en ny fil.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Lock and reopen read-only</source>
        <translation>&amp;Lås och öppna igen skrivskyddat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep working</source>
        <translation>&amp;Fortsätt arbeta</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Navigation</source>
        <translation>Navigering</translation>
    </message>
    <message>
        <location filename="../../ui/today/__init__.py" line="-26"/>
        <location line="+25"/>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <location filename="../../ui/cases/__init__.py" line="-8"/>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <location line="-10"/>
        <location line="+17"/>
        <source>Open cases</source>
        <translation>Öppna ärenden</translation>
    </message>
    <message>
        <location filename="../../ui/calendar/__init__.py" line="-1"/>
        <source>Calendar</source>
        <translation>Kalender</translation>
    </message>
    <message>
        <location filename="../../ui/admin/__init__.py" line="-1"/>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <location filename="../../ui/shell/main_window.py" line="+13"/>
        <source>Your roles do not give you anything to work on in this version of the application. Ask your administrator.</source>
        <translation>Dina roller ger dig inget att arbeta med i den här versionen av programmet. Fråga din administratör.</translation>
    </message>
    <message>
        <location filename="../../ui/today/__init__.py" line="-20"/>
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
        <location filename="../../ui/shell/main_window.py" line="+65"/>
        <source>Open cases ({n})</source>
        <translation>Öppna ärenden ({n})</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Your roles were changed. Unlock again to go on with them.</source>
        <translation>Dina roller har ändrats. Lås upp igen för att fortsätta med dem.</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>{title} (not saved)</source>
        <translation>{title} (inte sparat)</translation>
    </message>
    <message>
        <location line="+31"/>
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
        <location line="+96"/>
        <source>The automatic backup could not be made. An administrator is told when they next unlock the record.</source>
        <translation>Den automatiska säkerhetskopian kunde inte göras. En administratör får veta det nästa gång hen låser upp registret.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Some unsaved changes could not be kept in the record ({reasons}). They are held in memory until you unlock again; do not quit before you have saved them.</source>
        <translation>Några osparade ändringar kunde inte bevaras i registret ({reasons}). De finns kvar i minnet tills du låser upp igen; avsluta inte innan du har sparat dem.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Your password was changed. Use the new one from now on.</source>
        <translation>Ditt lösenord har bytts. Använd det nya från och med nu.</translation>
    </message>
    <message>
        <location line="+11"/>
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
    <message>
        <location line="-517"/>
        <source>The record was unlocked with its recovery key. An administrator should now set the users&apos; passwords again (Administration, Reset password…), so that everyone unlocks with their own password. Lock the recovery key away again.</source>
        <translation>Registret låstes upp med sin återställningsnyckel. En administratör bör nu sätta användarnas lösenord på nytt (Administration, Återställ lösenord…), så att alla låser upp med sitt eget lösenord. Lås in återställningsnyckeln igen.</translation>
    </message>
    <message>
        <location filename="../../ui/meetings/__init__.py" line="+18"/>
        <source>Meetings</source>
        <translation>Möten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Meetings</source>
        <translation>&amp;Möten</translation>
    </message>
</context>
<context>
    <name>MedicalPanel</name>
    <message>
        <location filename="../../ui/medical/panel.py" line="+44"/>
        <source>Planned</source>
        <translation>Planerad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held</source>
        <translation>Genomförd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Declined by the child</source>
        <translation>Avböjd av barnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Inställd</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Pending</source>
        <translation>Väntar</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+171"/>
        <source>Received</source>
        <translation>Inkommet</translation>
    </message>
    <message>
        <location line="-159"/>
        <source>Released</source>
        <translation>Utlämnad</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Medical examinations</source>
        <translation>Läkarundersökningar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plan an examination…</source>
        <translation>P&amp;lanera en undersökning…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Plan a new examination (Ctrl+N)</source>
        <translation>Planera en ny undersökning (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Examiner</source>
        <translation>Undersökare</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Acute</source>
        <translation>Akut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outcome released</source>
        <translation>Resultat utlämnat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The case&apos;s medical examinations</source>
        <translation>Ärendets läkarundersökningar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No examination is planned in this case.</source>
        <translation>Ingen undersökning är planerad i ärendet.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Mar&amp;k held</source>
        <translation>Mar&amp;kera som genomförd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Mo&amp;ve…</source>
        <translation>Fl&amp;ytta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the &amp;booking…</source>
        <translation>Ändra &amp;bokningen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ca&amp;ncel…</source>
        <translation>Ställ i&amp;n…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Release the out&amp;come…</source>
        <translation>Lämna ut &amp;resultatet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Who is present…</source>
        <translation>&amp;Vilka är närvarande…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;hild told…</source>
        <translation>B&amp;eskedet till barnet…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xpert review…</source>
        <translation>Sakkunni&amp;g granskning…</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+3"/>
        <source>Not recorded</source>
        <translation>Inte registrerat</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>The child&apos;s agreement to the examination</source>
        <translation>Barnets samtycke till undersökningen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The guardian&apos;s agreement to the examination</source>
        <translation>Vårdnadshavarens samtycke till undersökningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chil&amp;d&apos;s agreement:</source>
        <translation>B&amp;arnets samtycke:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Guardian&apos;s agreement:</source>
        <translation>V&amp;årdnadshavarens samtycke:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record agr&amp;eement</source>
        <translation>Registrera samtycke</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Agreement to this medical examination only. No child is examined by force.</source>
        <translation>Samtycke enbart till den här läkarundersökningen. Inget barn undersöks med tvång.</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+9"/>
        <source>Findings</source>
        <translation>Fynd</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Add a f&amp;inding…</source>
        <translation>Lägg t&amp;ill ett fynd…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove the finding</source>
        <translation>Ta bort fyndet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Item</source>
        <translation>Benämning</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+34"/>
        <source>Site</source>
        <translation>Lokalisation</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+9"/>
        <source>Tests</source>
        <translation>Analyser</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Order a te&amp;st…</source>
        <translation>Best&amp;äll en analys…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record the result…</source>
        <translation>Registrera svaret…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Test</source>
        <translation>Analys</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ordered</source>
        <translation>Beställd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Prophylaxis</source>
        <translation>Profylax</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Svar</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+10"/>
        <source>Forensic samples</source>
        <translation>Rättsmedicinska prover</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Register a sample…</source>
        <translation>Registrera ett prov…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add to the chain of custody…</source>
        <translation>Lägg till i beviskedjan…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Kit ID</source>
        <translation>Kit-id</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seal</source>
        <translation>Plomb</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+27"/>
        <source>Last event</source>
        <translation>Senaste händelse</translation>
    </message>
    <message>
        <location line="-12"/>
        <location line="+13"/>
        <source>Images</source>
        <translation>Bilder</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Register an image…</source>
        <translation>Registrera en bild…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Log a viewing…</source>
        <translation>Logga en visning…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Release…</source>
        <translation>Lämna ut…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check fixit&amp;y…</source>
        <translation>Kontrollera &amp;filens innehåll…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Derived from</source>
        <translation>Härledd från</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Notes and statement</source>
        <translation>Anteckningar och rättsintyg</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save the notes and statement</source>
        <translation>Spara anteckningarna och rättsintyget</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Statement</source>
        <translation>Rättsintyg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes:</source>
        <translation>Anteckningar:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Statement:</source>
        <translation>Rättsintyg:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Release the statement…</source>
        <translation>Lämna ut rättsintyget…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>For a court summary, a prosecutor bundle or a referral</source>
        <translation>För en sammanfattning till domstol, ett underlag till åklagare eller en remiss</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet</source>
        <translation>Inte ännu</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1 with %2</source>
        <translation>%1 med %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Examiner: %1</source>
        <translation>Undersökare: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room: %1</source>
        <translation>Rum: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commissioned by %1, priority %2.</source>
        <translation>Beställd av %1, prioritet %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Acute: the last contact was within the acute window.</source>
        <translation>Akut: den senaste kontakten var inom akutfönstret.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>a person of the record</source>
        <translation>en person i registret</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Present: %1</source>
        <translation>Närvarande: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome released: %1</source>
        <translation>Utlämnat resultat: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The child was told the result on %1 by %2.</source>
        <translation>Barnet fick besked om resultatet den %1 av %2.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cancelled: %1</source>
        <translation>Inställd: %1</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown</source>
        <translation>Okänd</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The statement is released for: %1</source>
        <translation>Rättsintyget är utlämnat för: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reviewed on %1: %2. %3</source>
        <translation>Granskat den %1: %2. %3</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>agrees</source>
        <translation>instämmer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>does not agree</source>
        <translation>instämmer inte</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A finding needs an expert review by another medical colleague.</source>
        <translation>Ett fynd behöver sakkunnig granskning av en annan medicinsk kollega.</translation>
    </message>
</context>
<context>
    <name>MedicalSamples</name>
    <message>
        <location filename="../../ui/medical/samples.py" line="+17"/>
        <source>Collected</source>
        <translation>Taget</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealed</source>
        <translation>Plomberat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stored</source>
        <translation>Förvarat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed to the police</source>
        <translation>Överlämnat till polisen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent to the laboratory</source>
        <translation>Skickat till laboratoriet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received by the laboratory</source>
        <translation>Mottaget av laboratoriet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>Återlämnat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Destroyed</source>
        <translation>Förstört</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>by %1</source>
        <translation>av %1</translation>
    </message>
</context>
<context>
    <name>MeetingPlanDialog</name>
    <message>
        <location filename="../../ui/meetings/plan_dialog.py" line="+43"/>
        <source>Plan a meeting</source>
        <translation>Planera ett möte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Book</source>
        <translation>Bo&amp;ka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rooms and staff are checked against interviews and other meetings.</source>
        <translation>Rum och personal kontrolleras mot barnförhör och andra möten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the kind</source>
        <translation>Välj typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind of meeting</source>
        <translation>Typ av möte</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Optional</source>
        <translation>Valfritt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Title:</source>
        <translation>R&amp;ubrik:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No room</source>
        <translation>Inget rum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Room</source>
        <translation>Rum</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Re&amp;mote</source>
        <translation>&amp;På distans</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>By video or telephone; with a room, some attend there and some remotely</source>
        <translation>Via video eller telefon; med ett rum deltar en del där och en del på distans</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Room:</source>
        <translation>&amp;Rum:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>A room, remote, or both.</source>
        <translation>Ett rum, på distans eller båda.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Room or remote</source>
        <translation>Rum eller på distans</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the chair</source>
        <translation>Välj ordförande</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Chair:</source>
        <translation>&amp;Ordförande:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chair</source>
        <translation>Ordförande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not chosen yet</source>
        <translation>Inte vald ännu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minute-ta&amp;ker:</source>
        <translation>S&amp;ekreterare:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minute-taker</source>
        <translation>Sekreterare</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>Not booked. Change the time, the room or the people, or book again and give your reasons.</source>
        <translation>Inte bokat. Ändra tiden, rummet eller personerna, eller boka igen och ange dina skäl.</translation>
    </message>
</context>
<context>
    <name>Meetings</name>
    <message>
        <location filename="../../ui/meetings/shared.py" line="+15"/>
        <source>Planned</source>
        <translation>Planerat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held, minutes not approved</source>
        <translation>Genomfört, ej godkänt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes approved</source>
        <translation>Protokollet godkänt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <comment>a meeting&apos;s status</comment>
        <translation>Inställt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New case</source>
        <translation>Nytt ärende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review due</source>
        <translation>Dags för uppföljning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Urgent</source>
        <translation>Brådskande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Added</source>
        <translation>Tillagt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expected</source>
        <translation>Väntas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Present</source>
        <translation>Närvarande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Absent</source>
        <translation>Frånvarande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Excused</source>
        <translation>Anmält förhinder</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Heard directly</source>
        <translation>Hörd direkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heard through the trusted person</source>
        <translation>Hörd genom stödpersonen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not heard</source>
        <translation>Inte hörd</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The child</source>
        <translation>Barnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The carer</source>
        <translation>Omsorgspersonen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The child and the carer</source>
        <translation>Barnet och omsorgspersonen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Open</source>
        <translation>Öppen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <translation>Utförd</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <comment>an action&apos;s status</comment>
        <translation>Inställd</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Police: investigation</source>
        <translation>Polis: utredning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prosecution: decision</source>
        <translation>Åklagare: beslut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Social services: protection and safety</source>
        <translation>Socialtjänst: skydd och säkerhet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Health: medical examination</source>
        <translation>Hälso- och sjukvård: läkarundersökning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Therapy: engagement</source>
        <translation>Behandling: deltagande</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>%1 and remote</source>
        <translation>%1 och på distans</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remote</source>
        <translation>På distans</translation>
    </message>
</context>
<context>
    <name>MeetingsPanel</name>
    <message>
        <location filename="../../ui/meetings/panel.py" line="+67"/>
        <location line="+39"/>
        <source>Meetings</source>
        <translation>Möten</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Sho&amp;w:</source>
        <translation>&amp;Visa:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Upcoming</source>
        <translation>Kommande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Past year</source>
        <translation>Senaste året</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meetings shown</source>
        <translation>Visade möten</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Plan meetin&amp;g…</source>
        <translation>Planera &amp;möte…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Plan a new meeting (Ctrl+N)</source>
        <translation>Planera ett nytt möte (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Date and time (%1)</source>
        <translation>Datum och tid (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Room</source>
        <translation>Rum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chair</source>
        <translation>Ordförande</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Mark hel&amp;d</source>
        <translation>Markera som genomför&amp;t</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The meeting took place: the cases discussed count as reviewed today</source>
        <translation>Mötet har hållits: de ärenden som behandlades räknas som genomgångna i dag</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Appr&amp;ove minutes…</source>
        <translation>G&amp;odkänn protokollet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Lock the minutes: later corrections are addenda</source>
        <translation>Lås protokollet: senare rättelser görs som tillägg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add adden&amp;dum…</source>
        <translation>Lägg till t&amp;illägg…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cance&amp;l meeting…</source>
        <translation>Ställ &amp;in mötet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Issue minutes…</source>
        <translation>E&amp;xportera protokollet…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the minutes as a signed PDF or a DOCX and register them (Alt+I)</source>
        <translation>Skapa protokollet som signerad PDF eller som DOCX och registrera det (Alt+X)</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>&amp;Minutes</source>
        <translation>Proto&amp;koll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Agenda</source>
        <translation>&amp;Dagordning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attend&amp;ees</source>
        <translation>D&amp;eltagare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Addenda</source>
        <translation>Tillägg</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Minutes issued</source>
        <translation>Utfärdade protokoll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Issued minutes</source>
        <translation>Utfärdade protokoll</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>No meeting is planned from today on.</source>
        <translation>Inget möte är planerat från i dag och framåt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No meeting in the past year.</source>
        <translation>Inget möte under det senaste året.</translation>
    </message>
    <message>
        <location line="+87"/>
        <source>Choose a meeting.</source>
        <translation>Välj ett möte.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Chair: %1</source>
        <translation>Ordförande: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minute-taker: %1</source>
        <translation>Sekreterare: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Minutes approved %1</source>
        <translation>Protokollet godkänt %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read-only: corrections are addenda.</source>
        <translation>Skrivskyddat: rättelser görs som tillägg.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Read-only: coordinators write the minutes.</source>
        <translation>Skrivskyddat: samordnarna skriver protokollet.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>No addendum.</source>
        <translation>Inga tillägg.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>version %1</source>
        <translation>version %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>pseudonymised</source>
        <translation>pseudonymiserat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>by %1</source>
        <translation>av %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>SHA-256: %1</source>
        <translation>SHA-256: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No minutes issued yet.</source>
        <translation>Inga protokoll har utfärdats ännu.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Meeting booked. Add the attendees and build the agenda below.</source>
        <translation>Mötet är bokat. Lägg till deltagarna och gör dagordningen här nedanför.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Marked as held. The cases discussed count as reviewed.</source>
        <translation>Markerat som genomfört. De ärenden som behandlades räknas som genomgångna.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Approve the minutes</source>
        <translation>Godkänn protokollet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Approving locks the minutes: nothing in them can be changed after, only added to as an addendum. Approve them now?</source>
        <translation>När protokollet godkänns låses det: inget i det kan ändras efteråt, det kan bara kompletteras med tillägg. Vill du godkänna det nu?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Approve</source>
        <translation>&amp;Godkänn</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Minutes approved: they are read-only now.</source>
        <translation>Protokollet är godkänt och nu skrivskyddat.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add an addendum</source>
        <translation>Lägg till ett tillägg</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The correction or addition, kept after the approved minutes (it cannot be changed later):</source>
        <translation>Rättelsen eller kompletteringen, som sparas efter det godkända protokollet (den kan inte ändras senare):</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Addendum added.</source>
        <translation>Tillägget har lagts till.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cancel the meeting</source>
        <translation>Ställ in mötet</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why is it cancelled?</source>
        <translation>Varför ställs mötet in?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Meeting cancelled.</source>
        <translation>Mötet är inställt.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Minutes %1 were written and registered.</source>
        <translation>Protokollet %1 har skapats och registrerats.</translation>
    </message>
</context>
<context>
    <name>MessageBar</name>
    <message>
        <location filename="../../ui/common/feedback.py" line="+54"/>
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
        <location line="-114"/>
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
    <name>MinutesWorkspace</name>
    <message>
        <location filename="../../ui/meetings/minutes.py" line="+76"/>
        <source>Cases</source>
        <translation>Ärenden</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cases of the agenda</source>
        <translation>Ärendena på dagordningen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Föregående</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save and go to the previous case (Ctrl+PgUp, Alt+P)</source>
        <translation>Spara och gå till föregående ärende (Ctrl+PgUp, Alt+P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save this case (Ctrl+S)</source>
        <translation>Spara det här ärendet (Ctrl+S)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next ▶</source>
        <translation>Näst&amp;a ▶</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save and go to the next case (Ctrl+PgDown, Alt+N)</source>
        <translation>Spara och gå till nästa ärende (Ctrl+PgDown, Alt+N)</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Dis&amp;cussed at this meeting</source>
        <translation>&amp;Behandlat på det här mötet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Agencies&apos; updates</source>
        <translation>Myndigheternas lägesrapporter</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not reported</source>
        <translation>Inte rapporterat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: status</source>
        <translation>%1: status</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>%1: note</source>
        <translation>%1: anteckning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The c&amp;hild&apos;s views:</source>
        <translation>Barnets s&amp;ynpunkter:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not recorded</source>
        <translation>Inte registrerat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How the child was heard</source>
        <translation>Hur barnet hördes</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Deci&amp;sions:</source>
        <translation>Besl&amp;ut:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decisions, one a line</source>
        <translation>Beslut, ett per rad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One decision a line</source>
        <translation>Ett beslut per rad</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Actions</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>New action: what</source>
        <translation>Ny åtgärd: vad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New action: who does what</source>
        <translation>Ny åtgärd: vem gör vad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Owner</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New action: owner</source>
        <translation>Ny åtgärd: ansvarig</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New action: due on</source>
        <translation>Ny åtgärd: senast</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add ac&amp;tion</source>
        <translation>Lägg till &amp;åtgärd</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Outcome explained</source>
        <translation>Resultatet förklarat</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>To whom</source>
        <translation>Till vem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome explained to</source>
        <translation>Resultatet förklarat för</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome explained on</source>
        <translation>Resultatet förklarat den</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record e&amp;xplained</source>
        <translation>Registrera förk&amp;larat</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The agenda is empty: add cases on the Agenda tab.</source>
        <translation>Dagordningen är tom: lägg till ärenden på fliken Dagordning.</translation>
    </message>
    <message>
        <location line="+123"/>
        <source>Your unsaved minutes of this case were kept in the record when it locked; they are back. Save them, or go on writing.</source>
        <translation>Det du inte hade sparat i protokollet för det här ärendet behölls i registret när det låstes, och finns här igen. Spara det eller fortsätt skriva.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+119"/>
        <source>Not saved yet: a draft is kept.</source>
        <translation>Inte sparat ännu: ett utkast finns kvar.</translation>
    </message>
    <message>
        <location line="-97"/>
        <source>Case %1 · %2 of %3 · %4</source>
        <translation>Ärende %1 · %2 av %3 · %4</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>• %1: %2, due %3, %4</source>
        <translation>• %1: %2, senast %3, %4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(overdue)</source>
        <translation>(försenad)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No action for this case yet.</source>
        <translation>Ingen åtgärd för det här ärendet ännu.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Explained to %1 on %2 by %3.</source>
        <translation>Förklarat för %1 den %2 av %3.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not explained to the child or carer yet.</source>
        <translation>Ännu inte förklarat för barnet eller omsorgspersonen.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Why not hea&amp;rd:</source>
        <translation>Varför inte h&amp;örd:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the child was not heard</source>
        <translation>Varför barnet inte hördes</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required: why the child&apos;s views were not heard</source>
        <translation>Måste fyllas i: varför barnets synpunkter inte hördes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Views:</source>
        <translation>&amp;Synpunkter:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The child&apos;s views</source>
        <translation>Barnets synpunkter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The child&apos;s views, in their words where possible</source>
        <translation>Barnets synpunkter, med barnets egna ord när det går</translation>
    </message>
    <message>
        <location line="+29"/>
        <location line="+81"/>
        <source>Not saved yet.</source>
        <translation>Inte sparat ännu.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Saved.</source>
        <translation>Sparat.</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Write what is to be done first.</source>
        <translation>Skriv först vad som ska göras.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose who does it.</source>
        <translation>Välj vem som gör det.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Action added.</source>
        <translation>Åtgärden har lagts till.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Choose to whom the outcome was explained.</source>
        <translation>Välj för vem resultatet förklarades.</translation>
    </message>
</context>
<context>
    <name>MissedSessionsModel</name>
    <message>
        <location filename="../../ui/today/panel.py" line="+54"/>
        <source>Session missed, none attended since: follow up</source>
        <translation>Uteblev från en session, ingen genomförd sedan dess: följ upp</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n sessions missed, none attended since: follow up</source>
        <translation>
            <numerusform>Uteblev från %n session, ingen genomförd sedan dess: följ upp</numerusform>
            <numerusform>Uteblev från %n sessioner, ingen genomförd sedan dess: följ upp</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{what}, {case}; last missed {date}</source>
        <translation>{what}, {case}; senast uteblev {date}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Last missed</source>
        <translation>Senast uteblev</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Vad</translation>
    </message>
</context>
<context>
    <name>MoveExaminationDialog</name>
    <message>
        <location filename="../../ui/medical/dialogs.py" line="-105"/>
        <source>Move the examination</source>
        <translation>Flytta undersökningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Move</source>
        <translation>&amp;Flytta</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>No room</source>
        <translation>Inget rum</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Room:</source>
        <translation>&amp;Rum:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Room</source>
        <translation>Rum</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E&amp;xaminer:</source>
        <translation>&amp;Undersökare:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Examiner</source>
        <translation>Undersökare</translation>
    </message>
</context>
<context>
    <name>MyInterviewsModel</name>
    <message>
        <location filename="../../ui/today/panel.py" line="-451"/>
        <source>Held: the notes are not written yet</source>
        <translation>Genomfört: anteckningarna är inte skrivna ännu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Planned: you take part</source>
        <translation>Planerat: du deltar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Planned: you lead it</source>
        <translation>Planerat: du leder det</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Case</source>
        <translation>Ärende</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Room</source>
        <translation>Rum</translation>
    </message>
</context>
<context>
    <name>NewReferralDialog</name>
    <message>
        <location filename="../../ui/cases/team_dialogs.py" line="-240"/>
        <source>New referral</source>
        <translation>Ny remiss</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create the referral</source>
        <translation>Skapa &amp;remissen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A referral out to a service for the child, or one that came in from another agency. Its steps (sent, accepted, engaged, done) are recorded later.</source>
        <translation>En remiss från centret till en insats för barnet, eller en som kom in från en annan myndighet. Dess steg (skickad, accepterad, påbörjad, avslutad) registreras senare.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Out: the centre refers the child</source>
        <translation>&amp;Ut: centret remitterar barnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;In: another agency referred the child</source>
        <translation>&amp;In: en annan myndighet remitterade barnet</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Direction:</source>
        <translation>Riktning:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Direction</source>
        <translation>Riktning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a service</source>
        <translation>Välj en insats</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ser&amp;vice:</source>
        <translation>&amp;Tjänst:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service</source>
        <translation>Tjänst</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the child</source>
        <translation>Välj barnet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;hild:</source>
        <translation>&amp;Barn:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not named yet</source>
        <translation>Inte angiven ännu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A&amp;gency:</source>
        <translation>&amp;Myndighet:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The agency register (Administration) lists them.</source>
        <translation>Myndighetsregistret (Administration) listar dem.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agency</source>
        <translation>Myndighet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nobody named</source>
        <translation>Ingen angiven</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Co&amp;ntact:</source>
        <translation>&amp;Kontaktperson:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Contact at the agency</source>
        <translation>Kontaktperson hos myndigheten</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Why:</source>
        <translation>&amp;Varför:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reason for the referral</source>
        <translation>Skäl till remissen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No date</source>
        <translation>Inget datum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next step &amp;due by:</source>
        <translation>Nästa steg &amp;senast:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional. Past this date the referral shows as overdue to the case lead.</source>
        <translation>Valfritt. Efter detta datum visas remissen som försenad för ärendeansvarig.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step due by</source>
        <translation>Nästa steg senast</translation>
    </message>
</context>
<context>
    <name>NoContactBanner</name>
    <message>
        <location filename="../../ui/cases/workspace.py" line="-81"/>
        <source>No-contact warning</source>
        <translation>Varning för kontaktförbud</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>No contact</source>
        <translation>Kontaktförbud</translation>
    </message>
</context>
<context>
    <name>OffenceDialog</name>
    <message>
        <location filename="../../ui/justice/dialogs.py" line="-268"/>
        <source>Add an alleged offence</source>
        <translation>Lägg till ett misstänkt brott</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>&amp;Lägg till</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change the alleged offence</source>
        <translation>Ändra det misstänkta brottet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its statute of limitations is worked out from the category, the date and the jurisdiction; a warning appears among the reminders before it ends.</source>
        <translation>Preskriptionstiden räknas ut från brottstypen, datumet och jurisdiktionen; en varning visas bland påminnelserna innan den löper ut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+10"/>
        <source>Choose</source>
        <translation>Välj</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>&amp;Offence:</source>
        <translation>&amp;Brott:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Offence</source>
        <translation>Brott</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not known</source>
        <translation>Okänt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Date of the offence:</source>
        <translation>Brottets &amp;datum:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of the offence</source>
        <translation>Brottets datum</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;hild:</source>
        <translation>Bar&amp;n:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The child it was against</source>
        <translation>Barnet som brottet gällde</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The case&apos;s</source>
        <translation>Ärendets</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Jurisdiction:</source>
        <translation>&amp;Jurisdiktion:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jurisdiction</source>
        <translation>Jurisdiktion</translation>
    </message>
</context>
<context>
    <name>OptionalDateTimeEdit</name>
    <message>
        <location filename="../../ui/common/field_widgets.py" line="-145"/>
        <source>Now</source>
        <translation>Nu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set to the current date and time</source>
        <translation>Ange aktuellt datum och aktuell tid</translation>
    </message>
</context>
<context>
    <name>OrderTestDialog</name>
    <message>
        <location filename="../../ui/medical/dialogs.py" line="+103"/>
        <source>Order a test</source>
        <translation>Beställ en analys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Order</source>
        <translation>&amp;Beställ</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the test</source>
        <translation>Välj analys</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Test:</source>
        <translation>&amp;Analys:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Test</source>
        <translation>Analys</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not recorded</source>
        <translation>Inte registrerat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Prophylaxis:</source>
        <translation>&amp;Profylax:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Prophylaxis given</source>
        <translation>Given profylax</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Or&amp;dered on:</source>
        <translation>Beställd &amp;den:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ordered on</source>
        <translation>Beställd den</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In 14 days</source>
        <translation>Om 14 dagar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Result d&amp;ue:</source>
        <translation>Svar &amp;väntas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A pending result is a reminder for medical staff.</source>
        <translation>Ett svar som väntas blir en påminnelse för den medicinska personalen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result due</source>
        <translation>Svar väntas</translation>
    </message>
</context>
<context>
    <name>OutcomeDialog</name>
    <message>
        <location line="+76"/>
        <source>Release the outcome</source>
        <translation>Lämna ut resultatet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Release</source>
        <translation>&amp;Lämna ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The whole case team reads the outcome; the findings stay with medical staff.</source>
        <translation>Hela ärendets team läser resultatet; fynden stannar hos den medicinska personalen.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the outcome</source>
        <translation>Välj resultat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Outcome:</source>
        <translation>&amp;Resultat:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Outcome</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>In 28 days</source>
        <translation>Om 28 dagar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Follow-up due:</source>
        <translation>&amp;Uppföljning senast:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only when a follow-up examination is needed: a reminder for medical staff.</source>
        <translation>Bara när en uppföljande undersökning behövs: en påminnelse för den medicinska personalen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Follow-up examination due</source>
        <translation>Uppföljande undersökning senast</translation>
    </message>
</context>
<context>
    <name>ParticipantRow</name>
    <message>
        <location filename="../../ui/interviews/plan_dialog.py" line="-747"/>
        <source>Choose a role</source>
        <translation>Välj en roll</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose who</source>
        <translation>Välj vem</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Language, e.g. ar</source>
        <translation>Språk, t.ex. ar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Remo&amp;ve</source>
        <translation>Ta &amp;bort</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Someone else (name)</source>
        <translation>Någon annan (namn)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Participant %1: role</source>
        <translation>Deltagare %1: roll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participant %1: who</source>
        <translation>Deltagare %1: vem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participant %1: name</source>
        <translation>Deltagare %1: namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participant %1: language</source>
        <translation>Deltagare %1: språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove participant %1</source>
        <translation>Ta bort deltagare %1</translation>
    </message>
</context>
<context>
    <name>ParticipantsEditor</name>
    <message>
        <location line="+57"/>
        <source>Only the child and the interviewer so far.</source>
        <translation>Hittills bara barnet och förhörsledaren.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Add participant</source>
        <translation>&amp;Lägg till deltagare</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>An observer, the interpreter, the trusted person, the special representative, a technician…</source>
        <translation>En observatör, tolken, stödpersonen som barnet valt, den särskilda företrädaren för barnet, en tekniker…</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <location filename="../../ui/admin/panel.py" line="-79"/>
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
    <name>PaymentDialog</name>
    <message>
        <location filename="../../ui/justice/dialogs.py" line="+521"/>
        <source>Record a payment</source>
        <translation>Registrera en betalning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Awarded %1; paid so far %2.</source>
        <translation>Tilldömt %1; betalt hittills %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Record</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Amount:</source>
        <translation>&amp;Belopp:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Amount paid</source>
        <translation>Betalt belopp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Paid on:</source>
        <translation>Betalt &amp;den:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Day of the payment</source>
        <translation>Betalningsdag</translation>
    </message>
</context>
<context>
    <name>PdfOrDocxDialog</name>
    <message>
        <location filename="../../ui/documents/panel.py" line="-338"/>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Word documents (*.docx)</source>
        <translation>Word-dokument (*.docx)</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <location filename="../../ui/cases/workspace.py" line="+162"/>
        <location line="+198"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="-198"/>
        <location line="+198"/>
        <source>Other person</source>
        <translation>Annan person</translation>
    </message>
    <message>
        <location line="-187"/>
        <source>Role in the case</source>
        <translation>Roll i ärendet</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+2"/>
        <source>Role</source>
        <translation>Roll</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose a role</source>
        <translation>Välj en roll</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Relationship to the child</source>
        <translation>Relation till barnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+30"/>
        <location line="+1"/>
        <location line="+16"/>
        <location line="+6"/>
        <source>Not recorded</source>
        <translation>Inte registrerat</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>Identity</source>
        <translation>Identitet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Given name</source>
        <translation>Förnamn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Family name</source>
        <translation>Efternamn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Look for this person in the record…</source>
        <translation>Sök efter personen i registret…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check whether this person already has a record, before entering their details</source>
        <translation>Kontrollera om personen redan finns i registret innan du fyller i uppgifterna</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Other names</source>
        <translation>Andra namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Earlier names, nicknames or other spellings</source>
        <translation>Tidigare namn, smeknamn eller andra stavningar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Date of birth</source>
        <translation>Födelsedatum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Year-month-day, e.g. 2014-05-06. Leave empty if not known.</source>
        <translation>År-månad-dag, t.ex. 2014-05-06. Lämna tomt om det inte är känt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of birth is</source>
        <translation>Födelsedatumet är</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Gender</source>
        <translation>Kön</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gender in their own words</source>
        <translation>Kön med egna ord</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only if the person describes their gender themselves</source>
        <translation>Bara om personen själv beskriver sitt kön</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Languages</source>
        <translation>Språk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Language codes separated by commas, e.g. sv, ar, uk</source>
        <translation>Språkkoder åtskilda med kommatecken, t.ex. sv, ar, uk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter</source>
        <translation>Tolk</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Needs an interpreter</source>
        <translation>Behöver tolk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interpreter language</source>
        <translation>Tolkspråk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One language code, e.g. ar</source>
        <translation>En språkkod, t.ex. ar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Background</source>
        <translation>Bakgrund</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nationality</source>
        <translation>Medborgarskap</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Country of origin</source>
        <translation>Ursprungsland</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Birth registered</source>
        <translation>Födseln registrerad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Guardian and trusted person</source>
        <translation>Vårdnadshavare och stödperson</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Guardian or representative</source>
        <translation>Vårdnadshavare eller företrädare</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+5"/>
        <source>None recorded</source>
        <translation>Ingen registrerad</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Add the guardian as another person in this case first</source>
        <translation>Lägg först till vårdnadshavaren som en annan person i ärendet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind of guardian</source>
        <translation>Typ av företrädare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Trusted person chosen by the child</source>
        <translation>Stödperson som barnet valt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Address</source>
        <translation>Adress</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Vulnerability</source>
        <translation>Sårbarhet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Disability</source>
        <translation>Funktionsnedsättning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Special protection needs</source>
        <translation>Särskilda skyddsbehov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Risk factors</source>
        <translation>Riskfaktorer</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Protective factors</source>
        <translation>Skyddsfaktorer</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>No contact</source>
        <translation>Kontaktförbud</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Must never be in the building at the same time as the child</source>
        <translation>Får aldrig vistas i huset samtidigt som barnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scheduling will keep this person and the child apart</source>
        <translation>Bokningen håller isär personen och barnet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for no contact</source>
        <translation>Skäl till kontaktförbud</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>New child</source>
        <translation>Nytt barn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New person</source>
        <translation>Ny person</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>role not chosen</source>
        <translation>roll inte vald</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>not saved yet</source>
        <translation>inte sparad ännu</translation>
    </message>
</context>
<context>
    <name>PersonRefCombo</name>
    <message>
        <location line="-249"/>
        <source>Person no. %1 (not in this case)</source>
        <translation>Person nr %1 (inte i det här ärendet)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A person no longer in this list</source>
        <translation>En person som inte längre finns i listan</translation>
    </message>
</context>
<context>
    <name>PlanExaminationDialog</name>
    <message>
        <location filename="../../ui/medical/dialogs.py" line="-300"/>
        <source>Plan an examination</source>
        <translation>Planera en undersökning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Book</source>
        <translation>B&amp;oka</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The room, the examiners and the child are checked against interviews, meetings and other examinations, with the no-contact buffer.</source>
        <translation>Rummet, undersökarna och barnet kontrolleras mot barnförhör, möten och andra undersökningar, med marginalen för kontaktförbud.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the child</source>
        <translation>Välj barnet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;hild:</source>
        <translation>&amp;Barn:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the kind</source>
        <translation>Välj typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind of examination</source>
        <translation>Typ av undersökning</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No room yet</source>
        <translation>Inget rum ännu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Room:</source>
        <translation>&amp;Rum:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Room</source>
        <translation>Rum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the examiner</source>
        <translation>Välj undersökare</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>E&amp;xaminer:</source>
        <translation>&amp;Undersökare:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Examiner</source>
        <translation>Undersökare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Seco&amp;nd examiner:</source>
        <translation>&amp;Andra undersökare:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A second examiner or a nurse.</source>
        <translation>En andra undersökare eller en sjuksköterska.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Second examiner or nurse</source>
        <translation>Andra undersökare eller sjuksköterska</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who asked for it</source>
        <translation>Vem som begärde den</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Co&amp;mmissioned by:</source>
        <translation>B&amp;eställare:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Commissioned by</source>
        <translation>Beställare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the priority</source>
        <translation>Välj prioritet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Priority:</source>
        <translation>&amp;Prioritet:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Priority</source>
        <translation>Prioritet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Known</source>
        <translation>Känd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Last contact:</source>
        <translation>Senaste &amp;kontakt:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The last contact with the alleged offender; the core derives whether the examination is acute.</source>
        <translation>Den senaste kontakten med den misstänkta gärningspersonen; om undersökningen är akut räknas ut av programmet.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last contact</source>
        <translation>Senaste kontakt</translation>
    </message>
</context>
<context>
    <name>PresenceDialog</name>
    <message>
        <location line="+308"/>
        <location line="+27"/>
        <source>Who is present</source>
        <translation>Vilka som är närvarande</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Besides the examiners: a trusted person, a carer, a chaperone, an interpreter.</source>
        <translation>Utöver undersökarna: en stödperson, en omsorgsperson, närvarande personal, en tolk.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Nobody</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role %1</source>
        <translation>Roll %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Name %1</source>
        <translation>Namn %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Present:</source>
        <translation>&amp;Närvarande:</translation>
    </message>
</context>
<context>
    <name>ProceedingDialog</name>
    <message>
        <location filename="../../ui/justice/dialogs.py" line="-495"/>
        <source>New proceeding</source>
        <translation>Nytt förfarande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Öppna</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Slag:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind of proceeding</source>
        <translation>Slag av förfarande</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Choose</source>
        <translation>Välj</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>&amp;Against:</source>
        <translation>&amp;Mot:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alleged offender</source>
        <translation>Misstänkt gärningsperson</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the alleged offender to the case on the Persons tab first.</source>
        <translation>Lägg först till den misstänkta gärningspersonen i ärendet på fliken Personer.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;hild:</source>
        <translation>&amp;Barn:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Police reference:</source>
        <translation>&amp;Polisens diarienummer:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Co&amp;urt reference:</source>
        <translation>&amp;Domstolens målnummer:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>None</source>
        <translation>Inget</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Alleged o&amp;ffence:</source>
        <translation>Misstänkt b&amp;rott:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alleged offence</source>
        <translation>Misstänkt brott</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Its limitation warning is shown with the proceeding.</source>
        <translation>Dess preskriptionsvarning visas med förfarandet.</translation>
    </message>
</context>
<context>
    <name>ProceedingOffenceDialog</name>
    <message>
        <location line="+28"/>
        <source>The proceeding&apos;s alleged offence</source>
        <translation>Förfarandets misstänkta brott</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>None</source>
        <translation>Inget</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Alleged offence:</source>
        <translation>&amp;Misstänkt brott:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Alleged offence</source>
        <translation>Misstänkt brott</translation>
    </message>
</context>
<context>
    <name>PsychosocialDialogs</name>
    <message>
        <location filename="../../ui/psychosocial/dialogs.py" line="-353"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>PsychosocialPanel</name>
    <message>
        <location filename="../../ui/psychosocial/panel.py" line="+140"/>
        <source>Psychosocial follow-up</source>
        <translation>Psykosocial uppföljning</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Issue summary…</source>
        <translation>Skapa sammanställning…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write the psychosocial summary as a signed PDF or a DOCX, for the team or an onward referral</source>
        <translation>Skapa den psykosociala sammanställningen som signerad PDF eller DOCX, för teamet eller en vidare remiss</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Screens</source>
        <translation>Screeningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record a screen…</source>
        <translation>&amp;Registrera en screening…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record a screen (Ctrl+N)</source>
        <translation>Registrera en screening (Ctrl+N)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Resol&amp;ve…</source>
        <translation>&amp;Åtgärda…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the diagnostic assessment or referral, or why neither was done</source>
        <translation>Registrera den diagnostiska bedömningen eller remissen, eller varför ingen av dem gjordes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-screen ever&amp;y…</source>
        <translation>Ny screening &amp;var…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+67"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="-67"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time point</source>
        <translation>Tidpunkt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Score</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Band</source>
        <translation>Nivå</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cut-off prompt</source>
        <translation>Över gränsvärdet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case&apos;s screens</source>
        <translation>Ärendets screeningar</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No screen is recorded in this case.</source>
        <translation>Ingen screening är registrerad i ärendet.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Trend</source>
        <translation>Utveckling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No screens yet</source>
        <translation>Inga screeningar ännu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The trend of</source>
        <translation>Utvecklingen för</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Instrument:</source>
        <translation>&amp;Instrument:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show as a ta&amp;ble</source>
        <translation>Visa som ta&amp;bell</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Treatment</source>
        <translation>Behandling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Start an &amp;episode…</source>
        <translation>Påbörja en beh&amp;andling…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End t&amp;he episode…</source>
        <translation>Avsluta beha&amp;ndlingen…</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+49"/>
        <source>For</source>
        <translation>För</translation>
    </message>
    <message>
        <location line="-49"/>
        <source>Model</source>
        <translation>Metod</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Provider</source>
        <translation>Utförare</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Therapist</source>
        <translation>Terapeut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Started</source>
        <translation>Påbörjad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ended</source>
        <translation>Avslutad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Treatment episodes</source>
        <translation>Behandlingar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No treatment episode in this case.</source>
        <translation>Ingen behandling i ärendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+6"/>
        <source>Sessions of the episode</source>
        <translation>Behandlingens sessioner</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Record a sessio&amp;n…</source>
        <translation>Registr&amp;era en session…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attendance</source>
        <translation>Närvaro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Carer took part</source>
        <translation>Omsorgsperson deltog</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The session&apos;s notes</source>
        <translation>Sessionens anteckningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No notes for this session.</source>
        <translation>Inga anteckningar för sessionen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+5"/>
        <source>Crisis contacts</source>
        <translation>Kriskontakter</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Record a &amp;crisis contact…</source>
        <translation>Registrera en &amp;kriskontakt…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>With</source>
        <translation>Med</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The crisis contact&apos;s notes</source>
        <translation>Kriskontaktens anteckningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No notes for this crisis contact.</source>
        <translation>Inga anteckningar för kriskontakten.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+8"/>
        <source>Recovery plan</source>
        <translation>Återhämtningsplan</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Add a &amp;goal…</source>
        <translation>Lägg till ett må&amp;l…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revie&amp;w the goal…</source>
        <translation>&amp;Följ upp målet…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Domain</source>
        <translation>Område</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Goal</source>
        <translation>Mål</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who helps</source>
        <translation>Vem hjälper</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Review</source>
        <translation>Uppföljning</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>a person of the record</source>
        <translation>en person i registret</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>This centre</source>
        <translation>Det här centret</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+63"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="-61"/>
        <source>Ongoing</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>In treatment now.</source>
        <translation>I behandling nu.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not in treatment now.</source>
        <translation>Inte i behandling nu.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+160"/>
        <location line="+4"/>
        <source>no band</source>
        <translation>ingen nivå</translation>
    </message>
    <message>
        <location line="-163"/>
        <source>Latest %1 of %2 on %3: %4.</source>
        <translation>Senaste %1 för %2 den %3: %4.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Screens at or above the cut-off waiting for an assessment or a referral: %1.</source>
        <translation>Screeningar vid eller över gränsvärdet som väntar på en bedömning eller en remiss: %1.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next review of the recovery plan: %1.</source>
        <translation>Nästa uppföljning av återhämtningsplanen: %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No review of the recovery plan is set.</source>
        <translation>Ingen uppföljning av återhämtningsplanen är satt.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open: assess or refer</source>
        <translation>Öppen: bedöm eller remittera</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Written</source>
        <translation>Skrivna</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>%1: %2.</source>
        <translation>%1: %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1: %2, %3.</source>
        <translation>%1: %2, %3.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At or above the cut-off: a diagnostic assessment or a referral is due (Resolve…).</source>
        <translation>Vid eller över gränsvärdet: en diagnostisk bedömning eller en remiss ska göras (Åtgärda…).</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>Psychosocial summary %1 was written and registered.</source>
        <translation>Psykosocial sammanställning %1 har skapats och registrerats.</translation>
    </message>
</context>
<context>
    <name>PsychosocialSummaryDialog</name>
    <message>
        <location filename="../../ui/psychosocial/issue_dialog.py" line="+34"/>
        <source>Psychosocial summary of %1</source>
        <translation>Psykosocial sammanställning för %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The psychosocial summary of the case for the team or an onward referral: the treatment episodes and their attendance, every screen with its score, band and cut-off and the trend of each instrument, what was done about a screen at or above the cut-off, the recovery plan and the re-screening. The session notes, the crisis contacts&apos; notes and the item answers stay sealed: they are not in it. It is written to the file you choose and entered in the document register with its SHA-256.</source>
        <translation>Ärendets psykosociala sammanställning för teamet eller en vidare remiss: behandlingarna och närvaron, varje screening med poäng, nivå och gränsvärde och varje instruments utveckling över tid, vad som gjordes efter en screening på eller över gränsvärdet, återhämtningsplanen och de nya screeningarna. Sessionsanteckningarna, kriskontakternas anteckningar och svaren på frågorna förblir förseglade: de finns inte med. Den skrivs till den fil du väljer och förs in i dokumentregistret med sin SHA-256.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All the children of the case</source>
        <translation>Alla barn i ärendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Children</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The children are called Child A, Child B...; family members by their role in the case; the case&apos;s persons&apos; names are taken out of every text.</source>
        <translation>Barnen kallas Barn A, Barn B...; familjemedlemmar efter sin roll i ärendet; namnen på ärendets personer tas bort ur all text.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pseudonymise</source>
        <translation>Pseudonymisera</translation>
    </message>
    <message>
        <location line="-22"/>
        <source>&amp;Write the summary</source>
        <translation>&amp;Skapa sammanställningen</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;PDF, signed by the centre (PDF/A)</source>
        <translation>&amp;PDF, signerad av centret (PDF/A)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;DOCX, editable and not signed</source>
        <translation>&amp;DOCX, redigerbar och inte signerad</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Children:</source>
        <translation>&amp;Barn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pse&amp;udonymise: no names, dates of birth or addresses</source>
        <translation>Pse&amp;udonymisera: inga namn, födelsedatum eller adresser</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Save as:</source>
        <translation>Spara s&amp;om:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1-psychosocial-summary-%2</source>
        <translation>%1-psykosocial-sammanstallning-%2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>-pseudonymised</source>
        <translation>-pseudonymiserad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the psychosocial summary as</source>
        <translation>Spara den psykosociala sammanställningen som</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Writing the psychosocial summary</source>
        <translation>Den psykosociala sammanställningen skapas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing and signing the psychosocial summary…</source>
        <translation>Skapar och signerar den psykosociala sammanställningen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the psychosocial summary…</source>
        <translation>Skapar den psykosociala sammanställningen…</translation>
    </message>
</context>
<context>
    <name>RecordHeldDialog</name>
    <message>
        <location filename="../../ui/interviews/held_dialog.py" line="+53"/>
        <source>Record the interview as held</source>
        <translation>Registrera barnförhöret som genomfört</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record as held</source>
        <translation>&amp;Registrera som genomfört</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Times are local time in %1. Recording the interview as held also records that the child chose to take part.</source>
        <translation>Tiderna är lokal tid i %1. När barnförhöret registreras som genomfört registreras också att barnet valde att delta.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Started at</source>
        <translation>Började</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ended at</source>
        <translation>Slutade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;from</source>
        <translation>&amp;från</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;to</source>
        <translation>&amp;till</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Held on:</source>
        <translation>&amp;Genomfört den:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Held on</source>
        <translation>Genomfört den</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>End</source>
        <translation>Slut</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Add a &amp;break</source>
        <translation>Lägg till en &amp;paus</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Breaks:</source>
        <translation>Pauser:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Breaks</source>
        <translation>Pauser</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>not named</source>
        <translation>namn saknas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Present:</source>
        <translation>&amp;Närvarande:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Untick who did not come.</source>
        <translation>Avmarkera den som inte kom.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who was present</source>
        <translation>Vilka som var närvarande</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. sv</source>
        <translation>t.ex. sv</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Language used:</source>
        <translation>Använt &amp;språk:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A language code such as sv, ar or uk.</source>
        <translation>En språkkod som sv, ar eller uk.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Language used</source>
        <translation>Använt språk</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Why then:</source>
        <translation>&amp;Varför då:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the interview was held so far from its planned time.</source>
        <translation>Varför barnförhöret genomfördes så långt från den planerade tiden.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why it was held then</source>
        <translation>Varför det genomfördes vid den tiden</translation>
    </message>
</context>
<context>
    <name>RecordScreenDialog</name>
    <message>
        <location filename="../../ui/psychosocial/dialogs.py" line="+54"/>
        <source>Record a screen</source>
        <translation>Registrera en screening</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The app scores the screen by the instrument&apos;s rules and keeps the version it used. Item answers are sealed: only therapists read them.</source>
        <translation>Programmet räknar ut poängen enligt instrumentets regler och sparar versionen som användes. Svaren på frågorna förseglas: bara terapeuter kan läsa dem.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Choose the child</source>
        <translation>Välj barnet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;hild:</source>
        <translation>&amp;Barn:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the instrument</source>
        <translation>Välj instrument</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Instrument:</source>
        <translation>&amp;Instrument:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the time point</source>
        <translation>Välj tidpunkt</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Time point:</source>
        <translation>&amp;Tidpunkt:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Time point</source>
        <translation>Tidpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who answered</source>
        <translation>Vem som svarade</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Res&amp;pondent:</source>
        <translation>&amp;Svarande:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Respondent</source>
        <translation>Svarande</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date of the screen</source>
        <translation>Datum för screeningen</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Not answered</source>
        <translation>Inte besvarad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Item %1: %2, %3 to %4</source>
        <translation>Fråga %1: %2, %3 till %4</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not typed</source>
        <translation>Inte angiven</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 (%2 to %3):</source>
        <translation>%1 (%2 till %3):</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose the instrument to see its items or scales.</source>
        <translation>Välj instrument för att se dess frågor eller skalor.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>For ages %1 to %2.</source>
        <translation>För åldrarna %1 till %2.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answer each item from %1 to %2 (Tab to the next, type the number); at most %3 may stay unanswered.</source>
        <translation>Besvara varje fråga från %1 till %2 (Tab till nästa, skriv siffran); högst %3 får lämnas obesvarade.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scores only: type the scores from the official scored form. The app holds no items of this instrument.</source>
        <translation>Bara poäng: skriv in poängen från det officiella poängsatta formuläret. Programmet innehåller inga frågor från det här instrumentet.</translation>
    </message>
</context>
<context>
    <name>ReferralStepDialog</name>
    <message>
        <location filename="../../ui/cases/team_dialogs.py" line="+33"/>
        <source>&amp;Record</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{referral}
Status: {old} → {new}</source>
        <translation>{referral}
Status: {old} → {new}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;On:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date of this step</source>
        <translation>Datum för detta steg</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>No date</source>
        <translation>Inget datum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next step &amp;due by:</source>
        <translation>Nästa steg &amp;senast:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Optional. Past this date the referral shows as overdue to the case lead.</source>
        <translation>Valfritt. Efter detta datum visas remissen som försenad för ärendeansvarig.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next step due by</source>
        <translation>Nästa steg senast</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Why rejected:</source>
        <translation>&amp;Varför avvisad:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Required.</source>
        <translation>Måste fyllas i.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason for the rejection</source>
        <translation>Skäl till avvisningen</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Successful</source>
        <translation>&amp;Lyckad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Not successful</source>
        <translation>&amp;Inte lyckad</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Outcome:</source>
        <translation>Utfall:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Required: a referral is not closed without its outcome.</source>
        <translation>Måste fyllas i: en remiss avslutas inte utan sitt utfall.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose why</source>
        <translation>Välj varför</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>W&amp;hy not:</source>
        <translation>&amp;Orsak:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why it was not successful</source>
        <translation>Varför den inte lyckades</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+5"/>
        <source>No&amp;te (optional):</source>
        <translation>A&amp;nteckning (valfri):</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Note on the outcome</source>
        <translation>Anteckning om utfallet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
</context>
<context>
    <name>RegisterImageDialog</name>
    <message>
        <location filename="../../ui/medical/images.py" line="-94"/>
        <source>Register an image</source>
        <translation>Registrera en bild</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Register</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image is not stored in the record: its SHA-256 is taken now and never changes. Register the original (the RAW file where there is one) first.</source>
        <translation>Bilden sparas inte i registret: dess SHA-256 beräknas nu och ändras aldrig. Registrera originalet (RAW-filen om det finns en) först.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Device:</source>
        <translation>&amp;Kamera eller enhet:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Camera or device</source>
        <translation>Kamera eller enhet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Kept at:</source>
        <translation>Förvaras &amp;på:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Empty: the file&apos;s path.</source>
        <translation>Tomt: filens sökväg.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where it is kept</source>
        <translation>Var den förvaras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>None: this is an original</source>
        <translation>Ingen: detta är ett original</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Derived fr&amp;om:</source>
        <translation>&amp;Härledd från:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Derived from</source>
        <translation>Härledd från</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;What was done:</source>
        <translation>&amp;Vad som gjordes:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For a derived image: a crop, a colour correction…</source>
        <translation>För en härledd bild: en beskärning, en färgkorrigering…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What was done</source>
        <translation>Vad som gjordes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the image</source>
        <translation>Välj bilden</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose the file of the image.</source>
        <translation>Välj bildens fil.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stopping…</source>
        <translation>Avbryter…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registering the image</source>
        <translation>Bilden registreras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computing the SHA-256 of %1…</source>
        <translation>SHA-256 för %1 beräknas…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Stopped. Nothing was registered.</source>
        <translation>Avbrutet. Ingenting registrerades.</translation>
    </message>
</context>
<context>
    <name>RegisterRecordingDialog</name>
    <message>
        <location filename="../../ui/interviews/recording_dialog.py" line="-147"/>
        <source>Register a recording</source>
        <translation>Registrera en inspelning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Register</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file stays where the centre keeps evidence. Its SHA-256 is computed now and never changes afterwards; later checks compare against it. A large file takes a few minutes.</source>
        <translation>Filen stannar där centret förvarar bevis. Dess SHA-256 beräknas nu och ändras aldrig efteråt; senare kontroller jämför mot den. En stor fil tar några minuter.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+1"/>
        <source>File</source>
        <translation>Fil</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;File:</source>
        <translation>&amp;Fil:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Label:</source>
        <translation>&amp;Etikett:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Required, e.g. Master recording, camera 1.</source>
        <translation>Måste fyllas i, t.ex. Originalinspelning, kamera 1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>Etikett</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Kept at:</source>
        <translation>Förvaras &amp;på:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the evidence is kept: a path, or the label of a removable drive. Empty: the file&apos;s path.</source>
        <translation>Var beviset förvaras: en sökväg eller etiketten på en flyttbar enhet. Tomt: filens sökväg.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storage location</source>
        <translation>Förvaringsplats</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Capture &amp;device:</source>
        <translation>Inspelnings&amp;utrustning:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Capture device</source>
        <translation>Inspelningsutrustning</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Master: the original from the recording equipment</source>
        <translation>&amp;Original: direkt från inspelningsutrustningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Working copy of:</source>
        <translation>&amp;Arbetskopia av:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose the master</source>
        <translation>Välj originalet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Master it was copied from</source>
        <translation>Originalet som den kopierades från</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Copy:</source>
        <translation>Exemplar:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Master or working copy</source>
        <translation>Original eller arbetskopia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Master</source>
        <translation>Original</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Purpose:</source>
        <translation>&amp;Syfte:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>For a working copy that differs from its master: what was done to it (e.g. redaction, conversion), so it can be repeated.</source>
        <translation>För en arbetskopia som skiljer sig från sitt original: vad som gjordes med den (t.ex. maskering, konvertering), så att det kan upprepas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Purpose</source>
        <translation>Syfte</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the recording</source>
        <translation>Välj inspelningen</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Choose the file of the recording.</source>
        <translation>Välj inspelningens fil.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Registering the recording</source>
        <translation>Inspelningen registreras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Computing the SHA-256 of %1…</source>
        <translation>SHA-256 för %1 beräknas…</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Stopping…</source>
        <translation>Avbryter…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Stopped. Nothing was registered.</source>
        <translation>Avbrutet. Ingenting registrerades.</translation>
    </message>
</context>
<context>
    <name>RegisterSampleDialog</name>
    <message>
        <location filename="../../ui/medical/samples.py" line="+36"/>
        <source>Register a sample</source>
        <translation>Registrera ett prov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Register</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Kit ID:</source>
        <translation>&amp;Kit-id:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kit ID</source>
        <translation>Kit-id</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the type</source>
        <translation>Välj typ</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Type of sample</source>
        <translation>Typ av prov</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not recorded</source>
        <translation>Inte registrerat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Site:</source>
        <translation>&amp;Plats på kroppen:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Site</source>
        <translation>Plats på kroppen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Collected:</source>
        <translation>Provtaget &amp;den:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Local time in %1.</source>
        <translation>Lokal tid i %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Collected at</source>
        <translation>Provtaget den</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;eal number:</source>
        <translation>P&amp;lombnummer:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>If it was sealed then.</source>
        <translation>Om det plomberades då.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Seal number</source>
        <translation>Plombnummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Where:</source>
        <translation>&amp;Var:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where it was collected</source>
        <translation>Var det togs</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>St&amp;orage:</source>
        <translation>&amp;Förvaring:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Storage</source>
        <translation>Förvaring</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Anteckningar:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Notes</source>
        <translation>Anteckningar</translation>
    </message>
</context>
<context>
    <name>RelapseDialog</name>
    <message>
        <location filename="../../ui/followup/dialogs.py" line="+27"/>
        <source>Record a relapse</source>
        <translation>Registrera ett återfall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recurring reviews start again, until the team records full recovery again.</source>
        <translation>Återkommande uppföljningar börjar igen, tills teamet registrerar full återhämtning på nytt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>In as many months as the interval</source>
        <translation>Om lika många månader som intervallet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;First review:</source>
        <translation>&amp;Första uppföljning:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date of the first review</source>
        <translation>Datum för första uppföljningen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;very (months):</source>
        <translation>&amp;Intervall (månader):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every how many months</source>
        <translation>Med hur många månaders mellanrum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Note:</source>
        <translation>&amp;Anteckning:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
</context>
<context>
    <name>ReleaseDateDialog</name>
    <message>
        <location filename="../../ui/justice/dialogs.py" line="+227"/>
        <location line="+12"/>
        <source>Release date</source>
        <translation>Frigivningsdag</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>A reminder to inform the child and family falls due %1 days before it.</source>
        <translation>En påminnelse om att underrätta barnet och familjen infaller %1 dagar före.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Release date:</source>
        <translation>&amp;Frigivningsdag:</translation>
    </message>
</context>
<context>
    <name>ReleaseImageDialog</name>
    <message>
        <location filename="../../ui/medical/images.py" line="+47"/>
        <source>Release the image</source>
        <translation>Lämna ut bilden</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Release</source>
        <translation>&amp;Lämna ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Image %1. A prosecutor bundle lists only images released for it.</source>
        <translation>Bild %1. Ett underlag till åklagare tar bara med bilder som lämnats ut för det.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Re&amp;quester:</source>
        <translation>&amp;Beställare:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Requester</source>
        <translation>Beställare</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the legal basis</source>
        <translation>Välj den rättsliga grunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Legal basis:</source>
        <translation>&amp;Rättslig grund:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Legal basis</source>
        <translation>Rättslig grund</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;ceipt:</source>
        <translation>&amp;Kvitto:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Receipt</source>
        <translation>Kvitto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the purpose</source>
        <translation>Välj ändamål</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;For:</source>
        <translation>&amp;För:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Released for</source>
        <translation>Utlämnad för</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>W&amp;here:</source>
        <translation>&amp;Var:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Var</translation>
    </message>
</context>
<context>
    <name>ReleaseInformedDialog</name>
    <message>
        <location filename="../../ui/justice/dialogs.py" line="+47"/>
        <source>Release informed</source>
        <translation>Underrättade om frigivning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The child and family were told of the release on %1.</source>
        <translation>Barnet och familjen underrättades om frigivningen den %1.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Record</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Informed on:</source>
        <translation>&amp;Underrättade den:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The day they were informed</source>
        <translation>Dagen de underrättades</translation>
    </message>
</context>
<context>
    <name>ReleaseStatementDialog</name>
    <message>
        <location filename="../../ui/medical/dialogs.py" line="+77"/>
        <source>Release the statement</source>
        <translation>Lämna ut rättsintyget</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Release</source>
        <translation>&amp;Lämna ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The statement as saved goes into the document made for this purpose.</source>
        <translation>Rättsintyget som det är sparat tas med i det dokument som görs för detta ändamål.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Choose the purpose</source>
        <translation>Välj ändamål</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;For:</source>
        <translation>&amp;För:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Released for</source>
        <translation>Utlämnat för</translation>
    </message>
</context>
<context>
    <name>ReleaseWishDialog</name>
    <message>
        <location filename="../../ui/justice/dialogs.py" line="-39"/>
        <source>Release notification</source>
        <translation>Underrättelse om frigivning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Do the child and family wish to be told when the offender is released? When they do not, no reminder to tell them is made.</source>
        <translation>Vill barnet och familjen bli underrättade när den dömde friges? Om de inte vill det görs ingen påminnelse om att underrätta dem.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose</source>
        <translation>Välj</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Their answer:</source>
        <translation>&amp;Deras svar:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Their answer</source>
        <translation>Deras svar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Said &amp;on:</source>
        <translation>Sa&amp;gt den:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The day they said so</source>
        <translation>Dagen de sa det</translation>
    </message>
</context>
<context>
    <name>ReminderModel</name>
    <message>
        <location filename="../../ui/today/panel.py" line="-365"/>
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
        <translation>Innehållskontroll av en inspelning</translation>
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
        <location line="+3"/>
        <source>Test result pending</source>
        <translation>Provsvar väntas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Follow-up examination</source>
        <translation>Uppföljande undersökning</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recovery plan review</source>
        <translation>Uppföljning av återhämtningsplanen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re-screen</source>
        <translation>Ny screening</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Action item: {action}</source>
        <translation>Åtgärd: {action}</translation>
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
    <message>
        <location line="+6"/>
        <source>Release date: inform the child and family if they wish it</source>
        <translation>Frigivningsdag: underrätta barnet och familjen om de vill det</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Explain the right to compensation (after the interview)</source>
        <translation>Förklara rätten till ersättning (efter barnförhöret)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Explain the right to compensation (at the verdict)</source>
        <translation>Förklara rätten till ersättning (vid domen)</translation>
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
    <name>RenewSigningDialog</name>
    <message>
        <location filename="../../ui/admin/panel.py" line="+163"/>
        <source>Renew the signing certificate</source>
        <translation>Förnya signeringscertifikatet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new signing key and certificate, issued by the centre&apos;s CA. The CA fingerprint stays the same, so the courts and prosecutors need nothing new.</source>
        <translation>En ny signeringsnyckel och ett nytt certifikat, utfärdade av centrets CA. CA-fingeravtrycket förblir detsamma, så domstolarna och åklagarna behöver inte få något nytt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CA &amp;file:</source>
        <translation>CA-&amp;fil:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The CA file from the centre&apos;s safe</source>
        <translation>CA-filen från centrets kassaskåp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pass&amp;phrase of the CA file:</source>
        <translation>CA-filens &amp;lösenfras:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase of the CA file</source>
        <translation>CA-filens lösenfras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the CA file</source>
        <translation>Välj CA-filen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose the CA file.</source>
        <translation>Välj CA-filen.</translation>
    </message>
</context>
<context>
    <name>RescreenDialog</name>
    <message>
        <location filename="../../ui/psychosocial/dialogs.py" line="+99"/>
        <source>Re-screen every N months</source>
        <translation>Ny screening var N:e månad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Set</source>
        <translation>&amp;Ange</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the child</source>
        <translation>Välj barnet</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>C&amp;hild:</source>
        <translation>&amp;Barn:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the instrument</source>
        <translation>Välj instrument</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Instrument:</source>
        <translation>I&amp;nstrument:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Instrument</source>
        <translation>Instrument</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> months</source>
        <translation> månader</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Every:</source>
        <translation>&amp;Intervall:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A reminder for therapists on Today, first due that many months from today; full recovery does not end it.</source>
        <translation>En påminnelse för terapeuter under I dag, första gången om så många månader från i dag; full återhämtning avslutar den inte.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every how many months</source>
        <translation>Med hur många månaders mellanrum</translation>
    </message>
</context>
<context>
    <name>ResolveScreenDialog</name>
    <message>
        <location line="-76"/>
        <source>Resolve the screen</source>
        <translation>Åtgärda screeningen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>%1 (%2), %3</source>
        <translation>%1 (%2), %3</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+2"/>
        <source>What was done</source>
        <translation>Vad som gjordes</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Action:</source>
        <translation>&amp;Åtgärd:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the referral</source>
        <translation>Välj remiss</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;ferral:</source>
        <translation>&amp;Remiss:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A referral of this case, made on the Team and referrals tab.</source>
        <translation>En remiss i det här ärendet, gjord under fliken Team och remisser.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Referral</source>
        <translation>Remiss</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Why not:</source>
        <translation>&amp;Varför inte:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why it was not done</source>
        <translation>Varför det inte gjordes</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <location filename="../../ui/admin/backups.py" line="-364"/>
        <source>Restore a backup</source>
        <translation>Återställ en säkerhetskopia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup {name} is verified and copied to a new file. The record you have open is not changed.</source>
        <translation>Säkerhetskopian {name} kontrolleras och kopieras till en ny fil. Registret du har öppet ändras inte.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;New file:</source>
        <translation>&amp;Ny fil:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New file</source>
        <translation>Ny fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new name, never the record you have open.</source>
        <translation>Ett nytt namn, aldrig registret du har öppet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The backup&apos;s key file unlocks with the password you had when it was made.</source>
        <translation>Säkerhetskopians nyckelfil låses upp med det lösenord du hade när den gjordes.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Restore to a new file</source>
        <translation>Återställ till en ny fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barnahus records (*.barnahus);;All files (*)</source>
        <translation>Barnahus-register (*.barnahus);;Alla filer (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose a new file name.</source>
        <translation>Välj ett nytt filnamn.</translation>
    </message>
</context>
<context>
    <name>ResultToldDialog</name>
    <message>
        <location filename="../../ui/medical/dialogs.py" line="-143"/>
        <source>The child was told the result</source>
        <translation>Barnet fick besked om resultatet</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;On:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Told on</source>
        <translation>Besked den</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who told the child</source>
        <translation>Vem som gav barnet beskedet</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;By:</source>
        <translation>&amp;Av:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Told by</source>
        <translation>Besked av</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <location line="-85"/>
        <source>Expert review</source>
        <translation>Sakkunnig granskning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save the review</source>
        <translation>&amp;Spara granskningen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A&amp;grees</source>
        <translation>&amp;Instämmer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Does &amp;not agree</source>
        <translation>I&amp;nstämmer inte</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>With the findings:</source>
        <translation>Med fynden:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agrees with the findings</source>
        <translation>Instämmer i fynden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Comment:</source>
        <translation>&amp;Kommentar:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Revie&amp;wed on:</source>
        <translation>&amp;Granskad den:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reviewed on</source>
        <translation>Granskad den</translation>
    </message>
</context>
<context>
    <name>ReviewIntervalDialog</name>
    <message>
        <location filename="../../ui/cases/team_dialogs.py" line="+147"/>
        <source>Review interval</source>
        <translation>Intervall för uppföljning</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The team reviews the case again this many days after its last review. The centre&apos;s default is {n} days.</source>
        <translation>Teamet följer upp ärendet igen så här många dagar efter den senaste genomgången. Centrets standard är {n} dagar.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Use the centre&apos;s &amp;default</source>
        <translation>Använd centrets s&amp;tandard</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Use the centre&apos;s default</source>
        <translation>Använd centrets standard</translation>
    </message>
    <message>
        <location line="+5"/>
        <source> days</source>
        <translation> dagar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Every:</source>
        <translation>&amp;Intervall:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Review interval in days</source>
        <translation>Intervall för uppföljning i dagar</translation>
    </message>
</context>
<context>
    <name>RightsDialog</name>
    <message>
        <location filename="../../ui/justice/dialogs.py" line="+204"/>
        <source>Rights explained</source>
        <translation>Rättigheter förklarade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The right to compensation was explained to the child and family.</source>
        <translation>Rätten till ersättning förklarades för barnet och familjen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;When:</source>
        <translation>&amp;När:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>At which point</source>
        <translation>Vid vilken tidpunkt</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose</source>
        <translation>Välj</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;hild:</source>
        <translation>&amp;Barn:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Child</source>
        <translation>Barn</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
</context>
<context>
    <name>Roles</name>
    <message>
        <location filename="../../ui/common/feedback.py" line="-62"/>
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
        <location filename="../../ui/admin/panel.py" line="-189"/>
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
    <name>RoomDialog</name>
    <message>
        <location filename="../../ui/admin/rooms.py" line="+23"/>
        <source>Rename {name}</source>
        <translation>Byt namn på {name}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add a room</source>
        <translation>Lägg till ett rum</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Name:</source>
        <translation>&amp;Namn:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>As the staff call it; shown in the calendar and on bookings.</source>
        <translation>Som personalen kallar det; visas i kalendern och på bokningarna.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
</context>
<context>
    <name>RoomsDialog</name>
    <message>
        <location line="+25"/>
        <source>Rooms of the centre</source>
        <translation>Centrets rum</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Interviews are planned in the rooms in use. A room is never deleted: bookings made in it keep its name. Retire a room that is no longer used; you can bring it back into use later.</source>
        <translation>Barnförhör planeras i de rum som används. Ett rum raderas aldrig: bokningar som har gjorts i rummet behåller dess namn. Ta ett rum som inte längre används ur bruk; du kan ta det i bruk igen senare.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rooms</source>
        <translation>Rum</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Add a room…</source>
        <translation>&amp;Lägg till ett rum…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename…</source>
        <translation>&amp;Byt namn…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+62"/>
        <source>Re&amp;tire</source>
        <translation>Ta &amp;ur bruk</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>In use</source>
        <translation>Används</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Retired</source>
        <translation>Används inte längre</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Bring back &amp;into use</source>
        <translation>Ta i bruk &amp;igen</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The room {name} was added: interviews can be planned in it.</source>
        <translation>Rummet {name} har lagts till: barnförhör kan planeras i det.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The room is now called {name}.</source>
        <translation>Rummet heter nu {name}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{name} is in use again.</source>
        <translation>{name} används igen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} is retired: no new interviews are planned in it; its bookings keep its name.</source>
        <translation>{name} är taget ur bruk: inga nya barnförhör planeras i rummet, och dess bokningar behåller rummets namn.</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <location filename="../../ui/followup/dialogs.py" line="-173"/>
        <source>Add a follow-up rule</source>
        <translation>Lägg till en uppföljningsregel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>&amp;Lägg till</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Change the follow-up rule</source>
        <translation>Ändra uppföljningsregeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Kind:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Kind of follow-up</source>
        <translation>Typ av uppföljning</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not chosen</source>
        <translation>Inte vald</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;very (months):</source>
        <translation>&amp;Intervall (månader):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every how many months</source>
        <translation>Med hur många månaders mellanrum</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A&amp;ges:</source>
        <translation>&amp;Åldrar:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Ages</source>
        <translation>Åldrar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>D&amp;iscipline:</source>
        <translation>&amp;Yrkesgrupp:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Discipline</source>
        <translation>Yrkesgrupp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Note:</source>
        <translation>&amp;Anteckning:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The first review (empty: in as many months as the interval).</source>
        <translation>Första uppföljningen (tomt: om lika många månader som intervallet).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Milestones count from this day (empty: today).</source>
        <translation>Milstolparna räknas från den här dagen (tomt: i dag).</translation>
    </message>
</context>
<context>
    <name>SalvageDialog</name>
    <message>
        <location filename="../../ui/admin/salvage.py" line="+25"/>
        <source>Salvage the record</source>
        <translation>Rädda registrets innehåll</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Every row of {name} that can still be read is copied into a new record, which opens with the same passwords and recovery key. The damaged file is only read, never changed. At the end you see exactly what could not be read.</source>
        <translation>Varje rad i {name} som fortfarande går att läsa kopieras till ett nytt register, som öppnas med samma lösenord och återställningsnyckel. Den skadade filen läses bara och ändras aldrig. Till sist ser du exakt vad som inte gick att läsa.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;New file:</source>
        <translation>&amp;Ny fil:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>New file</source>
        <translation>Ny fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new name, never the damaged record itself.</source>
        <translation>Ett nytt namn, aldrig det skadade registret självt.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signed in as {user}.</source>
        <translation>Inloggad som {user}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Salvage progress</source>
        <translation>Räddningens förlopp</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What the salvage copied and lost</source>
        <translation>Vad räddningen kopierade och förlorade</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Salvage</source>
        <translation>&amp;Rädda</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Open the new record</source>
        <translation>&amp;Öppna det nya registret</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Salvage into a new file</source>
        <translation>Rädda till en ny fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barnahus records (*.barnahus);;All files (*)</source>
        <translation>Barnahus-register (*.barnahus);;Alla filer (*)</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Choose a new file name.</source>
        <translation>Välj ett nytt filnamn.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type your password.</source>
        <translation>Skriv ditt lösenord.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Salvaging: reading every table of the damaged record…</source>
        <translation>Räddar: läser varje tabell i det skadade registret…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Salvaged into {name}. The damaged record was not changed.</source>
        <translation>Räddat till {name}. Det skadade registret ändrades inte.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Salvaged into {name}, but some rows could not be read (below). The damaged record was not changed.</source>
        <translation>Räddat till {name}, men några rader gick inte att läsa (se nedan). Det skadade registret ändrades inte.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Close</source>
        <translation>&amp;Stäng</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Stopping the salvage…</source>
        <translation>Avbryter räddningen…</translation>
    </message>
</context>
<context>
    <name>SampleEventDialog</name>
    <message>
        <location filename="../../ui/medical/samples.py" line="+26"/>
        <source>Add to the chain of custody</source>
        <translation>Lägg till i beviskedjan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Add</source>
        <translation>&amp;Lägg till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sample %1. Entries cannot be changed or removed afterwards.</source>
        <translation>Prov %1. Poster kan inte ändras eller tas bort efteråt.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose what happened</source>
        <translation>Välj vad som hände</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>W&amp;hat happened:</source>
        <translation>&amp;Vad hände:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What happened</source>
        <translation>Vad hände</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wh&amp;en:</source>
        <translation>&amp;När:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Local time in %1.</source>
        <translation>Lokal tid i %1.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;By whom:</source>
        <translation>&amp;Av vem:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Empty: you.</source>
        <translation>Tomt: du.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By whom</source>
        <translation>Av vem</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>W&amp;here:</source>
        <translation>Va&amp;r:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Var</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;eal number:</source>
        <translation>&amp;Plombnummer:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Seal number</source>
        <translation>Plombnummer</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Received by:</source>
        <translation>&amp;Mottaget av:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name and agency of whoever received it.</source>
        <translation>Namn och myndighet på den som tog emot det.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received by</source>
        <translation>Mottaget av</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;ceipt:</source>
        <translation>&amp;Kvitto:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Receipt number, signature, date.</source>
        <translation>Kvittonummer, underskrift, datum.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Receipt</source>
        <translation>Kvitto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Order:</source>
        <translation>&amp;Beslut:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The reference of the order that allowed the destruction.</source>
        <translation>Referens till beslutet som medgav att provet förstördes.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Order reference</source>
        <translation>Beslutets referens</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wh&amp;y:</source>
        <translation>Var&amp;för:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why</source>
        <translation>Varför</translation>
    </message>
</context>
<context>
    <name>SessionDialog</name>
    <message>
        <location filename="../../ui/psychosocial/dialogs.py" line="+147"/>
        <source>Record a session</source>
        <translation>Registrera en session</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Date:</source>
        <translation>&amp;Datum:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Date of the session</source>
        <translation>Datum för sessionen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attended, missed or cancelled</source>
        <translation>Närvarande, uteblev eller inställd</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Status:</source>
        <translation>&amp;Närvaro:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Attendance</source>
        <translation>Närvaro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A &amp;carer took part</source>
        <translation>En &amp;omsorgsperson deltog</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A carer took part</source>
        <translation>En omsorgsperson deltog</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Notes:</source>
        <translation>&amp;Anteckningar:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sealed: only therapists read them.</source>
        <translation>Förseglade: bara terapeuter kan läsa dem.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Session notes</source>
        <translation>Sessionens anteckningar</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/shell/main_window.py" line="-262"/>
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
    <name>SharesEntryDialog</name>
    <message>
        <location filename="../../ui/shell/shares_entry.py" line="+21"/>
        <source>Unlock with shares of the recovery key</source>
        <translation>Lås upp med delar av återställningsnyckeln</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type or paste the shares, one in each box: 33 words each, in their order. The first four letters of each word are enough. The holders of the shares may type their own.</source>
        <translation>Skriv eller klistra in delarna, en i varje ruta: 33 ord per del, i rätt ordning. Det räcker med de fyra första bokstäverna i varje ord. Innehavarna av delarna kan skriva in sina egna.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Add another share</source>
        <translation>&amp;Lägg till ytterligare en del</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Un&amp;lock</source>
        <translation>Lås &amp;upp</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Share &amp;{n}:</source>
        <translation>Del &amp;{n}:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share {n}:</source>
        <translation>Del {n}:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Share {n}</source>
        <translation>Del {n}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>These shares need {k} of them to open the record.</source>
        <translation>Av de här delarna krävs {k} för att öppna registret.</translation>
    </message>
</context>
<context>
    <name>SharingDialog</name>
    <message>
        <location filename="../../ui/cases/team_dialogs.py" line="-126"/>
        <source>Record what was shared</source>
        <translation>Registrera vad som lämnats ut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{referral}: what the receiving agency was given, on what legal basis and undertaking. It goes into the case&apos;s disclosure register.</source>
        <translation>{referral}: vad den mottagande myndigheten fick, med vilken rättslig grund och vilket förbehåll. Det förs in i ärendets register över utlämnanden.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Information:</source>
        <translation>&amp;Uppgifter:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Information shared</source>
        <translation>Uppgifter som lämnats ut</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{id}: {type}, {format}, issued {date}</source>
        <translation>{id}: {type}, {format}, utfärdat {date}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Doc&amp;uments:</source>
        <translation>&amp;Dokument:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The documents issued for this case that went with it.</source>
        <translation>De dokument som utfärdats för ärendet och som följde med.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No document was issued for this case.</source>
        <translation>Inget dokument har utfärdats för ärendet.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Documents shared</source>
        <translation>Dokument som lämnats ut</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose the legal basis</source>
        <translation>Välj den rättsliga grunden</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Legal &amp;basis:</source>
        <translation>Rättslig &amp;grund:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why the information could be shared: the law, the guardian&apos;s agreement or a court order.</source>
        <translation>Varför uppgifterna fick lämnas ut: lagen, vårdnadshavarens medgivande eller ett domstolsbeslut.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Legal basis for sharing</source>
        <translation>Rättslig grund för utlämnandet</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;To whom:</source>
        <translation>&amp;Till vem:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Recipient</source>
        <translation>Mottagare</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>U&amp;ndertaking:</source>
        <translation>&amp;Förbehåll:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Required: what the recipient undertook, e.g. to use it only for this service.</source>
        <translation>Måste fyllas i: vad mottagaren åtog sig, t.ex. att använda det endast för denna insats.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undertaking</source>
        <translation>Förbehåll</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;How:</source>
        <translation>&amp;Hur:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Optional. E.g. secure e-mail.</source>
        <translation>Valfritt. T.ex. säker e-post.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Method</source>
        <translation>Sätt för utlämnandet</translation>
    </message>
</context>
<context>
    <name>SnoozeDialog</name>
    <message>
        <location filename="../../ui/today/panel.py" line="+774"/>
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
    <name>SplitRecoveryKeyDialog</name>
    <message>
        <location filename="../../ui/admin/shares.py" line="+45"/>
        <source>Split the recovery key</source>
        <translation>Dela upp återställningsnyckeln</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>&amp;Split</source>
        <translation>&amp;Dela upp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Next share</source>
        <translation>&amp;Nästa del</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Slutför</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Split the recovery key into shares</source>
        <translation>Dela upp återställningsnyckeln i delar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Give each of several trusted people one share of the recovery key, so that no single person holds the whole record. Any number of them you choose together open the record (with the shares typed on the unlock screen); fewer reveal nothing. Each share is a list of 33 words, shown here one at a time, to print or save for its holder.</source>
        <translation>Ge var och en av flera betrodda personer en del av återställningsnyckeln, så att ingen enskild person ensam kan öppna registret. Så många av dem som du bestämmer öppnar registret tillsammans (när delarna skrivs in på upplåsningsskärmen); färre avslöjar ingenting. Varje del är en lista med 33 ord, som visas här en i taget för att skrivas ut eller sparas åt sin innehavare.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Shares to &amp;make:</source>
        <translation>&amp;Antal delar att skapa:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One for each holder, at most {max}.</source>
        <translation>En för varje innehavare, högst {max}.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Shares to make</source>
        <translation>Antal delar att skapa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shares nee&amp;ded to open the record:</source>
        <translation>Antal delar som &amp;behövs för att öppna registret:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least {min}. With 3 of 5, any two holders may be away or lose their share.</source>
        <translation>Minst {min}. Med 3 av 5 kan två valfria innehavare vara borta eller förlora sin del.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Shares needed to open the record</source>
        <translation>Antal delar som behövs för att öppna registret</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The recovery key itself keeps opening the record: lock it away or destroy it, as the centre decides. Replacing the record key (a key rotation) makes the shares useless; split the new recovery key again then.</source>
        <translation>Själva återställningsnyckeln fortsätter att öppna registret: lås in den eller förstör den, enligt centrets beslut. Om registrets nyckel byts ut (ett nyckelbyte) blir delarna oanvändbara; dela då upp den nya återställningsnyckeln på nytt.</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>&amp;Print…</source>
        <translation>S&amp;kriv ut…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sa&amp;ve to a file…</source>
        <translation>Spara i en &amp;fil…</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>first</source>
        <translation>första</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>second</source>
        <translation>andra</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>third</source>
        <translation>tredje</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fourth</source>
        <translation>fjärde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fifth</source>
        <translation>femte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>sixth</source>
        <translation>sjätte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>seventh</source>
        <translation>sjunde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>eighth</source>
        <translation>åttonde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>ninth</source>
        <translation>nionde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>tenth</source>
        <translation>tionde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>eleventh</source>
        <translation>elfte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>twelfth</source>
        <translation>tolfte</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>thirteenth</source>
        <translation>trettonde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>fourteenth</source>
        <translation>fjortonde</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>fifteenth</source>
        <translation>femtonde</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>sixteenth</source>
        <translation>sextonde</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Share {i} of {n} — give it to the {ordinal} holder</source>
        <translation>Del {i} av {n} – ge den till den {ordinal} innehavaren</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Any {k} of the {n} shares together open the record. Print this share or save it for its holder, then go on to the next: it replaces this one on the screen.</source>
        <translation>Vilka {k} som helst av de {n} delarna öppnar registret tillsammans. Skriv ut den här delen eller spara den åt dess innehavare, och gå sedan vidare till nästa: den ersätter den här på skärmen.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The words of share {i}</source>
        <translation>Orden i del {i}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Barnahus Case Record: recovery key share {i} of {n}</source>
        <translation>Barnahus Case Record: del {i} av {n} av återställningsnyckeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any {k} of the {n} shares together open the record; fewer reveal nothing.</source>
        <translation>Vilka {k} som helst av de {n} delarna öppnar registret tillsammans; färre avslöjar ingenting.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep this page locked away, apart from the computer that holds the record. Hand it over only when the record has to be recovered. Do not photograph it or e-mail it.</source>
        <translation>Förvara den här sidan inlåst och skild från datorn där registret finns. Lämna ut den bara när registret måste återställas. Fotografera den inte och skicka den inte med e-post.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Barnahus recovery key share {i}</source>
        <translation>Barnahus återställningsnyckel, del {i}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print share {i}</source>
        <translation>Skriv ut del {i}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share {i} was sent to the printer. Check that the page came out whole.</source>
        <translation>Del {i} skickades till skrivaren. Kontrollera att hela sidan kom ut.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save share {i}</source>
        <translation>Spara del {i}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text files (*.txt)</source>
        <translation>Textfiler (*.txt)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Share {i} was saved to {path} (readable by you only). Give the file to its holder, then delete it here.</source>
        <translation>Del {i} sparades i {path} (bara du kan läsa filen). Ge filen till delens innehavare och radera den sedan här.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Close before every share is handed out?</source>
        <translation>Stänga innan alla delar har lämnats ut?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not every share was printed or saved, and the shares are not shown again. To give every holder a share, split the recovery key again and hand out that new set: shares of two splits cannot be combined.

Close anyway?</source>
        <translation>Alla delar har inte skrivits ut eller sparats, och delarna visas inte igen. Om alla innehavare ska få en del måste du dela upp återställningsnyckeln på nytt och lämna ut den nya uppsättningen: delar från två olika uppdelningar går inte att kombinera.

Stänga ändå?</translation>
    </message>
</context>
<context>
    <name>StartEpisodeDialog</name>
    <message>
        <location filename="../../ui/psychosocial/dialogs.py" line="-90"/>
        <source>Start a treatment episode</source>
        <translation>Påbörja en behandling</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Start</source>
        <translation>&amp;Påbörja</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the person</source>
        <translation>Välj person</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;For:</source>
        <translation>&amp;För:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A child of the case or a non-offending family member.</source>
        <translation>Ett barn i ärendet eller en familjemedlem som inte är misstänkt gärningsperson.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>For</source>
        <translation>För</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the model</source>
        <translation>Välj metod</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Model:</source>
        <translation>&amp;Metod:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Treatment model</source>
        <translation>Behandlingsmetod</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This centre</source>
        <translation>Det här centret</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Provider:</source>
        <translation>&amp;Utförare:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Provider</source>
        <translation>Utförare</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not named</source>
        <translation>Inte angiven</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Therapist:</source>
        <translation>&amp;Terapeut:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Therapist</source>
        <translation>Terapeut</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Started &amp;on:</source>
        <translation>Påbörjad &amp;den:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Started on</source>
        <translation>Påbörjad den</translation>
    </message>
</context>
<context>
    <name>SwitchDialog</name>
    <message>
        <location filename="../../ui/admin/backups.py" line="+20"/>
        <source>Switch to the restored record</source>
        <translation>Byt till det återställda registret</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The record {record} will be replaced by the restored record {name}.

• This record is locked first; everyone must have closed it elsewhere.
• The restored record is verified again, and only its administrator may switch to it.
• The record now in use is not deleted: it is kept beside it as “{stem}.damaged-&lt;date and time&gt;{suffix}”, with its key file.
• Whatever was entered after the backup was made is not in the restored record. How many audit entries that is is counted, shown to you and written in the audit trail.

Then you unlock the record again.</source>
        <translation>Registret {record} ersätts med det återställda registret {name}.

• Det här registret låses först; alla måste ha stängt det på andra datorer.
• Det återställda registret kontrolleras på nytt, och bara dess administratör får byta till det.
• Registret som används nu raderas inte: det behålls bredvid som ”{stem}.damaged-&lt;datum och tid&gt;{suffix}”, tillsammans med sin nyckelfil.
• Det som fördes in efter att säkerhetskopian gjordes finns inte i det återställda registret. Hur många loggposter det gäller räknas, visas för dig och skrivs i loggen.

Sedan låser du upp registret igen.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The restored record&apos;s key file unlocks with the password you had when the backup was made.</source>
        <translation>Det återställda registrets nyckelfil låses upp med det lösenord du hade när säkerhetskopian gjordes.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Switch</source>
        <translation>&amp;Byt</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Type your password.</source>
        <translation>Skriv ditt lösenord.</translation>
    </message>
</context>
<context>
    <name>TeamPanel</name>
    <message>
        <location filename="../../ui/cases/team.py" line="+86"/>
        <source>Change the &amp;interval…</source>
        <translation>Ändra &amp;intervall…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How often the team reviews this case</source>
        <translation>Hur ofta teamet följer upp ärendet</translation>
    </message>
    <message>
        <location line="+25"/>
        <location line="+10"/>
        <source>Actions</source>
        <translation>Åtgärder</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Show finished actions too</source>
        <translation>Visa även avslutade åtgärder</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Action</source>
        <translation>Åtgärd</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Owner</source>
        <translation>Ansvarig</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+67"/>
        <source>Due</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="-67"/>
        <location line="+25"/>
        <location line="+42"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="-60"/>
        <source>Mar&amp;k as done…</source>
        <translation>Mar&amp;kera som utförd…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ca&amp;ncel action…</source>
        <translation>Ställ i&amp;n åtgärd…</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+3"/>
        <location line="+4"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Meetings about this case</source>
        <translation>Möten om ärendet</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Decision</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decisions over time</source>
        <translation>Beslut över tid</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>How</source>
        <translation>Hur</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+5"/>
        <source>The child&apos;s views</source>
        <translation>Barnets synpunkter</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>The child&apos;s views over time</source>
        <translation>Barnets synpunkter över tid</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Meetings</source>
        <translation>Möten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decisions</source>
        <translation>Beslut</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+12"/>
        <source>Referrals</source>
        <translation>Remisser</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Ne&amp;w referral…</source>
        <translation>N&amp;y remiss…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Direction</source>
        <translation>Riktning</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Service</source>
        <translation>Tjänst</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Agency</source>
        <translation>Myndighet</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Next step:</source>
        <translation>Nästa steg:</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+19"/>
        <source>The referral&apos;s history</source>
        <translation>Remissens historik</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Re&amp;cord what was shared…</source>
        <translation>Registrera vad som &amp;lämnats ut…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+314"/>
        <source>The information and documents the receiving agency was given</source>
        <translation>De uppgifter och dokument som den mottagande myndigheten fick</translation>
    </message>
    <message>
        <location line="-301"/>
        <source>On</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Step</source>
        <translation>Steg</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+4"/>
        <source>What was shared</source>
        <translation>Vad som lämnats ut</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>To whom</source>
        <translation>Till vem</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Legal basis</source>
        <translation>Rättslig grund</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>You do not work on this case, so its meetings, decisions and actions are not shown to you.</source>
        <translation>Du arbetar inte med ärendet, så dess möten, beslut och åtgärder visas inte för dig.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No action is open in this case.</source>
        <translation>Ingen åtgärd är öppen i ärendet.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The team has agreed no action in this case yet.</source>
        <translation>Teamet har inte kommit överens om någon åtgärd i ärendet ännu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No referral in or out yet.</source>
        <translation>Ingen remiss in eller ut ännu.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing recorded as shared.</source>
        <translation>Inget har registrerats som utlämnat.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a referral to see what it shared.</source>
        <translation>Välj en remiss för att se vad den lämnade ut.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Next review: {date}.</source>
        <translation>Nästa uppföljning: {date}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Next review: at the next case review meeting (not reviewed yet).</source>
        <translation>Nästa uppföljning: vid nästa ärendegenomgång (inte genomgånget ännu).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every {n} days, set for this case (the centre&apos;s default is {d}).</source>
        <translation>Var {n}:e dag, satt för detta ärende (centrets standard är {d}).</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every {n} days, the centre&apos;s default.</source>
        <translation>Var {n}:e dag, centrets standard.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last reviewed {date}.</source>
        <translation>Senast genomgånget {date}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{owner} ({agency})</source>
        <translation>{owner} ({agency})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Cancelled: {reason}</source>
        <translation>Inställd: {reason}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{date}, overdue</source>
        <translation>{date}, försenad</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Meetings ({n})</source>
        <translation>Möten ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decisions ({n})</source>
        <translation>Beslut ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The child&apos;s views ({n})</source>
        <translation>Barnets synpunkter ({n})</translation>
    </message>
    <message>
        <location line="-308"/>
        <location line="+325"/>
        <source>{status}, overdue</source>
        <translation>{status}, försenad</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Referral {direction}: {service}</source>
        <translation>Remiss {direction}: {service}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{referral}, {agency}</source>
        <translation>{referral}, {agency}</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Contact: {name}</source>
        <translation>Kontaktperson: {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Why: {reason}</source>
        <translation>Varför: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected: {reason}</source>
        <translation>Avvisad: {reason}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{outcome}: {reason}</source>
        <translation>{outcome}: {reason}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome: {outcome}</source>
        <translation>Utfall: {outcome}</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Undertaking: {text}</source>
        <translation>Förbehåll: {text}</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{text} ({owner}, due {date})</source>
        <translation>{text} ({owner}, senast {date})</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Only the one who made this referral, or a coordinator, changes it</source>
        <translation>Bara den som skapade remissen, eller en samordnare, ändrar den</translation>
    </message>
</context>
<context>
    <name>TeamWords</name>
    <message>
        <location filename="../../ui/cases/team_dialogs.py" line="-306"/>
        <source>Draft</source>
        <translation>Utkast</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Sent</source>
        <translation>Skickad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Accepted</source>
        <translation>Accepterad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected</source>
        <translation>Avvisad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Revoked</source>
        <translation>Återkallad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Engaged</source>
        <translation>Påbörjad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Done</source>
        <comment>a referral&apos;s status</comment>
        <translation>Avslutad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lost to follow-up</source>
        <translation>Ej fullföljd</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Out</source>
        <translation>Ut</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Successful</source>
        <translation>Lyckad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Not successful</source>
        <translation>Inte lyckad</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Record as s&amp;ent…</source>
        <translation>Skick&amp;ad…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Acc&amp;epted…</source>
        <translation>&amp;Accepterad…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;jected…</source>
        <translation>A&amp;vvisad…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Re&amp;voked…</source>
        <translation>Åt&amp;erkallad…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Engaged…</source>
        <translation>På&amp;börjad…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Close with the outco&amp;me…</source>
        <translation>A&amp;vsluta med utfall…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lost to follow-up…</source>
        <translation>&amp;Ej fullföljd…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The referral was sent</source>
        <translation>Remissen skickades</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The referral was accepted</source>
        <translation>Remissen accepterades</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The referral was rejected</source>
        <translation>Remissen avvisades</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The referral is revoked</source>
        <translation>Remissen återkallas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The child and family engaged with the service</source>
        <translation>Barnet och familjen har påbörjat insatsen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the referral with its outcome</source>
        <translation>Avsluta remissen med dess utfall</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The referral was lost to follow-up</source>
        <translation>Remissen fullföljdes inte</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open, overdue</source>
        <translation>Öppen, försenad</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not recorded</source>
        <translation>Inte registrerat</translation>
    </message>
</context>
<context>
    <name>TestResultDialog</name>
    <message>
        <location filename="../../ui/medical/dialogs.py" line="-48"/>
        <source>Record the result</source>
        <translation>Registrera svaret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Result:</source>
        <translation>&amp;Svar:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Result</source>
        <translation>Svar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recei&amp;ved on:</source>
        <translation>&amp;Mottaget den:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Received on</source>
        <translation>Mottaget den</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <location filename="../../ui/today/panel.py" line="+93"/>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <location line="+2"/>
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
        <location line="+3"/>
        <source>Sho&amp;w:</source>
        <translation>&amp;Visa:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Everyone&apos;s follow-up</source>
        <translation>Allas uppföljningar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only mine</source>
        <translation>Bara mina</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Whose follow-up to show</source>
        <translation>Vems uppföljningar som ska visas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Everyone&apos;s follow-up in the cases you lead, or only that of your own discipline</source>
        <translation>Allas uppföljningar i de ärenden där du är ärendeansvarig, eller bara din egen yrkesgrupps</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Summary of the reminders</source>
        <translation>Sammanfattning av påminnelserna</translation>
    </message>
    <message>
        <location line="+53"/>
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
        <location line="-117"/>
        <location line="+222"/>
        <source>Loading the reminders…</source>
        <translation>Läser in påminnelserna…</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>The reminders could not be loaded: {reason}</source>
        <translation>Påminnelserna kunde inte läsas in: {reason}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{overdue} overdue, {week} due this week, {upcoming} upcoming.</source>
        <translation>{overdue} försenade, {week} denna vecka, {upcoming} kommande.</translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>%n examination(s) waiting for an expert review (the review queue).</source>
        <translation>
            <numerusform>%n undersökning väntar på sakkunnig granskning (granskningskön).</numerusform>
            <numerusform>%n undersökningar väntar på sakkunnig granskning (granskningskön).</numerusform>
        </translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Expert reviews in the last 12 months: {reviewed} of the {needing} examinations that needed one (at least half is the standard).</source>
        <translation>Sakkunnig granskning de senaste 12 månaderna: {reviewed} av de {needing} undersökningar som behövde en (standarden är minst hälften).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Only your own discipline&apos;s follow-up is shown.</source>
        <translation>Bara din egen yrkesgrupps uppföljningar visas.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shown as of {date}, not today.</source>
        <translation>Visas per {date}, inte per i dag.</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Select a reminder to open its case or act on it.</source>
        <translation>Välj en påminnelse för att öppna dess ärende eller hantera den.</translation>
    </message>
    <message>
        <location line="-3"/>
        <location line="+7"/>
        <source>Selected: {summary}</source>
        <translation>Vald: {summary}</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>This follow-up is for the child, who has no case you can open. Nothing was opened.</source>
        <translation>Den här uppföljningen gäller barnet, som inte har något ärende du kan öppna. Ingenting öppnades.</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <location filename="../../ui/psychosocial/trend.py" line="+138"/>
        <location line="+63"/>
        <source>Show as &amp;table</source>
        <translation>Visa som tab&amp;ell</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Score</source>
        <translation>Poäng</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Band</source>
        <translation>Nivå</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Treatment</source>
        <translation>Behandling</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cut-off {value}</source>
        <translation>Gränsvärde {value}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{name} (ongoing)</source>
        <translation>{name} (pågår)</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+20"/>
        <source>No scores recorded yet.</source>
        <translation>Inga poäng registrerade ännu.</translation>
    </message>
    <message>
        <location line="-19"/>
        <source>{count} scores from {first} to {last}; the latest is {latest}.</source>
        <translation>{count} mätningar från {first} till {last}; den senaste är {latest}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One score, on {first}: {latest}.</source>
        <translation>En mätning, den {first}: {latest}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The cut-off is {value}.</source>
        <translation>Gränsvärdet är {value}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>at or above the cut-off</source>
        <translation>vid eller över gränsvärdet</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No scores recorded yet for {name}.</source>
        <translation>Inga poäng registrerade ännu för {name}.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Trend of {name}</source>
        <translation>Utveckling för {name}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Scores of {name}</source>
        <translation>Poäng för {name}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Hide the &amp;table</source>
        <translation>Dölj tab&amp;ellen</translation>
    </message>
</context>
<context>
    <name>UndertakingDialog</name>
    <message>
        <location filename="../../ui/meetings/attendees.py" line="-279"/>
        <source>Confidentiality undertaking</source>
        <translation>Sekretessförbindelse</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record</source>
        <translation>&amp;Registrera</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 signed the centre&apos;s confidentiality undertaking. It is recorded once and holds for every meeting after.</source>
        <translation>%1 har skrivit under centrets sekretessförbindelse. Den registreras en gång och gäller för alla senare möten.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Signed on:</source>
        <translation>&amp;Undertecknad den:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Signed on</source>
        <translation>Undertecknad den</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Note:</source>
        <translation>&amp;Anteckning:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
</context>
<context>
    <name>UnlockPanel</name>
    <message>
        <location filename="../../ui/shell/unlock.py" line="+87"/>
        <source>Barnahus Case Record</source>
        <translation>Barnahus Case Record</translation>
    </message>
    <message>
        <location line="+19"/>
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
        <location line="+12"/>
        <source>Unlocking</source>
        <translation>Låser upp</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Un&amp;lock</source>
        <translation>Lås &amp;upp</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+143"/>
        <source>Unlock the record</source>
        <translation>Lås upp registret</translation>
    </message>
    <message>
        <location line="-132"/>
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
        <location line="+41"/>
        <source>The recovery key is the 64 digits and letters A–F shown once when the record was created; dashes and spaces may be typed or left out. If it was split into shares, press “Use shares…” instead. Type the user name of an administrator, who then sets the users&apos; passwords again.</source>
        <translation>Återställningsnyckeln är de 64 siffrorna och bokstäverna A–F som visades en gång när registret skapades; bindestreck och mellanslag kan skrivas eller utelämnas. Om den har delats upp i delar trycker du i stället på ”Använd delar…”. Skriv användarnamnet för en administratör, som sedan sätter användarnas lösenord på nytt.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Use shar&amp;es…</source>
        <translation>Använd &amp;delar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock with shares of the recovery key</source>
        <translation>Lås upp med delar av återställningsnyckeln</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The recovery key was split into shares: type any of them that together open the record</source>
        <translation>Återställningsnyckeln har delats upp i delar: skriv in så många av dem som behövs för att öppna registret</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No record is chosen. Open a record, or create a new one.</source>
        <translation>Inget register är valt. Öppna ett register eller skapa ett nytt.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record: {path}</source>
        <translation>Register: {path}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>{path} (not found)</source>
        <translation>{path} (hittades inte)</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The record is locked. Unlock it to go on.</source>
        <translation>Registret är låst. Lås upp det för att fortsätta.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Unlocking the record…</source>
        <translation>Registret låses upp…</translation>
    </message>
    <message>
        <location line="+33"/>
        <location line="+25"/>
        <source>Choose a record first: open one, or create a new one.</source>
        <translation>Välj ett register först: öppna ett eller skapa ett nytt.</translation>
    </message>
    <message>
        <location line="-21"/>
        <source>Type your user name.</source>
        <translation>Skriv ditt användarnamn.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Type your password.</source>
        <translation>Skriv ditt lösenord.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Several wrong passwords were given for this user name, so Barnahus checks this one after a short wait ({n} s). Other users can sign in as usual.</source>
        <translation>Flera fel lösenord har angetts för det här användarnamnet, så Barnahus kontrollerar det här lösenordet efter en kort stund ({n} s). Andra användare kan logga in som vanligt.</translation>
    </message>
    <message>
        <location line="+45"/>
        <location line="+21"/>
        <source>Type your user name first.</source>
        <translation>Skriv ditt användarnamn först.</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Open a record</source>
        <translation>Öppna ett register</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Barnahus records (*.barnahus);;All files (*)</source>
        <translation>Barnahus-register (*.barnahus);;Alla filer (*)</translation>
    </message>
    <message>
        <location line="-311"/>
        <source>Recovery key</source>
        <translation>Återställningsnyckel</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Recovery &amp;key:</source>
        <translation>Återställningsnyc&amp;kel:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Show the key</source>
        <translation>&amp;Visa nyckeln</translation>
    </message>
    <message>
        <location line="+81"/>
        <source>Unlock the record with its recovery key</source>
        <translation>Lås upp registret med dess återställningsnyckel</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unlock with a password &amp;instead</source>
        <translation>Lås upp med lösenord &amp;i stället</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unlock with the recovery ke&amp;y…</source>
        <translation>Lås upp med åt&amp;erställningsnyckeln…</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Type a user name: an administrator&apos;s, to set the passwords again afterwards.</source>
        <translation>Skriv ett användarnamn: en administratörs, som sedan sätter lösenorden på nytt.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Type the recovery key.</source>
        <translation>Skriv återställningsnyckeln.</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../ui/documents/verify_dialog.py" line="+247"/>
        <source>Verify a document or bundle</source>
        <translation>Verifiera ett dokument eller paket</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Check a document that this record issued (a PDF or DOCX court summary), or a prosecutor bundle (its folder or its .zip). The check only reads the file; it changes nothing.</source>
        <translation>Kontrollera ett dokument som det här registret har utfärdat (en sammanställning för domstol som PDF eller DOCX) eller ett paket till åklagaren (dess mapp eller .zip-fil). Kontrollen läser bara filen; den ändrar ingenting.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Check a prosecutor bundle (its folder or its .zip): that every file in it is unaltered and that it carries the centre&apos;s signature. This needs no record. To check a single document against the register of issued documents, unlock the record first.</source>
        <translation>Kontrollera ett paket till åklagaren (dess mapp eller .zip-fil): att varje fil i det är oförändrad och att det bär centrets signatur. Det kräver inget register. Lås upp registret först om du vill kontrollera ett enskilt dokument mot dokumentregistret.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Trusted centre:</source>
        <translation>Betrott &amp;center:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>the CA fingerprint from the centre&apos;s letter, or a trust file</source>
        <translation>CA-fingeravtrycket från centrets brev, eller en fil med betrodda fingeravtryck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trusted centre: CA fingerprint or trust file</source>
        <translation>Betrott center: CA-fingeravtryck eller fil med betrodda fingeravtryck</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The fingerprint (SHA-256) of the centre&apos;s CA certificate, as the centre gave it to you by letter or phone, or a trust file with one line per centre: the fingerprint, then the centre&apos;s name. Remembered on this computer.</source>
        <translation>Fingeravtrycket (SHA-256) för centrets CA-certifikat, som centret har gett dig per brev eller telefon, eller en fil med betrodda fingeravtryck med en rad per center: fingeravtrycket och sedan centrets namn. Sparas på den här datorn.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Trust fi&amp;le…</source>
        <translation>Fil med &amp;betrodda fingeravtryck…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Drop a document or a bundle here</source>
        <translation>Släpp ett dokument eller ett paket här</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop a bundle folder or .zip here</source>
        <translation>Släpp en paketmapp eller .zip-fil här</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>or choose it:</source>
        <translation>eller välj det:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a &amp;file…</source>
        <translation>Välj en &amp;fil…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A document, or a bundle&apos;s .zip</source>
        <translation>Ett dokument eller ett pakets .zip-fil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose a f&amp;older…</source>
        <translation>Välj en &amp;mapp…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>A bundle&apos;s folder (the one holding bagit.txt)</source>
        <translation>Ett pakets mapp (den som innehåller bagit.txt)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Drop zone for the file to check</source>
        <translation>Släppyta för filen som ska kontrolleras</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Progress of the check</source>
        <translation>Kontrollens förlopp</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Stop</source>
        <translation>&amp;Stoppa</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>&amp;Passphrase of the zip:</source>
        <translation>Zip-filens &amp;lösenfras:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Passphrase of the zip</source>
        <translation>Zip-filens lösenfras</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check &amp;again</source>
        <translation>Kontrollera &amp;igen</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Documents and bundles (*.pdf *.docx *.zip);;All files (*)</source>
        <translation>Dokument och paket (*.pdf *.docx *.zip);;Alla filer (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundles (*.zip);;All files (*)</source>
        <translation>Paket (*.zip);;Alla filer (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the file to check</source>
        <translation>Välj filen som ska kontrolleras</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Choose the trust file</source>
        <translation>Välj filen med betrodda fingeravtryck</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text files (*.txt);;All files (*)</source>
        <translation>Textfiler (*.txt);;Alla filer (*)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Choose the bundle&apos;s folder</source>
        <translation>Välj paketets mapp</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+110"/>
        <location line="+9"/>
        <source>Checked: {path}</source>
        <translation>Kontrollerat: {path}</translation>
    </message>
    <message>
        <location line="-116"/>
        <source>Not found</source>
        <translation>Hittades inte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There is no file or folder at this place any more.</source>
        <translation>Det finns inte längre någon fil eller mapp på den här platsen.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Only bundles can be checked without the record</source>
        <translation>Utan registret kan bara paket kontrolleras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A single document is checked against the register of the record that issued it. Unlock the record, open the case and use Verify a file… on its Documents page.</source>
        <translation>Ett enskilt dokument kontrolleras mot dokumentregistret i det register som utfärdade det. Lås upp registret, öppna ärendet och använd Verifiera en fil… på sidan Dokument.</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Stopping…</source>
        <translation>Avbryter…</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Looking {name} up in the register of issued documents…</source>
        <translation>Söker efter {name} i dokumentregistret…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Checking every file of {name} against its SHA-256 and the signature…</source>
        <translation>Varje fil i {name} kontrolleras mot sin SHA-256 och signaturen…</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Stopped</source>
        <translation>Avbruten</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The check was stopped before it was finished; it says nothing about this bundle. Drop it again to check it.</source>
        <translation>Kontrollen avbröts innan den var klar; den säger ingenting om det här paketet. Släpp det igen för att kontrollera det.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The check could not be done</source>
        <translation>Kontrollen kunde inte göras</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{kind}, {format}</source>
        <translation>{kind}, {format}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The register could not be checked</source>
        <translation>Dokumentregistret kunde inte kontrolleras</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not confirmed by the audit trail</source>
        <translation>Inte bekräftat av loggen</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Its signed list of contents is the one this record issued on {date} by {user} (bundle {document}, case {case}, version {version}).</source>
        <translation>Dess signerade innehållsförteckning är den som det här registret utfärdade {date} av {user} (paket {document}, ärende {case}, version {version}).</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every file matches that list (see below).</source>
        <translation>Varje fil stämmer med förteckningen (se nedan).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Whether every file still matches that list is answered below.</source>
        <translation>Om varje fil fortfarande stämmer med förteckningen besvaras nedan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Registered: issued by this record</source>
        <translation>Registrerat: utfärdat av det här registret</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256 of its signed list: {sha}</source>
        <translation>SHA-256 för dess signerade förteckning: {sha}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>, pseudonymised</source>
        <translation>, pseudonymiserat</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Issued by this record, unaltered</source>
        <translation>Utfärdat av det här registret, oförändrat</translation>
    </message>
    <message>
        <location line="+62"/>
        <source>Signed as {signer} on {date}.</source>
        <translation>Signerat som {signer} {date}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bundle complete and unaltered</source>
        <translation>Paketet är fullständigt och oförändrat</translation>
    </message>
    <message>
        <location line="-89"/>
        <location line="+27"/>
        <source>SHA-256: {sha}</source>
        <translation>SHA-256: {sha}</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>MDT meeting {meeting}, {date}</source>
        <translation>teammöte {meeting}, {date}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>case {case}</source>
        <translation>ärende {case}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The register lists it as document {document} ({subject}), but the record&apos;s audit trail no longer confirms that it was issued: entries were removed or rewritten. Do not rely on it; ask the administrator to check the record.</source>
        <translation>Dokumentregistret anger det som dokument {document} ({subject}), men registrets logg bekräftar inte längre att det har utfärdats: poster har tagits bort eller skrivits om. Lita inte på det; be administratören att kontrollera registret.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Issued by this record on {date} by {user}, unaltered (document {document}, {subject}, version {version}).</source>
        <translation>Utfärdat av det här registret {date} av {user}, oförändrat (dokument {document}, {subject}, version {version}).</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Unknown or altered: this file was not issued by this record, or it was changed after it was issued.</source>
        <translation>Okänt eller ändrat: filen har inte utfärdats av det här registret, eller så har den ändrats efter att den utfärdades.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This folder is not a bundle as issued (it has no tagmanifest-sha256.txt); choose the folder that holds bagit.txt.</source>
        <translation>Den här mappen är inte ett paket som det utfärdades (den saknar tagmanifest-sha256.txt); välj mappen som innehåller bagit.txt.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Do not rely on it as the centre&apos;s document; ask for the copy the centre issued.</source>
        <translation>Lita inte på den som centrets dokument; be om den kopia som centret utfärdade.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SHA-256 of this file: {sha}</source>
        <translation>SHA-256 för den här filen: {sha}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Unknown or altered</source>
        <translation>Okänt eller ändrat</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+19"/>
        <source>NOT signed by a centre you trust</source>
        <translation>INTE signerat av ett center som du litar på</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>The signature could not be checked: {why}</source>
        <translation>Signaturen kunde inte kontrolleras: {why}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signed by {centre}, whose certificate matches your trusted fingerprint</source>
        <translation>Signerat av {centre}, vars certifikat stämmer med ditt betrodda fingeravtryck</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The centre&apos;s CA certificate in the file is the one whose fingerprint you trust, and its signature is valid.</source>
        <translation>Centrets CA-certifikat i filen är det vars fingeravtryck du litar på, och signaturen är giltig.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signature intact, but the signer is NOT verified</source>
        <translation>Signaturen är intakt, men signeraren är INTE verifierad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Anyone can sign with a certificate that bears the centre&apos;s name. Enter the CA fingerprint the centre gave you by letter or phone (or choose a trust file) above, and check again.</source>
        <translation>Vem som helst kan signera med ett certifikat som bär centrets namn. Ange ovan det CA-fingeravtryck som centret gav dig per brev eller telefon (eller välj en fil med betrodda fingeravtryck) och kontrollera igen.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>This zip is encrypted</source>
        <translation>Zip-filen är krypterad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Enter the passphrase the centre gave you by another channel, then choose Check again.</source>
        <translation>Skriv lösenfrasen som centret gav dig på annan väg och välj sedan Kontrollera igen.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The bundle could not be checked</source>
        <translation>Paketet kunde inte kontrolleras</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Compare the centre&apos;s CA fingerprint below with the one the centre gave you by another channel (letter, phone, its website). Only that comparison shows that the signature is the centre&apos;s.</source>
        <translation>Jämför centrets CA-fingeravtryck nedan med det som centret gav dig på annan väg (brev, telefon, centrets webbplats). Bara den jämförelsen visar att signaturen är centrets.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CA fingerprint (SHA-256):
{fp}</source>
        <translation>CA-fingeravtryck (SHA-256):
{fp}</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>All %n file(s) match the bundle&apos;s signed list of SHA-256 hashes.</source>
        <translation>
            <numerusform>%n fil stämmer med paketets signerade lista över SHA-256-hashar.</numerusform>
            <numerusform>Alla %n filer stämmer med paketets signerade lista över SHA-256-hashar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>Bundle changed or incomplete: %n problem(s)</source>
        <translation>
            <numerusform>Paketet är ändrat eller ofullständigt: %n problem</numerusform>
            <numerusform>Paketet är ändrat eller ofullständigt: %n problem</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Each problem names the file it is about:</source>
        <translation>Varje problem anger vilken fil det gäller:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Signer named in the bundle: {signer}</source>
        <translation>Signerare som anges i paketet: {signer}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No valid signer could be read from the bundle.</source>
        <translation>Ingen giltig signerare kunde läsas ur paketet.</translation>
    </message>
</context>
<context>
    <name>VocabWidgets</name>
    <message>
        <location filename="../../ui/common/vocab_widgets.py" line="+40"/>
        <source>(no longer offered)</source>
        <translation>(erbjuds inte längre)</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/shell/first_run.py" line="-84"/>
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
2.  Choose your centre&apos;s time zone, name the centre and create the administrator&apos;s account.
3.  Keep the recovery key safe: print it, or save it to a USB stick.</source>
        <translation>1.  Välj var registret ska förvaras.
2.  Välj ert centrums tidszon, ge centret ett namn och skapa administratörens konto.
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
    <name>ZonePage</name>
    <message>
        <location line="+95"/>
        <source>Your centre&apos;s time zone</source>
        <translation>Ert centrums tidszon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interviews are planned in this time zone, and every time on screen, in documents and in exports is shown in it, whatever this computer&apos;s clock is set to.</source>
        <translation>Barnförhör planeras i den här tidszonen, och alla tider på skärmen, i dokument och i exporter visas i den, oavsett vad den här datorns klocka är inställd på.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Time zone:</source>
        <translation>&amp;Tidszon:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Type part of the name of a city in the zone, e.g. Stockholm. An administrator can change it later (Administration, Record settings).</source>
        <translation>Skriv en del av namnet på en stad i zonen, t.ex. Stockholm. En administratör kan ändra den senare (Administration, Registrets inställningar).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The centre&apos;s time zone</source>
        <translation>Centrets tidszon</translation>
    </message>
</context>
<context>
    <name>_AgencySection</name>
    <message>
        <location filename="../../ui/today/panel.py" line="-885"/>
        <source>Actions of outside agencies and referrals past their date, in the cases you lead.</source>
        <translation>Andra myndigheters åtgärder och remisser vars datum har passerat, i ärenden du är ansvarig för.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+7"/>
        <source>Overdue with other age&amp;ncies</source>
        <translation>Försenat hos andra &amp;myndigheter</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Overdue with other age&amp;ncies ({n})</source>
        <translation>Försenat hos andra &amp;myndigheter ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No other agency is late with an action or a referral in the cases you lead.</source>
        <translation>Ingen annan myndighet är sen med en åtgärd eller remiss i ärenden du är ansvarig för.</translation>
    </message>
</context>
<context>
    <name>_BookingDialog</name>
    <message>
        <location filename="../../ui/medical/dialogs.py" line="-251"/>
        <source>Not booked. Change the time, the room or the examiner, or book again and give your reasons.</source>
        <translation>Inte bokad. Ändra tiden, rummet eller undersökaren, eller boka igen och ange dina skäl.</translation>
    </message>
</context>
<context>
    <name>_BreakRow</name>
    <message>
        <location filename="../../ui/interviews/held_dialog.py" line="-98"/>
        <source>Remo&amp;ve</source>
        <translation>Ta &amp;bort</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from</source>
        <translation>från</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>to</source>
        <translation>till</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Break %1 from</source>
        <translation>Paus %1 från</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Break %1 to</source>
        <translation>Paus %1 till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove break %1</source>
        <translation>Ta bort paus %1</translation>
    </message>
</context>
<context>
    <name>_CaFileDialog</name>
    <message>
        <location filename="../../ui/admin/panel.py" line="+108"/>
        <source>CA &amp;file:</source>
        <translation>CA-&amp;fil:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>CA file for the centre&apos;s safe</source>
        <translation>CA-fil för centrets kassaskåp</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A new file, for example on a USB stick that goes into the safe.</source>
        <translation>En ny fil, till exempel på ett USB-minne som läggs i kassaskåpet.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pass&amp;phrase of the CA file:</source>
        <translation>CA-filens &amp;lösenfras:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase of the CA file</source>
        <translation>CA-filens lösenfras</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>At least {n} characters. Keep it apart from the file: in a sealed envelope in the safe, or with another person.</source>
        <translation>Minst {n} tecken. Förvara den skild från filen: i ett förseglat kuvert i kassaskåpet, eller hos en annan person.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Passphrase &amp;again:</source>
        <translation>Lösenfrasen &amp;igen:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Passphrase again</source>
        <translation>Lösenfrasen igen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save the CA file</source>
        <translation>Spara CA-filen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PKCS#12 files (*.p12);;All files (*)</source>
        <translation>PKCS#12-filer (*.p12);;Alla filer (*)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Choose where to save the CA file.</source>
        <translation>Välj var CA-filen ska sparas.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two passphrases are not the same. Type them again.</source>
        <translation>De två lösenfraserna är inte likadana. Skriv dem igen.</translation>
    </message>
</context>
<context>
    <name>_CoreDialog</name>
    <message>
        <location filename="../../ui/admin/core_dialog.py" line="+54"/>
        <source>&amp;Password:</source>
        <translation>&amp;Lösenord:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>At least {n} characters. A few unrelated words are easy to remember and hard to guess.</source>
        <translation>Minst {n} tecken. Några ord som inte hör ihop är lätta att komma ihåg och svåra att gissa.</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Password &amp;again:</source>
        <translation>Lösenordet &amp;igen:</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Your &amp;password:</source>
        <translation>Ditt &amp;lösenord:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Your password</source>
        <translation>Ditt lösenord</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The two passwords are not the same. Type them again.</source>
        <translation>De två lösenorden är inte likadana. Skriv dem igen.</translation>
    </message>
</context>
<context>
    <name>_GoalFields</name>
    <message>
        <location filename="../../ui/psychosocial/dialogs.py" line="+117"/>
        <source>Not a colleague</source>
        <translation>Ingen kollega</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Who &amp;helps:</source>
        <translation>&amp;Vem hjälper:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Who helps</source>
        <translation>Vem hjälper</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Or by name:</source>
        <translation>Eller med &amp;namn:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Someone outside the centre, e.g. the school&apos;s counsellor.</source>
        <translation>Någon utanför centret, t.ex. skolkuratorn.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Who helps, by name</source>
        <translation>Vem som hjälper, med namn</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No review date</source>
        <translation>Inget uppföljningsdatum</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Re&amp;view on:</source>
        <translation>&amp;Uppföljning den:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A follow-up reminder on that day.</source>
        <translation>En påminnelse om uppföljning den dagen.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Review on</source>
        <translation>Uppföljning den</translation>
    </message>
</context>
<context>
    <name>_JusticeSection</name>
    <message numerus="yes">
        <location filename="../../ui/today/panel.py" line="+94"/>
        <source>Waiting %n month(s)</source>
        <translation>
            <numerusform>Väntat %n månad</numerusform>
            <numerusform>Väntat %n månader</numerusform>
        </translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hearings in the next {n} days, decisions awaited, release dates to tell the family of, compensation deadlines.</source>
        <translation>Förhandlingar de närmaste {n} dagarna, beslut som väntas, frigivningar att underrätta familjen om, sista dagar för ersättning.</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+8"/>
        <source>Justice</source>
        <translation>Rättsprocess</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Justice ({n})</source>
        <translation>Rättsprocess ({n})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No hearing in the next {n} days, no decision awaited, no release date or compensation deadline to follow.</source>
        <translation>Ingen förhandling de närmaste {n} dagarna, inget beslut som väntas, ingen frigivning eller sista dag för ersättning att följa.</translation>
    </message>
</context>
<context>
    <name>_Labels</name>
    <message>
        <location filename="../../ui/interviews/shared.py" line="+52"/>
        <source>Planned</source>
        <translation>Planerat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Held</source>
        <translation>Genomfört</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not held: the child chose not to take part</source>
        <translation>Inte genomfört: barnet valde att inte delta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancelled</source>
        <translation>Inställt</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not asked yet</source>
        <translation>Inte tillfrågat ännu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Chose to take part</source>
        <translation>Valde att delta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chose not to take part</source>
        <translation>Valde att inte delta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Room already booked</source>
        <translation>Rummet är redan bokat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Staff member already booked</source>
        <translation>Medarbetaren är redan bokad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No-contact: these persons must never meet</source>
        <translation>Kontaktförbud: dessa personer får aldrig mötas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The child testifies once</source>
        <translation>Barnet ska bara höras en gång</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Held far from the planned time</source>
        <translation>Genomfört långt från den planerade tiden</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not checked yet</source>
        <translation>Inte kontrollerad ännu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unaltered</source>
        <translation>Oförändrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FAILED: contents differ</source>
        <translation>UNDERKÄND: innehållet har ändrats</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FAILED: file not found</source>
        <translation>UNDERKÄND: filen hittades inte</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <source>Destroyed</source>
        <translation>Förstörd</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Acquired</source>
        <translation>Inhämtad</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copied to</source>
        <translation>Kopierad till</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed to police</source>
        <translation>Överlämnad till polisen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed to prosecution</source>
        <translation>Överlämnad till åklagaren</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Handed to court</source>
        <translation>Överlämnad till domstolen</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Viewed</source>
        <translation>Uppspelad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Returned</source>
        <translation>Återlämnad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Fixity check: unaltered</source>
        <translation>Innehållskontroll: oförändrad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FIXITY CHECK FAILED: contents differ</source>
        <translation>LARM: innehållet har ändrats</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>FIXITY CHECK FAILED: file not found</source>
        <translation>LARM: filen hittades inte</translation>
    </message>
</context>
<context>
    <name>_Legend</name>
    <message>
        <location filename="../../ui/calendar/panel.py" line="-98"/>
        <source>Legend: planned bookings are outlined; held ones are filled grey with a check mark; not held ones are hatched with a dashed border and a cross.</source>
        <translation>Teckenförklaring: planerade bokningar har en ram; genomförda är grå med en bock; inte genomförda är skrafferade med streckad ram och ett kryss.</translation>
    </message>
</context>
<context>
    <name>_MineSection</name>
    <message>
        <location filename="../../ui/today/panel.py" line="-329"/>
        <source>My interviews</source>
        <translation>Mina barnförhör</translation>
    </message>
    <message>
        <location line="+13"/>
        <location line="+17"/>
        <source>My &amp;interviews</source>
        <translation>Mina &amp;barnförhör</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>My &amp;interviews ({coming} coming, {notes} without notes)</source>
        <translation>Mina &amp;barnförhör ({coming} kommande, {notes} utan anteckningar)</translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>No interviews of yours in the next %n day(s), and no notes waiting.</source>
        <translation>
            <numerusform>Inga barnförhör för dig det närmaste dygnet, och inga anteckningar som väntar.</numerusform>
            <numerusform>Inga barnförhör för dig de närmaste %n dagarna, och inga anteckningar som väntar.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_MissedSection</name>
    <message numerus="yes">
        <location line="+357"/>
        <source>Missed in the last %n day(s), with no session attended since.</source>
        <translation>
            <numerusform>Uteblev den senaste %n dagen, utan någon genomförd session sedan dess.</numerusform>
            <numerusform>Uteblev de senaste %n dagarna, utan någon genomförd session sedan dess.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+7"/>
        <source>Missed sessions</source>
        <translation>Uteblivna sessioner</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Loading…</source>
        <translation>Läser in…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missed sessions ({n})</source>
        <translation>Uteblivna sessioner ({n})</translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>No session missed in the last %n day(s) is waiting for a follow-up.</source>
        <translation>
            <numerusform>Ingen session som uteblev den senaste %n dagen väntar på uppföljning.</numerusform>
            <numerusform>Ingen session som uteblev de senaste %n dagarna väntar på uppföljning.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>_OpenPkcs12Dialog</name>
    <message>
        <location filename="../../ui/admin/panel.py" line="-79"/>
        <source>PKCS#12 files (*.p12 *.pfx);;All files (*)</source>
        <translation>PKCS#12-filer (*.p12 *.pfx);;Alla filer (*)</translation>
    </message>
</context>
<context>
    <name>_PathRow</name>
    <message>
        <location filename="../../ui/common/field_widgets.py" line="+256"/>
        <source>&amp;Browse…</source>
        <translation>&amp;Bläddra…</translation>
    </message>
</context>
<context>
    <name>_RoomLegend</name>
    <message>
        <location filename="../../ui/calendar/panel.py" line="+48"/>
        <source>Rooms: {rooms}</source>
        <translation>Rum: {rooms}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{number}: {room}</source>
        <translation>{number}: {room}</translation>
    </message>
</context>
<context>
    <name>_Section</name>
    <message>
        <location filename="../../ui/today/panel.py" line="-609"/>
        <source>Reminders never expire: each stays here until someone completes, declines or snoozes it.</source>
        <translation>Påminnelser upphör aldrig av sig själva: var och en står kvar här tills någon slutför, avböjer eller skjuter upp den.</translation>
    </message>
    <message>
        <location line="+48"/>
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
