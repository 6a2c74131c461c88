<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ro">
<context>
    <name>AboutDialog</name>
    <message>
        <source>installed program</source>
        <translation>program instalat</translation>
    </message>
    <message>
        <source>Python package</source>
        <translation>pachet Python</translation>
    </message>
    <message>
        <source>source code (developer copy)</source>
        <translation>cod sursă (copie pentru dezvoltatori)</translation>
    </message>
    <message>
        <source>About Kiosk</source>
        <translation>Despre Kiosk</translation>
    </message>
    <message>
        <source>Version {version} ({kind})</source>
        <translation>Versiunea {version} ({kind})</translation>
    </message>
    <message>
        <source>Offline check-in and badge printing for the registration desk of a conference.</source>
        <translation>Înregistrare fără internet și tipărire de ecusoane pentru biroul de înregistrare al unei conferințe.</translation>
    </message>
    <message>
        <source>Where this computer keeps Kiosk&apos;s files</source>
        <translation>Unde păstrează acest calculator fișierele Kiosk</translation>
    </message>
    <message>
        <source>Event data:</source>
        <translation>Datele evenimentelor:</translation>
    </message>
    <message>
        <source>Event database:</source>
        <translation>Baza de date a evenimentului:</translation>
    </message>
    <message>
        <source>Logs:</source>
        <translation>Jurnale:</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>Setări:</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Deschide dosarul</translation>
    </message>
    <message>
        <source>Python {python} · Qt {qt} · {system}. Free software under the GNU General Public License, version 3 or later. Fonts: Noto Sans (SIL Open Font License).</source>
        <translation>Python {python} · Qt {qt} · {system}. Software liber sub GNU General Public License, versiunea 3 sau ulterioară. Fonturi: Noto Sans (SIL Open Font License).</translation>
    </message>
</context>
<context>
    <name>AccessBar</name>
    <message>
        <source>No speech</source>
        <extracomment>Text sizes the &quot;A+&quot; button steps through (1.0 is the normal size). Seconds the &quot;more time?&quot; prompt waits before the kiosk starts over (WCAG 2.2.1 asks for at least 20 seconds to answer such a warning). Below this width the headphones sentence would wrap into a tall column that takes the screens&apos; room: it goes under the buttons instead.</extracomment>
        <translation>Fără voce</translation>
    </message>
    <message>
        <source>This kiosk has no voice installed — ask the staff.</source>
        <translation>Acest chioșc nu are o voce instalată — întrebați personalul.</translation>
    </message>
    <message>
        <source>Speak</source>
        <translation>Citire cu voce</translation>
    </message>
    <message>
        <source>Read the screen aloud (F1 or * on the keypad)</source>
        <translation>Citește ecranul cu voce tare (F1 sau * pe tastatura numerică)</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>A+</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Text mai mare</translation>
    </message>
    <message>
        <source>Larger text (F3 or + on the keypad)</source>
        <translation>Text mai mare (F3 sau + pe tastatura numerică)</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Contrast ridicat</translation>
    </message>
    <message>
        <source>Headphones: plug them in, then touch Speak or press * on the keypad.</source>
        <translation>Căști: conectați-le, apoi atingeți „Citire cu voce” sau apăsați * pe tastatura numerică.</translation>
    </message>
</context>
<context>
    <name>Accessibility</name>
    <message>
        <source>{table}: column headers</source>
        <extracomment>The last announcements (newest last): what a screen reader was asked to say.</extracomment>
        <translation>{table}: antetele coloanelor</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Golește căutarea</translation>
    </message>
</context>
<context>
    <name>ArrivalsChart</name>
    <message>
        <source>No arrivals yet</source>
        <translation>Încă nicio sosire</translation>
    </message>
</context>
<context>
    <name>BadgeSettingsDialog</name>
    <message>
        <source>Sending a test page…</source>
        <translation>Se trimite o pagină de test…</translation>
    </message>
    <message>
        <source>Drawing the badge…</source>
        <translation>Se desenează ecusonul…</translation>
    </message>
    <message>
        <source>No preview: {problem}</source>
        <translation>Fără previzualizare: {problem}</translation>
    </message>
    <message numerus="yes">
        <source>%n printer(s) found.</source>
        <translation>
            <numerusform>%n imprimantă găsită.</numerusform>
            <numerusform>%n imprimante găsite.</numerusform>
            <numerusform>%n de imprimante găsite.</numerusform>
        </translation>
    </message>
    <message>
        <source>ESC/POS printers need ?profile=… (e.g. TM-T20II).</source>
        <translation>Imprimantele ESC/POS necesită ?profile=… (ex. TM-T20II).</translation>
    </message>
    <message>
        <source>Test page not printed: {problem}</source>
        <translation>Pagina de test nu a fost tipărită: {problem}</translation>
    </message>
    <message>
        <source>Test page sent to {uri}.</source>
        <translation>Pagina de test a fost trimisă la {uri}.</translation>
    </message>
    <message>
        <source>Badges and printer</source>
        <translation>Ecusoane și imprimantă</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Imprimantă</translation>
    </message>
    <message>
        <source>Badge</source>
        <translation>Ecuson</translation>
    </message>
    <message>
        <source>Print automatically</source>
        <translation>Tipărire automată</translation>
    </message>
    <message>
        <source>e.g. escpos+tcp://192.168.1.50:9100?profile=TM-T20II</source>
        <translation>ex. escpos+tcp://192.168.1.50:9100?profile=TM-T20II</translation>
    </message>
    <message>
        <source>Find printers</source>
        <translation>Caută imprimante</translation>
    </message>
    <message>
        <source>Test page</source>
        <translation>Pagină de test</translation>
    </message>
    <message>
        <source>Never (print from the details)</source>
        <translation>Niciodată (tipărire din Detalii)</translation>
    </message>
    <message>
        <source>On the first admission of the event</source>
        <translation>La prima intrare la eveniment</translation>
    </message>
    <message>
        <source>On every admission</source>
        <translation>La fiecare intrare</translation>
    </message>
    <message>
        <source>Then the person&apos;s B2B meetings of the day, if any</source>
        <translation>Apoi întâlnirile B2B ale persoanei din ziua respectivă, dacă are</translation>
    </message>
    <message>
        <source>The preview shows the attendee with the longest name, so you can see how long names fit.</source>
        <translation>Previzualizarea arată participantul cu cel mai lung nume, ca să vedeți cum încap numele lungi.</translation>
    </message>
</context>
<context>
    <name>BadgeTemplates</name>
    <message>
        <source>A4 sheet of 10 CR80 badges (2 × 5, 85.6 × 54 mm), crop marks, for card-size badge holders</source>
        <translation>Coală A4 cu 10 ecusoane CR80 (2 × 5, 85,6 × 54 mm), cu semne de tăiere, pentru suporturi de mărimea unui card</translation>
    </message>
    <message>
        <source>A6 portrait card (105 × 148 mm) for office or card printers, 300 dpi, colour</source>
        <translation>Card A6 vertical (105 × 148 mm) pentru imprimante de birou sau de carduri, 300 dpi, color</translation>
    </message>
    <message>
        <source>Brother QL, 62 mm endless label (DK-22205): 696 dots at 300 dpi, 1-bit</source>
        <translation>Brother QL, etichetă continuă de 62 mm (DK-22205): 696 de puncte la 300 dpi, alb-negru</translation>
    </message>
    <message>
        <source>CR80 card (85.6 × 54 mm, credit-card size) for card printers and card-size badge holders, 300 dpi, colour</source>
        <translation>Card CR80 (85,6 × 54 mm, mărimea unui card bancar) pentru imprimante de carduri și suporturi de mărimea unui card, 300 dpi, color</translation>
    </message>
    <message>
        <source>4 × 3 in badge insert, landscape (Avery 5392 and most badge holders; Zebra 4×3 labels), 300 dpi, colour</source>
        <translation>Inserție de ecuson 4 × 3 in, orizontală (Avery 5392 și majoritatea suporturilor de ecuson; etichete Zebra 4×3), 300 dpi, color</translation>
    </message>
    <message>
        <source>Letter sheet of 6 badges 4 × 3 in (2 × 3), Avery 5392 / 5390-style perforated inserts</source>
        <translation>Coală Letter cu 6 ecusoane 4 × 3 in (2 × 3), inserții perforate de tip Avery 5392 / 5390</translation>
    </message>
    <message>
        <source>58 mm thermal roll (compact receipt printers): 384 dots at 203 dpi</source>
        <translation>Rolă termică de 58 mm (imprimante compacte de bonuri): 384 de puncte la 203 dpi</translation>
    </message>
    <message>
        <source>80 mm thermal roll on the Epson TM-T88 family: 512 dots at 180 dpi</source>
        <translation>Rolă termică de 80 mm pentru imprimantele Epson TM-T88: 512 puncte la 180 dpi</translation>
    </message>
    <message>
        <source>80 mm thermal roll (Epson TM-T20, TM-m30, Star TSP100…): 576 dots at 203 dpi</source>
        <translation>Rolă termică de 80 mm (Epson TM-T20, TM-m30, Star TSP100…): 576 de puncte la 203 dpi</translation>
    </message>
</context>
<context>
    <name>BadgesPdfDialog</name>
    <message>
        <source>Choose the PDF file to write.</source>
        <extracomment>A PDF was written (BadgesWritten): the window may say so in its status bar.</extracomment>
        <translation>Alegeți fișierul PDF în care se scrie.</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist: choose another.</source>
        <translation>Dosarul {folder} nu există: alegeți altul.</translation>
    </message>
    <message>
        <source>{path} is a folder: give a file name.</source>
        <translation>{path} este un dosar: dați un nume de fișier.</translation>
    </message>
    <message>
        <source>There is no sheet template to draw on.</source>
        <translation>Nu există niciun șablon de coală pe care să se deseneze ecusoanele.</translation>
    </message>
    <message>
        <source>Badges PDF</source>
        <translation>Ecusoane în PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fișiere PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Reading who gets a badge…</source>
        <translation>Se caută cine primește ecuson…</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>Înlocuiți fișierul?</translation>
    </message>
    <message>
        <source>{name} already exists in {folder}. Replace it?</source>
        <translation>{name} există deja în {folder}. Îl înlocuiți?</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anulare</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Se anulează…</translation>
    </message>
    <message>
        <source>Drawing badge {done} of {total}…</source>
        <translation>Se desenează ecusonul {done} din {total}…</translation>
    </message>
    <message numerus="yes">
        <source>Wrote %n badge(s)</source>
        <translation>
            <numerusform>S-a scris %n ecuson</numerusform>
            <numerusform>S-au scris %n ecusoane</numerusform>
            <numerusform>S-au scris %n de ecusoane</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>on %n page(s) to {path}.</source>
        <translation>
            <numerusform>pe %n pagină în {path}.</numerusform>
            <numerusform>pe %n pagini în {path}.</numerusform>
            <numerusform>pe %n de pagini în {path}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Anulat: nu s-a scris niciun fișier.</translation>
    </message>
    <message>
        <source>The badges were not written: {problem}</source>
        <translation>Ecusoanele nu au fost scrise: {problem}</translation>
    </message>
    <message>
        <source>Badges on sheets for an office printer, to cut and hand out. The desk keeps checking in while they are drawn.</source>
        <translation>Ecusoane pe coli pentru o imprimantă de birou, de tăiat și de înmânat. Recepția continuă check-in-ul cât timp se desenează ecusoanele.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Persoane</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Coală</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Ordine</translation>
    </message>
    <message>
        <source>PDF file</source>
        <translation>Fișier PDF</translation>
    </message>
    <message>
        <source>Everyone registered</source>
        <translation>Toți cei înscriși</translation>
    </message>
    <message>
        <source>Expected on {list}</source>
        <translation>Așteptați: {list}</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nume</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organizație</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Țară</translation>
    </message>
    <message>
        <source>Ticket code</source>
        <translation>Cod bilet</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Alegeți…</translation>
    </message>
    <message>
        <source>Write PDF</source>
        <translation>Scrie PDF</translation>
    </message>
    <message>
        <source>People on a list are those its check-in would admit: registered for its day and in one of its categories.</source>
        <translation>Pe o listă sunt cei pe care check-in-ul ei i-ar admite: înscriși pentru ziua ei și într-una dintre categoriile ei.</translation>
    </message>
</context>
<context>
    <name>CameraView</name>
    <message>
        <source>No camera found — use the USB scanner or search by name</source>
        <translation>Nicio cameră găsită — folosiți scanerul USB sau căutați după nume</translation>
    </message>
    <message>
        <source>Starting camera…</source>
        <translation>Se pornește camera…</translation>
    </message>
    <message>
        <source>Point the QR code at the camera</source>
        <translation>Îndreptați codul QR spre cameră</translation>
    </message>
    <message>
        <source>The camera does not work: %1</source>
        <translation>Camera nu funcționează: %1</translation>
    </message>
    <message>
        <source>The camera is off</source>
        <translation>Camera este oprită</translation>
    </message>
    <message>
        <source>Stop camera</source>
        <translation>Oprește camera</translation>
    </message>
    <message>
        <source>Start camera</source>
        <translation>Pornește camera</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cameră</translation>
    </message>
</context>
<context>
    <name>ConfirmScreen</name>
    <message>
        <source>Is this you?</source>
        <translation>Dumneavoastră sunteți?</translation>
    </message>
    <message>
        <source>Yes, check me in</source>
        <translation>Da, faceți-mi check-in</translation>
    </message>
    <message>
        <source>No, go back</source>
        <translation>Nu, înapoi</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>At two kiosks</source>
        <translation>La două chioșcuri</translation>
    </message>
    <message>
        <source>Twice at one kiosk</source>
        <translation>De două ori la același chioșc</translation>
    </message>
    <message>
        <source>counts</source>
        <translation>contează</translation>
    </message>
    <message>
        <source>duplicate</source>
        <translation>dublură</translation>
    </message>
    <message>
        <source>No conflicts: no one was admitted twice.</source>
        <translation>Niciun conflict: nimeni nu a fost admis de două ori.</translation>
    </message>
    <message numerus="yes">
        <source>%n people were admitted more than once. The earliest admission counts; the others are kept so staff can see whether a ticket was shared.</source>
        <translation>
            <numerusform>%n persoană a fost admisă de mai multe ori. Contează prima admitere; celelalte se păstrează ca personalul să vadă dacă biletul a fost împrumutat.</numerusform>
            <numerusform>%n persoane au fost admise de mai multe ori. Contează prima admitere; celelalte se păstrează ca personalul să vadă dacă biletul a fost împrumutat.</numerusform>
            <numerusform>%n de persoane au fost admise de mai multe ori. Contează prima admitere; celelalte se păstrează ca personalul să vadă dacă biletul a fost împrumutat.</numerusform>
        </translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Conflicte</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nume</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Cod</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Listă</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Unde</translation>
    </message>
    <message>
        <source>Admissions</source>
        <translation>Admiteri</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Reîmprospătează</translation>
    </message>
</context>
<context>
    <name>DeskKeys</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Comenzi rapide de la tastatură</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Contrast ridicat</translation>
    </message>
    <message>
        <source>Choose the check-in list</source>
        <translation>Alegerea listei de acces</translation>
    </message>
    <message>
        <source>Entry mode</source>
        <translation>Mod „Intrare”</translation>
    </message>
    <message>
        <source>Exit mode</source>
        <translation>Mod „Ieșire”</translation>
    </message>
    <message>
        <source>Rename this kiosk</source>
        <translation>Redenumirea acestui chioșc</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>Coadă de tipărire</translation>
    </message>
    <message>
        <source>Camera on or off</source>
        <translation>Camera pornită sau oprită</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Limbă</translation>
    </message>
    <message>
        <source>Sound on or off</source>
        <translation>Sunet pornit sau oprit</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Meniu</translation>
    </message>
    <message>
        <source>Sync with other kiosks</source>
        <translation>Sincronizare cu alte chioșcuri</translation>
    </message>
    <message>
        <source>Import registrations</source>
        <translation>Import de înregistrări</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapoarte</translation>
    </message>
    <message>
        <source>Badges and printer</source>
        <translation>Ecusoane și imprimantă</translation>
    </message>
    <message>
        <source>Search</source>
        <extracomment>Shortcuts the window had before this table (documented with it).</extracomment>
        <translation>Căutare</translation>
    </message>
    <message>
        <source>Register a walk-in</source>
        <translation>Înregistrare la fața locului</translation>
    </message>
    <message>
        <source>Undo the last check-in</source>
        <translation>Anularea ultimului check-in</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Golește căutarea</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Închidere</translation>
    </message>
    <message>
        <source>Keyboard shortcuts…</source>
        <translation>Comenzi rapide de la tastatură…</translation>
    </message>
    <message>
        <source>{what} ({keys})</source>
        <translation>{what} ({keys})</translation>
    </message>
</context>
<context>
    <name>DeskScreen</name>
    <message>
        <source>Nothing for “{query}” — showing results for “{other}” (keyboard layout)</source>
        <translation>Nimic pentru „{query}” — se afișează rezultatele pentru „{other}” (aranjament de tastatură)</translation>
    </message>
    <message>
        <source>Enter records the exit of the highlighted person · ↓ moves to the list</source>
        <translation>Enter înregistrează ieșirea persoanei selectate · ↓ trece la listă</translation>
    </message>
    <message>
        <source>Enter checks in the highlighted person · ↓ moves to the list</source>
        <translation>Enter face check-in persoanei selectate · ↓ trece la listă</translation>
    </message>
    <message>
        <source>Nobody matches “{query}”. Register a walk-in with F2.</source>
        <translation>Niciun rezultat pentru „{query}”. Înregistrare la fața locului cu F2.</translation>
    </message>
    <message numerus="yes">
        <source>%n people found</source>
        <translation>
            <numerusform>%n persoană găsită</numerusform>
            <numerusform>%n persoane găsite</numerusform>
            <numerusform>%n de persoane găsite</numerusform>
        </translation>
    </message>
    <message>
        <source>Search by name, organisation, e-mail or code (Ctrl+F)</source>
        <translation>Căutare după nume, organizație, e-mail sau cod (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search attendees</source>
        <translation>Căutare participanți</translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation>Golește căutarea</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Persoane găsite</translation>
    </message>
    <message>
        <source>Check in (Enter)</source>
        <translation>Check-in (Enter)</translation>
    </message>
    <message>
        <source>Record exit (Enter)</source>
        <translation>Înregistrează ieșirea (Enter)</translation>
    </message>
    <message>
        <source>Details…</source>
        <translation>Detalii…</translation>
    </message>
    <message>
        <source>Walk-in… (F2)</source>
        <translation>Înregistrare la fața locului… (F2)</translation>
    </message>
    <message>
        <source>Undo last (Ctrl+Z)</source>
        <translation>Anulează ultimul check-in (Ctrl+Z)</translation>
    </message>
</context>
<context>
    <name>EditPersonDialog</name>
    <message>
        <source>Correct {name}</source>
        <translation>Corectare: {name}</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prenume</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nume</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organizație</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Note shown at check-in</source>
        <translation>Notă afișată la înregistrare</translation>
    </message>
    <message>
        <source>Needs attention at check-in</source>
        <translation>Necesită atenție la înregistrare</translation>
    </message>
    <message>
        <source>Changes are logged and reach the other kiosks with the next sync.</source>
        <translation>Modificările sunt înregistrate în jurnal și ajung la celelalte chioșcuri la următoarea sincronizare.</translation>
    </message>
</context>
<context>
    <name>FindScreen</name>
    <message>
        <source>Type your last name in full.</source>
        <translation>Scrieți numele de familie complet.</translation>
    </message>
    <message>
        <source>Type your whole last name, as on your registration. For your privacy, names appear only then. Not found? Ask at the registration desk.</source>
        <translation>Scrieți numele de familie întreg, ca la înregistrare. Pentru confidențialitate, numele apar doar atunci. Nu vă găsiți? Întrebați la ghișeul de înregistrare.</translation>
    </message>
    <message>
        <source>Touch your name.</source>
        <translation>Atingeți-vă numele.</translation>
    </message>
    <message>
        <source>Find me by name</source>
        <translation>Găsiți-mă după nume</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Înapoi</translation>
    </message>
    <message>
        <source>Show the keyboard</source>
        <translation>Arată tastatura</translation>
    </message>
    <message>
        <source>Your last name</source>
        <translation>Numele de familie</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Persoane găsite</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>Give the event a name.</source>
        <translation>Introduceți numele evenimentului.</translation>
    </message>
    <message>
        <source>Choose the venue&apos;s time zone: days and times are counted in it.</source>
        <translation>Alegeți fusul orar al locului evenimentului: zilele și orele se socotesc în el.</translation>
    </message>
    <message>
        <source>Unknown time zone “{tz}”. Use a name like Europe/Sofia.</source>
        <translation>Fus orar necunoscut: „{tz}”. Folosiți un nume de tipul Europe/Bucharest.</translation>
    </message>
    <message>
        <source>Open an event database</source>
        <translation>Deschidere bază de date a evenimentului</translation>
    </message>
    <message>
        <source>Kiosk event (*.db);;All files (*)</source>
        <translation>Eveniment Kiosk (*.db);;Toate fișierele (*)</translation>
    </message>
    <message>
        <source>Kiosk cannot tell this computer&apos;s time zone: type the venue&apos;s, e.g. Europe/Sofia or Europe/Bucharest. Days and times are counted in it.</source>
        <translation>Kiosk nu poate afla fusul orar al acestui calculator: scrieți-l pe cel al locului evenimentului, de ex. Europe/Sofia sau Europe/Bucharest. Zilele și orele se socotesc în el.</translation>
    </message>
    <message>
        <source>It is now {time} on {day} in {tz}.</source>
        <translation>Acum este ora {time}, {day}, în {tz}.</translation>
    </message>
    <message>
        <source>This computer is set to UTC: if the venue is elsewhere, type its time zone (e.g. Europe/Sofia).</source>
        <translation>Acest calculator este setat pe UTC: dacă evenimentul are loc în altă parte, scrieți fusul orar al locului (de ex. Europe/Sofia).</translation>
    </message>
    <message>
        <source>This is this computer&apos;s time zone; change it if the venue is elsewhere.</source>
        <translation>Acesta este fusul orar al acestui calculator; schimbați-l dacă evenimentul are loc în altă parte.</translation>
    </message>
    <message>
        <source>Welcome to Kiosk</source>
        <translation>Bun venit în Kiosk</translation>
    </message>
    <message>
        <source>There is no event on this computer yet ({path}). Create the event, then import the registrations from the Menu; or open the demo event to try the desk.</source>
        <translation>Pe acest calculator nu există încă niciun eveniment ({path}). Creați evenimentul, apoi importați înregistrările din Meniu; sau deschideți evenimentul demonstrativ pentru a încerca ghișeul.</translation>
    </message>
    <message>
        <source>CREATE AN EVENT</source>
        <translation>CREARE EVENIMENT</translation>
    </message>
    <message>
        <source>Event name</source>
        <translation>Numele evenimentului</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>Prima zi</translation>
    </message>
    <message>
        <source>Number of days</source>
        <translation>Număr de zile</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>Fus orar</translation>
    </message>
    <message>
        <source>e.g. BG-RO Cluster Conference</source>
        <translation>ex. Conferința de clustere BG-RO</translation>
    </message>
    <message>
        <source>Create event</source>
        <translation>Creare eveniment</translation>
    </message>
    <message>
        <source>OR</source>
        <translation>SAU</translation>
    </message>
    <message>
        <source>Open an existing event…</source>
        <translation>Deschidere eveniment existent…</translation>
    </message>
    <message>
        <source>Open the demo event</source>
        <translation>Deschidere eveniment demonstrativ</translation>
    </message>
    <message>
        <source>A two-day Bulgarian–Romanian cluster conference with a few hundred invented attendees, today and {day}. Nothing real is touched.</source>
        <translation>O conferință bulgaro-română de clustere, de două zile, cu câteva sute de participanți fictivi, astăzi și {day}. Datele reale rămân neatinse.</translation>
    </message>
</context>
<context>
    <name>ForceDialog</name>
    <message>
        <source>Admit anyway</source>
        <translation>Admite totuși</translation>
    </message>
    <message>
        <source>Admit {name} although: {why}</source>
        <translation>Admiteți pe {name}, deși: {why}</translation>
    </message>
    <message>
        <source>Reason, e.g. registered for day 2, came on day 1</source>
        <translation>Motiv, de ex. înscriere pentru ziua 2, sosire în ziua 1</translation>
    </message>
    <message>
        <source>Reason for admitting anyway</source>
        <translation>Motivul admiterii totuși</translation>
    </message>
    <message>
        <source>Reason (kept in the log):</source>
        <translation>Motiv (păstrat în jurnal):</translation>
    </message>
</context>
<context>
    <name>ListEditor</name>
    <message>
        <source>Check-in list</source>
        <translation>Listă de înregistrare</translation>
    </message>
    <message>
        <source>e.g. Workshop A, B2B room, Gala dinner</source>
        <translation>de ex. Atelier A, Sala B2B, Cina festivă</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>În fiecare zi</translation>
    </message>
    <message>
        <source>Open only from</source>
        <translation>Deschisă doar de la</translation>
    </message>
    <message>
        <source>Opens at</source>
        <translation>Se deschide la</translation>
    </message>
    <message>
        <source>Closes at</source>
        <translation>Se închide la</translation>
    </message>
    <message>
        <source>everyone (or e.g. speaker, vip)</source>
        <translation>toți (sau de ex. speaker, vip)</translation>
    </message>
    <message>
        <source>Track who is inside (entries and exits)</source>
        <translation>Urmărește cine este înăuntru (intrări și ieșiri)</translation>
    </message>
    <message>
        <source>Admit at every scan (coffee, sessions)</source>
        <translation>Admite la fiecare scanare (cafea, sesiuni)</translation>
    </message>
    <message>
        <source>Entry again after an exit</source>
        <translation>Reintrare după ieșire</translation>
    </message>
    <message>
        <source>Admit registrations not paid yet</source>
        <translation>Admite înscrierile încă neplătite</translation>
    </message>
    <message>
        <source>to</source>
        <translation>până la</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nume</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Ziua</translation>
    </message>
    <message>
        <source>Hours</source>
        <translation>Ore</translation>
    </message>
    <message>
        <source>Only categories</source>
        <translation>Doar categoriile</translation>
    </message>
</context>
<context>
    <name>ListsDialog</name>
    <message>
        <source>Check-in lists</source>
        <translation>Liste de înregistrare</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Listă</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Când</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>Reguli</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Adaugă…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Modifică…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Elimină</translation>
    </message>
    <message>
        <source>New lists reach the other kiosks with the next sync. A list with scans cannot be removed: its scans are evidence.</source>
        <translation>Listele noi ajung la celelalte chioșcuri la următoarea sincronizare. O listă cu scanări nu poate fi eliminată: scanările sunt dovezi.</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>În fiecare zi</translation>
    </message>
    <message>
        <source>every scan</source>
        <translation>la fiecare scanare</translation>
    </message>
    <message>
        <source>once a day</source>
        <translation>o dată pe zi</translation>
    </message>
    <message>
        <source>once</source>
        <translation>o singură dată</translation>
    </message>
    <message>
        <source>who is inside</source>
        <translation>cine este înăuntru</translation>
    </message>
    <message>
        <source>re-entry</source>
        <translation>reintrare</translation>
    </message>
    <message>
        <source>no re-entry</source>
        <translation>fără reintrare</translation>
    </message>
    <message>
        <source>unpaid admitted</source>
        <translation>neplătiții sunt admiși</translation>
    </message>
    <message>
        <source>List not saved</source>
        <translation>Lista nu a fost salvată</translation>
    </message>
    <message>
        <source>List not removed</source>
        <translation>Lista nu a fost eliminată</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>No check-in list</source>
        <extracomment>Scans (code, how) that arrived before :meth:`start`, decided by it in order.</extracomment>
        <translation>Nicio listă de check-in</translation>
    </message>
    <message>
        <source>This event has no lists.</source>
        <translation>Acest eveniment nu are liste.</translation>
    </message>
    <message>
        <source>Kiosk not renamed</source>
        <translation>Chioșcul nu a fost redenumit</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>Importul a eșuat</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Nimic de anulat</translation>
    </message>
    <message>
        <source>No check-in to undo.</source>
        <translation>Niciun check-in de anulat.</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Nesalvat</translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation>A apărut o eroare</translation>
    </message>
    <message>
        <source>The scan was not recorded. Try again; if it repeats, restart Kiosk.</source>
        <translation>Scanarea nu a fost salvată. Încercați din nou; dacă se repetă, reporniți Kiosk.</translation>
    </message>
    <message>
        <source>Rename this kiosk</source>
        <translation>Redenumește acest chioșc</translation>
    </message>
    <message>
        <source>Name of this kiosk, as staff and the other kiosks will see it:</source>
        <translation>Numele acestui chioșc, așa cum îl vor vedea personalul și celelalte chioșcuri:</translation>
    </message>
    <message>
        <source>This kiosk is now called {name}.</source>
        <translation>Acest chioșc se numește acum {name}.</translation>
    </message>
    <message>
        <source>A kiosk needs a name, e.g. Desk 2.</source>
        <translation>Un chioșc are nevoie de un nume, de ex. Ghișeul 2.</translation>
    </message>
    <message>
        <source>A kiosk name has at most 40 characters.</source>
        <translation>Numele unui chioșc are cel mult 40 de caractere.</translation>
    </message>
    <message>
        <source>Another kiosk already has this name. Choose a name of its own.</source>
        <translation>Un alt chioșc are deja acest nume. Alegeți un nume propriu.</translation>
    </message>
    <message>
        <source>Undo the check-in of {name}?</source>
        <translation>Anulați check-in-ul pentru {name}?</translation>
    </message>
    <message>
        <source>Undo check-in</source>
        <translation>Anulează check-in-ul</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Nu s-a modificat</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>Nu s-a înregistrat</translation>
    </message>
    <message>
        <source>{who}: the check-in was undone; they can be checked in again.</source>
        <translation>{who}: check-in-ul a fost anulat; se poate face din nou check-in.</translation>
    </message>
    <message>
        <source>Check-in of {name} undone.</source>
        <translation>Check-in-ul pentru {name} a fost anulat.</translation>
    </message>
    <message>
        <source>The person can be checked in again.</source>
        <translation>Persoana poate face din nou check-in.</translation>
    </message>
    <message>
        <source>Import registrations</source>
        <translation>Importare înregistrări</translation>
    </message>
    <message>
        <source>Importing {file}…</source>
        <translation>Se importă {file}…</translation>
    </message>
    <message>
        <source>People missing from the file</source>
        <translation>Persoane care lipsesc din fișier</translation>
    </message>
    <message>
        <source>Cancel them</source>
        <translation>Anulează-le</translation>
    </message>
    <message>
        <source>Keep them</source>
        <translation>Păstrează-le</translation>
    </message>
    <message>
        <source>Rows that cannot be imported</source>
        <translation>Rânduri care nu pot fi importate</translation>
    </message>
    <message>
        <source>Import the others</source>
        <translation>Importă-le pe celelalte</translation>
    </message>
    <message>
        <source>Stop, import nothing</source>
        <translation>Oprește, nu importa nimic</translation>
    </message>
    <message>
        <source>Added: {n}</source>
        <translation>Adăugate: {n}</translation>
    </message>
    <message>
        <source>Updated: {n}</source>
        <translation>Actualizate: {n}</translation>
    </message>
    <message>
        <source>Unchanged: {n}</source>
        <translation>Neschimbate: {n}</translation>
    </message>
    <message>
        <source>Cancelled: {n}</source>
        <translation>Anulate: {n}</translation>
    </message>
    <message>
        <source>Rows skipped: {n}</source>
        <translation>Rânduri omise: {n}</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Import finalizat</translation>
    </message>
    <message>
        <source>Print a new badge?</source>
        <translation>Tipăriți un ecuson nou?</translation>
    </message>
    <message>
        <source>The badge of {name} shows the old details. Print a new one?</source>
        <translation>Ecusonul lui {name} arată datele vechi. Tipăriți unul nou?</translation>
    </message>
    <message>
        <source>A badge was printed on {day} at {time} on {kiosk}. Print another?</source>
        <translation>Un ecuson a fost deja tipărit pe {day}, la ora {time}, la {kiosk}. Tipăriți încă unul?</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>Retipărire</translation>
    </message>
    <message>
        <source>Badge already printed at {time} on {kiosk} — reprint from Details.</source>
        <translation>Ecuson deja tipărit la ora {time}, la {kiosk} — retipărire din Detalii.</translation>
    </message>
    <message>
        <source>Badge for {name} not printed: {message}</source>
        <translation>Ecusonul pentru {name} nu a fost tipărit: {message}</translation>
    </message>
    <message>
        <source>No printer</source>
        <translation>Nicio imprimantă</translation>
    </message>
    <message>
        <source>Printer ready</source>
        <translation>Imprimantă pregătită</translation>
    </message>
    <message>
        <source>Badge printed</source>
        <translation>Ecuson tipărit</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>Se tipărește…</translation>
    </message>
    <message>
        <source>Printer problem</source>
        <translation>Problemă la imprimantă</translation>
    </message>
    <message>
        <source>Badges PDF written: {path}</source>
        <translation>PDF-ul cu ecusoane a fost scris: {path}</translation>
    </message>
    <message numerus="yes">
        <source>Wrong PINs forgotten: %n. The self-service kiosk&apos;s PIN can be tried again now.</source>
        <translation>
            <numerusform>PIN-uri greșite uitate: %n. PIN-ul chioșcului de autoservire poate fi introdus din nou imediat.</numerusform>
            <numerusform>PIN-uri greșite uitate: %n. PIN-ul chioșcului de autoservire poate fi introdus din nou imediat.</numerusform>
            <numerusform>PIN-uri greșite uitate: %n. PIN-ul chioșcului de autoservire poate fi introdus din nou imediat.</numerusform>
        </translation>
    </message>
    <message>
        <source>The self-service kiosk was not waiting: no wrong PINs to forget.</source>
        <translation>Chioșcul de autoservire nu aștepta: nu există PIN-uri greșite de uitat.</translation>
    </message>
    <message>
        <source>Self-service PIN</source>
        <translation>PIN-ul chioșcului de autoservire</translation>
    </message>
    <message>
        <source>List:</source>
        <translation>Listă:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Limbă</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>Intrare</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Ieșire</translation>
    </message>
    <message>
        <source>Badges PDF for a list…</source>
        <translation>Ecusoane în PDF pentru o listă…</translation>
    </message>
    <message>
        <source>End the self-service PIN wait</source>
        <translation>Încheie așteptarea pentru PIN-ul chioșcului</translation>
    </message>
    <message>
        <source>B2B meetings…</source>
        <translation>Întâlniri B2B…</translation>
    </message>
    <message>
        <source>Check-in lists…</source>
        <translation>Liste de înregistrare…</translation>
    </message>
    <message>
        <source>Kiosk: {name}</source>
        <extracomment>Widest the kiosk&apos;s name may make its button (a copied file&apos;s kiosk is &quot;Desk 1 (LAPTOP-7)&quot;); the whole name is in the tooltip.</extracomment>
        <translation>Ghișeu: {name}</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Meniu</translation>
    </message>
    <message>
        <source>an unknown ticket</source>
        <translation>un bilet necunoscut</translation>
    </message>
    <message>
        <source>Undo the exit of {who}, recorded at {time}?</source>
        <translation>Anulați ieșirea pentru {who}, înregistrată la {time}?</translation>
    </message>
    <message>
        <source>Undo the check-in of {who}, made at {time}?</source>
        <translation>Anulați check-in-ul pentru {who}, făcut la {time}?</translation>
    </message>
    <message>
        <source>The last action here already undid the check-in of {name}. This is an earlier check-in of somebody else.</source>
        <translation>Ultima acțiune de aici a anulat deja check-in-ul pentru {name}. Acesta este un check-in anterior al altei persoane.</translation>
    </message>
    <message>
        <source>code {code}</source>
        <translation>cod {code}</translation>
    </message>
    <message>
        <source>Registrations (*.csv *.xlsx *.ods *.txt);;All files (*)</source>
        <translation>Înregistrări (*.csv *.xlsx *.ods *.txt);;Toate fișierele (*)</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cameră</translation>
    </message>
    <message>
        <source>Scan QR codes with the camera</source>
        <translation>Scanare coduri QR cu camera</translation>
    </message>
    <message>
        <source>Register a walk-in…</source>
        <translation>Înregistrare la fața locului…</translation>
    </message>
    <message>
        <source>Undo the last check-in</source>
        <translation>Anulează ultimul check-in</translation>
    </message>
    <message>
        <source>Test the scanner…</source>
        <translation>Testare scaner…</translation>
    </message>
    <message>
        <source>Import registrations…</source>
        <translation>Importare înregistrări…</translation>
    </message>
    <message>
        <source>Badges and printer…</source>
        <translation>Ecusoane și imprimantă…</translation>
    </message>
    <message>
        <source>Print queue…</source>
        <translation>Coadă de tipărire…</translation>
    </message>
    <message>
        <source>Sync with other kiosks…</source>
        <translation>Sincronizare cu celelalte chioșcuri…</translation>
    </message>
    <message>
        <source>Conflicts…</source>
        <translation>Conflicte…</translation>
    </message>
    <message>
        <source>Reports…</source>
        <translation>Rapoarte…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Închidere</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Ajutor</translation>
    </message>
    <message>
        <source>About Kiosk…</source>
        <translation>Despre Kiosk…</translation>
    </message>
    <message>
        <source>Sound off</source>
        <translation>Sunet oprit</translation>
    </message>
    <message>
        <source>Sound on</source>
        <translation>Sunet pornit</translation>
    </message>
    <message>
        <source>Event database: {path}</source>
        <translation>Baza de date a evenimentului: {path}</translation>
    </message>
</context>
<context>
    <name>MeetingTexts</name>
    <message numerus="yes">
        <source>%n B2B meetings today</source>
        <translation>
            <numerusform>%n întâlnire B2B azi</numerusform>
            <numerusform>%n întâlniri B2B azi</numerusform>
            <numerusform>%n de întâlniri B2B azi</numerusform>
        </translation>
    </message>
    <message>
        <source>now, since {time}{where}, with {partner}</source>
        <translation>acum, de la {time}{where}, cu {partner}</translation>
    </message>
    <message>
        <source>next {time}{where}, with {partner}</source>
        <translation>următoarea la {time}{where}, cu {partner}</translation>
    </message>
    <message>
        <source>first {time}{where}, with {partner}</source>
        <translation>prima la {time}{where}, cu {partner}</translation>
    </message>
    <message>
        <source>Not here yet: {people}</source>
        <translation>Încă nu au sosit: {people}</translation>
    </message>
    <message numerus="yes">
        <source>%n meetings marked held (both badges scanned here)</source>
        <translation>
            <numerusform>%n întâlnire marcată ca ținută (ambele ecusoane scanate aici)</numerusform>
            <numerusform>%n întâlniri marcate ca ținute (ambele ecusoane scanate aici)</numerusform>
            <numerusform>%n de întâlniri marcate ca ținute (ambele ecusoane scanate aici)</numerusform>
        </translation>
    </message>
    <message>
        <source>Your meetings today</source>
        <translation>Întâlnirile dvs. de azi</translation>
    </message>
</context>
<context>
    <name>MeetingsBoard</name>
    <message>
        <source>(not registered)</source>
        <translation>(neînregistrat)</translation>
    </message>
    <message>
        <source>Both here</source>
        <translation>Ambii prezenți</translation>
    </message>
    <message>
        <source>One missing</source>
        <translation>Unul lipsește</translation>
    </message>
    <message>
        <source>None here</source>
        <translation>Nimeni aici</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>În așteptare</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Anulată</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Refuzată</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Ținută</translation>
    </message>
    <message>
        <source>Possible (both here)</source>
        <translation>Posibilă (ambii prezenți)</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Neprezentare</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Planificată</translation>
    </message>
    <message>
        <source>{planned} planned · {held} held · {both} with both here · {missing} waiting for someone</source>
        <translation>{planned} planificate · {held} ținute · {both} cu ambii prezenți · {missing} așteaptă pe cineva</translation>
    </message>
    <message>
        <source>Not marked</source>
        <translation>Nemarcată</translation>
    </message>
    <message>
        <source>The meetings could not be read: {0}</source>
        <translation>Întâlnirile nu au putut fi citite: {0}</translation>
    </message>
    <message>
        <source>B2B meetings</source>
        <translation>Întâlniri B2B</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>Ziua:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Arată:</translation>
    </message>
    <message>
        <source>All meetings</source>
        <translation>Toate întâlnirile</translation>
    </message>
    <message>
        <source>Cancelled, declined, pending</source>
        <translation>Anulate, refuzate, în așteptare</translation>
    </message>
    <message>
        <source>Name, organisation or table</source>
        <translation>Nume, organizație sau masă</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Masa</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partener</translation>
    </message>
    <message>
        <source>Here</source>
        <translation>Prezență</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stare</translation>
    </message>
    <message>
        <source>Not held</source>
        <translation>Neținută</translation>
    </message>
</context>
<context>
    <name>MoreTimePrompt</name>
    <message numerus="yes">
        <source>The screen starts over in %n seconds.</source>
        <translation>
            <numerusform>Ecranul o ia de la capăt într-o secundă.</numerusform>
            <numerusform>Ecranul o ia de la capăt în %n secunde.</numerusform>
            <numerusform>Ecranul o ia de la capăt în %n de secunde.</numerusform>
        </translation>
    </message>
    <message>
        <source>Do you need more time?</source>
        <translation>Aveți nevoie de mai mult timp?</translation>
    </message>
    <message>
        <source>Yes, more time</source>
        <translation>Da, mai mult timp</translation>
    </message>
</context>
<context>
    <name>Multimedia</name>
    <message>
        <source>The camera needs {package} — see the README.</source>
        <extracomment>Shared libraries Qt Multimedia loads, and the Debian/Ubuntu package of each (README, the &quot;Qt Multimedia&quot; package line). What PySide6&apos;s QtMultimedia needs that a bare Linux system may lack, tried before Qt Multimedia is imported (importing it makes its FFmpeg backend print warnings of its own).</extracomment>
        <translation>Camera are nevoie de {package} — consultați README.</translation>
    </message>
    <message>
        <source>The camera needs Qt Multimedia&apos;s system libraries — see the README.</source>
        <translation>Camera are nevoie de bibliotecile de sistem ale Qt Multimedia — consultați README.</translation>
    </message>
    <message>
        <source>Sounds need {package} — see the README.</source>
        <translation>Sunetele au nevoie de {package} — consultați README.</translation>
    </message>
    <message>
        <source>Sounds need Qt Multimedia&apos;s system libraries — see the README.</source>
        <translation>Sunetele au nevoie de bibliotecile de sistem ale Qt Multimedia — consultați README.</translation>
    </message>
</context>
<context>
    <name>NumbersPanel</name>
    <message>
        <source>(no category given)</source>
        <translation>(fără categorie)</translation>
    </message>
    <message>
        <source>(no country given)</source>
        <translation>(țară nespecificată)</translation>
    </message>
    <message>
        <source>of {expected} expected ({share:.0f}%)</source>
        <translation>din totalul de {expected} ({share:.0f}%)</translation>
    </message>
    <message>
        <source>CHECKED IN</source>
        <translation>CHECK-IN EFECTUAT</translation>
    </message>
    <message>
        <source>ARRIVALS PER 15 MINUTES</source>
        <translation>SOSIRI LA 15 MINUTE</translation>
    </message>
    <message>
        <source>BY CATEGORY</source>
        <translation>PE CATEGORII</translation>
    </message>
    <message>
        <source>BY COUNTRY</source>
        <translation>PE ȚĂRI</translation>
    </message>
</context>
<context>
    <name>PeopleModel</name>
    <message>
        <source>Name</source>
        <translation>Nume</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organizație</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Țară</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Astăzi</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Anulată</translation>
    </message>
    <message>
        <source>In since {time} ({kiosk})</source>
        <translation>Check-in la {time} ({kiosk})</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Încă nu</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Badge printed</source>
        <translation>Ecuson tipărit</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>anulat</translation>
    </message>
    <message>
        <source>entered by hand</source>
        <translation>introducere manuală</translation>
    </message>
    <message>
        <source>Attendee details</source>
        <translation>Detalii participant</translation>
    </message>
    <message>
        <source>Scan history</source>
        <translation>Istoricul scanărilor</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Anulată</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activă</translation>
    </message>
    <message>
        <source>All days</source>
        <translation>Toate zilele</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organizație</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Țară</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Ticket code</source>
        <translation>Cod bilet</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>Înregistrare</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Zile</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notă</translation>
    </message>
    <message>
        <source>Scans</source>
        <translation>Scanări</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Când</translation>
    </message>
    <message>
        <source>List</source>
        <translation>Listă</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Rezultat</translation>
    </message>
    <message>
        <source>Kiosk</source>
        <translation>Ghișeu</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <source>Undo check-in</source>
        <translation>Anulează check-in-ul</translation>
    </message>
    <message>
        <source>Print badge</source>
        <translation>Tipărește ecusonul</translation>
    </message>
    <message>
        <source>Correct…</source>
        <translation>Corectează…</translation>
    </message>
</context>
<context>
    <name>PinDialog</name>
    <message>
        <source>Too many wrong PINs. Try again in {seconds} s.</source>
        <translation>Prea multe PIN-uri greșite. Încercați din nou peste {seconds} s.</translation>
    </message>
    <message>
        <source>Wrong PIN.</source>
        <translation>PIN greșit.</translation>
    </message>
    <message>
        <source>Use 4 to 12 digits that do not repeat one digit or run in a sequence.</source>
        <translation>Folosiți între 4 și 12 cifre care nu repetă aceeași cifră și nu formează un șir.</translation>
    </message>
    <message>
        <source>The two PINs differ. Start again.</source>
        <translation>Cele două PIN-uri diferă. Începeți din nou.</translation>
    </message>
    <message>
        <source>Staff PIN</source>
        <translation>PIN pentru personal</translation>
    </message>
    <message>
        <source>Staff only: enter the admin PIN to change this setting.</source>
        <translation>Doar pentru personal: introduceți PIN-ul de administrator pentru a modifica această setare.</translation>
    </message>
    <message>
        <source>Staff only: enter the PIN to leave the kiosk.</source>
        <translation>Doar pentru personal: introduceți PIN-ul pentru a ieși din modul chioșc.</translation>
    </message>
    <message>
        <source>Choose the staff PIN (4 to 12 digits). Staff need it to leave the kiosk.</source>
        <translation>Alegeți PIN-ul pentru personal (între 4 și 12 cifre). Personalul are nevoie de el pentru a ieși din modul chioșc.</translation>
    </message>
    <message>
        <source>Enter the same PIN again.</source>
        <translation>Introduceți din nou același PIN.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anulare</translation>
    </message>
</context>
<context>
    <name>PrintQueueDialog</name>
    <message>
        <source>Failed — retrying by itself</source>
        <translation>Eșuat — se reîncearcă automat</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>În așteptare</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Se tipărește</translation>
    </message>
    <message>
        <source>Printed</source>
        <translation>Tipărit</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Eșuat</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Anulat</translation>
    </message>
    <message>
        <source>Print queue</source>
        <translation>Coadă de tipărire</translation>
    </message>
    <message>
        <source>Badges to print</source>
        <translation>Ecusoane de tipărit</translation>
    </message>
    <message>
        <source>Badges of this kiosk, newest first. A failed badge is tried again by itself a few times; fix the printer, then Retry.</source>
        <translation>Ecusoanele acestui ghișeu, cele mai noi primele. Un ecuson eșuat este reîncercat automat de câteva ori; remediați problema imprimantei, apoi apăsați „Reîncearcă”.</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Ora</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nume</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Stare</translation>
    </message>
    <message>
        <source>Tries</source>
        <translation>Încercări</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mesaj</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Reîncearcă</translation>
    </message>
    <message>
        <source>Cancel badge</source>
        <translation>Anulează ecusonul</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Printer not reachable — check power and cable, then Retry.</source>
        <translation>Imprimanta nu răspunde — verificați alimentarea și cablul, apoi „Reîncearcă”.</translation>
    </message>
    <message>
        <source>The printer stopped answering — check paper and cover, then Retry.</source>
        <translation>Imprimanta a încetat să răspundă — verificați hârtia și capacul, apoi „Reîncearcă”.</translation>
    </message>
    <message>
        <source>The printer is out of paper — load a roll, close the cover, then Retry.</source>
        <translation>Imprimanta nu are hârtie — puneți o rolă, închideți capacul, apoi „Reîncearcă”.</translation>
    </message>
    <message>
        <source>The printer cover is open — close it, then Retry.</source>
        <translation>Capacul imprimantei este deschis — închideți-l, apoi „Reîncearcă”.</translation>
    </message>
    <message>
        <source>The printer is offline — check its lights and paper, then Retry.</source>
        <translation>Imprimanta este offline — verificați indicatoarele și hârtia, apoi „Reîncearcă”.</translation>
    </message>
    <message>
        <source>The connection to the printer was lost — check whether the badge printed, then Retry.</source>
        <translation>Conexiunea cu imprimanta s-a întrerupt — verificați dacă ecusonul s-a tipărit, apoi „Reîncearcă”.</translation>
    </message>
    <message>
        <source>The printer address is not valid — fix it in Badges and printer.</source>
        <translation>Adresa imprimantei nu este validă — corectați-o în „Ecusoane și imprimantă”.</translation>
    </message>
    <message>
        <source>Printer not found — check it is on and plugged in, then Retry.</source>
        <translation>Imprimanta nu a fost găsită — verificați că este pornită și conectată, apoi „Reîncearcă”.</translation>
    </message>
    <message>
        <source>Not allowed to use the printer — ask the technician (details: hover).</source>
        <translation>Nu există permisiune pentru imprimantă — chemați tehnicianul (detalii: țineți mouse-ul deasupra).</translation>
    </message>
    <message>
        <source>This badge does not fit this printer — choose a matching badge template.</source>
        <translation>Ecusonul nu se potrivește cu imprimanta — alegeți un șablon potrivit.</translation>
    </message>
    <message>
        <source>The badge was not printed — Retry; if it repeats, see the details.</source>
        <translation>Ecusonul nu s-a tipărit — „Reîncearcă”; dacă se repetă, vedeți detaliile.</translation>
    </message>
</context>
<context>
    <name>Reasons</name>
    <message>
        <source>Participant</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Vorbitor</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Organizator</translation>
    </message>
    <message>
        <source>Press</source>
        <translation>Presă</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Echipă</translation>
    </message>
    <message>
        <source>Sponsor</source>
        <translation>Sponsor</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Invitat</translation>
    </message>
    <message>
        <source>VIP</source>
        <translation>VIP</translation>
    </message>
    <message>
        <source>Exhibitor</source>
        <translation>Expozant</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partener</translation>
    </message>
    <message>
        <source>B2B meetings</source>
        <translation>Întâlniri B2B</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Voluntar</translation>
    </message>
    <message>
        <source>Student</source>
        <translation>Student</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>List: {name}</source>
        <translation>Listă: {name}</translation>
    </message>
    <message>
        <source>Day: {day}</source>
        <translation>Ziua: {day}</translation>
    </message>
    <message>
        <source>Whole event</source>
        <translation>Întregul eveniment</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Se numără…</translation>
    </message>
    <message numerus="yes">
        <source>{scope}: %n register row(s)</source>
        <translation>
            <numerusform>{scope}: %n rând în registru</numerusform>
            <numerusform>{scope}: %n rânduri în registru</numerusform>
            <numerusform>{scope}: %n de rânduri în registru</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n person(s) attended.</source>
        <translation>
            <numerusform>, a participat %n persoană.</numerusform>
            <numerusform>, au participat %n persoane.</numerusform>
            <numerusform>, au participat %n de persoane.</numerusform>
        </translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fișiere CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Registre Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imagini PNG (*.png)</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fișiere PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Salvarea raportului</translation>
    </message>
    <message>
        <source>Writing {file}…</source>
        <translation>Se scrie {file}…</translation>
    </message>
    <message>
        <source>Wrote {file} — SHA-256 {digest} (also in {file}.sha256)</source>
        <translation>S-a scris {file} — SHA-256 {digest} (și în {file}.sha256)</translation>
    </message>
    <message>
        <source>Could not finish: {message}</source>
        <translation>Nu s-a putut termina: {message}</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Rapoarte</translation>
    </message>
    <message>
        <source>Report table</source>
        <translation>Tabelul raportului</translation>
    </message>
    <message>
        <source>Section of the report</source>
        <translation>Secțiunea raportului</translation>
    </message>
    <message>
        <source>Report of:</source>
        <translation>Raport pentru:</translation>
    </message>
    <message>
        <source>Count again</source>
        <translation>Numără din nou</translation>
    </message>
    <message>
        <source>Funding or project line on sign-in sheets:</source>
        <translation>Rând de finanțare sau proiect pe listele de semnături:</translation>
    </message>
    <message>
        <source>e.g. programme, project code, co-funded by…</source>
        <translation>de ex. program, cod de proiect, cofinanțat de…</translation>
    </message>
    <message>
        <source>Register as CSV…</source>
        <translation>Registru ca CSV…</translation>
    </message>
    <message>
        <source>Excel workbook…</source>
        <translation>Registru Excel…</translation>
    </message>
    <message>
        <source>PDF report…</source>
        <translation>Raport PDF…</translation>
    </message>
    <message>
        <source>Arrivals chart…</source>
        <translation>Graficul sosirilor…</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>Listă de semnături</translation>
    </message>
    <message>
        <source>Everyone registered (to sign at the desk)…</source>
        <translation>Toți cei înscriși (pentru semnat la recepție)…</translation>
    </message>
    <message>
        <source>Those who attended…</source>
        <translation>Cei care au participat…</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <source>Exit mode</source>
        <translation>Mod ieșire</translation>
    </message>
    <message>
        <source>Scan the tickets of people who are leaving.</source>
        <translation>Scanați biletele persoanelor care pleacă.</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Gata</translation>
    </message>
    <message>
        <source>Scan a ticket, or type a name in the search field below.</source>
        <translation>Scanați un bilet sau tastați un nume în câmpul de căutare de mai jos.</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Atenție</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Notă</translation>
    </message>
    <message>
        <source>Admit anyway…</source>
        <translation>Admite totuși…</translation>
    </message>
</context>
<context>
    <name>ResultScreen</name>
    <message>
        <source>Done</source>
        <translation>Gata</translation>
    </message>
</context>
<context>
    <name>ScanScreen</name>
    <message>
        <source>Scan your QR code</source>
        <translation>Scanați codul QR</translation>
    </message>
    <message>
        <source>Hold the code from your e-mail or phone under the scanner, or in the frame.</source>
        <translation>Țineți codul din e-mail sau de pe telefon sub scaner sau în cadru.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Înapoi</translation>
    </message>
</context>
<context>
    <name>ScannerTestDialog</name>
    <message>
        <source>Test scanner</source>
        <translation>Testare scaner</translation>
    </message>
    <message>
        <source>Characters received</source>
        <translation>Caractere primite</translation>
    </message>
    <message>
        <source>Scan any code with the scanner</source>
        <translation>Scanați orice cod cu scanerul</translation>
    </message>
    <message>
        <source>Scan a badge, a ticket or any barcode. This window shows exactly what the scanner sent and how Kiosk read it. Nobody is checked in while it is open.</source>
        <translation>Scanați un ecuson, un bilet sau orice cod de bare. Această fereastră arată exact ce a trimis scanerul și cum l-a citit Kiosk. Cât timp este deschisă, nu se face niciun check-in.</translation>
    </message>
    <message>
        <source>Scanner sent:</source>
        <translation>Scanerul a trimis:</translation>
    </message>
    <message>
        <source>Kiosk read:</source>
        <translation>Kiosk a citit:</translation>
    </message>
    <message>
        <source>Speed:</source>
        <translation>Viteză:</translation>
    </message>
    <message>
        <source>Recognised by:</source>
        <translation>Recunoscut după:</translation>
    </message>
    <message>
        <source>Keyboard layout:</source>
        <translation>Aranjament tastatură:</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Trimis</translation>
    </message>
    <message>
        <source>Code point</source>
        <translation>Punct de cod</translation>
    </message>
    <message>
        <source>Read as</source>
        <translation>Citit ca</translation>
    </message>
    <message>
        <source>English (US)</source>
        <translation>Engleză (SUA)</translation>
    </message>
    <message>
        <source>Bulgarian</source>
        <translation>Bulgară</translation>
    </message>
    <message>
        <source>Bulgarian (traditional phonetic)</source>
        <translation>Bulgară (fonetică tradițională)</translation>
    </message>
    <message>
        <source>Bulgarian (new phonetic)</source>
        <translation>Bulgară (fonetică nouă)</translation>
    </message>
    <message>
        <source>Romanian (programmers)</source>
        <translation>Română (programatori)</translation>
    </message>
    <message>
        <source>Romanian (standard)</source>
        <translation>Română (standard)</translation>
    </message>
    <message>
        <source>Romanian (legacy)</source>
        <translation>Română (moștenit)</translation>
    </message>
    <message>
        <source>not US (not one Kiosk knows by name)</source>
        <translation>nu este US (Kiosk nu îl cunoaște după nume)</translation>
    </message>
    <message numerus="yes">
        <source>%n key(s) in {duration} ms, longest gap {gap} ms</source>
        <translation>
            <numerusform>%n tastă în {duration} ms, pauza maximă {gap} ms</numerusform>
            <numerusform>%n taste în {duration} ms, pauza maximă {gap} ms</numerusform>
            <numerusform>%n de taste în {duration} ms, pauza maximă {gap} ms</numerusform>
        </translation>
    </message>
    <message>
        <source>fast enough to be recognised by its speed</source>
        <translation>suficient de rapid pentru a fi recunoscut după viteză</translation>
    </message>
    <message>
        <source>too slow to be recognised by its speed (limit {limit} ms)</source>
        <translation>prea lent pentru a fi recunoscut după viteză (limită {limit} ms)</translation>
    </message>
    <message>
        <source>the prefix key {key}</source>
        <translation>tasta de prefix {key}</translation>
    </message>
    <message>
        <source>a complete ticket code before Enter</source>
        <translation>un cod complet de bilet înainte de Enter</translation>
    </message>
    <message>
        <source>its speed</source>
        <translation>viteza de tastare</translation>
    </message>
    <message>
        <source>keys translated by their position</source>
        <translation>taste convertite după poziție</translation>
    </message>
    <message>
        <source>keys translated with the layout&apos;s table</source>
        <translation>taste convertite cu tabelul aranjamentului</translation>
    </message>
    <message>
        <source>no translation needed</source>
        <translation>nu a fost nevoie de conversie</translation>
    </message>
    <message>
        <source>unknown: Kiosk could not translate the keys</source>
        <translation>necunoscut: Kiosk nu a putut converti tastele</translation>
    </message>
    <message>
        <source>Waiting for a scan…</source>
        <translation>Se așteaptă o scanare…</translation>
    </message>
    <message>
        <source>Your keyboard layout is {layout}; Kiosk translated the keys and read the code correctly. For best results set the scanner to send the prefix key {key}, or switch this computer&apos;s keyboard to English (US) while scanning.</source>
        <translation>Aranjamentul tastaturii este {layout}; Kiosk a convertit tastele și a citit corect codul. Pentru rezultate optime, setați scanerul să trimită tasta de prefix {key} sau comutați tastatura acestui calculator pe engleză (SUA) în timpul scanării.</translation>
    </message>
    <message>
        <source>The scanner sent characters that Kiosk cannot translate. Set the scanner&apos;s keyboard language to US (see its manual), or switch this computer&apos;s keyboard to English (US), and scan again.</source>
        <translation>Scanerul a trimis caractere pe care Kiosk nu le poate converti. Setați limba tastaturii scanerului pe US (vedeți manualul acestuia) sau comutați tastatura acestui calculator pe engleză (SUA) și scanați din nou.</translation>
    </message>
    <message>
        <source>The scanner types too slowly to be recognised by its speed; Kiosk recognised the complete ticket code when Enter came. Set the scanner to send the prefix key {key}, so that codes imported from other platforms are caught as well.</source>
        <translation>Scanerul tastează prea încet pentru a fi recunoscut după viteză; Kiosk a recunoscut codul complet al biletului la apăsarea tastei Enter. Setați scanerul să trimită tasta de prefix {key}, ca să fie recunoscute și codurile importate din alte platforme.</translation>
    </message>
    <message>
        <source>The scanner works, thanks to the prefix key {key}. It types too slowly to be recognised by its speed alone, so keep the prefix key switched on.</source>
        <translation>Scanerul funcționează datorită tastei de prefix {key}. Tastează prea lent pentru a fi recunoscut doar după viteză, așa că lăsați tasta de prefix activată.</translation>
    </message>
    <message>
        <source>The scanner works: it sends the prefix key {key} and the code arrives exactly as printed.</source>
        <translation>Scanerul funcționează: trimite tasta de prefix {key}, iar codul ajunge exact cum este tipărit.</translation>
    </message>
    <message>
        <source>The scanner works: Kiosk recognises it by its speed and the code arrives exactly as printed. Setting the scanner to send the prefix key {key} makes it even more reliable.</source>
        <translation>Scanerul funcționează: Kiosk îl recunoaște după viteză, iar codul ajunge exact cum este tipărit. Dacă setați scanerul să trimită tasta de prefix {key}, va funcționa și mai fiabil.</translation>
    </message>
</context>
<context>
    <name>SelfServiceWindow</name>
    <message>
        <source>Kiosk problem: {problem}</source>
        <extracomment>Seconds without input before the kiosk asks &quot;Do you need more time?&quot; (then, without an answer, forgets the person and shows the welcome screen). Staff can set another value. On the result screen, a shorter wait: the person has what they came for. Taps in the corner, within this many seconds, that call for the staff PIN. What a tap in the corner arrives as: a press, or a double-click for the second quick one.</extracomment>
        <translation>Problemă la chioșc: {problem}</translation>
    </message>
    <message>
        <source>Kiosk working</source>
        <translation>Chioșcul funcționează</translation>
    </message>
    <message>
        <source>Text size {percent} %</source>
        <translation>Dimensiunea textului {percent} %</translation>
    </message>
</context>
<context>
    <name>SimilarPeopleDialog</name>
    <message>
        <source>Registered people with a similar name</source>
        <translation>Persoane înscrise cu un nume asemănător</translation>
    </message>
    <message>
        <source>code {code}</source>
        <translation>cod {code}</translation>
    </message>
    <message>
        <source>checked in at {time}</source>
        <translation>check-in la {time}</translation>
    </message>
    <message>
        <source>Already registered?</source>
        <translation>Are deja o înregistrare?</translation>
    </message>
    <message numerus="yes">
        <source>%n registered people have a name like “{name}”. Is the walk-in one of them?</source>
        <translation>
            <numerusform>%n persoană înregistrată are un nume ca „{name}”. Este aceeași persoană?</numerusform>
            <numerusform>%n persoane înregistrate au un nume ca „{name}”. Este persoana una dintre ele?</numerusform>
            <numerusform>%n de persoane înregistrate au un nume ca „{name}”. Este persoana una dintre ele?</numerusform>
        </translation>
    </message>
    <message>
        <source>This is the same person — check in</source>
        <translation>Este aceeași persoană — check-in</translation>
    </message>
    <message>
        <source>A different person — register new</source>
        <translation>Altă persoană — înregistrare nouă</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Anulare</translation>
    </message>
</context>
<context>
    <name>StatusIcon</name>
    <message>
        <source>Ready</source>
        <translation>Pregătit</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Reușit</translation>
    </message>
    <message>
        <source>Attention</source>
        <translation>Atenție</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Refuzat</translation>
    </message>
    <message>
        <source>Exit</source>
        <translation>Ieșire</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Write the bundle to (a USB stick or a shared folder)</source>
        <translation>Scrie pachetul în (stick USB sau dosar partajat)</translation>
    </message>
    <message>
        <source>Import bundles from other kiosks</source>
        <translation>Importă pachete de la alte chioșcuri</translation>
    </message>
    <message>
        <source>Kiosk bundles (*.kbundle)</source>
        <translation>Pachete Kiosk (*.kbundle)</translation>
    </message>
    <message>
        <source>Import every bundle in a folder</source>
        <translation>Importă toate pachetele dintr-un dosar</translation>
    </message>
    <message>
        <source>Enter the hub&apos;s address first.</source>
        <translation>Introduceți mai întâi adresa centrului.</translation>
    </message>
    <message>
        <source>This is not a hub address. Write it as postgresql://USER@HOST/DATABASE, e.g. postgresql://kiosk@10.0.0.5/event.</source>
        <translation>Aceasta nu este o adresă de centru. Scrieți-o sub forma postgresql://UTILIZATOR@GAZDĂ/BAZĂ_DE_DATE, de exemplu postgresql://kiosk@10.0.0.5/event.</translation>
    </message>
    <message>
        <source>Trying the hub… (at most {seconds} s)</source>
        <translation>Se încearcă conectarea la centru… (cel mult {seconds} s)</translation>
    </message>
    <message>
        <source>Not saved: the admin PIN is needed to change it.</source>
        <translation>Nu s-a salvat: pentru modificare este nevoie de PIN-ul de administrator.</translation>
    </message>
    <message>
        <source>Reachable: the hub at {where} answered.</source>
        <translation>Accesibil: centrul de la {where} a răspuns.</translation>
    </message>
    <message>
        <source>Wrong password or user name: the server at {where} refused them.</source>
        <translation>Parolă sau nume de utilizator greșit: serverul de la {where} le-a refuzat.</translation>
    </message>
    <message>
        <source>The server at {where} asks for a password, and none is set up on this computer.</source>
        <translation>Serverul de la {where} cere o parolă, iar pe acest calculator nu este configurată niciuna.</translation>
    </message>
    <message>
        <source>A server answered at {where}, but it has no such database: check the name after the last /.</source>
        <translation>La {where} a răspuns un server, dar baza de date nu există: verificați numele de după ultimul /.</translation>
    </message>
    <message>
        <source>No server at this address ({where}): check the host name or IP address and the port, and that PostgreSQL runs there.</source>
        <translation>Niciun server la această adresă ({where}): verificați numele gazdei sau adresa IP și portul, precum și dacă PostgreSQL rulează acolo.</translation>
    </message>
    <message>
        <source>Timed out: nothing answered from {where} within {seconds} s (a firewall, another network, the machine asleep?).</source>
        <translation>Timpul a expirat: de la {where} nu a răspuns nimic în {seconds} s (un firewall, altă rețea, calculatorul în repaus?).</translation>
    </message>
    <message>
        <source>Could not connect to {where}: {detail}</source>
        <translation>Conectarea la {where} nu a reușit: {detail}</translation>
    </message>
    <message>
        <source>Saved: this kiosk syncs with {address}.</source>
        <translation>Salvat: acest chioșc se sincronizează cu {address}.</translation>
    </message>
    <message>
        <source>The password was not saved: put it in ~/.pgpass or PGPASSWORD (see below).</source>
        <translation>Parola nu a fost salvată: treceți-o în ~/.pgpass sau în PGPASSWORD (vedeți mai jos).</translation>
    </message>
    <message>
        <source>Written: {file}</source>
        <translation>Scris: {file}</translation>
    </message>
    <message numerus="yes">
        <source>%n scans</source>
        <translation>
            <numerusform>%n scanare</numerusform>
            <numerusform>%n scanări</numerusform>
            <numerusform>%n de scanări</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n attendees</source>
        <translation>
            <numerusform>%n participant</numerusform>
            <numerusform>%n participanți</numerusform>
            <numerusform>%n de participanți</numerusform>
        </translation>
    </message>
    <message>
        <source>The file is complete: the stick can be removed.</source>
        <translation>Fișierul este complet: stick-ul poate fi scos.</translation>
    </message>
    <message>
        <source>{file} (from {kiosk}):</source>
        <translation>{file} (de la {kiosk}):</translation>
    </message>
    <message numerus="yes">
        <source>{kiosk}: %n new</source>
        <translation>
            <numerusform>{kiosk}: %n nouă</numerusform>
            <numerusform>{kiosk}: %n noi</numerusform>
            <numerusform>{kiosk}: %n noi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n already here</source>
        <translation>
            <numerusform>%n era deja aici</numerusform>
            <numerusform>%n erau deja aici</numerusform>
            <numerusform>%n erau deja aici</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n scans of this kiosk still missing</source>
        <translation>
            <numerusform>lipsește încă %n scanare de la acest chioșc</numerusform>
            <numerusform>lipsesc încă %n scanări de la acest chioșc</numerusform>
            <numerusform>lipsesc încă %n de scanări de la acest chioșc</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Attendees: %n new</source>
        <translation>
            <numerusform>Participanți: %n nou</numerusform>
            <numerusform>Participanți: %n noi</numerusform>
            <numerusform>Participanți: %n noi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n changed</source>
        <translation>
            <numerusform>%n modificat</numerusform>
            <numerusform>%n modificați</numerusform>
            <numerusform>%n modificați</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n records not merged (see the command line report)</source>
        <translation>
            <numerusform>%n înregistrare nu a fost unită (vedeți raportul din linia de comandă)</numerusform>
            <numerusform>%n înregistrări nu au fost unite (vedeți raportul din linia de comandă)</numerusform>
            <numerusform>%n de înregistrări nu au fost unite (vedeți raportul din linia de comandă)</numerusform>
        </translation>
    </message>
    <message>
        <source>Refused, nothing merged: {message}</source>
        <translation>Refuzat, nimic nu a fost unit: {message}</translation>
    </message>
    <message>
        <source>No bundle files (*.kbundle) were found there.</source>
        <translation>Nu s-au găsit acolo fișiere de pachet (*.kbundle).</translation>
    </message>
    <message>
        <source>Synced with the hub.</source>
        <translation>Sincronizat cu centrul.</translation>
    </message>
    <message numerus="yes">
        <source>Sent: %n new scans</source>
        <translation>
            <numerusform>Trimis: %n scanare nouă</numerusform>
            <numerusform>Trimise: %n scanări noi</numerusform>
            <numerusform>Trimise: %n de scanări noi</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Received: %n scans from other kiosks</source>
        <translation>
            <numerusform>Primit: %n scanare de la alte chioșcuri</numerusform>
            <numerusform>Primite: %n scanări de la alte chioșcuri</numerusform>
            <numerusform>Primite: %n de scanări de la alte chioșcuri</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Attendees received: %n new</source>
        <translation>
            <numerusform>Participanți primiți: %n nou</numerusform>
            <numerusform>Participanți primiți: %n noi</numerusform>
            <numerusform>Participanți primiți: %n noi</numerusform>
        </translation>
    </message>
    <message>
        <source>No hub is configured. Enter its address above, test it and save it (or run: kiosk sync hub --dsn postgresql://…).</source>
        <translation>Niciun centru configurat. Introduceți adresa lui mai sus, testați conexiunea și salvați-o (sau rulați: kiosk sync hub --dsn postgresql://…).</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Ce s-a întâmplat</translation>
    </message>
    <message>
        <source>Hub (PostgreSQL server shared by the kiosks)</source>
        <translation>Centru (server PostgreSQL comun al chioșcurilor)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Adresă:</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Testează conexiunea</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Salvează</translation>
    </message>
    <message>
        <source>This address comes from the KIOSK_HUB_DSN environment variable Kiosk was started with, which takes precedence over a saved address. To use another hub, change or remove KIOSK_HUB_DSN and start Kiosk again.</source>
        <translation>Această adresă vine din variabila de mediu KIOSK_HUB_DSN cu care a fost pornit Kiosk și are prioritate față de adresa salvată. Pentru alt centru, schimbați sau ștergeți KIOSK_HUB_DSN și reporniți Kiosk.</translation>
    </message>
    <message>
        <source>The password is not saved with the address (the event file is copied between laptops). Put it in ~/.pgpass on this computer (on Windows: %APPDATA%\postgresql\pgpass.conf), one line HOST:PORT:DATABASE:USER:PASSWORD, or in the PGPASSWORD environment variable.</source>
        <translation>Parola nu se salvează împreună cu adresa (fișierul evenimentului se copiază de pe un laptop pe altul). Treceți-o în ~/.pgpass pe acest calculator (în Windows: %APPDATA%\postgresql\pgpass.conf), pe un rând GAZDĂ:PORT:BAZĂ_DE_DATE:UTILIZATOR:PAROLĂ, sau în variabila de mediu PGPASSWORD.</translation>
    </message>
    <message>
        <source>Sync with other kiosks</source>
        <translation>Sincronizare cu celelalte chioșcuri</translation>
    </message>
    <message>
        <source>Without a network, carry bundles on a USB stick: export here, import on the other kiosks, and import theirs here. Importing a bundle twice changes nothing. With a hub, kiosks sync by themselves every half minute.</source>
        <translation>Fără rețea, duceți pachetele pe un stick USB: exportați aici, importați pe celelalte chioșcuri și importați-le pe ale lor aici. Importul repetat al unui pachet nu schimbă nimic. Cu un centru, chioșcurile se sincronizează singure la fiecare jumătate de minut.</translation>
    </message>
    <message>
        <source>Export bundle…</source>
        <translation>Exportă pachet…</translation>
    </message>
    <message>
        <source>Import bundles…</source>
        <translation>Importă pachete…</translation>
    </message>
    <message>
        <source>Import a folder…</source>
        <translation>Importă un dosar…</translation>
    </message>
    <message>
        <source>Sync with the hub now</source>
        <translation>Sincronizează cu centrul acum</translation>
    </message>
</context>
<context>
    <name>SyncStateButton</name>
    <message>
        <source>Synced {time}</source>
        <translation>Sincronizat {time}</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Încă nesincronizat</translation>
    </message>
    <message numerus="yes">
        <source>%n waiting</source>
        <translation>
            <numerusform>%n în așteptare</numerusform>
            <numerusform>%n în așteptare</numerusform>
            <numerusform>%n în așteptare</numerusform>
        </translation>
    </message>
    <message>
        <source>Hub unreachable</source>
        <translation>Centrul nu răspunde</translation>
    </message>
    <message>
        <source>Hub: {hub}</source>
        <translation>Centru: {hub}</translation>
    </message>
</context>
<context>
    <name>TouchKeyboard</name>
    <message>
        <source>Space</source>
        <extracomment>Smallest key side, in millimetres (touch-target guidance for public touchscreens). Assumed when the screen does not say (Qt&apos;s own default logical DPI). In a window too narrow for 15 mm keys side by side, keys narrow to fit, down to this share of 15 mm (their height stays 15 mm). That window is what a portrait 1080 x 1920 screen gives at the operating system&apos;s 150 % scale factor: 720 px of 1.5 screen pixels each, where a key of 0.65 x 57 px is still about 15 mm wide on the glass. Bulgarian *phonetic* layout (the traditional one, also what BDS 5237:2006 calls phonetic), not the BDS typewriter layout. Each Cyrillic letter sits on the key of the Latin letter that sounds like it (В on W, Р on R, Т on T, Д on D ...), so a Romanian or English attendee who has never seen a Bulgarian keyboard still finds the letters, and most Bulgarians type on it every day. The four letters with no Latin partner (Ш Щ Ч Ю) end the first two rows, where the phonetic layout keeps them next to the letters ([ ] and the key beside Enter). Romanian: QWERTY with the diacritics where the Romanian standard layout (SR 13392) has them. Ș and Ț are the comma-below letters (U+0218, U+021A), never the cedilla look-alikes. Each layout named in its own language (never translated: people look for their own). The widest row of any layout, so the keyboard keeps its size when the layout changes.</extracomment>
        <translation>Spațiu</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Șterge tot</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Șterge înapoi</translation>
    </message>
    <message>
        <source>Hyphen</source>
        <translation>Cratimă</translation>
    </message>
    <message>
        <source>Apostrophe</source>
        <translation>Apostrof</translation>
    </message>
</context>
<context>
    <name>WalkInDialog</name>
    <message>
        <source>Enter the person&apos;s first or last name.</source>
        <translation>Introduceți prenumele sau numele persoanei.</translation>
    </message>
    <message>
        <source>The e-mail address does not look right (name@example.org).</source>
        <translation>Adresa de e-mail pare greșită (name@example.org).</translation>
    </message>
    <message>
        <source>Register a walk-in</source>
        <translation>Înregistrare la fața locului</translation>
    </message>
    <message>
        <source>The person is added to the event and checked in on the current list.</source>
        <translation>Persoana este adăugată la eveniment, iar check-in-ul se face pe lista curentă.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Prenume</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nume</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organizație</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Țară</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <source>Register and check in</source>
        <translation>Înregistrare și check-in</translation>
    </message>
</context>
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome! Check in here</source>
        <translation>Bun venit! Faceți check-in aici</translation>
    </message>
    <message>
        <source>Scan your QR code</source>
        <translation>Scanați codul QR</translation>
    </message>
    <message>
        <source>Find me by name</source>
        <translation>Găsiți-mă după nume</translation>
    </message>
</context>
</TS>
